/**
 * Fixing problems one at a time keeps one backup: a fix reuses the ledger's latest backup when it was
 * taken before a fix, within the hour, and still holds every cell the fix overwrites as the cell is now.
 * An edit in those cells since, an hour gone, or another kind of backup since makes a new one; and the
 * reused backup restores every fixed cell.
 */
import { checkContacts, restoreBackup, type ActionContext } from '../../src/actions';
import type { WorkbookPort } from '../../src/workbook/port';
import { XlsxWorkbookPort } from '../../src/workbook/xlsx/xlsxPort';
import { simWith } from '../helpers/simLedger';
import { buildXlsx, row, worksheet } from '../helpers/xlsxFixture';

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 9, minutes));
const ctxFor = (port: WorkbookPort, minutes = 0): ActionContext => ({ port, locale: 'en-US', now: at(minutes), settings: { asOf: '2026-11-22', region: 'CN' } });
const LEDGER = [
  ['Name', 'Mobile', 'Email'],
  ['Ann', '13800138000', 'ann@qq.con'],
  ['Bob', '13900139000', 'bob@qq.con'],
  ['Cat', '13700137000', 'cat@qq.con'],
];
const fixOne = (port: WorkbookPort, cell: string, minutes: number) => checkContacts(ctxFor(port, minutes), { acceptSuggestions: true, only: [cell] });
const backups = (names: string[]) => names.filter((n) => /^Backup /.test(n));

describe('one backup for a run of small fixes', () => {
  it('the second and third fix reuse the first fix\'s backup, which restores all three cells', async () => {
    const { host, port } = simWith({ Clients: LEDGER });
    const first = await fixOne(port, 'C2', 0);
    expect(first.backupReused).toBeUndefined();
    const second = await fixOne(port, 'C3', 5);
    const third = await fixOne(port, 'C4', 10);
    expect([second.backupReused, third.backupReused]).toEqual([true, true]);
    expect(second.backupSheet).toBe(first.backupSheet);
    expect(backups(host.workbook.sheetNames())).toEqual([first.backupSheet]);
    expect(host.workbook.sheet('Clients').values().slice(1).map((r) => r[2])).toEqual(['ann@qq.com', 'bob@qq.com', 'cat@qq.com']);
    await restoreBackup(ctxFor(port, 11), { backupSheet: first.backupSheet! });
    expect(host.workbook.sheet('Clients').values().slice(1).map((r) => r[2])).toEqual(['ann@qq.con', 'bob@qq.con', 'cat@qq.con']);
  });

  it('a cell edited since the backup gets a new one: the backup would not give back what the fix overwrites', async () => {
    const { host, port } = simWith({ Clients: LEDGER });
    const first = await fixOne(port, 'C2', 0);
    host.workbook.sheet('Clients').seed('C3', [['bob@gmial.com']]);
    const second = await fixOne(port, 'C3', 5);
    expect(second.fixes).toBe(1);
    expect(second.backupReused).toBeUndefined();
    expect(second.backupSheet).not.toBe(first.backupSheet);
    expect(host.workbook.sheet(second.backupSheet!).values()[2]![2]).toBe('bob@gmial.com');
  });

  it('an hour later, or after a backup taken before something else, a fix makes its own', async () => {
    const { host, port } = simWith({ Clients: LEDGER });
    await fixOne(port, 'C2', 0);
    const late = await fixOne(port, 'C3', 61);
    expect(late.backupReused).toBeUndefined();
    await restoreBackup(ctxFor(port, 62), { backupSheet: late.backupSheet! }); // its safety backup is the latest now
    const afterRestore = await fixOne(port, 'C4', 63);
    expect(afterRestore.backupReused).toBeUndefined();
    expect(backups(host.workbook.sheetNames()).length).toBe(4);
  });

  it('in a file too (the CLI fixing the same workbook twice)', async () => {
    const port = XlsxWorkbookPort.open(buildXlsx({ sheets: [{ name: 'Clients', xml: worksheet(LEDGER.map((r, i) => row(i + 1, r as string[])).join('')) }] }));
    const first = await fixOne(port, 'C2', 0);
    const second = await fixOne(port, 'C3', 1);
    expect(second.backupSheet).toBe(first.backupSheet);
    expect(backups((await port.listSheets()).map((s) => s.name))).toHaveLength(1);
  });
});

it('Fix all keeps a backup of its own, and a fix of chosen cells after it makes a new one too', async () => {
  const { host, port } = simWith({ Clients: [...LEDGER, ['Dan', '138 0013 8001', 'dan@qq.con']] });
  const one = await fixOne(port, 'C2', 0);
  const all = await checkContacts(ctxFor(port, 1), { fixPhones: true, acceptSuggestions: true });
  expect(all.fixes).toBeGreaterThan(0);
  expect(all.backupReused).toBeUndefined();
  expect(all.backupSheet).not.toBe(one.backupSheet);
  host.workbook.sheet('Clients').seed('C3', [['bob@gmial.com']]);
  const after = await fixOne(port, 'C3', 2);
  expect(after.backupReused).toBeUndefined();
  expect(backups(host.workbook.sheetNames())).toHaveLength(3);
});
