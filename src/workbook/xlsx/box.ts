/**
 * Boxes of cells numbered from 1, as the sheet XML numbers its rows (`<row r="5">`) and as the rows
 * stream past. Only the numbering is the file's own: every address is parsed and printed, and every
 * rectangle compared or cut, by the one 0-based grid (src/core/grid) the other adapters use.
 */
import { MAX_ROWS, parseRange, parseRanges, rangeAddress } from '../../core/grid/a1';
import { intersects as rectsIntersect, subtractRect, type Rect } from '../../core/grid/rect';

export { MAX_ROWS };

/** A rectangle of cells, 1-based and inclusive. */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const toBox = (r: Rect): Box => ({ top: r.r0 + 1, left: r.c0 + 1, bottom: r.r1 + 1, right: r.c1 + 1 });
export const toRect = (b: Box): Rect => ({ r0: b.top - 1, c0: b.left - 1, r1: b.bottom - 1, c1: b.right - 1 });

/** "B2:D9", "B2", "F:F" (whole columns), "2:5" (whole rows), as Excel writes them. */
export function boxAddress(b: Box): string {
  return rangeAddress(toRect(b));
}

/** "B2:D9", "$B$2", "B:B", "2:5", with or without a sheet prefix; null when it is not one range. */
export function parseBox(address: string): Box | null {
  const r = parseRange(address);
  return r ? toBox(r) : null;
}

/** A space-separated list of ranges ("A1:A9 C1:C9"), as sqref and conditional-format refs are. */
export function parseBoxes(sqref: string): Box[] {
  return parseRanges(sqref).map(toBox);
}

export function intersects(a: Box, b: Box): boolean {
  return rectsIntersect(toRect(a), toRect(b));
}

export function sameBox(a: Box, b: Box): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

/** `outer` minus `hole`, as up to four boxes. */
export function subtractBox(outer: Box, hole: Box): Box[] {
  return subtractRect(toRect(outer), toRect(hole)).map(toBox);
}
