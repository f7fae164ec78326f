/** Rectangles of cells on the 0-based grid, corners inclusive. */

/** Excel's grid: 1,048,576 rows × 16,384 columns (A…XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface Rect {
  r0: number;
  c0: number;
  /** Inclusive. */
  r1: number;
  /** Inclusive. */
  c1: number;
}

export function rectRows(rect: Rect): number {
  return rect.r1 - rect.r0 + 1;
}

export function rectCols(rect: Rect): number {
  return rect.c1 - rect.c0 + 1;
}

export function rectCells(rect: Rect): number {
  return rectRows(rect) * rectCols(rect);
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.r0 === b.r0 && a.c0 === b.c0 && a.r1 === b.r1 && a.c1 === b.c1;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const r0 = Math.max(a.r0, b.r0);
  const r1 = Math.min(a.r1, b.r1);
  const c0 = Math.max(a.c0, b.c0);
  const c1 = Math.min(a.c1, b.c1);
  return r0 <= r1 && c0 <= c1 ? { r0, r1, c0, c1 } : null;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return inner.r0 >= outer.r0 && inner.r1 <= outer.r1 && inner.c0 >= outer.c0 && inner.c1 <= outer.c1;
}

/** `a` minus `b`, as up to four disjoint rectangles (bands above and below, then the sides). */
export function subtractRect(a: Rect, b: Rect): Rect[] {
  const x = intersect(a, b);
  if (!x) return [a];
  const out: Rect[] = [];
  if (a.r0 < x.r0) out.push({ r0: a.r0, r1: x.r0 - 1, c0: a.c0, c1: a.c1 });
  if (x.r1 < a.r1) out.push({ r0: x.r1 + 1, r1: a.r1, c0: a.c0, c1: a.c1 });
  if (a.c0 < x.c0) out.push({ r0: x.r0, r1: x.r1, c0: a.c0, c1: x.c0 - 1 });
  if (x.c1 < a.c1) out.push({ r0: x.r0, r1: x.r1, c0: x.c1 + 1, c1: a.c1 });
  return out;
}

/** On the grid and not inside out. */
export function inBounds(rect: Rect): boolean {
  return rect.r0 >= 0 && rect.c0 >= 0 && rect.r1 < MAX_ROWS && rect.c1 < MAX_COLUMNS && rect.r0 <= rect.r1 && rect.c0 <= rect.c1;
}
