/** A1 address helpers for the Office.js adapter (0-based rows and columns, Excel's 1,048,576 × 16,384 grid). */
import { columnIndex, columnLetter as columnLetters } from '../../core/columns';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface Rect {
  /** 0-based, inclusive. */
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** 0 → A, 25 → Z, 26 → AA; and back (the engine's own conversion). */
export { columnLetters, columnIndex };

/** "B2:D9" for a block of `rows` × `cols` cells whose top-left is (row, col). */
export function blockAddress(row: number, col: number, rows: number, cols: number): string {
  const a = `${columnLetters(col)}${row + 1}`;
  if (rows === 1 && cols === 1) return a;
  return `${a}:${columnLetters(col + cols - 1)}${row + rows}`;
}

/** Drops a sheet prefix ("'My sheet'!A1:B2" → "A1:B2"). */
export function stripSheet(address: string): string {
  const bang = address.lastIndexOf('!');
  return bang >= 0 ? address.slice(bang + 1) : address;
}

const PART = /^\$?([A-Za-z]{1,3})?\$?(\d{1,7})?$/;

/** Parses "A1", "A1:C9", "A:C", "2:5" (with or without a sheet prefix and $ signs); null if not one rectangle. */
export function parseRect(address: string): Rect | null {
  const pieces = stripSheet(address.trim()).split(':');
  if (pieces.length < 1 || pieces.length > 2) return null;
  const parts = pieces.map((p) => PART.exec(p));
  const a = parts[0];
  const b = parts[1] ?? a;
  if (!a || !b) return null;
  const [, ca, ra] = a;
  const [, cb, rb] = b;
  if ((ca === undefined && ra === undefined) || (cb === undefined && rb === undefined)) return null;
  const col = (x: string | undefined, whole: number): number => (x === undefined ? whole : columnIndex(x));
  const row = (x: string | undefined, whole: number): number => (x === undefined ? whole : Number(x) - 1);
  if ((ca === undefined) !== (cb === undefined) || (ra === undefined) !== (rb === undefined)) return null;
  const r = { r0: row(ra, 0), r1: row(rb, MAX_ROWS - 1), c0: col(ca, 0), c1: col(cb, MAX_COLUMNS - 1) };
  const rect = { r0: Math.min(r.r0, r.r1), r1: Math.max(r.r0, r.r1), c0: Math.min(r.c0, r.c1), c1: Math.max(r.c0, r.c1) };
  if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLUMNS) return null;
  return rect;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
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
