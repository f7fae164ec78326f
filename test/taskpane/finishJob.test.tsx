/** @jest-environment jsdom */
/**
 * The pane finishes the job: fix all after a confirmation, merge a duplicate group after one that states
 * the rules, whom to call — each asserted on the workbook afterwards (nothing of the user's lost).
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Pane } from '../../src/taskpane/Pane';
import { card } from './dom';
import { openConfirmation } from './waitPane';
import { LEDGER, paneHost } from './paneHost';

jest.setTimeout(90_000);

async function ready() {
  await screen.findByText(/header on row 1, 4 customers/, undefined, { timeout: 30_000 });
}

it('fixes every proposed cell after a confirmation that says what will happen, with a backup', async () => {
  const t = paneHost({ Clients: LEDGER });
  render(<Pane host={t.host} />);
  await ready();
  const contacts = card('Check phones & emails');
  await userEvent.click(within(contacts).getByRole('button', { name: 'Check phones & emails' }));
  await within(contacts).findByRole('button', { name: 'Fix all…' }, { timeout: 20_000 });
  const confirmation = await openConfirmation(() => within(card('Check phones & emails')).getByRole('button', { name: 'Fix all…' }), 'Fix phones and emails');
  expect(within(confirmation).getByText(/backup of the sheet is made/)).toBeTruthy();
  await userEvent.click(within(confirmation).getByRole('button', { name: 'Go ahead' }));
  await waitFor(() => expect(card('Check phones & emails').textContent).toMatch(/Fixed \d+ cells, after a backup in "/), { timeout: 20_000 });
  const rows = t.sim.workbook.sheet('Clients').values();
  // Phones are written the local way by default (the check's phoneStyle), as the confirmation says.
  expect(rows[1]!.slice(0, 3)).toEqual(['Ann Lee', '138 0013 8000', 'ann@qq.com']);
  expect(rows[2]![2]).toBe('bo@qq.com'); // the suggestion accepted
  expect(rows[2]![1]).toBe('1380013'); // an invalid number is left as typed
  const backup = t.sim.workbook.sheetNames().find((n) => /Backup/.test(n))!;
  expect(t.sim.workbook.sheet(backup).values().slice(0, 5).map((r) => r.slice(0, 7))).toEqual(LEDGER);
  expect(within(card('Check phones & emails')).queryByRole('button', { name: 'Fix all…' })).toBeNull(); // nothing left to fix
});

it('shows each row of a group, merges after the rules are read, and keeps the other row in the archive', async () => {
  const t = paneHost({ Clients: LEDGER });
  render(<Pane host={t.host} />);
  await ready();
  const dup = card('Find duplicates');
  await userEvent.click(within(dup).getByRole('button', { name: 'Find duplicates' }));
  const group = await within(dup).findByRole('group', { name: 'Group 1' }, { timeout: 20_000 });
  expect(within(group).getByText(/Ann Lee · 13800138000 · ann@qq\.com · spent 1,200/)).toBeTruthy();
  expect(within(group).getByText(/Ann Lee · 13800138000 · ann\.lee@163\.com · spent 80/)).toBeTruthy();
  const confirmation = await openConfirmation(() => within(card('Find duplicates')).getByRole('button', { name: 'Merge into the kept rows…' }), 'Merge duplicate groups');
  expect(within(confirmation).getByText(/Amounts and order counts are added/)).toBeTruthy();
  await userEvent.click(within(confirmation).getByRole('button', { name: 'Go ahead' }));
  await waitFor(() => expect(card('Find duplicates').textContent).toMatch(/Merged \d+ cells into the kept rows.*Moved 1 duplicate row to "/), { timeout: 20_000 });
  const rows = t.sim.workbook.sheet('Clients').values();
  const anns = rows.filter((r) => r[0] === 'Ann Lee');
  expect(anns).toHaveLength(1);
  expect(anns[0]![4]).toBe(1280); // 1200 + 80
  expect(anns[0]![6]).toBe(4); // 3 + 1 orders
  const archive = t.sim.workbook.sheetNames().find((n) => /Archive/.test(n))!;
  expect(t.sim.workbook.sheet(archive).values().some((r) => r[2] === 'ann.lee@163.com' && r[4] === 80)).toBe(true);
});

it('makes the list of whom to call: overdue first, then due this week, with go-to links', async () => {
  // The pane's as-of date is today: follow-up dates relative to it.
  const day = (offset: number) => Math.floor(Date.now() / 86_400_000) + 25_569 + offset; // Excel serial
  const t = paneHost({ Clients: [
    ['Name', 'Mobile', 'Total spend', 'Last purchase', 'Next follow-up'],
    ['Ann Lee', '13800138000', 1200, day(-10), day(2)],
    ['Bo Chen', '13900139000', 300, day(-20), day(-3)],
    ['Cy Wu', '13700137000', 50, day(-5), day(30)],
  ] });
  render(<Pane host={t.host} />);
  await screen.findByText(/header on row 1, 3 customers/, undefined, { timeout: 30_000 });
  const today = screen.getByRole('region', { name: 'Whom to call' });
  // Collapsed at first (it is not the next step): the list, once made, opens it.
  await userEvent.click(within(today).getByRole('button', { name: 'Make the list' }));
  await within(today).findByText('2 customers to call, the most urgent first.', undefined, { timeout: 20_000 });
  const items = within(within(today).getByRole('list', { name: 'Whom to call' })).getAllByRole('listitem').map((li) => li.textContent);
  expect(items).toEqual(['Bo Chen · +8613900139000 · follow-up overdue by 3 days', 'Ann Lee · +8613800138000 · follow up in 2 days']);
  await userEvent.click(within(today).getByRole('button', { name: 'Go to row 3' }));
});
