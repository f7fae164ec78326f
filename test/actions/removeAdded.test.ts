/**
 * "Remove what the add-in added" on the simulated Excel through the Office.js adapter: after every
 * action ran, the user's cells are exactly as before, the add-in's columns, rules, summary and settings
 * are gone, archives and backups stay unless asked, a backup is taken, and a second run does nothing.
 */
import { buildSummary, checkContacts, computeTiers, findDuplicates, installTemplate, listBackups, type ActionContext } from '../../src/actions';
import { planRemoveAdded, removeAdded } from '../../src/actions/removeAdded';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { createSimHost } from '../../src/sim';
import { XlsxWorkbookPort } from '../../src/workbook/xlsx/xlsxPort';
import { SAMPLES_DIR } from '../helpers/samples';
import { columnIndex, columnLetter } from '../../src/core/grid/a1';
import { ExcelWorkbookPort } from '../../src/workbook/excel/excelPort';
import { generateLedger } from '../helpers/generateLedger';
import { sampleValues, simWith } from '../helpers/simLedger';

const NOW = new Date('2026-11-23T09:00:00Z');

function ctxFor(port: ActionContext['port'], extra: Partial<ActionContext> = {}): ActionContext {
  return { port, locale: 'zh-CN', now: NOW, settings: { asOf: '2026-11-22' }, ...extra };
}

async function runAll(ctx: ActionContext): Promise<void> {
  const capabilities = await ctx.port.capabilities();
  await checkContacts(ctx);
  await computeTiers({ ...ctx, capabilities }, { rfm: true });
  await findDuplicates({ ...ctx, capabilities });
  await buildSummary({ ...ctx, capabilities });
}

