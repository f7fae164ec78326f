/** Export masked copy, against the simulated Excel host and through the xlsx adapter / CLI. */
import { unzipText } from '../helpers/xlsxFixture';
import * as fs from 'node:fs';
import ExcelJS from 'exceljs';
import { buildMaskedCopy, checkContacts, exportMasked } from '../../src/actions';
import { seedSim, seedXlsx, smallLedger, HEADER, type Cell } from '../hostile/cells';
import { cleanTemp, cli, ctxFor, simSnapshot, simWorkbook, tempFile, xlsxSnapshot, xlsxWorkbook } from '../hostile/harness';
import { column, packageParts, readCopy } from './created';

afterAll(cleanTemp);

/** The small ledger plus a second contact column and hostile notes. */
function rows(): Cell[][] {
  const r = smallLedger().map((row) => [...row]);
  r[0]!.push('备用手机');
  r[1]!.push('13912345678');
  r[1]![7] = '=HYPERLINK("http://evil.example","x")';
  r[2]![7] = '+86 请勿外传';
  r[3]![7] = '@home';
  return r;
}

function sim() {
  const c = simWorkbook({});
  c.host.workbook.addSheet('客户信息');
  seedSim(c.host, '客户信息', rows());
  return c;
}

describe('exportMasked in the sim', () => {
  it('opens a new workbook with the data rows, phones and emails masked, every other cell as it was; the user\'s workbook is untouched', async () => {
    const { host, port } = sim();
    const before = simSnapshot(host);
    const summary = await exportMasked(ctxFor(port));
    expect(summary).toMatchObject({ sheet: '客户信息', maskedSheet: '客户信息（脱敏）', fileName: '客户信息（脱敏）.xlsx', rows: 6, columns: 9, opened: true,
      leftOut: { hidden: [], addIn: [] } });
    expect(summary.masked).toEqual({ phone: ['C', 'I'], email: ['D'], name: [] });
    expect(simSnapshot(host)).toEqual(before);
    expect(host.createdWorkbooks()).toHaveLength(1);
    const { ws, values: v } = await readCopy(host.createdWorkbooks()[0]!);
    expect(ws.name).toBe('客户信息（脱敏）');
    expect(v[0]).toEqual([...HEADER, '备用手机']);
    expect(column(v, '联系电话')).toEqual(['138****8000', '139****9000', '***45', '186****5678', '138****8000', null]);
    expect(column(v, '电子邮箱')).toEqual(['z***@qq.com', 'l***@163.con', 'w***@', 'z***@sina.com', 'z***@qq.com', null]);
    expect(column(v, '备用手机')[0]).toBe('139****5678');
    expect(column(v, '客户姓名')).toEqual(['张三', '李四', '王五', '赵六', '张三', '孙七']);
    expect(column(v, '累计消费金额')[0]).toBe(12000);
    // No digit run of the originals survives anywhere in the package.
    const all = Object.values(packageParts(host.createdWorkbooks()[0]!)).join('\n');
    for (const secret of ['13800138000', '00138000', '0013 9000', 'zhangsan', 'lisi', '13912345678', '12345678']) expect(all).not.toContain(secret);
    // Strings that look like formulas stayed text: the file has no formula at all.
    expect(all).not.toMatch(/<f[ >]/);
    expect(column(v, '备注').slice(0, 3)).toEqual(['=HYPERLINK("http://evil.example","x")', '+86 请勿外传', '@home']);
    expect(ws.getCell('H2').type).toBe(ExcelJS.ValueType.String);
  });

  it('leaves the add-in\'s registered check columns out (their E.164 numbers would undo the mask) and says so', async () => {
    const { host, port } = sim();
    await checkContacts(ctxFor(port));
    const summary = await exportMasked(ctxFor(port));
    expect(summary.leftOut.addIn).toEqual(['J', 'K', 'L', 'M']);
    const { values } = await readCopy(host.createdWorkbooks()[0]!);
    expect(values[0]).toEqual([...HEADER, '备用手机']);
    expect(JSON.stringify(values)).not.toContain('+86138');
  });

  it('leaves hidden columns out and counts them; a re-run opens another workbook and still changes nothing', async () => {
    const { host, port } = sim();
    await host.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('客户信息').getRange('B:B').columnHidden = true;
      await context.sync();
    });
    const before = simSnapshot(host);
    const first = await exportMasked(ctxFor(port));
    const again = await exportMasked(ctxFor(port));
    expect(first.leftOut.hidden).toEqual(['B']);
    expect(again).toEqual(first);
    expect(simSnapshot(host)).toEqual(before);
    expect(host.workbook.sheet('客户信息').hiddenColumns()).toEqual(['B']);
    expect(host.createdWorkbooks()).toHaveLength(2);
    expect((await readCopy(host.createdWorkbooks()[1]!)).values[0]).not.toContain('公司名称');
  });

  it('names the sheet in the user language, masks names when asked, and fits long sheet names into 31 characters', async () => {
    const c = simWorkbook({});
    const long = 'Customer list of the northern region';
    c.host.workbook.addSheet(long.slice(0, 31));
    c.host.workbook.sheet(long.slice(0, 31)).seed('A1', [['Name', 'Mobile', 'Email'], ['John Smith', '13800138000', 'john@example.com']]);
    const s = await exportMasked(ctxFor(c.port, { locale: 'en-US' }), { maskNames: true });
    expect(s.maskedSheet).toBe(`${long.slice(0, 31 - ' (masked)'.length)} (masked)`);
    expect(s.maskedSheet.length).toBeLessThanOrEqual(31);
    expect(s.fileName).toBe(`${s.maskedSheet}.xlsx`);
    const { ws, values } = await readCopy(c.host.createdWorkbooks()[0]!);
    expect(ws.name).toBe(s.maskedSheet);
    expect(values[1]).toEqual(['J*** S****', '138****8000', 'j***@example.com']);
  });

  it('refuses a workbook without a customer sheet, opening nothing and writing nothing', async () => {
    const { host, port } = simWorkbook({ 库存: [['产品', '数量'], ['螺丝', 3]] });
    const before = simSnapshot(host);
    await expect(exportMasked(ctxFor(port))).rejects.toThrow(/customer list/);
    expect(simSnapshot(host)).toEqual(before);
    expect(host.createdWorkbooks()).toEqual([]);
  });

  it('a stop before the workbook opens: nothing is opened', async () => {
    const { host, port } = sim();
    const control = new AbortController();
    const run = exportMasked(ctxFor(port, { signal: control.signal, onProgress: (p) => { if (p.phase === 'analyze') control.abort(); } }));
    await expect(run).rejects.toMatchObject({ name: 'WorkbookError', code: 'cancelled' });
    expect(host.createdWorkbooks()).toEqual([]);
  });

  it('works on a protected customer sheet: it only reads it', async () => {
    const { host, port } = sim();
    host.workbook.sheet('客户信息').protect();
    const before = host.workbook.sheet('客户信息').values();
    await exportMasked(ctxFor(port));
    expect(column((await readCopy(host.createdWorkbooks()[0]!)).values, '联系电话')[0]).toBe('138****8000');
    expect(host.workbook.sheet('客户信息').values()).toEqual(before);
  });
});

