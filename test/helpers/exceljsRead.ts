/**
 * Reading .xlsx files with exceljs, a reader we did not write: tests check what the add-in wrote through
 * it, so a file our own reader accepts but another would not is caught.
 */
import * as fs from 'node:fs';
import ExcelJS from 'exceljs';
import { XlsxWorkbookPort } from '../../src/workbook/xlsx/xlsxPort';

/**
 * Cell values as exceljs gives them (Date, number, string, rich text, formula objects), row 0 = sheet
 * row 1, every row as wide as the widest, empty cells null.
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

export interface ExceljsSheet {
  name: string;
  values: unknown[][];
  hidden: boolean;
}

/** A file (path or bytes) read by exceljs: the workbook and every sheet's values. */
export async function readWithExceljs(file: string | Uint8Array): Promise<{ workbook: ExcelJS.Workbook; sheets: ExceljsSheet[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((typeof file === 'string' ? fs.readFileSync(file) : file) as unknown as ExcelJS.Buffer);
  const sheets = workbook.worksheets.map((ws) => ({ name: ws.name, values: worksheetValues(ws), hidden: ws.state !== 'visible' }));
  return { workbook, sheets };
}

/**
 * The product's .xlsx port over a workbook built with exceljs (saved, then opened as the CLI opens a
 * file), and `reload` to read what the port holds now back through exceljs.
 */
export async function openXlsx(wb: ExcelJS.Workbook): Promise<{ port: XlsxWorkbookPort; reload: () => Promise<ExcelJS.Workbook> }> {
  const port = XlsxWorkbookPort.open(new Uint8Array(await wb.xlsx.writeBuffer()));
  return { port, reload: async () => (await readWithExceljs(port.toBytes())).workbook };
}
