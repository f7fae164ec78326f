/**
 * Whole columns deleted (Range.delete('Left') on entire columns), as Excel does it: everything right of
 * them moves left — cells (moved by the caller), format layers, widths, hidden columns, and the ranges of
 * conditional formats and validations, which shrink or go. Formulas are not re-pointed (as for rows).
 * What the simulator does not move it refuses: a table, an AutoFilter or a merged area in the way.
 */
import { MAX_COLUMNS } from '../../core/grid/a1';
import { intersect, type Rect } from '../../core/grid/rect';
import { ModelError } from './errors';
import type { SheetModel } from './workbook';

function shrinkLeft(r: Rect, c0: number, c1: number): Rect | null {
  const n = c1 - c0 + 1;
  if (r.c1 < c0) return r;
  if (r.c0 > c1) return { ...r, c0: r.c0 - n, c1: r.c1 - n };
  const first = Math.min(r.c0, c0);
  const last = r.c1 > c1 ? r.c1 - n : c0 - 1;
  return last < first ? null : { ...r, c0: first, c1: last };
}

/** Refuses what is not simulated before anything moves. */
export function checkWholeColumnDelete(sheet: SheetModel, rect: Rect): void {
  const moving: Rect = { ...rect, c1: MAX_COLUMNS - 1 };
  if (sheet.wb.tables.some((t) => t.sheet === sheet && intersect(t.rect, moving))) {
    throw new ModelError('NotImplemented', 'Deleting columns through or left of a table is not simulated.');
  }
  if (sheet.autoFilter && intersect(sheet.autoFilter.rect, moving)) {
    throw new ModelError('NotImplemented', 'Deleting columns through or left of an AutoFilter is not simulated.');
  }
}

/** After the cells moved: the rest of the sheet's column-bound state follows. */
export function deleteWholeColumns(sheet: SheetModel, c0: number, c1: number): void {
  sheet.deleteColumnLayout(c0, c1);
  const wb = sheet.wb;
  for (const list of [wb.conditionalFormats, wb.validations] as { sheet: SheetModel; rects: Rect[] }[][]) {
    for (const item of list) if (item.sheet === sheet) item.rects = item.rects.flatMap((r) => shrinkLeft(r, c0, c1) ?? []);
    for (let i = list.length - 1; i >= 0; i--) if (list[i]!.rects.length === 0) list.splice(i, 1);
  }
}