describe('the masked copy of an .xlsx', () => {
  it('buildMaskedCopy: the file alone (what the CLI saves), dates stay dates, strings stay strings, the workbook untouched', async () => {
    const { port } = await xlsxWorkbook((w) => {
      const r = rows();
      r[1]![4] = new Date('2025-12-09T00:00:00Z') as never;
      seedXlsx(w.addWorksheet('客户信息'), r);
    });
    const before = xlsxSnapshot(port);
    const copy = await buildMaskedCopy(ctxFor(port));
    expect(xlsxSnapshot(port)).toEqual(before);
    expect(copy.fileName).toBe('客户信息（脱敏）.xlsx');
    expect(copy.summary).toMatchObject({ sheet: '客户信息', rows: 6, opened: false, masked: { phone: ['C', 'I'], email: ['D'] } });
    const { ws, values } = await readCopy(copy.file);
    expect(column(values, '联系电话')[0]).toBe('138****8000');
    expect(ws.getCell('H2').value).toBe('=HYPERLINK("http://evil.example","x")');
    expect(ws.getCell('E2').numFmt).toBe('yyyy-mm-dd');
    expect((ws.getCell('E2').value as Date).toISOString().slice(0, 10)).toBe('2025-12-09');
  });

  it('exportMasked through a port that cannot open a workbook refuses before reading anything', async () => {
    const { port } = await xlsxWorkbook((w) => seedXlsx(w.addWorksheet('客户信息'), rows()));
    const before = xlsxSnapshot(port);
    await expect(exportMasked(ctxFor(port))).rejects.toMatchObject({ name: 'WorkbookError', code: 'unsupported', detail: 'new-workbook' });
    expect(xlsxSnapshot(port)).toEqual(before);
  });

  it('CLI: apply --only masked never writes the user\'s whole workbook as the shareable file', async () => {
    const { file } = await xlsxWorkbook((w) => seedXlsx(w.addWorksheet('客户信息'), rows()));
    const out = tempFile('shareable.xlsx');
    const r = await cli(['apply', file, '--out', out, '--as-of', '2026-11-22', '--only', 'masked']);
    expect(r.code).toBe(0);
    const bytes = new Uint8Array(fs.readFileSync(out));
    const { values } = await readCopy(bytes);
    expect(column(values, '联系电话')[0]).toBe('138****8000');
    // One sheet, and nothing unmasked in any part of the package.
    const parts = unzipText(bytes);
    expect(Object.keys(parts).filter((n) => n.startsWith('xl/worksheets/'))).toEqual(['xl/worksheets/sheet1.xml']);
    expect(Object.values(parts).join('\n')).not.toMatch(/13800138000|zhangsan/);
    // And with other actions it is refused: the copy is a file of its own.
    const mixed = await cli(['apply', file, '--out', tempFile('mixed.xlsx'), '--only', 'masked,tiers']);
    expect(mixed.code).toBe(2);
  });
});
