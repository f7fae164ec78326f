/**
 * Sheets named like the add-in's own (客户汇总, 台账设置, 重复客户归档, Backup …) that the user made: the
 * add-in knows its sheets by the marker it wrote (the settings sheet's title cell, the registry on it),
 * never by a name. A user's sheet of such a name keeps every cell, is picked as the customer list when
 * it is one, and the add-in's own sheet takes another name. Through both adapters and the CLI.
 */
import type ExcelJS from 'exceljs';
import { buildSummary, checkContacts, computeTiers, findDuplicates, loadLedger, restoreBackup } from '../../src/actions';
import { ownedSheetNames } from '../../src/actions/ownSheets';
import { readWorkbookSettings } from '../../src/actions/settingsSheet';
import { worksheetValues } from '../helpers/exceljsRead';
import { cellText } from '../../src/core/text';
import { seedSim, seedXlsx, smallLedger, type Cell } from './cells';
import { cleanTemp, ctxFor, expectCliOk, simWorkbook, xlsxWorkbook } from './harness';

afterAll(cleanTemp);

const SETTINGS_MARK = /^Customer Ledger settings · /;

function sim(sheets: Record<string, Cell[][]>) {
  const c = simWorkbook({});
  for (const [name, rows] of Object.entries(sheets)) seedSim(c.host, name, rows);
  return c;
}
function xlsx(sheets: Record<string, Cell[][]>) {
  return xlsxWorkbook((wb) => {
    for (const [name, rows] of Object.entries(sheets)) seedXlsx(wb.addWorksheet(name), rows);
  });
}
const xlsxValues = (wb: ExcelJS.Workbook, name: string) => worksheetValues(wb.getWorksheet(name)!).map((r) => r.map((v) => cellText(v)));

/** The user's own summary: a title, a table of their own. */
const USERS_SUMMARY: Cell[][] = [['我的汇总'], ['年份', '金额'], [2025, 1234]];
/** A sheet the user calls 台账设置 that is not ours: rows the add-in's settings would overwrite. */
const USERS_SETTINGS: Cell[][] = [['台账设置（手工）'], ['项目', '值'], ['region', 'US'], ['负责人', '王经理'], ['年份', 2025]];

describe('a user sheet named like our summary', () => {
  it('sim: 客户汇总 keeps every cell; ours takes another name and a re-run rebuilds only ours', async () => {
    const { host, port } = sim({ 客户: smallLedger(), 客户汇总: USERS_SUMMARY });
    const before = host.workbook.sheet('客户汇总').values();
    const first = await buildSummary(ctxFor(port));
    expect(first.summarySheet).not.toBe('客户汇总');
    expect(host.workbook.sheet('客户汇总').values()).toEqual(before);
    const sheets = host.workbook.sheetNames();
    const second = await buildSummary(ctxFor(port));
    expect(second.summarySheet).toBe(first.summarySheet);
    expect(host.workbook.sheetNames()).toEqual(sheets);
    expect(host.workbook.sheet('客户汇总').values()).toEqual(before);
  });

  it('sim (en-US): Customer Summary keeps every cell', async () => {
    const { host, port } = sim({ Customers: smallLedger(), 'Customer Summary': USERS_SUMMARY });
    const before = host.workbook.sheet('Customer Summary').values();
    const r = await buildSummary(ctxFor(port, { locale: 'en-US' }));
    expect(r.summarySheet).not.toBe('Customer Summary');
    expect(host.workbook.sheet('Customer Summary').values()).toEqual(before);
  });

  it('xlsx: 客户汇总 keeps every cell', async () => {
    const x = await xlsx({ 客户: smallLedger(), 客户汇总: USERS_SUMMARY });
    const { port } = x;
    const before = xlsxValues(x.wb, '客户汇总');
    const r = await buildSummary(ctxFor(port));
    expect(r.summarySheet).not.toBe('客户汇总');
    expect(xlsxValues(await x.refresh(), '客户汇总')).toEqual(before);
  });

  it('CLI: --sheet 客户汇总 (the customer list itself) keeps the customers; the summary goes elsewhere', async () => {
    const { file } = await xlsx({ 客户汇总: smallLedger() });
    const { wb } = await expectCliOk(file, ['--sheet', '客户汇总']);
    const names = xlsxValues(wb, '客户汇总').map((r) => r[0]);
    expect(names).toEqual(expect.arrayContaining(['客户姓名', '张三', '李四', '孙七']));
    expect(wb.worksheets.length).toBeGreaterThan(2); // customers, settings, summary
  });

  it('a workbook of the previous version: its old summary (named 客户汇总, our title in A1) is still ours and replaced', async () => {
    const { host, port } = sim({ 客户: smallLedger() });
    await computeTiers(ctxFor(port));
    const settings = host.workbook.sheetNames().find((n) => SETTINGS_MARK.test(String(host.workbook.sheet(n).values()[0]?.[0])))!;
    // As the previous version left it: a summary by name, no registry rows on the settings sheet.
    const rows = host.workbook.sheet(settings).values();
    const first = rows.findIndex((r) => r[0] === 'summarySheet');
    host.workbook.sheet(settings).write(`A${first + 1}:C${rows.length}`, rows.slice(first).map(() => ['', '', '']));
    host.workbook.addSheet('客户汇总', [['客户汇总 · 客户 · 2026-11-22'], [], ['客户数：价值分层 × 客户状态']]);
    expect(host.workbook.sheet(settings).values().some((r) => r[0] === 'summarySheet')).toBe(false);
    const r = await buildSummary(ctxFor(port));
    expect(r.summarySheet).toBe('客户汇总');
    expect(host.workbook.sheetNames().filter((n) => n.startsWith('客户汇总'))).toEqual(['客户汇总']);
    expect(host.workbook.sheet('客户汇总').values()[0]?.[0]).toBe('客户汇总 · 客户 · 2026-11-22');
    expect(host.workbook.sheet('客户汇总').values().length).toBeGreaterThan(3);
  });
});

