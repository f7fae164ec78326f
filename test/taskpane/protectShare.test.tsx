/** @jest-environment jsdom */
/**
 * "Protect & share" in one card (the four actions have no cards of their own): protect locks the sheet
 * (a locked cell refuses a write), unprotect opens it, a password is passed on and asked for again, hide
 * and show the amount column. And "whom to call" puts its list on a sheet to print.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Pane } from '../../src/taskpane/Pane';
import { card, expand } from './dom';
import { LEDGER, paneHost } from './paneHost';
import { clickWhenEnabled } from './waitPane';

jest.setTimeout(120_000);

const TITLE = 'Protect & share';

async function opened() {
  const t = paneHost({ Clients: LEDGER });
  render(<Pane host={t.host} />);
  await screen.findByText(/header on row 1, 4 customers/, undefined, { timeout: 30_000 });
  await expand(card(TITLE));
  return t;
}

const press = (name: string) => clickWhenEnabled(within(card(TITLE)).getByRole('button', { name }));
const said = (text: RegExp) => within(card(TITLE)).findByText(text, undefined, { timeout: 20_000 });

it('protects (a locked cell refuses a write), unprotects, hides and shows the amount column', async () => {
  const t = await opened();
  for (const gone of ['Protect ledger', 'Unprotect ledger', 'Hide amounts', 'Show amounts', 'Print call list']) {
    expect(screen.queryByRole('region', { name: gone })).toBeNull();
  }
  const sheet = t.sim.workbook.sheet('Clients');
  expect(within(card(TITLE)).getByText(/Review › Unprotect Sheet/)).toBeTruthy();

  await press('Protect');
  await said(/Sheet "Clients" is protected/);
  expect(sheet.protected).toBe(true);
  expect(() => sheet.write('A1', [['Changed']])).toThrow(/protected/);
  expect(sheet.cell('A1').value).toBe('Name');

  await press('Unprotect');
  await said(/Sheet "Clients" is no longer protected/);
  expect(sheet.protected).toBe(false);

  const amount = String.fromCharCode(65 + LEDGER[0]!.indexOf('Total spend'));
  // The finance column is ticked to begin with, and only it.
  const group = within(card(TITLE)).getByRole('group', { name: 'Columns to hide before sharing' });
  const ticked = within(group).getAllByRole('checkbox').filter((b) => (b as HTMLInputElement).checked);
  expect(ticked).toHaveLength(1);
  expect(ticked[0]).toBe(within(group).getByLabelText(`${amount} · Total spend`));
  await press('Hide the ticked columns');
  await said(new RegExp(`Hidden: column ${amount}`));
  expect(sheet.hiddenColumns()).toContain(amount);
  await press('Show them again');
  await said(new RegExp(`Shown: column ${amount}`));
  expect(sheet.hiddenColumns()).not.toContain(amount);
  expect(sheet.values()).toEqual(LEDGER);
});

it('hides the columns the user ticks: the company instead of the amount', async () => {
  const t = await opened();
  const sheet = t.sim.workbook.sheet('Clients');
  const amount = String.fromCharCode(65 + LEDGER[0]!.indexOf('Total spend'));
  const company = String.fromCharCode(65 + LEDGER[0]!.indexOf('Company'));
  const group = within(card(TITLE)).getByRole('group', { name: 'Columns to hide before sharing' });
  await userEvent.click(within(group).getByLabelText(`${amount} · Total spend`));
  await userEvent.click(within(group).getByLabelText(`${company} · Company`));
  await press('Hide the ticked columns');
  await waitFor(() => expect(sheet.hiddenColumns()).toEqual([company]), { timeout: 20_000 });
  await said(new RegExp(`Hidden: column ${company}\\.`));
  expect(sheet.values()).toEqual(LEDGER);
});

it('passes the password on (stored nowhere: the field empties) and needs it to unprotect', async () => {
  const t = await opened();
  const sheet = t.sim.workbook.sheet('Clients');
  const password = within(card(TITLE)).getByLabelText('Password (optional)');
  expect(password.getAttribute('type')).toBe('password');
  expect(within(card(TITLE)).getByText(/cannot be recovered/)).toBeTruthy();
  await userEvent.type(password, 'tea4two');
  await press('Protect');
  await said(/The password is not stored anywhere/);
  expect(sheet.protected).toBe(true);
  expect((within(card(TITLE)).getByLabelText('Password (optional)') as HTMLInputElement).value).toBe('');

  await press('Unprotect'); // without the password
  await said(/still protected: the password is missing or does not match/);
  expect(sheet.protected).toBe(true);

  await userEvent.type(within(card(TITLE)).getByLabelText('Password (optional)'), 'tea4two');
  await press('Unprotect');
  await said(/Sheet "Clients" is no longer protected/);
  expect(sheet.protected).toBe(false);
});

it('puts the call list on a sheet to print, from the "Whom to call" card', async () => {
  const t = paneHost({ Clients: LEDGER });
  render(<Pane host={t.host} />);
  await screen.findByText(/header on row 1, 4 customers/, undefined, { timeout: 30_000 });
  const today = await expand(card('Whom to call'));
  const before = t.sim.workbook.sheetNames();
  await clickWhenEnabled(within(today).getByRole('button', { name: 'Put this list on a sheet to print' }));
  await waitFor(() => expect(card('Whom to call').textContent).toMatch(/to call, listed on sheet "/), { timeout: 20_000 });
  const made = t.sim.workbook.sheetNames().filter((n) => !before.includes(n));
  expect(made).toHaveLength(1);
  expect(within(card('Whom to call')).getByRole('button', { name: `Go to ${made[0]}!A1` })).toBeTruthy();
  expect(t.sim.workbook.sheet('Clients').values()).toEqual(LEDGER);
});

it('says it in Chinese: one card 保护与共享, and the print button on 今天联系谁', async () => {
  const t = paneHost({ Clients: LEDGER }, { displayLanguage: 'zh-CN' });
  render(<Pane host={t.host} />);
  const protect = await screen.findByRole('region', { name: '保护与共享' }, { timeout: 30_000 });
  await expand(protect);
  for (const name of ['保护', '撤销保护', '隐藏所勾选的列', '重新显示']) expect(within(protect).getByRole('button', { name })).toBeTruthy();
  expect(within(protect).getByText(/无法找回/)).toBeTruthy();
  expect(within(await expand(card('今天联系谁'))).getByRole('button', { name: '生成可打印的联系名单表' })).toBeTruthy();
  expect(screen.queryByRole('region', { name: '保护台账' })).toBeNull();
});
