/// <reference types="office-js" />
/** format, columnWidths, freeze and pageLayout: one call each (neighbouring columns of one width share a call). */
import type { Op } from '../planShape';
import { simpleUnit } from '../writeQueue';
import { sheetIn, type OpContext } from './context';

const ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;

/**
 * Column width: the port speaks Excel's "characters" (widths of the digit 0 in the default font, as in
 * the column-width dialog); Range.format.columnWidth is in points. With the default Calibri 11 a digit is
 * 7 px and Excel adds 5 px of padding, and a point is 4/3 px at 96 dpi:
 *   points = (characters × 7 + 5) × 0.75      (8.43 characters → 48 pt, Excel's default column).
 */
export function charactersToPoints(characters: number): number {
  const chars = Math.min(255, Math.max(0, characters));
  if (chars === 0) return 0;
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

export function format(ctx: OpContext, op: Op<'format'>, label: string): Promise<void> {
  return ctx.writes.push(simpleUnit(label, (c) => {
    const range = sheetIn(c, op.sheet).getRange(op.address);
    if (op.bold !== undefined) range.format.font.bold = op.bold;
    if (op.fontColor !== undefined) range.format.font.color = op.fontColor;
    if (op.fill !== undefined) range.format.fill.color = op.fill;
    if (op.wrap !== undefined) range.format.wrapText = op.wrap;
    if (op.align !== undefined) range.format.horizontalAlignment = ALIGN[op.align];
    if (op.locked !== undefined) range.format.protection.locked = op.locked;
  }, 0, 6));
}

export function columnWidths(ctx: OpContext, op: Op<'columnWidths'>, label: string): Promise<void> {
  return ctx.writes.push(simpleUnit(label, (c) => {
    const ws = sheetIn(c, op.sheet);
    const sorted = [...op.widths].sort((a, b) => a.col - b.col);
    for (let k = 0; k < sorted.length; ) {
      const first = sorted[k] as { col: number; width: number };
      let n = 1;
      while (k + n < sorted.length && sorted[k + n]?.col === first.col + n && sorted[k + n]?.width === first.width) n++;
      ws.getRangeByIndexes(0, first.col, 1, n).format.columnWidth = charactersToPoints(first.width);
      k += n;
    }
  }, 0, op.widths.length));
}

export function freeze(ctx: OpContext, op: Op<'freeze'>, label: string): Promise<void> {
  return ctx.writes.push(simpleUnit(label, (c) => {
    const ws = sheetIn(c, op.sheet);
    const rows = Math.max(0, op.rows);
    const cols = Math.max(0, op.columns ?? 0);
    if (rows > 0 && cols > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, rows, cols));
    else if (rows > 0) ws.freezePanes.freezeRows(rows);
    else if (cols > 0) ws.freezePanes.freezeColumns(cols);
    else ws.freezePanes.unfreeze();
  }));
}

/**
 * Worksheet.pageLayout (ExcelApi 1.9, below the add-in's minimum of 1.10, so never checked here). The
 * zoom is set as one object, as Office.js requires. One page wide with 0 pages tall is what Excel's own
 * action recorder writes for "Fit All Columns on One Page" (as fitToHeight="0" in the file); fitToWidth
 * false goes back to 100 %.
 */
export function pageLayout(ctx: OpContext, op: Op<'pageLayout'>, label: string): Promise<void> {
  return ctx.writes.push(simpleUnit(label, (c) => {
    const layout = sheetIn(c, op.sheet).pageLayout;
    if (op.orientation !== undefined) layout.orientation = op.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    if (op.printTitleRows !== undefined) layout.setPrintTitleRows(op.printTitleRows);
    if (op.fitToWidth !== undefined) layout.zoom = op.fitToWidth ? { horizontalFitToPages: 1, verticalFitToPages: 0 } : { scale: 100 };
  }, 0, 3));
}
