/** What a masked export handed over: the file's parts, and its one sheet read back with exceljs. */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';

/** Path → text of every part of the package. */
export function packageParts(file: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(file)).map(([path, bytes]) => [path, strFromU8(bytes)]));
}

/** The workbook read with exceljs, its only sheet, and that sheet's values row by row (null for empty cells). */
export async function readCopy(file: Uint8Array): Promise<{ wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet; values: unknown[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file) as never);
  expect(wb.worksheets).toHaveLength(1);
  const ws = wb.worksheets[0]!;
  const values: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    values[r - 1] = Array.from({ length: ws.columnCount }, (_, c) => row.getCell(c + 1).value ?? null);
  });
  return { wb, ws, values };
}

/** A column of the copy by its header, data rows only. */
export function column(values: unknown[][], header: string): unknown[] {
  const c = (values[0] as unknown[]).indexOf(header);
  if (c < 0) throw new Error(`no column ${header} in the copy: ${JSON.stringify(values[0])}`);
  return values.slice(1).map((r) => r[c] ?? null);
}