describe('a user sheet named like our settings', () => {
  for (const [locale, name] of [['zh-CN', '台账设置'], ['en-US', 'Ledger Settings']] as const) {
    it(`sim (${locale}): ${name} keeps every cell; ours is found by its title cell on the next run`, async () => {
      const { host, port } = sim({ 客户: smallLedger(), [name]: USERS_SETTINGS });
      const before = host.workbook.sheet(name).values();
      await computeTiers(ctxFor(port, { locale }));
      expect(host.workbook.sheet(name).values()).toEqual(before);
      const ours = host.workbook.sheetNames().filter((n) => SETTINGS_MARK.test(String(host.workbook.sheet(n).values()[0]?.[0])));
      expect(ours).toHaveLength(1);
      expect(ours[0]).not.toBe(name);
      const sheets = host.workbook.sheetNames();
      await computeTiers(ctxFor(port, { locale }));
      await checkContacts(ctxFor(port, { locale }));
      expect(host.workbook.sheetNames()).toEqual(sheets);
      expect(host.workbook.sheet(name).values()).toEqual(before);
    });
  }

  it('xlsx: 台账设置 keeps every cell', async () => {
    const x = await xlsx({ 客户: smallLedger(), 台账设置: USERS_SETTINGS });
    const { port } = x;
    const before = xlsxValues(x.wb, '台账设置');
    await computeTiers(ctxFor(port));
    await findDuplicates(ctxFor(port));
    expect(xlsxValues(await x.refresh(), '台账设置')).toEqual(before);
  });

  it('our settings sheet renamed by the user is still ours (its title cell says so)', async () => {
    const { host, port } = sim({ 客户: smallLedger() });
    await computeTiers(ctxFor(port));
    await host.Excel.run(async (c) => {
      c.workbook.worksheets.getItem('台账设置').name = '参数';
      await c.sync();
    });
    const sheets = host.workbook.sheetNames();
    await computeTiers(ctxFor(port));
    expect(host.workbook.sheetNames()).toEqual(sheets);
  });

  it('our settings sheet deleted and a user sheet of its name added: a new one under a free name', async () => {
    const { host, port } = sim({ 客户: smallLedger() });
    await computeTiers(ctxFor(port));
    host.workbook.model.deleteSheet(host.workbook.model.sheet('台账设置')!);
    seedSim(host, '台账设置', USERS_SETTINGS);
    const before = host.workbook.sheet('台账设置').values();
    await computeTiers(ctxFor(port));
    expect(host.workbook.sheet('台账设置').values()).toEqual(before);
    expect(host.workbook.sheetNames().filter((n) => SETTINGS_MARK.test(String(host.workbook.sheet(n).values()[0]?.[0])))).toHaveLength(1);
  });
});

