/** --region auto (the default) picks the region from the ledger; --area-code completes local numbers. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { ReportSchema } from '../../src/core/report';
import { expectRefusal, run, tempDir } from './cliHarness';

let dir: string;
let usFile: string;
let cnFile: string;

async function book(name: string, rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Customers');
  for (const r of rows) ws.addRow(r);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

beforeAll(async () => {
  dir = tempDir('ledger-region-');
  usFile = await book('us.xlsx', [
    ['Name', 'Phone', 'Email'],
    ['Ann Lee', '(415) 555-0123', 'ann@acme.com'],
    ['Bob Stone', '(212) 555-0187', 'bob@stone.com'],
    ['Cy Park', '555-0199', 'cy@park.com'],
  ]);
  cnFile = await book('cn.xlsx', [
    ['姓名', '手机', '邮箱'],
    ['王伟', '13800138000', 'wang@qq.com'],
    ['李静', '139 0013 9000', 'li@163.com'],
  ]);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const json = (out: string) => ReportSchema.parse(JSON.parse(out));

describe('--region', () => {
  it('is auto by default: a US ledger is read as US', async () => {
    const r = await run(['analyze', usFile, '--json']);
    expect(r.err).toBe('');
    const report = json(r.out);
    expect({ region: report.region, source: report.regionSource }).toEqual({ region: 'US', source: 'auto' });
    expect(report.rows[0]!.phone).toMatchObject({ status: 'valid', e164: '+14155550123' });
    expect(report.rows[2]!.phone).toMatchObject({ status: 'incomplete', e164: null });
  });

  it('auto can be asked for by name, and a Chinese ledger stays CN for an English user', async () => {
    expect(json((await run(['analyze', usFile, '--json', '--region', 'auto'])).out).region).toBe('US');
    expect(json((await run(['analyze', cnFile, '--json', '--region', 'AUTO'])).out).region).toBe('CN');
  });

  it('an explicit region is used as given', async () => {
    const report = json((await run(['analyze', usFile, '--json', '--region', 'CN'])).out);
    expect({ region: report.region, source: report.regionSource }).toEqual({ region: 'CN', source: 'setting' });
  });

  it('the readable report says which region was used and that it was detected', async () => {
    const r = await run(['analyze', usFile]);
    expect(r.out).toMatch(/United States \(detected\)/);
    // Chosen, not detected: named in the user's language, without "detected".
    const zh = await run(['analyze', usFile, '--lang', 'zh-CN', '--region', 'us']);
    expect(zh.out).toMatch(/按 美国 解析/);
  });
});

describe('--area-code', () => {
  it('completes a 7-digit local number', async () => {
    const report = json((await run(['analyze', usFile, '--json', '--area-code', '415'])).out);
    expect(report.rows[2]!.phone).toMatchObject({ status: 'valid', e164: '+14155550199' });
    expect(report.areaCode).toBe('415');
  });

  it('refuses what is no area code', async () => {
    expectRefusal(await run(['analyze', usFile, '--area-code', 'abc']), /--area-code.*"abc"/);
  });

  it('works for apply too', async () => {
    const out = path.join(dir, 'us-out.xlsx');
    const r = await run(['apply', usFile, '--out', out, '--only', 'contacts', '--area-code', '415']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Customers')!;
    const header = (ws.getRow(1).values as unknown[]).indexOf('Phone (E.164)');
    expect(header).toBeGreaterThan(0);
    expect(ws.getRow(4).getCell(header).value).toBe('+14155550199');
    expect(ws.getRow(2).getCell(header).value).toBe('+14155550123');
  });
});
