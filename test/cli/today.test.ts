/** `customer-ledger today`: the call list from a real .xlsx, in words and as JSON; bad options refused. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { run } from './cliHarness';


let dir: string;
let file: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-today-'));
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('客户').addRows([
    ['客户名称', '手机', '累计消费', '最近购买日期', '下次跟进日期'],
    ['张伟', '13800138000', 500, new Date(Date.UTC(2026, 9, 1)), new Date(Date.UTC(2026, 10, 18))],
    ['李娜', '13900139000', 300, new Date(Date.UTC(2026, 10, 1)), new Date(Date.UTC(2026, 10, 24))],
    ['王芳', '13700137000', 100, new Date(Date.UTC(2026, 10, 5)), null],
  ]);
  file = path.join(dir, 'ledger.xlsx');
  await wb.xlsx.writeFile(file);
});
afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }); });

it('lists overdue and due follow-ups, most urgent first', async () => {
  const r = await run(['today', file, '--as-of', '2026-11-22']);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  const lines = r.out.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^\d+ customers? to call \(as of 2026-11-22\)$/);
  expect(lines[1]).toBe('  row 2  张伟  +8613800138000  follow-up overdue by 4 days');
  expect(lines[2]).toBe('  row 3  李娜  +8613900139000  follow up in 2 days');
  const zh = await run(['today', file, '--as-of', '2026-11-22', '--lang', 'zh-CN']);
  expect(zh.out).toContain('第 2 行  张伟  +8613800138000  跟进已逾期 4 天');
});

it('prints JSON with --json, and refuses a bad --quiet-days', async () => {
  const r = await run(['today', file, '--as-of', '2026-11-22', '--json']);
  const parsed = JSON.parse(r.out) as { items: { row: number; reason: string }[] };
  expect(parsed.items.slice(0, 2).map((i) => [i.row, i.reason])).toEqual([[2, 'overdue'], [3, 'dueThisWeek']]);
  const bad = await run(['today', file, '--quiet-days', 'soon']);
  expect(bad.code).toBe(2);
  expect(bad.err).toMatch(/--quiet-days must be a whole number/);
});

it('reads the workbook\'s settings sheet as the pane does: its quiet days and as-of date, unless an option says otherwise', async () => {
  const wb = new ExcelJS.Workbook();
  const rows: unknown[][] = [['Name', 'Mobile', 'Total spend', 'Last purchase', 'Orders']];
  // One high-value customer, last seen 15 days before 2026-11-22; the others recent and small.
  rows.push(['Ann Lee', '13800138000', 5000, new Date(Date.UTC(2026, 10, 7)), 4]);
  for (let i = 0; i < 9; i++) rows.push([`Customer ${i}`, `1390013${String(9000 + i)}`, 100 + i, new Date(Date.UTC(2026, 10, 20)), 2]);
  wb.addWorksheet('Clients').addRows(rows);
  const plain = path.join(dir, 'quiet.xlsx');
  await wb.xlsx.writeFile(plain);
  const withSettings = path.join(dir, 'quiet-settings.xlsx');
  expect((await run(['apply', plain, '--only', 'tiers', '--out', withSettings, '--as-of', '2026-11-22'])).code).toBe(0);
  const listed = async (args: string[]) => (await run(['today', withSettings, ...args])).out;

  expect(await listed([])).not.toMatch(/Ann Lee/); // quiet 15 days: under the default 30
  const edited = new ExcelJS.Workbook();
  await edited.xlsx.readFile(withSettings);
  const settings = edited.worksheets.find((ws) => String(ws.getCell('A1').value).startsWith('Customer Ledger settings'))!;
  settings.eachRow((row) => { if (row.getCell(1).value === 'quietDays') row.getCell(2).value = 10; });
  await edited.xlsx.writeFile(withSettings);

  const out = await listed([]);
  expect(out).toMatch(/Ann Lee/);
  expect(out).toMatch(/\(as of 2026-11-22\)/); // the as-of date the apply run stored, not today
  expect(await listed(['--quiet-days', '20'])).not.toMatch(/Ann Lee/);
  expect(await listed(['--as-of', '2026-11-10'])).not.toMatch(/Ann Lee/); // 3 days quiet then
});
