/** @jest-environment jsdom */
/** Restore from backup in the pane (list, confirm in place, restore, undo-able) and "not a duplicate" remembered. */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { checkContacts } from '../../src/actions';
import { Pane } from '../../src/taskpane/Pane';
import { ExcelWorkbookPort } from '../../src/workbook/excel/excelPort';
import { card, expand } from './dom';
import { LEDGER, paneHost } from './paneHost';

jest.setTimeout(60_000);

/** The restore's confirmation opens in place, under the backup's Restore button (no modal dialog), named by its title. */
const confirmation = (title: string) => screen.findByRole('region', { name: title }, { timeout: 5000 });
const closed = (title: string) => waitFor(() => expect(screen.queryByRole('region', { name: title })).toBeNull());

async function withFixBackup(displayLanguage = 'en-US', sheet = 'Clients') {
  const t = paneHost({ [sheet]: LEDGER }, { displayLanguage });
  const original = t.sim.workbook.sheet(sheet).values();
  const locale = displayLanguage === 'zh-CN' ? 'zh-CN' : 'en-US';
  const fixed = await checkContacts({ port: new ExcelWorkbookPort(t.host), locale, now: new Date(2026, 10, 23, 9, 5) }, { fixPhones: true });
  expect(fixed.backupSheet).toBeTruthy();
  return { t, original, fixed: t.sim.workbook.sheet(sheet).values(), backup: fixed.backupSheet! };
}

describe('Restore from backup', () => {
  it('is not shown when the workbook has no backups', async () => {
    const t = paneHost({ Clients: LEDGER });
    render(<Pane host={t.host} />);
    await screen.findByText(/header on row 1, 4 customers/, undefined, { timeout: 20_000 });
    expect(screen.queryByRole('region', { name: 'Backups' })).toBeNull();
  });

  async function openPane(t: ReturnType<typeof paneHost>) {
    const view = render(<Pane host={t.host} />);
    await screen.findByText(/header on row 1, 4 customers/, undefined, { timeout: 20_000 });
    // Backups start collapsed: the first screen leads with the columns and the next step.
    return { view, backups: await expand(await screen.findByRole('region', { name: 'Backups' })) };
  }

  it('lists the backup with the sheet it copies and what it was taken before; the confirmation says what it brings back and leaves; "keep" changes nothing', async () => {
    const { t, original, fixed, backup } = await withFixBackup();
    expect(fixed).not.toEqual(original);
    const { backups } = await openPane(t);
    expect(within(backups).getByText(backup)).toBeTruthy();
    // The backup says what it was taken before (the fix that made it).
    expect(within(backups).getByText(/of "Clients", made 2026-11-23 09:05, before fixing phones and emails/)).toBeTruthy();
    await userEvent.click(within(backups).getByRole('button', { name: `Restore from ${backup}` }));
    const asks = await confirmation('Restore from this backup?');
    expect(screen.queryByRole('dialog', { hidden: true })).toBeNull();
    const lines = within(asks).getAllByRole('listitem').map((li) => li.textContent);
    expect(lines).toEqual([
      `"Clients" goes back to how it was on 2026-11-23 09:05, just before fixing phones and emails (the copy in "${backup}").`,
      'The current "Clients" is backed up first, so you can undo this by restoring that backup.',
      'Rows moved to an archive sheet since then come back into "Clients"; the archive sheet keeps its copies. Other sheets are not changed.',
    ]);
    await userEvent.click(within(asks).getByRole('button', { name: 'Keep the sheet as it is' }));
    await closed('Restore from this backup?');
    expect(t.sim.workbook.sheet('Clients').values()).toEqual(fixed);
    expect(within(backups).queryByText(/^Restored/)).toBeNull();
  });

  it('works from the keyboard: Enter opens the confirmation, Enter again closes it', async () => {
    const { t, fixed, backup } = await withFixBackup();
    const { backups } = await openPane(t);
    const restoreButton = within(backups).getByRole('button', { name: `Restore from ${backup}` });
    restoreButton.focus();
    await userEvent.keyboard('{Enter}');
    await confirmation('Restore from this backup?');
    expect(restoreButton.getAttribute('aria-expanded')).toBe('true');
    await userEvent.keyboard('{Enter}');
    await closed('Restore from this backup?');
    expect(document.activeElement).toBe(restoreButton);
    expect(t.sim.workbook.sheet('Clients').values()).toEqual(fixed);
  });

  it('says why in plain words when the backup is gone, and speaks Chinese', async () => {
    const { t, backup } = await withFixBackup('zh-CN', '客户');
    render(<Pane host={t.host} />);
    const backups = await expand(await screen.findByRole('region', { name: '备份' }, { timeout: 20_000 }));
    expect(within(backups).getByText(/「客户」的备份/)).toBeTruthy();
    await userEvent.click(within(backups).getByRole('button', { name: `从「${backup}」恢复` }));
    const asks = await confirmation('从这个备份恢复？');
    expect(within(asks).getByText(/会先备份当前的「客户」/)).toBeTruthy();
    expect(within(asks).getByText(/归档表中的副本保留不动/)).toBeTruthy();
    await t.sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem(backup).delete();
      await context.sync();
    });
    await userEvent.click(within(asks).getByRole('button', { name: '先备份再恢复' }));
    expect(await within(card('备份')).findByText(/该备份工作表已不存在/, undefined, { timeout: 20_000 })).toBeTruthy();
  });

  it('confirmed: backs the sheet up, restores it, says where the old one is (listed first)', async () => {
    const { t, original, fixed, backup } = await withFixBackup();
    const { backups } = await openPane(t);
    const sheetsBefore = t.sim.workbook.sheetNames();
    await userEvent.click(within(backups).getByRole('button', { name: `Restore from ${backup}` }));
    const asks = await confirmation('Restore from this backup?');
    await userEvent.click(within(asks).getByRole('button', { name: 'Back up and restore' }));
    const done = await within(card('Backups')).findByText(/^Restored "Clients" from ".+" \(5 rows\)\. The sheet as it was is in ".+"\.$/, undefined, { timeout: 20_000 });
    expect(t.sim.workbook.sheet('Clients').values()).toEqual(original);
    const safety = /as it was is in "([^"]+)"/.exec(done.textContent ?? '')![1]!;
    expect(sheetsBefore).not.toContain(safety);
    expect(t.sim.workbook.sheet(safety).values()).toEqual(fixed);
    // The safety backup is listed first (newest first).
    await waitFor(() => expect(within(card('Backups')).getAllByRole('listitem')[0]!.textContent).toContain(safety));
    // Restoring that safety backup undoes it: test/browser.
  });

});

