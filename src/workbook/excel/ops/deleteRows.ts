/// <reference types="office-js" />
/** deleteRows: whole rows, bottom run first so the row numbers above stay right. */
import { MAX_ROWS } from '../../../core/grid/rect';
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

/** Runs of consecutive 1-based row numbers, bottom run first: [9, 3, 4, 5] → [[9, 9], [3, 5]]. */
export function rowRunsBottomUp(rows: readonly number[]): [number, number][] {
  const sorted = [...new Set(rows)].filter((r) => Number.isInteger(r) && r >= 1 && r <= MAX_ROWS).sort((x, y) => x - y);
  const runs: [number, number][] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else runs.push([r, r]);
  }
  return runs.reverse();
}
