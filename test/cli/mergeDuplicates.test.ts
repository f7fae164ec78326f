/** `customer-ledger apply --merge-duplicates` on a real .xlsx: merged kept row, archive, backup, a formula left alone. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { run } from './cliHarness';
import { cellText } from '../../src/core/text';
import { worksheetValues } from '../helpers/exceljsRead';


let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-merge-')); });
afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }); });

it('folds each group into its kept row, archives the rest as it was, keeps a formula, backs up first', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Customers');
  ws.addRows([
    ['Name', 'Mobile', 'Email', 'Total spend', 'Orders', 'Notes'],
    ['Ann Lee', '+1 415 555 0100', 'ann@example.com', 100, 2, 'prefers email'],
    ['Bob Stone', '+1 415 555 0111', 'bob@example.com', 40, 1, null],
    ['Ann Lee', '(415) 555-0100', null, 60, 1, 'called 3 May'],
  ]);
  ws.getCell('E2').value = { formula: '1+1', result: 2 };
  const input = path.join(dir, 'in.xlsx');
  await wb.xlsx.writeFile(input);
  const out = path.join(dir, 'out.xlsx');
  const r = await run(['apply', input, '--out', out, '--only', 'duplicates', '--merge-duplicates', '--region', 'US']);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/merged 2 cells into the kept rows \(1 formula left as it was\)/);

  const after = new ExcelJS.Workbook();
  await after.xlsx.readFile(out);
  const names = after.worksheets.map((w) => w.name);
  const sheet = after.getWorksheet('Customers')!;
  const rows = worksheetValues(sheet).map((row) => row.map((v) => cellText(v)));
  expect(rows.slice(1).map((row) => row[0])).toEqual(['Ann Lee', 'Bob Stone']);
  expect(rows[1]!.slice(0, 6)).toEqual(['Ann Lee', '+1 415 555 0100', 'ann@example.com', '160', '2', 'prefers email; called 3 May']);
  expect(sheet.getCell('E2').formula).toBe('1+1');
  const archive = after.worksheets.find((w) => worksheetValues(w).some((row) => cellText(row[1]) === '(415) 555-0100' && w.name !== 'Customers'))!;
  expect(archive).toBeDefined();
  expect(names.some((n) => /backup/i.test(n))).toBe(true);
});
