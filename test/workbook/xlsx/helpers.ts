/** Temporary files and a small ledger for the .xlsx tests. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';

let dir: string | null = null;
export function tempPath(name: string): string {
  dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-xlsx-'));
  return path.join(dir, name);
}

export function cleanTemp(): void {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
}

export function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** A small ledger: header, three rows, a formula column. */
export function ledger(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  ws.addRow(['姓名', '电话', '金额', '双倍']);
  ws.addRow(['张三', '13800138000', 100, { formula: 'C2*2', result: 200 }]);
  ws.addRow(['李四', '13900139000', 50, { formula: 'C3*2', result: 100 }]);
  ws.addRow(['王五', '13700137000', 10, { formula: 'C4*2', result: 20 }]);
  return wb;
}
