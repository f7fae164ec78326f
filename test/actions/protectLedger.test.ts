/**
 * Protect the ledger: input cells take edits, the header, formulas and the add-in's columns do not (the
 * simulator refuses like Excel); unprotect opens it again, a wrong password does not; the money columns
 * hide and show; a saved .xlsx keeps protection, unlocked cells and hidden columns.
 */
import ExcelJS from 'exceljs';
import { computeTiers, hideColumns, protectLedger, unprotectLedger, type ActionContext } from '../../src/actions';
import { isoToExcelSerial } from '../../src/core/calendar';
import { legacyPasswordHash } from '../../src/workbook/xlsx/sheet/sheetProtection';
import type { WorkbookPort } from '../../src/workbook/port';
import { XlsxWorkbookPort } from '../../src/workbook/xlsx/xlsxPort';
import { unzipText } from '../helpers/xlsxFixture';
import { simWith } from '../helpers/simLedger';

const NOW = new Date('2026-11-23T09:00:00Z');
const ctxFor = (port: WorkbookPort): ActionContext => ({ port, locale: 'zh-CN', now: NOW, settings: { asOf: '2026-11-22' } });
const S = (iso: string) => isoToExcelSerial(iso);

const LEDGER = [
  ['客户名称', '手机', '累计消费金额', '最近联系日期', '折后金额'],
  ['张伟', '13800138000', 5000, S('2026-10-01'), '=C2*0.9'],
  ['李娜', '13900139001', 800, S('2026-10-05'), '=C3*0.9'],
  ['王芳', '13700137002', 1200, S('2026-10-09'), '=C4*0.9'],
  ['刘洋', '13600136003', 300, S('2026-10-12'), '=C5*0.9'],
  ['陈静', '13500135004', 2600, S('2026-10-15'), '=C6*0.9'],
];

async function rejects(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a refusal');
}

describe('protectLedger (simulator)', () => {
  it('unlocks input cells and blank rows below; header, formulas and tier columns stay locked', async () => {
    const { host, port } = simWith({ 客户: LEDGER });
    await computeTiers(ctxFor(port));
    const s = host.workbook.sheet('客户');
    const tierCol = (s.values()[0] as unknown[]).indexOf('价值分层');
    expect(tierCol).toBeGreaterThan(4);
    const tier = String.fromCharCode(65 + tierCol);

    const r = await protectLedger(ctxFor(port), { password: 'pw-123' });
    expect(r).toMatchObject({ sheet: '客户', changed: true, inputColumns: ['A', 'B', 'C', 'D'], password: true });
    expect(s.protected).toBe(true);
    expect(s.protectionOptions).toMatchObject({ allowSort: true, allowAutoFilter: true, allowFormatCells: true });

    s.write('B3', [['13911112222']]);
    expect(String(s.cell('B3').value)).toBe('13911112222');
    s.write('A7', [['新客户']]); // the first blank row: a new entry
    expect(s.cell('A7').value).toBe('新客户');
    for (const address of ['A1', 'E2', `${tier}2`, 'F1', 'Z3']) expect(() => s.write(address, [['x']])).toThrow(/protected/);
    expect(() => s.write('A2:B2', [['x', 'y']])).not.toThrow();
    expect(() => s.write('D2:E2', [[1, 2]])).toThrow(/protected/); // one locked cell refuses the whole write
    expect(s.cell('E2').formula).toBe('=C2*0.9');

    // Another action on the protected ledger refuses, and points at the unprotect.
    const refused = await rejects(computeTiers(ctxFor(port)));
    expect(refused).toMatchObject({ name: 'WorkbookError', code: 'protected' });
    // Protecting again changes nothing.
    expect(await protectLedger(ctxFor(port))).toMatchObject({ changed: false });
  });

  it('unprotect: a wrong password is refused, the right one opens every cell', async () => {
    const { host, port } = simWith({ 客户: LEDGER });
    await protectLedger(ctxFor(port), { password: 'pw-123' });
    const s = host.workbook.sheet('客户');
    const wrong = await rejects(unprotectLedger(ctxFor(port), { password: 'nope' }));
    expect(wrong).toMatchObject({ code: 'protected' });
    expect(wrong.message).toMatch(/password/);
    expect(s.protected).toBe(true);
    expect(await unprotectLedger(ctxFor(port), { password: 'pw-123' })).toMatchObject({ changed: true });
    expect(s.protected).toBe(false);
    s.write('A1', [['客户名称']]);
    expect(await unprotectLedger(ctxFor(port))).toMatchObject({ changed: false });
    // Protect, unprotect, protect: the same unlocked cells.
    await protectLedger(ctxFor(port));
    expect(() => s.write('C4', [[999]])).not.toThrow();
    expect(() => s.write('E4', [[1]])).toThrow(/protected/);
  });

  it('hides and shows the finance columns: the total spend and a header that names money', async () => {
    const { host, port } = simWith({ 客户: LEDGER });
    expect(await hideColumns(ctxFor(port))).toMatchObject({ columns: ['C', 'E'], hidden: true });
    expect(host.workbook.sheet('客户').hiddenColumns()).toEqual(['C', 'E']);
    await hideColumns(ctxFor(port), { fields: ['phone'] });
    expect(host.workbook.sheet('客户').hiddenColumns()).toEqual(['B', 'C', 'E']);
    await hideColumns(ctxFor(port), { hidden: false });
    expect(host.workbook.sheet('客户').hiddenColumns()).toEqual(['B']);
  });

  it('the add-in\'s number copy of a text total goes and comes back with the total', async () => {
    const { host, port } = simWith({ 客户: [['客户名称', '手机', '累计消费', '最近购买日期'], ['张伟', '13800138000', '¥5,000', S('2026-10-01')], ['李娜', '13900139001', '¥800', S('2026-09-01')]] });
    await computeTiers(ctxFor(port));
    const header = host.workbook.sheet('客户').values()[0]!;
    const copy = String.fromCharCode(65 + header.indexOf('消费金额（数值）'));
    expect(copy).not.toBe('@');
    expect(await hideColumns(ctxFor(port), { columns: ['C'] })).toMatchObject({ columns: ['C', copy] });
    await hideColumns(ctxFor(port), { columns: ['C'], hidden: false });
    expect(host.workbook.sheet('客户').hiddenColumns()).toEqual([]);
  });

  it('hides the columns the user chose; letters past the ledger and the add-in\'s own columns are left alone', async () => {
    const { host, port } = simWith({ 客户: LEDGER });
    await computeTiers(ctxFor(port));
    const tierLetter = String.fromCharCode(65 + host.workbook.sheet('客户').values()[0]!.indexOf('价值分层'));
    expect(await hideColumns(ctxFor(port), { columns: ['d', 'ZZ', tierLetter] })).toMatchObject({ columns: ['D'], hidden: true });
    expect(host.workbook.sheet('客户').hiddenColumns()).toEqual(['D']);
    await hideColumns(ctxFor(port), { columns: ['D'], hidden: false });
    expect(host.workbook.sheet('客户').hiddenColumns()).toEqual([]);
  });
});

