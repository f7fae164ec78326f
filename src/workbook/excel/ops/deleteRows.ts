/// <reference types="office-js" />
/** deleteRows: whole rows, bottom run first so the row numbers above stay right. */
import { rowRunsBottomUp } from '../a1';
import type { Op } from '../planShape';
import { simpleUnit } from '../writeQueue';
import { sheetIn, type OpContext } from './context';

export async function deleteRows(ctx: OpContext, op: Op<'deleteRows'>, label: string): Promise<void> {
  const runs = rowRunsBottomUp(op.rows);
  if (runs.length === 0) return;
  await ctx.writes.push(simpleUnit(label, (c) => {
    const ws = sheetIn(c, op.sheet);
    for (const [a, b] of runs) ws.getRange(`${a}:${b}`).delete('Up');
  }, 0, runs.length));
}
