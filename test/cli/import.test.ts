/** `customer-ledger import`: a GBK CSV and an .xlsx list brought into a copy of the ledger without duplicates. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { run } from './cliHarness';
import { cellText } from '../../src/core/text';
import { worksheetValues } from '../helpers/exceljsRead';


let dir: string;
let ledger: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-import-'));
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('客户').addRows([
    ['客户名称', '手机', '邮箱'],
    ['张伟', '13800138000', null],
    ['李娜', '13900139000', 'ln@163.com'],
  ]);
  ledger = path.join(dir, 'ledger.xlsx');
  await wb.xlsx.writeFile(ledger);
});
afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }); });

/** 姓名,电话,邮箱 / 张伟,138 0013 8000,zw@qq.com / 王芳,13700137000, — in GBK, as Chinese Excel saves a CSV. */
function gbkCsv(): Buffer {
  const gbk: Record<string, number[]> = { 姓: [0xd0, 0xd5], 名: [0xc3, 0xfb], 电: [0xb5, 0xe7], 话: [0xbb, 0xb0], 邮: [0xd3, 0xca], 箱: [0xcf, 0xe4], 张: [0xd5, 0xc5], 伟: [0xce, 0xb0], 王: [0xcd, 0xf5], 芳: [0xb7, 0xbc] };
  const text = '姓名,电话,邮箱\r\n张伟,138 0013 8000,zw@qq.com\r\n王芳,13700137000,\r\n';
  return Buffer.from([...text].flatMap((ch) => gbk[ch] ?? [...Buffer.from(ch)]));
}

it('brings a GBK CSV in: one new customer added, a known one\'s blank email filled, inputs unchanged', async () => {
  const from = path.join(dir, 'fair.csv');
  fs.writeFileSync(from, gbkCsv());
  const before = fs.readFileSync(ledger);
  const out = path.join(dir, 'out.xlsx');
  const r = await run(['import', ledger, from, '--out', out]);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/2 customer rows, 1 added, 1 already there \(1 blank cells filled in 1 rows\)/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const rows = worksheetValues(wb.getWorksheet('客户')!).map((row) => row.map((v) => cellText(v)));
  expect(rows.slice(1, 4).map((row) => row.slice(0, 3))).toEqual([['张伟', '13800138000', 'zw@qq.com'], ['李娜', '13900139000', 'ln@163.com'], ['王芳', '13700137000', '']]);
  expect(fs.readFileSync(ledger).equals(before)).toBe(true);
  expect(wb.worksheets.some((w) => /备份|backup/i.test(w.name))).toBe(true);
});

it('with --no-update leaves known customers as they are; refuses a missing FROM and --out over an input', async () => {
  const from = path.join(dir, 'fair2.csv');
  fs.writeFileSync(from, gbkCsv());
  const out = path.join(dir, 'out2.xlsx');
  const r = await run(['import', ledger, from, '--out', out, '--no-update']);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/1 added, 1 already there \(0 blank cells filled in 0 rows\)/);
  expect((await run(['import', ledger, path.join(dir, 'nope.csv'), '--out', path.join(dir, 'x.xlsx')])).code).toBe(2);
  expect((await run(['import', ledger, from, '--out', from, '--force'])).code).toBe(2);
  expect(fs.readFileSync(from).equals(gbkCsv())).toBe(true);
});

it('into a ledger that has the add-in\'s tier and check columns: the new row gets them too, and says so', async () => {
  const wbIn = new ExcelJS.Workbook();
  wbIn.addWorksheet('客户').addRows([
    ['客户名称', '手机', '累计消费', '最近购买日期'],
    ['张伟', '13800138000', 5000, new Date(Date.UTC(2026, 9, 1))],
    ['李娜', '13900139000', 300, new Date(Date.UTC(2026, 5, 1))],
  ]);
  const spent = path.join(dir, 'spent.xlsx');
  await wbIn.xlsx.writeFile(spent);
  const applied = path.join(dir, 'applied.xlsx');
  expect((await run(['apply', spent, '--out', applied, '--only', 'contacts,tiers', '--as-of', '2026-11-22'])).code).toBe(0);
  const from = path.join(dir, 'one.csv');
  fs.writeFileSync(from, '姓名,电话,累计消费,最近购买日期\n赵磊,13600136000,800,2026-11-01\n');
  const out = path.join(dir, 'refreshed.xlsx');
  const r = await run(['import', applied, from, '--out', out, '--lang', 'en-US']);
  expect(r.code).toBe(0);
  expect(r.out).toContain('tiers and phone and email checks columns brought up to date, the new rows included');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const rows = worksheetValues(wb.getWorksheet('客户')!).map((row) => row.map((v) => cellText(v)));
  const header = rows[0]!;
  const at = rows.findIndex((row) => row[0] === '赵磊');
  expect(rows[at]![header.indexOf('标准号码')]).toBe('+8613600136000');
  // The tier is a live formula in a file (Excel computes it on open), as on the rows that were there.
  const tier = wb.getWorksheet('客户')!.getCell(at + 1, header.indexOf('价值分层') + 1);
  expect(String(tier.formula ?? tier.value ?? '')).toMatch(/高价值|中价值|低价值/);
});
