/** Column letters and used-range parsing for the grid. */
import { columnIndex as columnNumber } from '../core/a1';
export { columnLetter } from '../core/a1';

/** "A1:Q343" (or "A1") → last row and column, 0-based; null for an empty sheet. */
export function usedExtent(address: string | null): { rows: number; cols: number } | null {
  if (!address) return null;
  const last = address.split('!').pop()!.split(':').pop()!;
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(last);
  if (!m) return null;
  return { rows: Number(m[2]), cols: columnNumber(m[1]!) + 1 };
}
