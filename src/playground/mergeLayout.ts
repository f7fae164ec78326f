/**
 * Merged areas as the grid draws them, as Excel shows them: one cell spanning the area, holding the
 * top-left cell's content, and the cells it covers not drawn at all. Only the rows in view are
 * rendered, so an area that starts above the window is drawn from the window's first row.
 */
import type { Rect } from '../core/grid/rect';

/** Where an area is drawn in the window: its spans and the cell whose content it shows. */
export interface MergedCell { rowSpan: number; colSpan: number; area: Rect }

export interface MergeLayout {
  /** Keyed `${row}:${col}` (0-based) at the cell that draws the area. */
  drawn: Map<string, MergedCell>;
  /** Keys of the cells a drawn area covers (not rendered). */
  covered: Set<string>;
}

export const cellKey = (row: number, col: number): string => `${row}:${col}`;

/** The layout of `areas` over rows first..last and columns 0..colCount−1. */
export function mergeLayout(areas: readonly Rect[], first: number, last: number, colCount: number): MergeLayout {
  const drawn = new Map<string, MergedCell>();
  const covered = new Set<string>();
  for (const area of areas) {
    const top = Math.max(area.r0, first);
    const bottom = Math.min(area.r1, last);
    const right = Math.min(area.c1, colCount - 1);
    if (top > bottom || area.c0 > right) continue;
    drawn.set(cellKey(top, area.c0), { rowSpan: bottom - top + 1, colSpan: right - area.c0 + 1, area });
    for (let r = top; r <= bottom; r++) {
      for (let c = area.c0; c <= right; c++) if (r !== top || c !== area.c0) covered.add(cellKey(r, c));
    }
  }
  return { drawn, covered };
}

/** The merged area holding a cell, if any. */
export function areaAt(areas: readonly Rect[], row: number, col: number): Rect | undefined {
  return areas.find((a) => row >= a.r0 && row <= a.r1 && col >= a.c0 && col <= a.c1);
}
