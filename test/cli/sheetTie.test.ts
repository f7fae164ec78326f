/**
 * Two sheets that look equally like the customer list: every command that finds the sheet itself says
 * which one it used and how to choose the other — analyze and today on stderr (stdout stays the report,
 * the list or JSON), apply and import among their lines, since they write.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { run, tempDir } from './cliHarness';

let dir: string;
let file: string;
const NOTE = /note: "一店" and "二店" all look like customer lists; used "一店" .*--sheet NAME/;

beforeAll(async () => {
  dir = tempDir('ledger-tie-');
  const wb = new ExcelJS.Workbook();
  for (const name of ['一店', '二店']) {
    wb.addWorksheet(name).addRows([
      ['客户名称', '手机', '累计消费', '下次跟进日期'],
      ['张伟', '13800138000', 500, new Date(Date.UTC(2026, 10, 18))],
      ['李娜', '13900139000', 300, null],
    ]);
  }
  file = path.join(dir, 'ledger.xlsx');
  await wb.xlsx.writeFile(file);
  fs.writeFileSync(path.join(dir, 'fair.csv'), '姓名,电话\n王芳,13700137000\n');
});
afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }); });

it('analyze and today say it on stderr; --sheet chooses, and then nothing is said', async () => {
  const analyze = await run(['analyze', file, '--as-of', '2026-11-22']);
  expect(analyze.err).toMatch(NOTE);
  const today = await run(['today', file, '--as-of', '2026-11-22', '--json']);
  expect(today.code).toBe(0);
  expect(today.err).toMatch(NOTE);
  expect(() => JSON.parse(today.out) as unknown).not.toThrow();
  const chosen = await run(['today', file, '--as-of', '2026-11-22', '--sheet', '二店']);
  expect(chosen.err).toBe('');
});

it('apply and import say it among their lines', async () => {
  const apply = await run(['apply', file, '--out', path.join(dir, 'applied.xlsx'), '--only', 'tiers', '--as-of', '2026-11-22']);
  expect(apply.code).toBe(0);
  expect(apply.out).toMatch(NOTE);
  const imported = await run(['import', file, path.join(dir, 'fair.csv'), '--out', path.join(dir, 'imported.xlsx')]);
  expect(imported.code).toBe(0);
  expect(imported.out.split('\n')[0]).toMatch(NOTE);
});
