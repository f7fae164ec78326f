/**
 * Read an .xlsx file into plain sheet values with exceljs (Node only: the CLI and tests).
 */
import * as fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { SheetValues } from '../../core/workbookPick';

export class NotAWorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotAWorkbookError';
  }
}

/**
 * Cell values as exceljs gives them (Date, number, string, rich text, formula objects), row 0 = sheet row 1.
 * Rectangular: every row is as wide as the widest, empty cells are null (a row's own cellCount stops at
 * its last cell, so rows would otherwise differ in length as soon as a column is added to some of them).
 */
export function worksheetValues(ws: ExcelJS.Worksheet): unknown[][] {
  let width = 0;
  for (let r = 1; r <= ws.rowCount; r++) width = Math.max(width, ws.findRow(r)?.cellCount ?? 0);
  const out: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    const values: unknown[] = new Array<unknown>(width).fill(null);
    if (row) for (let c = 1; c <= row.cellCount; c++) values[c - 1] = row.getCell(c).value ?? null;
    out.push(values);
  }
  return out;
}

export async function readWorkbookFile(path: string): Promise<{ workbook: ExcelJS.Workbook; sheets: SheetValues[] }> {
  // exceljs words a missing file as a parse error: check first so the message says what is wrong.
  const stat = fs.statSync(path, { throwIfNoEntry: false });
  if (!stat) throw new NotAWorkbookError(`File not found: ${path}`);
  if (stat.isDirectory()) throw new NotAWorkbookError(`${path} is a folder, not a workbook.`);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (err) {
    throw new NotAWorkbookError(`${path} is not an .xlsx workbook (${(err as Error).message.split('\n')[0]}).`);
  }
  const sheets = workbook.worksheets.map((ws) => ({ name: ws.name, values: worksheetValues(ws), hidden: ws.state !== 'visible' }));
  return { workbook, sheets };
}
