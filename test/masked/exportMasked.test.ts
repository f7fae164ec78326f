/** Export masked copy, against the simulated Excel host and through the xlsx adapter / CLI. */
import ExcelJS from 'exceljs';
import { checkContacts, exportMasked, loadLedger } from '../../src/actions';
import { columnLetter } from '../../src/core/columns';
import { worksheetValues } from '../../src/workbook/xlsx/readWorkbook';
import { seedSim, seedXlsx, smallLedger, HEADER, type Cell } from '../hostile/cells';
import { cleanTemp, ctxFor, expectCliOk, simSnapshot, simWorkbook, xlsxWorkbook } from '../hostile/harness';

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
  it('writes a new sheet with the data rows, phones and emails masked, every other cell as it was, the source untouched', async () => {
    const { host, port } = sim();
    const before = host.workbook.sheet('客户信息').values();
    const summary = await exportMasked(ctxFor(port));
    expect(summary).toMatchObject({ sheet: '客户信息', maskedSheet: '客户信息（脱敏）', rows: 6, replaced: null });
    expect(summary.masked).toEqual({ phone: ['C', 'I'], email: ['D'], name: [] });
    expect(host.workbook.sheet('客户信息').values()).toEqual(before);
    const m = host.workbook.sheet('客户信息（脱敏）');
    const v = m.values();
    expect(v[0]![0]).toBe('脱敏副本 · 客户信息 · 2026-11-23');
    expect(v[1]).toEqual([...HEADER, '备用手机']);
    expect(v.slice(2).map((r) => r[2])).toEqual(['138****8000', '139****9000', '***45', '186****5678', '138****8000', '']);
    expect(v.slice(2).map((r) => r[3])).toEqual(['z***@qq.com', 'l***@163.con', 'w***@', 'z***@sina.com', 'z***@qq.com', '']);
    expect(v[2]![8]).toBe('139****5678');
    expect(v.slice(2).map((r) => r[0])).toEqual(['张三', '李四', '王五', '赵六', '张三', '孙七']);
    expect(v[2]![6]).toBe(12000);
    // No digit run of the originals survives anywhere on the sheet.
    const all = JSON.stringify(v);
    for (const secret of ['13800138000', '0013', '1234', 'zhangsan', 'lisi', '13912345678']) expect(all).not.toContain(secret);
    // Every written string stayed text: no cell of the copy is a formula.
    v.forEach((r, i) => r.forEach((_, c) => expect(m.cell(`${columnLetter(c)}${i + 1}`).formula).toBeNull()));
    expect(v[2]![7]).toBe('=HYPERLINK("http://evil.example","x")');
    expect(v[3]![7]).toBe('+86 请勿外传');
    expect(v[4]![7]).toBe('@home');
    // The masked copy is never taken for the customer sheet.
    expect((await loadLedger(ctxFor(port))).sheet).toBe('客户信息');
  });

  it('leaves the add-in check columns out (their E.164 numbers would undo the mask)', async () => {
    const { host, port } = sim();
    await checkContacts(ctxFor(port));
    await exportMasked(ctxFor(port));
    const v = host.workbook.sheet('客户信息（脱敏）').values();
    expect(v[1]).toEqual([...HEADER, '备用手机']);
    expect(JSON.stringify(v)).not.toContain('+86138');
  });

  it('a re-run replaces its own copy (same name, same content), never a user sheet of that name', async () => {
    const { host, port } = sim();
    await exportMasked(ctxFor(port));
    const first = simSnapshot(host);
    const again = await exportMasked(ctxFor(port));
    expect(again.replaced).toBe('客户信息（脱敏）');
    expect(again.maskedSheet).toBe('客户信息（脱敏）');
    expect(simSnapshot(host)).toEqual(first);

    // A user's own sheet with the same name is kept; the copy goes next to it.
    const user = simWorkbook({});
    user.host.workbook.addSheet('客户信息');
    seedSim(user.host, '客户信息', rows());
    user.host.workbook.addSheet('客户信息（脱敏）').seed('A1', [['我自己的表'], ['勿动']]);
    const s1 = await exportMasked(ctxFor(user.port));
    expect(s1).toMatchObject({ maskedSheet: '客户信息（脱敏） (2)', replaced: null });
    expect(user.host.workbook.sheet('客户信息（脱敏）').values()).toEqual([['我自己的表'], ['勿动']]);
    const s2 = await exportMasked(ctxFor(user.port));
    expect(s2).toMatchObject({ maskedSheet: '客户信息（脱敏） (2)', replaced: '客户信息（脱敏） (2)' });
    expect(user.host.workbook.sheetNames()).toEqual(['客户信息', '客户信息（脱敏）', '客户信息（脱敏） (2)']);
  });

  it('names the sheet in the user language, masks names when asked, and fits long sheet names into 31 characters', async () => {
    const c = simWorkbook({});
    const long = 'Customer list of the northern region';
    c.host.workbook.addSheet(long.slice(0, 31));
    c.host.workbook.sheet(long.slice(0, 31)).seed('A1', [['Name', 'Mobile', 'Email'], ['John Smith', '13800138000', 'john@example.com']]);
    const s = await exportMasked(ctxFor(c.port, { locale: 'en-US' }), { maskNames: true });
    expect(s.maskedSheet).toBe(`${long.slice(0, 31 - ' (masked)'.length)} (masked)`);
    expect(s.maskedSheet.length).toBeLessThanOrEqual(31);
    const v = c.host.workbook.sheet(s.maskedSheet).values();
    expect(v[0]![0]).toMatch(/^Masked copy · /);
    expect(v[2]).toEqual(['J*** S****', '138****8000', 'j***@example.com']);
  });

  it('refuses a workbook without a customer sheet, writing nothing', async () => {
    const { host, port } = simWorkbook({ 库存: [['产品', '数量'], ['螺丝', 3]] });
    const before = simSnapshot(host);
    await expect(exportMasked(ctxFor(port))).rejects.toThrow(/customer list/);
    expect(simSnapshot(host)).toEqual(before);
  });
});

