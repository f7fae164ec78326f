/** @jest-environment jsdom */
/**
 * "Remove what the add-in added" in the pane: the first click only lists (the workbook unchanged); the
 * confirmation says a backup comes first; the removal leaves the user's cells as they were, and the
 * archive stays unless its box is ticked. Asserted on the simulated workbook after each step.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Pane } from '../../src/taskpane/Pane';
import { runAction } from '../../src/addin/runAction';
import { card, expand } from './dom';
import { LEDGER, paneHost } from './paneHost';
import { clickWhenEnabled, openConfirmation } from './waitPane';

jest.setTimeout(120_000);

const TITLE = 'Remove what the add-in added';

/** A ledger the add-in has worked on: check columns, a summary sheet, one duplicate row archived. */
async function workedOn() {
  const t = paneHost({ Clients: LEDGER });
  await runAction('checkContacts', t.host, 'en-US');
  await runAction('buildSummary', t.host, 'en-US');
  const dup = await runAction('findDuplicates', t.host, 'en-US', { duplicates: { archive: true } });
  if (dup.action !== 'findDuplicates' || !dup.summary.archiveSheet) throw new Error('no archive made');
  const wb = t.sim.workbook;
  const summary = wb.sheetNames().find((n) => /Summary/.test(n))!;
  const users = wb.sheet('Clients').values().map((r) => r.slice(0, LEDGER[0]!.length));
  return { t, archive: dup.summary.archiveSheet, summary, users, sheets: wb.sheetNames(), values: wb.sheet('Clients').values() };
}

async function preview() {
  await screen.findByText(/header on row 1/, undefined, { timeout: 30_000 });
  await screen.findByRole('switch', { name: 'Keep checking as I type' }, { timeout: 20_000 });
  const region = await expand(card(TITLE));
  await clickWhenEnabled(within(region).getByRole('button', { name: TITLE }));
  return within(card(TITLE)).findByRole('list', { name: 'Columns the add-in added' }, { timeout: 20_000 });
}

async function confirmRemoval() {
  const confirmation = await openConfirmation(() => within(card(TITLE)).getByRole('button', { name: 'Remove these' }), 'Remove these columns and sheets?');
  expect(within(confirmation).getByText(/First a backup of each sheet that loses columns is made/)).toBeTruthy();
  return confirmation;
}

it('lists without changing anything, then removes the columns and the summary after a backup; the archive stays', async () => {
  const w = await workedOn();
  render(<Pane host={w.t.host} />);
  const columns = await preview();
  const wb = w.t.sim.workbook;
  // The preview wrote nothing.
  expect(wb.sheetNames()).toEqual(w.sheets);
  expect(wb.sheet('Clients').values()).toEqual(w.values);
  // Each column with its letter and header, each sheet with its kind and why it stays.
  const items = within(columns).getAllByRole('listitem').map((li) => li.textContent);
  const header = w.values[0]!;
  const phoneCheck = header.indexOf('Phone check');
  expect(phoneCheck).toBeGreaterThanOrEqual(LEDGER[0]!.length);
  const filled = w.values.slice(1).filter((r) => r[phoneCheck] !== '' && r[phoneCheck] !== null).length;
  expect(filled).toBeGreaterThan(0);
  expect(items).toContain(`"Clients" column ${String.fromCharCode(65 + phoneCheck)} "Phone check" (${filled} filled)`);
  const sheets = within(card(TITLE)).getByRole('list', { name: 'Sheets the add-in made' });
  expect(within(sheets).getByText(new RegExp(`"${w.archive}" \\(duplicate archive.*stays unless you tick`))).toBeTruthy();
  expect(within(sheets).getByText(new RegExp(`"${w.summary}" \\(summary\\) — will be removed`))).toBeTruthy();

  const confirmation = await confirmRemoval();
  expect(within(confirmation).getByText(/The archive sheets stay/)).toBeTruthy();
  await userEvent.click(within(confirmation).getByRole('button', { name: 'Go ahead' }));
  await waitFor(() => expect(card(TITLE).textContent).toMatch(/Removed \d+ columns and 1 sheet the add-in had added; the sheet as it was is on "/), { timeout: 30_000 });

  expect(wb.sheet('Clients').values()).toEqual(w.users);
  expect(wb.sheetNames()).not.toContain(w.summary);
  expect(wb.sheetNames()).toContain(w.archive);
  expect(wb.sheet(w.archive).values().some((r) => r.includes('ann.lee@163.com') || r.includes('ann@qq.com'))).toBe(true);
  const backup = wb.sheetNames().find((n) => /Backup/.test(n) && !w.sheets.includes(n))!;
  expect(wb.sheet(backup).values()).toEqual(w.values);
  // The pane read the workbook again: without check columns, no live checking.
  await waitFor(() => expect(screen.queryByRole('switch', { name: 'Keep checking as I type' })).toBeNull(), { timeout: 20_000 });
});

it('removes the archive too when its box is ticked, and the user cells still equal the originals', async () => {
  const w = await workedOn();
  render(<Pane host={w.t.host} />);
  await preview();
  const wb = w.t.sim.workbook;
  await userEvent.click(within(card(TITLE)).getByRole('checkbox', { name: /Also remove the archive sheets/ }));
  expect(within(card(TITLE)).getByText(new RegExp(`"${w.archive}" \\(duplicate archive.*will be removed`))).toBeTruthy();
  expect(wb.sheetNames()).toContain(w.archive); // ticking alone changes nothing
  const confirmation = await confirmRemoval();
  expect(within(confirmation).getByText(/The archive sheets are removed too/)).toBeTruthy();
  await userEvent.click(within(confirmation).getByRole('button', { name: 'Go ahead' }));
  await waitFor(() => expect(card(TITLE).textContent).toMatch(/Removed \d+ columns and 2 sheets/), { timeout: 30_000 });
  expect(wb.sheetNames()).not.toContain(w.archive);
  expect(wb.sheetNames()).not.toContain(w.summary);
  expect(wb.sheet('Clients').values()).toEqual(w.users);
});
