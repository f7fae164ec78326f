/**
 * The printable call list: written as the add-in's own sheet (title in A1), rewritten in place on a re-run,
 * a user's sheet of the same name never touched; the ledger read only. Simulator and .xlsx, zh and en.
 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { computeTiers, listCalls, writeCallListSheet, type ActionContext } from '../../src/actions';
import { settingRow } from '../../src/actions/settingsSheet';
import { isoToExcelSerial } from '../../src/core/calendar';
import type { Locale } from '../../src/i18n/strings';
import type { WorkbookPort } from '../../src/workbook/port';
import { XlsxWorkbookPort } from '../../src/workbook/xlsx/xlsxPort';
import { openXlsx } from '../helpers/exceljsRead';
import { simWith } from '../helpers/simLedger';

const NOW = new Date('2026-11-23T09:00:00Z');
const ctxFor = (port: WorkbookPort, locale: Locale = 'zh-CN'): ActionContext => ({ port, locale, now: NOW, settings: { asOf: '2026-11-22' } });
const S = (iso: string) => isoToExcelSerial(iso);

const ZH = [
  ['客户名称', '公司名称', '手机', '累计消费金额', '购买次数', '最近购买日期', '最近联系日期', '下次跟进日期'],
  ['张伟', '华东贸易', '13800138000', 52000, 9, S('2026-06-01'), S('2026-09-01'), S('2026-11-15')],
  ['李娜', "O'Hara & Co", '13900139001', 800, 3, S('2026-11-01'), S('2026-11-10'), S('2026-11-25')],
  ['王芳', '远航科技', '13700137002', 90000, 12, S('2026-05-01'), S('2026-09-10'), null],
  ['刘洋', '=1+1', '13600136003', 300, 1, S('2026-11-18'), null, null],
  ['陈静', '', '13500135004', 61000, 7, S('2026-11-01'), S('2026-11-20'), null],
  ['杨勇', '', '13400134005', 400, 2, S('2026-10-01'), S('2026-10-05'), S('2026-12-20')],
];
const EN = [
  ['Customer name', 'Company', 'Phone', 'Total spend', 'Orders', 'Last purchase', 'Last contact', 'Next follow-up'],
  ['Ann Lee', 'Acme', '+1 415 555 2671', 52000, 9, S('2026-06-01'), S('2026-09-01'), S('2026-11-15')],
  ['Bob Stone', 'Initech', '+1 415 555 2672', 800, 3, S('2026-11-01'), S('2026-11-10'), S('2026-11-25')],
  ['Cat Wu', 'Globex', '+1 415 555 2673', 90000, 12, S('2026-05-01'), S('2026-09-10'), null],
  ['Dan Ross', '', '+1 415 555 2674', 300, 1, S('2026-11-18'), null, null],
  ['Eve Hall', '', '+1 415 555 2675', 61000, 7, S('2026-11-01'), S('2026-11-20'), null],
  ['Fay Kim', '', '+1 415 555 2676', 400, 2, S('2026-10-01'), S('2026-10-05'), S('2026-12-20')],
];

describe('writeCallListSheet (simulator)', () => {
  it('zh: title, header, one line per call with a go-to link; the ledger unchanged', async () => {
    const { host, port } = simWith({ 客户: ZH });
    const before = host.workbook.sheet('客户').values();
    const r = await writeCallListSheet(ctxFor(port));
    expect(r).toMatchObject({ sheet: '今日联系', customerSheet: '客户', count: 4, replaced: false });
    const s = host.workbook.sheet('今日联系');
    const v = s.values();
    expect(v[0]![0]).toBe('今日联系 · 客户 · 2026-11-22');
    expect(v[2]).toEqual(['原因', '客户', '公司', '电话', '价值分层', '最近联系', '下次跟进', '转到']);
    expect(v.slice(3).map((row) => row[1])).toEqual(['张伟', '李娜', '王芳', '刘洋']);
    expect(v[3]![0]).toBe('跟进已逾期 7 天');
    expect(v[3]![3]).toBe('+8613800138000');
    expect(v[3]![5]).toBe(S('2026-09-01'));
    expect(s.cell('F4').text).toBe('2026-09-01');
    expect(v[4]![2]).toBe("O'Hara & Co");
    expect(s.cell('H4').formula).toBe('=HYPERLINK("#\'客户\'!A2","第 2 行")');
    expect(v[3]![7]).toBe('第 2 行');
    expect(s.freeze.rows).toBe(3);
    expect(host.workbook.sheet('客户').values()).toEqual(before);
  });

  it('a re-run replaces only its own sheet; a user sheet named 今日联系 is left alone', async () => {
    const { host, port } = simWith({ 今日联系: [['我的笔记', '别动']], 客户: ZH });
    const first = await writeCallListSheet(ctxFor(port));
    expect(first.sheet).toBe('今日联系 (2)');
    expect(host.workbook.sheet('今日联系').values()).toEqual([['我的笔记', '别动']]);
    host.workbook.sheet('今日联系 (2)').seed('J1', [['stale']]);
    const second = await writeCallListSheet(ctxFor(port));
    expect(second).toMatchObject({ sheet: '今日联系 (2)', replaced: true });
    expect(host.workbook.sheetNames().filter((n) => n.startsWith('今日联系')).sort()).toEqual(['今日联系', '今日联系 (2)']);
    expect(host.workbook.sheet('今日联系 (2)').values().flat()).not.toContain('stale');
    expect(host.workbook.sheet('今日联系').values()).toEqual([['我的笔记', '别动']]);
  });

  it('en: words in English, and the customer sheet is still found after the list exists', async () => {
    const { host, port } = simWith({ Customers: EN });
    await writeCallListSheet(ctxFor(port, 'en-US'));
    const r = await writeCallListSheet(ctxFor(port, 'en-US'));
    expect(r).toMatchObject({ sheet: 'Calls today', customerSheet: 'Customers', count: 4 });
    const v = host.workbook.sheet('Calls today').values();
    expect(v[0]![0]).toBe('Calls today · Customers · 2026-11-22');
    expect(v[2]![6]).toBe('Next follow-up');
    expect(v[3]!.slice(0, 2)).toEqual(['follow-up overdue by 7 days', 'Ann Lee']);
    expect(v[3]![4]).toBe('Medium');
    expect(v[5]!.slice(1, 2)).toEqual(['Cat Wu']);
    expect(v[5]![4]).toBe('High');
  });
});

describe('the call list prints: landscape, one page wide, header rows on every page', () => {
  const PRINTED = { orientation: 'Landscape', printTitleRows: '$1:$3', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } };

  it('simulator: set on the sheet written, and once more (not twice) on a re-run; other sheets untouched', async () => {
    const { host, port } = simWith({ 客户: ZH });
    await writeCallListSheet(ctxFor(port));
    expect(host.workbook.sheet('今日联系').pageLayout).toEqual(PRINTED);
    const again = await writeCallListSheet(ctxFor(port));
    expect(again.replaced).toBe(true);
    expect(host.workbook.sheet('今日联系').pageLayout).toEqual(PRINTED);
    const withTitles = host.workbook.sheetNames().filter((n) => host.workbook.sheet(n).pageLayout.printTitleRows !== null);
    expect(withTitles).toEqual(['今日联系']);
    expect(host.workbook.sheet('客户').pageLayout).toEqual({ orientation: 'Portrait', printTitleRows: null, zoom: { scale: 100 } });
  });

  it('simulator: also when the list is the only visible sheet and is replaced under a new name', async () => {
    const { host, port } = simWith({ 客户: ZH });
    await writeCallListSheet(ctxFor(port));
    host.workbook.model.sheet('客户')!.visibility = 'Hidden';
    const r = await writeCallListSheet(ctxFor(port));
    expect(r.sheet).not.toBe('今日联系');
    expect(host.workbook.sheet(r.sheet).pageLayout).toEqual(PRINTED);
  });

  it('simulator: a host below ExcelApi 1.9 is below the add-in\'s minimum (1.10): refused before anything is written', async () => {
    const { host, port } = simWith({ 客户: ZH }, { requirementSets: { ExcelApi: '1.8' } });
    await expect(writeCallListSheet(ctxFor(port))).rejects.toMatchObject({ code: 'unsupported', detail: 'excel-too-old' });
    expect(host.workbook.sheetNames()).toEqual(['客户']);
  });

  it('.xlsx: exceljs reads landscape, fit to one page wide and print titles 1:3; a re-run leaves one Print_Titles; other names kept', async () => {
    const wb = new ExcelJS.Workbook();
    const customers = wb.addWorksheet('客户');
    customers.addRows(ZH.map((r) => r.map((v, c) => (c >= 5 && typeof v === 'number' ? new Date(Date.UTC(1899, 11, 30) + v * 86400000) : v))));
    customers.pageSetup.printTitlesRow = '1:1';
    wb.definedNames.add("'客户'!$A$2:$A$7", 'MyCustomers');
    const { port, reload } = await openXlsx(wb);
    const namesBefore = userNames(workbookXml(port.toBytes()));
    expect(namesBefore).toHaveLength(2);
    await writeCallListSheet(ctxFor(port));
    // The user adds a sheet after the list, with print titles of its own; the list's re-run moves it one tab left.
    const mid = await reload();
    mid.addWorksheet('备注').pageSetup.printTitlesRow = '2:2';
    const reopened = await openXlsx(mid);
    await writeCallListSheet(ctxFor(reopened.port));
    await writeCallListSheet(ctxFor(reopened.port));
    const out = await reopened.reload();
    expect(out.worksheets.map((w) => w.name)).toEqual(['客户', '备注', '今日联系']);
    const setup = out.getWorksheet('今日联系')!.pageSetup;
    expect(setup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:3' });
    expect(out.getWorksheet('客户')!.pageSetup.printTitlesRow).toBe('1:1');
    expect(out.getWorksheet('备注')!.pageSetup.printTitlesRow).toBe('2:2');
    expect(out.getWorksheet('客户')!.pageSetup.orientation).not.toBe('landscape');
    expect(out.definedNames.getRanges('MyCustomers').ranges).toEqual(["'客户'!$A$2:$A$7"]);
    const xml = workbookXml(reopened.port.toBytes());
    const titles = [...xml.matchAll(/<definedName [^>]*name="_xlnm\.Print_Titles"[^>]*>([^<]*)</g)].map((m) => [m[0].match(/localSheetId="(\d+)"/)?.[1], m[1]]);
    // One Print_Titles per sheet, each on its own sheet (quotes aside: exceljs quotes every name, we only where Excel must).
    expect(titles.map(([i, f]) => [i, f!.replace(/&apos;|'/g, '')]).sort()).toEqual([['0', '客户!$1:$1'], ['1', '备注!$2:$2'], ['2', '今日联系!$1:$3']]);
    expect(userNames(xml).filter((n) => n.includes('MyCustomers'))).toEqual(namesBefore.filter((n) => n.includes('MyCustomers')));
  });
});

/** xl/workbook.xml of a package, as text. */
function workbookXml(bytes: Uint8Array): string {
  return strFromU8(unzipSync(bytes, { filter: (f) => f.name === 'xl/workbook.xml' })['xl/workbook.xml']!);
}