describe('automatic sheet picking does not skip a user sheet because of its name', () => {
  for (const name of ['客户汇总', '重复客户归档', 'Backup customers', '备份 客户 1123-0905', '台账设置', 'Customer Summary', '客户信息（脱敏）']) {
    it(`sim: the only customer list, named "${name}", is found`, async () => {
      const { port } = sim({ 说明: [['这是说明']], [name]: smallLedger() });
      const ledger = await loadLedger(ctxFor(port));
      expect(ledger.sheet).toBe(name);
    });
  }

  it('xlsx: a customer list named 重复客户归档 is found', async () => {
    const { port } = await xlsx({ 说明: [['这是说明']], 重复客户归档: smallLedger() });
    expect((await loadLedger(ctxFor(port))).sheet).toBe('重复客户归档');
  });
});

describe('a user sheet named like our archive', () => {
  it('sim: 重复客户归档 keeps every cell; archived rows go to our own archive sheet', async () => {
    const users: Cell[][] = [['去年归档'], ['张三', '13800138000']];
    const { host, port } = sim({ 客户: smallLedger(), 重复客户归档: users });
    const before = host.workbook.sheet('重复客户归档').values();
    const r = await findDuplicates(ctxFor(port), { archive: true });
    expect(r.archived.length).toBeGreaterThan(0);
    expect(r.archiveSheet).not.toBe('重复客户归档');
    expect(host.workbook.sheet('重复客户归档').values()).toEqual(before);
    expect(host.workbook.sheet(r.archiveSheet!).values().slice(1).map((row) => row[0])).toContain('张三');
  });
});

describe('restore onto a user sheet named like ours', () => {
  it('sim: a customer list called 客户汇总 can be restored from its backup', async () => {
    const { host, port } = sim({ 客户汇总: smallLedger() });
    const original = host.workbook.sheet('客户汇总').values();
    const fixed = await checkContacts(ctxFor(port), { fixPhones: true });
    expect(fixed.backupSheet).not.toBeNull();
    const restored = await restoreBackup(ctxFor(port, { now: new Date('2026-11-23T10:00:00Z') }), { backupSheet: fixed.backupSheet! });
    expect(restored.sheet).toBe('客户汇总');
    expect(host.workbook.sheet('客户汇总').values().map((r) => r.slice(0, original[0]!.length))).toEqual(original);
  });
});

describe('ownedSheetNames: the add-in\'s sheets by their markers, for the CLI and the picking', () => {
  it('sim: settings, summary, archive, backups and old masked copies; never the customer list or a user sheet of our name', async () => {
    const { host, port } = sim({ 客户: smallLedger(), 客户汇总: USERS_SUMMARY });
    await checkContacts(ctxFor(port), { fixPhones: true });
    const summary = await buildSummary(ctxFor(port));
    const dup = await findDuplicates(ctxFor(port), { archive: true });
    // A masked copy an earlier version wrote into the workbook, known by its title cell.
    seedSim(host, '客户（脱敏）', [['脱敏副本 · 客户 · 2026-11-20'], ['客户姓名', '联系电话'], ['张三', '138****8000']]);
    const sheets = await port.listSheets();
    const owned = ownedSheetNames(sheets, await readWorkbookSettings(port, sheets));
    const settings = host.workbook.sheetNames().find((n) => SETTINGS_MARK.test(String(host.workbook.sheet(n).values()[0]?.[0])))!;
    expect(new Set(owned)).toEqual(new Set([settings, summary.summarySheet, dup.archiveSheet!, dup.backupSheet!, '客户（脱敏）',
      ...host.workbook.sheetNames().filter((n) => n.startsWith('备份 '))]));
    expect(owned).not.toContain('客户');
    expect(owned).not.toContain('客户汇总');
  });
});
