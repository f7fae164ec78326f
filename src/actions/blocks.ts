/** Small helpers that turn per-row results into the port's block writes. */
import { columnLetter } from '../core/columns';
import type { CellInput, WriteOp } from '../workbook/port';
import { withTurns } from './context';

interface ColumnBlocksInput {
  sheet: string;
  headerIndex: number;
  lastRowIndex: number;
  columns: readonly { col: number; header: string; numberFormat?: string }[];
  /**
   * 1-based sheet row → cells in the order of `columns`, or null for a row that is not data. A new
   * array each call: the block may keep it as the row it writes.
   */
  cellsOf: (sheetRow: number) => CellInput[] | null;
}

/** Rows between two steps of columnBlocksInSlices: formulas and notes for 100,000 rows take a few hundred ms. */
const ROWS_PER_BLOCK_STEP = 2048;

/**
 * One writeBlock for a set of output columns, from the header row down to the last data row: header
 * texts on top, each data row's cells from `cellsOf`, blank for rows that are not data (totals, blanks).
 * Adjacent columns become one block, so a re-run writes the same cells and nothing else. Built in steps
 * of rows, with `turn` (the action's slicer, hostTurns) between them.
 */
export async function columnBlocksInSlices(p: ColumnBlocksInput, turn: () => Promise<void>): Promise<WriteOp[]> {
  return withTurns(columnBlockSteps(p), turn);
}

function* columnBlockSteps(p: ColumnBlocksInput): Generator<void, WriteOp[], void> {
  const sorted = [...p.columns.keys()].sort((a, b) => p.columns[a]!.col - p.columns[b]!.col);
  const runs: number[][] = [];
  for (const i of sorted) {
    const last = runs[runs.length - 1];
    if (last && p.columns[last[last.length - 1]!]!.col + 1 === p.columns[i]!.col) last.push(i); else runs.push([i]);
  }
  const ops: WriteOp[] = [];
  for (const run of runs) {
    const values: CellInput[][] = [run.map((i) => p.columns[i]!.header)];
    for (let from = p.headerIndex + 1; from <= p.lastRowIndex; from += ROWS_PER_BLOCK_STEP) {
      addRows(p, run, values, from, Math.min(p.lastRowIndex, from + ROWS_PER_BLOCK_STEP - 1));
      yield;
    }
    ops.push({
      op: 'writeBlock' as const, sheet: p.sheet, row: p.headerIndex, col: p.columns[run[0]!]!.col, values,
      numberFormats: run.map((i) => p.columns[i]!.numberFormat),
    });
  }
  return ops;
}

/** Rows from..to (0-based, inclusive) of one run of columns (outside the generator, so it is optimized on its own). */
function addRows(p: ColumnBlocksInput, run: readonly number[], values: CellInput[][], from: number, to: number): void {
  // One run of all the columns in their order (the usual case): each row's own cells are the block's
  // row, not copied: a second array per row is what the collector's pauses at a million rows are made of.
  const whole = run.length === p.columns.length && run.every((c, k) => c === k);
  for (let r = from; r <= to; r++) {
    const cells = p.cellsOf(r + 1);
    if (whole && cells && cells.length === run.length) {
      for (let k = 0; k < cells.length; k++) if (cells[k] === undefined) cells[k] = null;
      values.push(cells);
    } else {
      values.push(run.map((i) => (cells ? cells[i] ?? null : null)));
    }
  }
}

/** A1 address of one column's data cells (below the header row, down to the last data row). */
export function dataAddress(col: number, headerIndex: number, lastRowIndex: number): string {
  const letter = columnLetter(col);
  return `${letter}${headerIndex + 2}:${letter}${Math.max(headerIndex + 2, lastRowIndex + 1)}`;
}

/** Contiguous runs of sheet rows, for sparse writes into one column. */
export function contiguousRuns(rows: readonly number[]): number[][] {
  const sorted = [...rows].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1]! + 1 === r) last.push(r); else runs.push([r]);
  }
  return runs;
}
