/// <reference types="office-js" />
/**
 * addTable, named in the same request as it is made: Excel checks a structured reference when a
 * formula is entered, so a plan writes the table's formulas after this op. Skipped when a table already
 * overlaps the range (a re-run), as the preflight saw it.
 */
import { WorkbookError } from '../../port';
import { parseRange } from '../../../core/grid/a1';
import type { Op } from '../planShape';
import { simpleUnit } from '../writeQueue';
import { sheetIn, type OpContext } from './context';

export async function addTable(ctx: OpContext, i: number, op: Op<'addTable'>, label: string): Promise<void> {
  if (!parseRange(op.address)) throw new WorkbookError('host', `addTable: "${op.address}" is not a range address.`);
  if (ctx.flow.original[i] && ctx.pre.tableThere.get(i)) return;
  await ctx.writes.push(simpleUnit(label, (c) => {
    const table = sheetIn(c, op.sheet).tables.add(op.address, true);
    table.name = op.name;
    if (op.style) table.style = op.style;
  }, 0, 3));
}
