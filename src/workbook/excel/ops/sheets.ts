/// <reference types="office-js" />
/** addSheet, deleteSheet and copySheet (Worksheet.copy, ExcelApi 1.7). */
import type { SheetVisibility } from '../../port';
import { sheetKey, type Op } from '../planShape';
import { simpleUnit } from '../writeQueue';
import { sheetIn, type OpContext } from './context';

const SHEET_VISIBILITY = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' } as const satisfies Record<SheetVisibility, string>;

export function addSheet(ctx: OpContext, op: Op<'addSheet'>, label: string): Promise<void> {
  return ctx.writes.push(simpleUnit(label, (c) => {
    const ws = c.workbook.worksheets.add(op.name);
    if (op.visibility && op.visibility !== 'visible') ws.visibility = SHEET_VISIBILITY[op.visibility];
    if (op.activate) ws.activate();
  }));
}

export function deleteSheet(ctx: OpContext, op: Op<'deleteSheet'>, label: string): Promise<void> {
  return ctx.writes.push(simpleUnit(label, (c) => sheetIn(c, op.name).delete()));
}

/**
 * The copy gets the source's visibility as the preflight saw it (a hidden sheet's backup is hidden):
 * Excel's documentation does not say what a copy of a hidden sheet is.
 */
export function copySheet(ctx: OpContext, op: Op<'copySheet'>, label: string): Promise<void> {
  const v = ctx.pre.sheets.get(sheetKey(op.from))?.visibility ?? 'visible';
  const hidden = v === 'visible' ? null : SHEET_VISIBILITY[v];
  return ctx.writes.push(simpleUnit(label, (c) => {
    const copy = sheetIn(c, op.from).copy('End');
    copy.name = op.to;
    if (hidden) copy.visibility = hidden;
  }, 0, hidden ? 3 : 2));
}
