/**
 * Restore from backup, through the Office.js adapter on the simulator and through the exceljs adapter:
 * the backups the add-in made are listed newest first with the sheet they copy (also when the name is
 * cut), a restore puts the backup's values and formulas back after a safety backup of the sheet as it
 * was, archived rows come back, restoring twice gives the same sheet, refusals change nothing.
 */
import ExcelJS from 'exceljs';
import { checkContacts, findDuplicates, listBackups, restoreBackup, type ActionContext } from '../../src/actions';
import { openXlsx } from '../helpers/exceljsRead';
import { dateToSerial } from '../../src/actions/cellInput';
import type { WorkbookPort } from '../../src/workbook/port';
import { simWith } from '../helpers/simLedger';
import { cellText } from '../../src/core/text';
import { excelSerialToIso } from '../../src/core/calendar';

const NOW = new Date(2026, 10, 23, 9, 5);
const LATER = new Date(2026, 10, 23, 10, 40);
const ctxFor = (port: WorkbookPort, extra: Partial<ActionContext> = {}): ActionContext => ({ port, locale: 'zh-CN', now: NOW, settings: { asOf: '2026-11-22' }, ...extra });

const HEADER = ['姓名', '手机', '邮箱', '公司', '消费金额', '最近购买', '双倍'];
function ledgerRows(): unknown[][] {
  return [
    HEADER,
    ['张三', '138 0013 8000', 'zhang@qq.com', '甲公司', 100, 46000, '=E2*2'],
    ['李四', '13900139000', 'LI@163.COM ', '乙公司', 80, 46010, '=E3*2'],
    ['张三', '13800138000', '', '甲公司', 50, 46020, '=E4*2'],
    ['王五', '137-0013-7000', 'wang@126.com', '丙公司', 10, 46030, '=E5*2'],
  ];
}

async function expectRefusal(p: Promise<unknown>, code: string): Promise<void> {
  await expect(p).rejects.toMatchObject({ name: 'RestoreError', code });
}

