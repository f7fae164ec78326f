/// <reference types="office-js" />
/**
 * A chart, replacing one of the same name. Its source must be plain cells: over PivotTable cells Excel
 * makes a PivotChart of the whole PivotTable (office-js #419), so plans chart a block of values.
 */
import type { Op } from '../planShape';
import { simpleUnit } from '../writeQueue';
import { sheetIn, type OpContext } from './context';

const CHART_TYPES = { column: 'ColumnClustered', bar: 'BarClustered', pie: 'Pie' } as const;

export function chart(ctx: OpContext, i: number, op: Op<'chart'>, label: string): Promise<void> {
  const existing = ctx.flow.original[i] ? (ctx.pre.charts.get(i)?.items ?? []).filter((x) => x.name === op.name) : [];
  return ctx.writes.push(simpleUnit(label, (c) => {
    for (const old of existing) old.delete();
    const ws = sheetIn(c, op.sheet);
    const made = ws.charts.add(CHART_TYPES[op.type], ws.getRange(op.source), 'Auto');
    made.name = op.name;
    made.title.text = op.title;
    made.setPosition(op.topLeft, op.bottomRight);
  }, op.title.length * 3, 5 + existing.length));
}
