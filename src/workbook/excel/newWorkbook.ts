/// <reference types="office-js" />
/**
 * A file handed to the user as a workbook of its own: Excel.createWorkbook (ExcelApi 1.8, below the
 * add-in's 1.10 minimum) opens it as a new, unsaved workbook; the workbook the add-in runs in is not
 * touched. Also the one read a shared copy needs that values do not give: which columns are hidden.
 */
import { WorkbookError } from '../port';
import { bytesToBase64 } from '../newFile/base64';
import { toWorkbookError } from './errors';
import { requireMinimumExcel, type ExcelHost } from './host';
import type { Session } from './session';

export async function openNewWorkbook(host: ExcelHost, file: Uint8Array): Promise<void> {
  // Below the minimum the add-in refuses as it does everywhere; a host object without the function
  // (a stripped-down host, never a real Excel ≥ 1.10) still gets the precise refusal.
  requireMinimumExcel(host);
  const create = host.Excel.createWorkbook;
  if (typeof create !== 'function') {
    throw new WorkbookError('unsupported', 'Opening a new workbook needs Excel.createWorkbook, which this host does not have.', 'new-workbook');
  }
  try {
    await create.call(host.Excel, bytesToBase64(file));
  } catch (e) {
    throw toWorkbookError(e, 'opening a new workbook');
  }
}

/**
 * 0-based indexes of the hidden columns up to the last used one. One sync when none is hidden (the used
 * range's columnHidden is false); otherwise one more, every column's flag loaded together.
 */
export async function readHiddenColumns(s: Session, sheet: string): Promise<number[]> {
  const ws = s.context.workbook.worksheets.getItem(sheet);
  const used = ws.getUsedRangeOrNullObject(true).load('columnIndex,columnCount,columnHidden');
  await s.sync();
  if (used.isNullObject || used.columnHidden === false) return [];
  const width = used.columnIndex + used.columnCount;
  const probes: Excel.Range[] = [];
  for (let c = 0; c < width; c++) probes.push(ws.getRangeByIndexes(0, c, 1, 1).load('columnHidden'));
  await s.sync();
  return probes.flatMap((p, c) => (p.columnHidden ? [c] : []));
}