describe('restoreBackup on the simulator (Office.js adapter)', () => {
  it("points restored formulas back at the sheet when Excel's copy made them refer to the backup itself", async () => {
    const rows = ledgerRows();
    rows[1]![6] = "='客户'!E2*2";
    const { host, port } = simWith({ 客户: rows });
    const fixed = await checkContacts(ctxFor(port), { fixPhones: true });
    const backup = host.workbook.sheet(fixed.backupSheet!);
    // As Excel rewrites a copied sheet's references to itself (the sim copies formulas as they are).
    backup.write('G2', [[`='${fixed.backupSheet!}'!E2*2+0`]]);
    await restoreBackup(ctxFor(port, { now: LATER }), { backupSheet: fixed.backupSheet! });
    const f = host.workbook.sheet('客户').cell('G2').formula;
    expect(f).toBe("='客户'!E2*2+0");
    expect(f).not.toContain('备份');
  });

  it('undoes checkContacts fixes: values and formulas back, check columns gone, after a safety backup', async () => {
    const { host, port } = simWith({ 客户: ledgerRows() });
    const s = host.workbook.sheet('客户');
    s.setNumberFormat('F2:F5', 'yyyy-mm-dd');
    const original = { values: s.values(), formulas: s.formulas() };

    const fixed = await checkContacts(ctxFor(port), { fixPhones: true, fixEmails: true });
    expect(fixed.backupSheet).toMatch(/^备份 客户 1123-0905$/);
    expect(s.cell('B2').value).toBe('138 0013 8000');
    const beforeRestore = s.values();

    const list = await listBackups(ctxFor(port));
    expect(list).toEqual([{ sheet: fixed.backupSheet, of: '客户', made: '2026-11-23 09:05', before: 'fix' }]);

    const summary = await restoreBackup(ctxFor(port, { now: LATER }), { backupSheet: fixed.backupSheet! });
    expect(summary).toEqual({ sheet: '客户', backupSheet: fixed.backupSheet, safetyBackup: '备份 客户 1123-1040', rows: 5 });
    // The sheet holds exactly what it held before the fixes: the check columns are gone too.
    expect(s.values()).toEqual(original.values);
    expect(s.formulas()).toEqual(original.formulas);
    expect(s.cell('F3').text).toBe(excelSerialToIso(46010));
    // The safety backup holds the sheet as it was just before the restore.
    expect(host.workbook.sheet(summary.safetyBackup).values()).toEqual(beforeRestore);

    // Twice: the same sheet, another safety backup (of the restored sheet).
    const again = await restoreBackup(ctxFor(port, { now: LATER }), { backupSheet: fixed.backupSheet! });
    expect(again.safetyBackup).toBe('备份 客户 1123-1040 (2)');
    expect(s.values()).toEqual(original.values);
    expect(s.formulas()).toEqual(original.formulas);
    expect(host.workbook.sheet(again.safetyBackup).values()).toEqual(original.values);

    // Newest first, each with the sheet it copies.
    expect((await listBackups(ctxFor(port))).map((b) => [b.sheet, b.of])).toEqual([
      ['备份 客户 1123-1040 (2)', '客户'], ['备份 客户 1123-1040', '客户'], ['备份 客户 1123-0905', '客户'],
    ]);

    // Undoing the restore: the first safety backup brings the fixes back.
    await restoreBackup(ctxFor(port, { now: new Date(2026, 10, 23, 11, 0) }), { backupSheet: summary.safetyBackup });
    expect(s.values()).toEqual(beforeRestore);
  });

  it('brings back the rows findDuplicates archived, with their formulas and a date format', async () => {
    const { host, port } = simWith({ 客户: ledgerRows() });
    const s = host.workbook.sheet('客户');
    s.setNumberFormat('F2:F5', 'yyyy-mm-dd');
    const original = { values: s.values(), formulas: s.formulas() };
    const moved = await findDuplicates(ctxFor(port), { archive: true });
    expect(moved.archived).toHaveLength(1);
    expect(s.values()).toHaveLength(4);

    const summary = await restoreBackup(ctxFor(port, { now: LATER }), { backupSheet: moved.backupSheet! });
    expect(summary.rows).toBe(5);
    expect(s.values()).toEqual(original.values);
    expect(s.formulas()).toEqual(original.formulas);
    // The row the sheet had lost is back, its date shown as a date.
    expect(s.cell('F5').numberFormat).toBe('yyyy-mm-dd');
    expect(s.cell('F5').text).toBe(excelSerialToIso(46030));
    // The archive keeps its copy; the safety backup has the sheet without the archived row.
    expect(host.workbook.sheet(moved.archiveSheet!).values()).toHaveLength(2);
    expect(host.workbook.sheet(summary.safetyBackup).values()).toHaveLength(4);
  });

  it('says what each backup was taken before; a reason it does not know (a newer version\'s) is dropped, the backup kept', async () => {
    const { host, port } = simWith({ 客户: ledgerRows() });
    const fixed = await checkContacts(ctxFor(port), { fixPhones: true });
    const merged = await findDuplicates(ctxFor(port, { now: new Date('2026-11-23T10:05:00') }), { merge: true });
    const list = await listBackups(ctxFor(port));
    expect(merged.backupSheet).not.toBeNull(); // 张三 twice
    expect(Object.fromEntries(list.map((b) => [b.sheet, b.before]))).toEqual({ [fixed.backupSheet!]: 'fix', [merged.backupSheet!]: 'merge' });
    const settings = host.workbook.sheet('台账设置');
    const row = settings.values().findIndex((r) => r[0] === 'backups');
    const record = JSON.parse(String(settings.values()[row]![1])) as Record<string, { before?: string }>;
    record[fixed.backupSheet!]!.before = 'something-new';
    settings.write(`B${row + 1}`, [[JSON.stringify(record)]]);
    const again = await listBackups(ctxFor(port));
    expect(again.find((b) => b.sheet === fixed.backupSheet)).toMatchObject({ of: '客户', before: null });
  });

  it('tells the sheet of a backup whose name was cut, from the record and else from the name', async () => {
    const long = '华东区重点客户信息总表二〇二六年度版本';
    const other = `${long}（副本）`;
    const { host, port } = simWith({ [long]: ledgerRows(), [other]: ledgerRows() });
    const fixed = await checkContacts(ctxFor(port, { sheet: long }), { fixPhones: true });
    expect(fixed.backupSheet!.length).toBeLessThanOrEqual(31);
    expect(fixed.backupSheet).not.toContain(long);
    expect(await listBackups(ctxFor(port))).toEqual([{ sheet: fixed.backupSheet, of: long, made: '2026-11-23 09:05', before: 'fix' }]);

    // Without the record (a backup from an older version): both sheets fit the cut name.
    const settings = host.workbook.sheet('台账设置');
    const row = settings.values().findIndex((r) => r[0] === 'backups');
    settings.write(`B${row + 1}`, [['']]);
    expect(await listBackups(ctxFor(port))).toEqual([{ sheet: fixed.backupSheet, of: null, made: '11-23 09:05', before: null }]);
    const before = host.workbook.sheetNames().map((n) => host.workbook.sheet(n).values());
    await expectRefusal(restoreBackup(ctxFor(port), { backupSheet: fixed.backupSheet! }), 'unknown-sheet');
    expect(host.workbook.sheetNames().map((n) => host.workbook.sheet(n).values())).toEqual(before);
    // The user says which sheet.
    const done = await restoreBackup(ctxFor(port, { sheet: long, now: LATER }), { backupSheet: fixed.backupSheet! });
    expect(done.sheet).toBe(long);
    expect(host.workbook.sheet(long).cell('B2').value).toBe('138 0013 8000');
  });

  it('refuses a missing sheet, a sheet that is not its backup, and a protected sheet, changing nothing', async () => {
    const { host, port } = simWith({ 客户: ledgerRows(), 'Backup 2024': [['old']], '备份 客户 1301-2599': [['x']] });
    const fixed = await checkContacts(ctxFor(port), { fixPhones: true });
    const snapshot = () => host.workbook.sheetNames().map((n) => ({ n, v: host.workbook.sheet(n).values() }));
    const before = snapshot();
    await expectRefusal(restoreBackup(ctxFor(port), { backupSheet: '备份 客户 0101-0000' }), 'no-backup');
    await expectRefusal(restoreBackup(ctxFor(port), { backupSheet: 'Backup 2024' }), 'not-a-backup');
    await expectRefusal(restoreBackup(ctxFor(port), { backupSheet: '备份 客户 1301-2599' }), 'not-a-backup'); // month 13: not a stamp
    await expectRefusal(restoreBackup(ctxFor(port), { backupSheet: '客户' }), 'not-a-backup');
    expect((await listBackups(ctxFor(port))).map((b) => b.sheet)).toEqual([fixed.backupSheet]);
    host.workbook.sheet('客户').protect();
    await expect(restoreBackup(ctxFor(port, { now: LATER }), { backupSheet: fixed.backupSheet! })).rejects.toMatchObject({ name: 'WorkbookError', code: 'protected' });
    expect(snapshot()).toEqual(before);
  });
});