/** Every <definedName> element, as written. */
function userNames(xml: string): string[] {
  return [...xml.matchAll(/<definedName\b[^>]*>[^<]*<\/definedName>/g)].map((m) => m[0]);
}

describe('quiet days: a setting on the settings sheet', () => {
  it('defaults to 30, and the sheet\'s value is used', async () => {
    const { host, port } = simWith({ 客户: ZH });
    await computeTiers(ctxFor(port)); // makes the settings sheet
    const settings = host.workbook.sheet('台账设置');
    const row = settingRow('quietDays');
    expect(settings.cell(`A${row}`).value).toBe('quietDays');
    expect(settings.cell(`B${row}`).value).toBe(30);
    expect((await listCalls(ctxFor(port))).items.map((i) => i.reason)).toContain('goingQuiet'); // 王芳: 73 days
    settings.seed(`B${row}`, [[90]]);
    expect((await listCalls(ctxFor(port))).items.map((i) => i.reason)).not.toContain('goingQuiet');
    expect((await writeCallListSheet(ctxFor(port))).count).toBe(3);
  });
});

describe('writeCallListSheet (.xlsx)', () => {
  it('writes the list, keeps a user sheet of the same name and rewrites its own', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('客户').addRows(ZH.map((r) => r.map((v, c) => (c >= 5 && typeof v === 'number' ? new Date(Date.UTC(1899, 11, 30) + v * 86400000) : v))));
    wb.addWorksheet('今日联系').addRow(['我的笔记']);
    const port = XlsxWorkbookPort.open(new Uint8Array(await wb.xlsx.writeBuffer()));
    const first = await writeCallListSheet(ctxFor(port));
    const second = await writeCallListSheet(ctxFor(port));
    expect(second).toMatchObject({ sheet: first.sheet, replaced: true, count: 4 });
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(Buffer.from(port.toBytes()) as never);
    expect(out.worksheets.map((w) => w.name)).toEqual(['客户', '今日联系', '今日联系 (2)']);
    expect(out.getWorksheet('今日联系')!.getCell('A1').value).toBe('我的笔记');
    const ws = out.getWorksheet('今日联系 (2)')!;
    expect(ws.getCell('A1').value).toBe('今日联系 · 客户 · 2026-11-22');
    expect(ws.getCell('B4').value).toBe('张伟');
    expect((ws.getCell('H4').value as { formula: string }).formula).toBe('HYPERLINK("#\'客户\'!A2","第 2 行")');
    // A company cell that looks like a formula is copied as text, never as a formula.
    expect(ws.getCell('C7').value).toBe('=1+1');
  });
});