describe('exportMasked on .xlsx', () => {
  it('through the port: dates stay dates, strings stay strings', async () => {
    const { wb, port } = await xlsxWorkbook((w) => {
      const r = rows();
      r[1]![4] = new Date('2025-12-09T00:00:00Z') as never;
      seedXlsx(w.addWorksheet('客户信息'), r);
    });
    const s = await exportMasked(ctxFor(port));
    const ws = wb.getWorksheet(s.maskedSheet)!;
    const v = worksheetValues(ws);
    expect(v[2]![2]).toBe('138****8000');
    expect(v[2]![7]).toBe('=HYPERLINK("http://evil.example","x")');
    expect(ws.getCell('H3').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('E3').numFmt).toBe('yyyy-mm-dd');
    expect(typeof v[2]![4] === 'number' || v[2]![4] instanceof Date).toBe(true);
  });

  it('CLI: apply --only masked writes the copy; a second apply on the output replaces it', async () => {
    const { file } = await xlsxWorkbook((w) => seedXlsx(w.addWorksheet('客户信息'), rows()));
    const first = await expectCliOk(file, ['--only', 'masked']);
    expect(first.stdout).toMatch(/masked: "客户信息（脱敏）", 6 rows, masked columns C, I, D/);
    expect(first.wb.worksheets.map((w) => w.name)).toEqual(['客户信息', '客户信息（脱敏）']);
    const second = await expectCliOk(first.out, ['--only', 'masked']);
    expect(second.stdout).toMatch(/replaced "客户信息（脱敏）"/);
    expect(second.wb.worksheets.map((w) => w.name)).toEqual(['客户信息', '客户信息（脱敏）']);
    expect(worksheetValues(second.wb.getWorksheet('客户信息（脱敏）')!).slice(1)).toEqual(worksheetValues(first.wb.getWorksheet('客户信息（脱敏）')!).slice(1));
  });
});

it('works on a protected customer sheet: it only reads it', async () => {
  const { host, port } = sim();
  host.workbook.sheet('客户信息').protect();
  const before = host.workbook.sheet('客户信息').values();
  const s = await exportMasked(ctxFor(port));
  expect(host.workbook.sheet(s.maskedSheet).values()[2]![2]).toBe('138****8000');
  expect(host.workbook.sheet('客户信息').values()).toEqual(before);
});