describe('removeAdded on the zh sample', () => {
  it('lists, then removes the columns, rules and sheets the add-in added, leaving every user cell as it was', async () => {
    const { sheet, values } = await sampleValues('customers-zh');
    const { host, port } = simWith({ [sheet]: values });
    const before = host.workbook.sheet(sheet).values();
    const rulesBefore = host.workbook.conditionalFormats.length;
    await runAll(ctxFor(port));
    const s = host.workbook.sheet(sheet);
    expect(s.values()[0]!.length).toBeGreaterThan(before[0]!.length);
    expect(host.workbook.conditionalFormats.length).toBeGreaterThan(rulesBefore);
    const sheetsAfterActions = host.workbook.sheetNames();

    // The preview lists what goes, and writes nothing.
    const afterActions = s.values();
    const { summary: preview, plan } = await planRemoveAdded(ctxFor(port));
    expect(s.values()).toEqual(afterActions);
    expect(host.workbook.sheetNames()).toEqual(sheetsAfterActions);
    expect(preview.columns).toHaveLength(1);
    expect(preview.columns[0]!.how).toBe('delete');
    expect(preview.columns[0]!.columns.map((c) => c.header)).toEqual(expect.arrayContaining(['电话检查', '标准号码', '邮箱检查', '邮箱建议', '价值分层', '客户状态', '重复组', '重复说明', 'RFM 分群']));
    expect(preview.columns[0]!.columns.find((c) => c.header === '价值分层')!.filled).toBeGreaterThan(0);
    // The settings sheet stays: it records the backup this run takes, from which the pane restores.
    expect(preview.sheets.map((x) => [x.kind, x.remove, x.keptBecause]).sort()).toEqual([['settings', false, 'records'], ['summary', true, null]]);
    expect(plan.ops.some((o) => o.op === 'copySheet')).toBe(true);

    const done = await removeAdded(ctxFor(port));
    expect(done.applied).toBe(true);
    expect(s.values()).toEqual(before);
    expect(host.workbook.conditionalFormats.filter((c) => c.sheet === sheet)).toHaveLength(0);
    expect(host.workbook.validations.filter((v) => v.sheet === sheet)).toHaveLength(0);
    const names = host.workbook.sheetNames();
    expect(names).toHaveLength(3);
    expect(names[0]).toBe(sheet);
    expect(names).toContain('台账设置');
    const backupName = done.backupSheets[0]!;
    expect(names).toContain(backupName);
    expect(backupName).toMatch(/^备份 /);
    // The backup holds the columns as they were, the user's typing in them included, and can be restored.
    expect(host.workbook.sheet(backupName).values()).toEqual(afterActions);
    expect((await listBackups(ctxFor(port))).map((b) => b.sheet)).toContain(backupName);

    const again = await removeAdded(ctxFor(port));
    expect(again.nothing).toBe(true);
    expect(again.applied).toBe(false);
    expect(host.workbook.sheetNames()).toEqual(names);
    expect(s.values()).toEqual(before);
  });

  it('clears its cells instead of deleting columns when a column of the user lies right of them, which keeps its values', async () => {
    const { sheet, values } = await sampleValues('customers-zh');
    const { host, port } = simWith({ [sheet]: values });
    await runAll(ctxFor(port));
    const s = host.workbook.sheet(sheet);
    const width = s.values()[0]!.length;
    const rows = s.values().length;
    const userCol = Array.from({ length: rows }, (_, r) => [r === 0 ? '我的备注' : `备注${r}`]);
    s.seed(`${columnLetter(width)}1`, userCol);
    const before = s.values();

    const { summary } = await planRemoveAdded(ctxFor(port));
    expect(summary.columns[0]).toMatchObject({ how: 'clear', why: 'cells-right' });
    await removeAdded(ctxFor(port));
    const after = s.values();
    const ours = new Set(summary.columns[0]!.columns.map((c) => columnIndex(c.letter)));
    for (let r = 0; r < before.length; r++) {
      for (let c = 0; c < before[r]!.length; c++) {
        if (ours.has(c)) expect(after[r]?.[c] ?? '').toBe('');
        else expect(after[r]![c]).toEqual(before[r]![c]);
      }
    }
    expect(after[0]![width]).toBe('我的备注');
    expect(host.workbook.conditionalFormats.filter((c) => c.sheet === sheet)).toHaveLength(0);
    expect((await removeAdded(ctxFor(port))).nothing).toBe(true);
  });

  it('keeps the archive and backup sheets unless asked, and removes them when asked', async () => {
    const { sheet, values } = await sampleValues('customers-zh');
    const { host, port } = simWith({ [sheet]: values });
    const archived = await findDuplicates(ctxFor(port), { archive: true });
    expect(archived.archiveSheet).not.toBeNull();
    const backup = archived.backupSheet!;
    const { summary } = await planRemoveAdded(ctxFor(port));
    expect(summary.sheets.find((x) => x.kind === 'archive')).toMatchObject({ name: archived.archiveSheet, remove: false, keptBecause: 'not-asked' });
    expect(summary.sheets.find((x) => x.kind === 'backup')).toMatchObject({ name: backup, remove: false, keptBecause: 'not-asked' });

    const { summary: asked } = await planRemoveAdded(ctxFor(port), { archives: true, backups: true });
    // The group columns go with a backup of their own, which the settings sheet then records: it stays.
    expect(asked.sheets.filter((x) => x.remove).map((x) => x.kind).sort()).toEqual(['archive', 'backup']);
    expect(asked.sheets.find((x) => x.kind === 'settings')).toMatchObject({ remove: false, keptBecause: 'records' });

    await removeAdded(ctxFor(port));
    expect(host.workbook.sheetNames()).toEqual(expect.arrayContaining([sheet, archived.archiveSheet!, backup]));
  });

  it('never removes a user sheet named like the add-in\'s, and refuses on a protected sheet with nothing changed', async () => {
    const { sheet, values } = await sampleValues('customers-zh');
    const { host, port } = simWith({ [sheet]: values, 客户汇总: [['我自己的汇总'], ['第一季度', 100]], 台账设置: [['我的设置']] });
    await runAll(ctxFor(port));
    const { summary } = await planRemoveAdded(ctxFor(port));
    expect(summary.sheets.map((x) => x.name)).not.toContain('客户汇总');
    expect(summary.sheets.map((x) => x.name)).not.toContain('台账设置');

    host.workbook.sheet(sheet).protect();
    const names = host.workbook.sheetNames();
    const snapshot = host.workbook.sheet(sheet).values();
    await expect(removeAdded(ctxFor(port))).rejects.toMatchObject({ code: 'protected' });
    expect(host.workbook.sheetNames()).toEqual(names);
    expect(host.workbook.sheet(sheet).values()).toEqual(snapshot);
    host.workbook.sheet(sheet).unprotect();

    await removeAdded(ctxFor(port));
    expect(host.workbook.sheet('客户汇总').values()).toEqual([['我自己的汇总', ''], ['第一季度', 100]]);
    expect(host.workbook.sheet('台账设置').values()).toEqual([['我的设置']]);
  });

  it('keeps the settings sheet the template reads, with its registry no longer naming what went', async () => {
    const { sheet, values } = await sampleValues('customers-zh');
    const { host, port } = simWith({ [sheet]: values });
    const template = await installTemplate(ctxFor(port));
    await checkContacts(ctxFor(port, { sheet }));
    const before = host.workbook.sheet(sheet).values();
    const { summary } = await planRemoveAdded(ctxFor(port));
    const settings = summary.sheets.find((x) => x.kind === 'settings')!;
    expect(settings).toMatchObject({ remove: false, keptBecause: 'template' });
    expect(summary.columns.map((c) => c.sheet)).toEqual([sheet]);

    await removeAdded(ctxFor(port));
    expect(host.workbook.sheet(sheet).values()[0]!.length).toBeLessThan(before[0]!.length);
    expect(host.workbook.sheetNames()).toContain(settings.name);
    expect(JSON.stringify(host.workbook.sheet(template.sheet).values())).not.toMatch(/#REF!/);
    const registry = JSON.stringify(host.workbook.sheet(settings.name).values());
    expect(registry).not.toContain(`${sheet}|电话检查`);
    expect(registry).toContain(`${template.sheet}|价值分层`);
    expect((await removeAdded(ctxFor(port))).nothing).toBe(true);
  });

  it('refuses while the workbook structure is protected, with nothing changed', async () => {
    const { sheet, values } = await sampleValues('customers-zh');
    const { host, port } = simWith({ [sheet]: values });
    await runAll(ctxFor(port));
    host.workbook.protect();
    const snapshot = host.workbook.sheet(sheet).values();
    await expect(removeAdded(ctxFor(port))).rejects.toMatchObject({ code: 'protected', detail: 'workbook-structure' });
    expect(host.workbook.sheet(sheet).values()).toEqual(snapshot);
  });
});

/**
 * DESIGN's rule (syncBudget.test.ts) with one more fixed sync: removing conditional formats by their
 * formulas needs the sheet's rules listed, then their formulas loaded, before the first write.
 */
describe('removeAdded sync budget', () => {
  it('stays within ceil(read / budget) + ceil(written / budget) + 5 syncs', async () => {
    const SCALE = 16;
    const LIMIT = (5 * 1024 * 1024) / SCALE;
    const BUDGET = (4 * 1024 * 1024) / SCALE;
    const host = createSimHost({ now: () => NOW, payloadLimitBytes: LIMIT });
    host.workbook.addSheet('客户信息').seed('A1', generateLedger(100_000 / SCALE));
    const port = new ExcelWorkbookPort(host as never, { maxRequestBytes: BUDGET });
    await runAll(ctxFor(port));
    host.resetStats();
    await removeAdded(ctxFor(port));
    const s = host.stats();
    const budget = Math.ceil(s.bytesRead / BUDGET) + Math.ceil(s.bytesWritten / BUDGET) + 5;
    expect(s.bytesRead + s.bytesWritten).toBeGreaterThan(4 * BUDGET); // several budgets' worth, or the rule holds whatever the chunking did
    console.log(`removeAdded: ${s.syncs} syncs (budget ${budget}), read ${(s.bytesRead / 1024).toFixed(0)} KB, wrote ${(s.bytesWritten / 1024).toFixed(0)} KB`);
    expect(s.largestRequestBytes).toBeLessThanOrEqual(LIMIT);
    expect(s.syncs).toBeLessThanOrEqual(budget);
  }, 60_000);
});

describe('removeAdded on an .xlsx file', () => {
  const sheetXml = (port: XlsxWorkbookPort, n: number) => strFromU8(unzipSync(port.toBytes())[`xl/worksheets/sheet${n}.xml`]!);

  it('deletes the columns, their rules and the sheets in the file, every user cell unchanged, and a second run does nothing', async () => {
    const bytes = fs.readFileSync(path.join(SAMPLES_DIR, 'customers-zh.xlsx'));
    const port = XlsxWorkbookPort.open(new Uint8Array(bytes));
    const [first] = await port.listSheets();
    const sheet = first!.name;
    const before = await port.readValues(sheet);
    const ctx = ctxFor(port);
    const capabilities = await port.capabilities();
    await checkContacts(ctx);
    await computeTiers({ ...ctx, capabilities });
    await findDuplicates({ ...ctx, capabilities });
    expect((await port.readValues(sheet))[0]!.length).toBeGreaterThan(before[0]!.length);
    expect(sheetXml(port, 1)).toMatch(/<conditionalFormatting/);

    const done = await removeAdded(ctx);
    expect(done.applied).toBe(true);
    expect(done.columns[0]!.how).toBe('delete');
    const reopened = XlsxWorkbookPort.open(port.toBytes());
    expect(await reopened.readValues(sheet)).toEqual(before);
    const xml = sheetXml(reopened, 1);
    expect(xml).not.toMatch(/<conditionalFormatting/);
    expect(xml).not.toMatch(/台账检查/);
    const names = (await reopened.listSheets()).map((s) => s.name);
    expect(names).toEqual([sheet, '台账设置', done.backupSheets[0]]); // settings stays: it records the backup
    expect((await removeAdded(ctxFor(reopened))).nothing).toBe(true);
  });

  it('deletes its columns beside a ledger kept as an Excel table, the table untouched', async () => {
    const bytes = fs.readFileSync(path.join(SAMPLES_DIR, 'customers-zh.xlsx'));
    const port = XlsxWorkbookPort.open(new Uint8Array(bytes));
    const sheet = (await port.listSheets())[0]!.name;
    const before = await port.readValues(sheet);
    const address = `A1:${columnLetter(before[0]!.length - 1)}${before.length}`;
    await port.apply({ description: '', ops: [{ op: 'addTable', sheet, address, name: 'Mine' }] });
    await checkContacts(ctxFor(port));
    const done = await removeAdded(ctxFor(port));
    expect(done.columns[0]!.how).toBe('delete');
    const reopened = XlsxWorkbookPort.open(port.toBytes());
    expect((await reopened.readValues(sheet)).map((r) => r.slice(0, before[0]!.length))).toEqual(before);
    expect((await reopened.readValues(sheet))[0]).toHaveLength(before[0]!.length);
    const files = unzipSync(port.toBytes());
    const table = Object.entries(files).find(([k]) => k.startsWith('xl/tables/'));
    expect(strFromU8(table![1])).toContain(`ref="${address}"`);
  });

  it('clears only its cells when a user column lies right of them, and that column keeps its values', async () => {
    const bytes = fs.readFileSync(path.join(SAMPLES_DIR, 'customers-zh.xlsx'));
    const port = XlsxWorkbookPort.open(new Uint8Array(bytes));
    const sheet = (await port.listSheets())[0]!.name;
    await checkContacts(ctxFor(port));
    const width = (await port.readValues(sheet))[0]!.length;
    await port.apply({ description: '', ops: [{ op: 'writeBlock', sheet, row: 0, col: width, values: [['我的备注'], ['甲'], ['乙']] }] });
    const before = await port.readValues(sheet);
    const done = await removeAdded(ctxFor(port));
    expect(done.columns[0]).toMatchObject({ how: 'clear', why: 'cells-right' });
    const after = await XlsxWorkbookPort.open(port.toBytes()).readValues(sheet);
    const ours = new Set(done.columns[0]!.columns.map((c) => columnIndex(c.letter)));
    for (let r = 0; r < before.length; r++) {
      for (let c = 0; c < (before[r] ?? []).length; c++) {
        if (ours.has(c)) expect(after[r]?.[c] ?? null).toBeNull();
        else expect(after[r]?.[c] ?? null).toEqual(before[r]![c] ?? null);
      }
    }
    expect(after[1]![width]).toBe('甲');
  });
});