describe('restoreBackup: stopping', () => {
  it('a cancel before the write leaves everything as it was (one plan, the adapter checks the signal)', async () => {
    const { host, port } = simWith({ 客户: ledgerRows() });
    const fixed = await checkContacts(ctxFor(port), { fixPhones: true });
    const before = host.workbook.sheetNames().map((n) => ({ n, v: host.workbook.sheet(n).values() }));
    const controller = new AbortController();
    const phases: string[] = [];
    const run = restoreBackup(ctxFor(port, {
      now: LATER, signal: controller.signal,
      onProgress: (p) => {
        phases.push(p.phase);
        if (p.phase === 'read' && p.done === p.total) controller.abort();
      },
    }), { backupSheet: fixed.backupSheet! });
    await expect(run).rejects.toMatchObject({ name: 'WorkbookError', code: 'cancelled' });
    expect(phases).toContain('read');
    expect(phases).not.toContain('write');
    expect(host.workbook.sheetNames().map((n) => ({ n, v: host.workbook.sheet(n).values() }))).toEqual(before);
  });
});

describe('restoreBackup through the exceljs adapter', () => {
  it('brings back archived rows and formulas after a safety backup', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    ledgerRows().forEach((r, i) => ws.addRow(r.map((v) => (typeof v === 'string' && v.startsWith('=') ? { formula: v.slice(1), result: (ledgerRows()[i]![4] as number) * 2 } : v))));
    const x = await openXlsx(wb);
    const port = x.port;
    const text = async (name: string) => {
      const out: string[][] = [];
      (await x.reload()).getWorksheet(name)!.eachRow((row, r) => {
        const cells: string[] = [];
        for (let c = 1; c <= 7; c++) {
          const cell = row.getCell(c);
          // Formulas as their text: a restored formula has no cached result until Excel calculates.
          // A restored row the sheet had lost gets a date format in its date column: compare the serial.
          const v = cell.value instanceof Date ? dateToSerial(cell.value) : cell.value;
          cells.push(cell.formula ? `=${cell.formula}` : cellText(v));
        }
        out[r - 1] = cells;
      });
      return out;
    };
    const original = await text('客户');
    const moved = await findDuplicates(ctxFor(port), { archive: true });
    expect(await text('客户')).toHaveLength(4);
    const summary = await restoreBackup(ctxFor(port, { now: LATER }), { backupSheet: moved.backupSheet! });
    expect(await text('客户')).toEqual(original);
    const formulaCell = (await x.reload()).getWorksheet('客户')!.getCell('G5');
    expect(formulaCell.formula).toBe('E5*2');
    expect(await text(summary.safetyBackup)).toHaveLength(4);
    expect((await listBackups(ctxFor(port))).map((b) => b.sheet)).toEqual([summary.safetyBackup, moved.backupSheet]);
    await expectRefusal(restoreBackup(ctxFor(port), { backupSheet: '客户' }), 'not-a-backup');
  });
});