describe('protectLedger (.xlsx)', () => {
  async function fileLedger(): Promise<XlsxWorkbookPort> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    LEDGER.forEach((row, i) => ws.addRow(row.map((v, c) => {
      if (i > 0 && c === 3) return new Date(Date.UTC(1899, 11, 30) + (v as number) * 86400000);
      if (typeof v === 'string' && v.startsWith('=')) return { formula: v.slice(1), result: 0 };
      return v;
    })));
    return XlsxWorkbookPort.open(new Uint8Array(await wb.xlsx.writeBuffer()));
  }

  it('the legacy password hash is the one Excel reads', () => {
    expect(legacyPasswordHash('secret')).toBe('DAA7');
  });

  it('round trip keeps protection, unlocked input cells and hidden columns; unprotect checks the password', async () => {
    const port = await fileLedger();
    await hideColumns(ctxFor(port));
    await protectLedger(ctxFor(port), { password: 'secret' });
    const bytes = port.toBytes();
    const xml = unzipText(bytes)['xl/worksheets/sheet1.xml']!;
    expect(xml).toMatch(/<sheetProtection password="DAA7" sheet="1"[^>]* sort="0" autoFilter="0"\/>/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as never);
    const ws = wb.getWorksheet('客户')!;
    expect(ws.getCell('B2').protection?.locked).toBe(false);
    expect(ws.getCell('A300').protection?.locked).toBe(false); // a blank row for new entries
    expect(ws.getCell('A1').protection?.locked).not.toBe(false);
    expect(ws.getCell('E2').protection?.locked).not.toBe(false);
    expect(ws.getColumn(3).hidden).toBe(true);

    const again = XlsxWorkbookPort.open(bytes);
    expect((await again.listSheets())[0]).toMatchObject({ name: '客户', protected: true });
    expect(await again.hiddenColumns('客户')).toEqual([2, 4]);
    await expect(unprotectLedger(ctxFor(again), { password: 'wrong' })).rejects.toMatchObject({ code: 'protected' });
    await expect(computeTiers(ctxFor(again))).rejects.toMatchObject({ code: 'protected' });
    await unprotectLedger(ctxFor(again), { password: 'secret' });
    expect((await again.listSheets())[0]!.protected).toBe(false);
    await hideColumns(ctxFor(again), { hidden: false });
    expect(await again.hiddenColumns('客户')).toEqual([]);
  });
});
