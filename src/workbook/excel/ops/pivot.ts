/// <reference types="office-js" />
/**
 * PivotTables (ExcelApi 1.8), replacing one of the same name. Fields are found by the names Excel gives
 * them (a repeated header is numbered: 备注2), which the plan carries. summarizeBy is read back: it has
 * been seen to fall back to Count, and is then set once more.
 */
import { sheetKey, type Op } from '../planShape';
import { simpleUnit } from '../writeQueue';
import { sheetIn, type OpContext } from './context';

/** Most data fields in one PivotTable: more than three has crashed Excel. */
export const MAX_PIVOT_DATA_FIELDS = 3;

const SUMMARIZE = { sum: 'Sum', count: 'Count' } as const;

interface PivotCheck {
  name: string;
  hierarchies: { dh: Excel.DataPivotHierarchy; want: Excel.AggregationFunction }[];
}

/** The data fields of the plan's pivots, to read their summarizeBy back after the writes. */
export class PivotChecks {
  private readonly checks: PivotCheck[] = [];

  set(check: PivotCheck): void {
    // A re-sent unit replaces its earlier check.
    const at = this.checks.findIndex((c) => c.name === check.name);
    if (at >= 0) this.checks.splice(at, 1, check);
    else this.checks.push(check);
  }

  /** One more sync only when a data field did not keep its summarizeBy. */
  async recheck(ctx: OpContext): Promise<void> {
    const wrong = this.checks.flatMap((c) => c.hierarchies.filter((h) => h.dh.summarizeBy !== h.want));
    if (wrong.length === 0) return;
    await ctx.writes.push(simpleUnit('pivot summarizeBy', () => {
      for (const h of wrong) {
        h.dh.summarizeBy = h.want;
        h.dh.load('summarizeBy');
      }
    }, 0, 2 * wrong.length));
    await ctx.writes.flush();
  }
}

/** Whether the workbook's pivot `name` is still there at op i (not gone with a sheet the plan deleted before). */
function existsAt(ctx: OpContext, i: number, name: string): boolean {
  const pivot = ctx.pre.pivots.find((p) => p.name.toLowerCase() === name.toLowerCase());
  if (!pivot) return false;
  return !ctx.ops.some((o, j) => j < i && o.op === 'deleteSheet' && !ctx.flow.skip.has(j) && sheetKey(o.name) === sheetKey(pivot.sheet));
}

export function pivot(ctx: OpContext, i: number, op: Op<'pivot'>, checks: PivotChecks, label: string): Promise<void> {
  const replace = existsAt(ctx, i, op.name);
  return ctx.writes.push(simpleUnit(label, (c) => {
    if (replace) c.workbook.pivotTables.getItem(op.name).delete();
    const dest = sheetIn(c, op.sheet);
    const made = dest.pivotTables.add(op.name, sheetIn(c, op.source.sheet).getRange(op.source.address), dest.getRange(op.destination));
    for (const f of op.rows) made.rowHierarchies.add(made.hierarchies.getItem(f));
    for (const f of op.columns) made.columnHierarchies.add(made.hierarchies.getItem(f));
    const check: PivotCheck = { name: op.name, hierarchies: [] };
    for (const v of op.values) {
      const dh = made.dataHierarchies.add(made.hierarchies.getItem(v.field));
      const want = SUMMARIZE[v.summarizeBy] as Excel.AggregationFunction;
      dh.summarizeBy = want;
      dh.load('summarizeBy');
      check.hierarchies.push({ dh, want });
    }
    checks.set(check);
  }, 0, 4 + (replace ? 1 : 0) + 3 * (op.rows.length + op.columns.length + op.values.length)));
}