describe('"Not a duplicate" remembered', () => {
  it('says how many groups it hides because the user marked them, on later runs too', async () => {
    const t = paneHost({ Clients: LEDGER });
    render(<Pane host={t.host} />);
    await screen.findByText(/header on row 1, 4 customers/, undefined, { timeout: 20_000 });
    const dup = card('Find duplicates');
    await userEvent.click(within(dup).getByRole('button', { name: 'Find duplicates' }));
    await within(dup).findByText('1 duplicate group (2 rows).', undefined, { timeout: 20_000 });
    expect(within(dup).queryByText(/marked as not duplicates/)).toBeNull();
    await userEvent.click(within(dup).getByRole('checkbox', { name: 'Not a duplicate' }));
    await userEvent.click(within(dup).getByRole('button', { name: 'Apply my choices' }));
    await within(dup).findByText('1 group you marked as not duplicates is hidden.', undefined, { timeout: 20_000 });
    expect(within(dup).getByText('No duplicates found.')).toBeTruthy();
    // A later run remembers it.
    await userEvent.click(within(dup).getByRole('button', { name: 'Find duplicates' }));
    await waitFor(() => expect(dup.getAttribute('aria-busy')).toBe('false'), { timeout: 20_000 });
    expect(within(dup).getByText('1 group you marked as not duplicates is hidden.')).toBeTruthy();
  });

  it('in Chinese', async () => {
    const t = paneHost({ 客户: LEDGER }, { displayLanguage: 'zh-CN' });
    render(<Pane host={t.host} />);
    await screen.findByText(/表头在第 1 行，共 4 位客户/, undefined, { timeout: 20_000 });
    const dup = card('查找重复客户');
    await userEvent.click(within(dup).getByRole('button', { name: '查找重复客户' }));
    await userEvent.click(await within(dup).findByRole('checkbox', { name: '不是重复' }, { timeout: 20_000 }));
    await userEvent.click(within(dup).getByRole('button', { name: '按我的选择更新' }));
    expect(await within(dup).findByText('已隐藏 1 组您标记为“不是重复”的分组。', undefined, { timeout: 20_000 })).toBeTruthy();
  });
});
