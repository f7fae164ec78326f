import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { ReportSchema } from '../../src/core/report';
import { SAMPLES_DIR } from '../helpers/samples';
import { paneStrings } from '../../src/i18n/pane';

async function run(args: string[], env: Record<string, string | undefined> = {}) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => { out += t; }, err: (t) => { err += t; }, env });
  return { code, out, err };
}

let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-cli-')); });
afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }); });

async function workbook(name: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(sheet);
    for (const r of rows) ws.addRow(r);
  }
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('customer-ledger CLI', () => {
  it('prints help', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/customer-ledger analyze FILE\.xlsx/);
  });

  it('analyzes a workbook with a title row and picks the customer sheet among others', async () => {
    const file = await workbook('two.xlsx', {
      Notes: [['Meeting notes'], ['Call suppliers on Monday']],
      客户: [
        ['2026 客户台账'],
        ['姓名', '手机', '邮箱', '累计消费', '最近购买日期'],
        ['王伟', '138 0013 8000', 'wang@qq.con', '¥1,200', '2026-11-01'],
        ['王 伟', '+86 138-0013-8000', 'WANG@QQ.COM', 300, '2025/3/1'],
        ['李静', '12345', 'li@@163.com', null, null],
        ['合计', null, null, 1500, null],
      ],
    });
    const r = await run(['analyze', file, '--json', '--as-of', '2026-11-22']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = ReportSchema.parse(JSON.parse(r.out));
    expect(report.sheet).toBe('客户');
    expect(report.headerRow).toBe(2);
    expect(report.rows.map((x) => x.row)).toEqual([3, 4, 5]);
    expect(report.totalsRows).toEqual([6]);
    expect(report.rows[0]!.phone).toEqual({ status: 'valid', e164: '+8613800138000', reason: null });
    expect(report.rows[0]!.email).toMatchObject({ status: 'suspect', suggestion: 'wang@qq.com' });
    expect(report.rows[2]!.phone?.status).toBe('invalid');
    expect(report.rows[2]!.email?.status).toBe('invalid');
    expect(report.duplicateGroups).toEqual([
      expect.objectContaining({ rows: [3, 4], reasons: expect.arrayContaining(['same mobile']) }),
    ]);
    expect(report.rows[0]!.statusTier).toBe('active');
    expect(report.rows[2]!.statusTier).toBe('unknown');
  });

  it('prints a readable summary in Chinese or English', async () => {
    const file = await workbook('small.xlsx', {
      Sheet1: [['Name', 'Phone', 'Email'], ['Ann Lee', '+852 9601 6451', 'ann@gmial.com'], ['Bob', 'n/a', 'bob@x.org']],
    });
    const en = await run(['analyze', file, '--lang', 'en-US']);
    expect(en.code).toBe(0);
    expect(en.out).toMatch(/did you mean ann@gmail\.com\?/);
    expect(en.out).toMatch(/2 customers/);
    const zh = await run(['analyze', file], { LANG: 'zh_CN.UTF-8' });
    expect(zh.out).toMatch(/是否应为 ann@gmail\.com？/);
    // When to move to a CRM, as the pane says it: not yet for two customers.
    expect(en.out).toContain(`When to move to a CRM\n  ${paneStrings('en-US').crmNotYet}\n  ${paneStrings('en-US').crmHowCli}\n`);
    expect(zh.out).toContain(`何时换用 CRM\n  ${paneStrings('zh-CN').crmNotYet}`);
  });

  it('says which lines a shared ledger crossed: three owners', async () => {
    const owners = ['王经理', '李经理', '赵经理'];
    const file = await workbook('owners.xlsx', {
      客户: [['客户名称', '手机', '负责人'], ...Array.from({ length: 9 }, (_, i) => [`客户${i + 1}`, `1380013${String(8000 + i)}`, owners[i % 3]!])],
    });
    const zh = await run(['analyze', file, '--lang', 'zh-CN']);
    expect(zh.out).toContain(`  ${paneStrings('zh-CN').crmSignal.owners(3)}\n`);
    expect(zh.out).not.toContain(paneStrings('zh-CN').crmNotYet);
  });

  it('exits 2 with one line for a file that is not a workbook', async () => {
    const file = path.join(dir, 'notes.xlsx');
    fs.writeFileSync(file, 'just text');
    const r = await run(['analyze', file]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/not an \.xlsx workbook/);
    expect(r.out).toBe('');
  });

  it('exits 2 for a missing file, a workbook without a customer sheet, and a bad option', async () => {
    expect((await run(['analyze', path.join(dir, 'nope.xlsx')])).err).toMatch(/File not found/);
    const noCustomers = await workbook('report.xlsx', { Q1: [['Quarter', 'Revenue'], ['Q1', 100]] });
    const r = await run(['analyze', noCustomers]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/No sheet .* looks like a customer list/);
    const bad = await run(['analyze', noCustomers, '--as-of', 'yesterday']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--as-of/);
    const unknown = await run(['analyze', noCustomers, '--frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 when the named sheet is missing or has no header', async () => {
    const file = await workbook('named.xlsx', { 客户: [['姓名', '手机'], ['王伟', '13800138000']], 空白: [['hello']] });
    expect((await run(['analyze', file, '--sheet', '不存在'])).err).toMatch(/No sheet named "不存在"/);
    const r = await run(['analyze', file, '--sheet', '空白']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/No header row/);
  });

  it('exits 2 for an empty sheet', async () => {
    const file = await workbook('empty.xlsx', { Sheet1: [] });
    const r = await run(['analyze', file, '--sheet', 'Sheet1']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/empty/);
  });

  it('runs through the installed bin on a sample', () => {
    const bin = path.resolve(__dirname, '../../bin/customer-ledger.js');
    const r = spawnSync(process.execPath, [bin, 'analyze', path.join(SAMPLES_DIR, 'customers-en.xlsx'), '--json', '--as-of', '2026-11-22'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(ReportSchema.parse(JSON.parse(r.stdout)).dataRows).toBe(174);
  });
});
