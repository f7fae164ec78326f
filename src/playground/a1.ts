/** Column letters, used-range and area parsing for the grid. */
import { columnIndex as columnNumber, columnLetter } from '../core/a1';
export { columnLetter };

/** "A1:Q343" (or "A1") → last row and column, 0-based; null for an empty sheet. */
export function usedExtent(address: string | null): { rows: number; cols: number } | null {
  if (!address) return null;
  const last = address.split('!').pop()!.split(':').pop()!;
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(last);
  if (!m) return null;
  return { rows: Number(m[2]), cols: columnNumber(m[1]!) + 1 };
}

/** A rectangle of cells, 0-based and inclusive. */
export interface Area { r0: number; c0: number; r1: number; c1: number }

/** "B2:D3" (or "B2") → its rectangle, 0-based; null when it is not a cell or range address. */
export function parseArea(address: string): Area | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(address.split('!').pop()!.trim());
  if (!m) return null;
  const c0 = columnNumber(m[1]!);
  const r0 = Number(m[2]) - 1;
  const c1 = m[3] ? columnNumber(m[3]) : c0;
  const r1 = m[4] ? Number(m[4]) - 1 : r0;
  return { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) };
}

/** "A1" for one cell, "A1:H1" for an area. */
export function areaAddress(a: Area): string {
  const tl = `${columnLetter(a.c0)}${a.r0 + 1}`;
  return a.r0 === a.r1 && a.c0 === a.c1 ? tl : `${tl}:${columnLetter(a.c1)}${a.r1 + 1}`;
}
