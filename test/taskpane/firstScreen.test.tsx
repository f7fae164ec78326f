/** @jest-environment jsdom */
/**
 * The first screen (issue 17): the cards in one order with the sheet and its columns first, collapsed
 * cards that open, a real sheet picker, the region and the as-of date where they matter, settings in
 * words, and "Fix" for one cell.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ACTION_IDS } from '../../src/i18n/pane';
import { todayIso } from '../../src/taskpane/logic/asOf';
import { HOSTED_ACTIONS, paneCards } from '../../src/taskpane/logic/cardOrder';
import { Pane } from '../../src/taskpane/Pane';
import { card, expand, toggleOf } from './dom';
import { LEDGER, paneHost } from './paneHost';

jest.setTimeout(60_000);

async function ready(rows = 4) {
  await screen.findByText(new RegExp(`header on row 1, ${rows} customers`), undefined, { timeout: 20_000 });
}

/** The cards' titles, top to bottom. */
function cardTitles(): string[] {
  return [...document.querySelectorAll('[role="region"][aria-labelledby]')]
    .filter((el) => el.hasAttribute('data-action') || el.hasAttribute('data-card'))
    .map((el) => document.getElementById(el.getAttribute('aria-labelledby')!)!.textContent!);
}

const expanded = (region: HTMLElement) => toggleOf(region).getAttribute('aria-expanded');

describe('the first screen', () => {
  it('leads with the sheet and its columns, then the everyday steps, then the occasional ones, backups and settings', async () => {
    const t = paneHost({ Clients: LEDGER });
    render(<Pane host={t.host} />);
    await ready();
    const titles = cardTitles();
    const everyday = ['Columns found', 'Check phones & emails', 'Find duplicates', 'Compute tiers', 'Build summary', 'Whom to call', 'Bring in a list', 'Export for a CRM', 'Create template', 'Export masked copy'];
    expect(titles.slice(0, everyday.length)).toEqual(everyday);
    expect(titles[titles.length - 1]).toBe('Settings');
    // Every action has a card, those added after the list was written too (between the listed ones and settings).
    // Actions run from another card's buttons (protect & share, whom to call) have no card of their own.
    const cards = paneCards(ACTION_IDS, true).filter((id) => id !== 'backups');
    expect(titles.length).toBe(cards.length);
    for (const id of ACTION_IDS) expect(document.querySelector(`[data-action="${id}"]`) === null).toBe(HOSTED_ACTIONS.includes(id));
    for (const id of ['today', 'protect']) expect(document.querySelector(`[data-card="${id}"]`)).not.toBeNull();
    // The root has an id the browser tests and a host page can find it by.
    expect(document.getElementById('pane')?.tagName).toBe('MAIN');
  });

  it('without a ledger puts the template first, open', async () => {
    const t = paneHost({ Sheet1: [] });
    render(<Pane host={t.host} />);
    await screen.findByText(/This workbook is empty/, undefined, { timeout: 20_000 });
    expect(cardTitles()[0]).toBe('Create template');
    expect(expanded(card('Create template'))).toBe('true');
    expect(expanded(card('Settings'))).toBe('false');
  });

  it('opens the columns when one needs a look or another sheet looks as likely, not when all are sure', async () => {
    const unsure = LEDGER.map((r, i) => (i === 0 ? ['Name', 'Mobile', 'Email', 'Company', 'Amount paid', 'Last purchase', 'Orders'] : r));
    const t = paneHost({ Clients: LEDGER, Others: unsure });
    const first = render(<Pane host={t.host} />);
    await ready();
    // Two sheets alike: the columns are open, and the sheet can be changed from there.
    expect(expanded(card('Columns found'))).toBe('true');
    await userEvent.selectOptions(within(card('Columns found')).getByRole('combobox', { name: 'Customer sheet' }), 'Clients');
    await waitFor(() => expect(within(card('Columns found')).queryByText(/looks as much like a customer list/)).toBeNull(), { timeout: 20_000 });
    // Every column sure and one sheet: a fresh pane starts with the columns collapsed.
    first.unmount();
    render(<Pane host={paneHost({ Clients: LEDGER }).host} />);
    await ready();
    expect(expanded(card('Columns found'))).toBe('false');
    expect(within(card('Columns found')).getByText('7 columns recognised.')).toBeTruthy();
  });

  it('opens the next step; the other cards open and close from their header', async () => {
    const t = paneHost({ Clients: LEDGER });
    render(<Pane host={t.host} />);
    await ready();
    expect(expanded(card('Check phones & emails'))).toBe('true'); // no check columns yet: the check is next
    for (const name of ['Find duplicates', 'Compute tiers', 'Settings']) expect(expanded(card(name))).toBe('false');
    // The primary buttons stay in reach while their card is collapsed.
    expect((within(card('Compute tiers')).getByRole('button', { name: 'Compute tiers' }) as HTMLButtonElement).disabled).toBe(false);

    const settings = card('Settings');
    expect(within(settings).queryByRole('combobox', { name: /Phone region/ })).toBeNull();
    await userEvent.click(toggleOf(settings));
    expect(expanded(settings)).toBe('true');
    expect(within(settings).getByRole('combobox', { name: /Phone region/ })).toBeTruthy();
    // From the keyboard, closed again.
    toggleOf(settings).focus();
    await userEvent.keyboard('{Enter}');
    expect(expanded(settings)).toBe('false');
    expect(within(settings).queryByRole('combobox', { name: /Phone region/ })).toBeNull();

    // A result opens its card by itself.
    await userEvent.click(within(card('Compute tiers')).getByRole('button', { name: 'Compute tiers' }));
    await within(card('Compute tiers')).findByRole('list', undefined, { timeout: 20_000 });
    expect(expanded(card('Compute tiers'))).toBe('true');
  });

  it('with no customer sheet, lists the sheets to choose from; the pane reads the chosen one', async () => {
    const t = paneHost({ Notes: [['Shopping', 'Qty'], ['milk', 2]], Orders: [['Item', 'Qty'], ['tea', 1]] });
    render(<Pane host={t.host} />);
    await screen.findByText(/No sheet here looks like a customer list/, undefined, { timeout: 20_000 });
    const picker = screen.getByRole('combobox', { name: 'Customer sheet' }) as HTMLSelectElement;
    expect([...picker.options].filter((o) => !o.disabled).map((o) => o.value)).toEqual(['Notes', 'Orders']);
    expect(picker.selectedOptions[0]!.textContent).toBe('Choose a sheet…');

    await userEvent.selectOptions(picker, 'Orders');
    // Not a customer list either: said so, and the picker shows the choice.
    await screen.findByText(/"Orders" does not look like a customer list either/, undefined, { timeout: 20_000 });
    expect((screen.getByRole('combobox', { name: 'Customer sheet' }) as HTMLSelectElement).value).toBe('Orders');

    // The user gives it a header in Excel and reads the workbook again: the chosen sheet is the customer sheet.
    t.sim.workbook.sheet('Orders').seed('A1', LEDGER);
    await userEvent.click(screen.getByRole('button', { name: 'Read the workbook again' }));
    await screen.findByText('"Orders": header on row 1, 4 customers.', undefined, { timeout: 20_000 });
    expect((within(card('Columns found')).getByRole('combobox', { name: 'Customer sheet' }) as HTMLSelectElement).value).toBe('Orders');

    // The chosen sheet is renamed in Excel: reading again finds the customer sheet anew instead of failing.
    await t.sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Orders').name = 'Clients';
      await context.sync();
    });
    await userEvent.click(screen.getByRole('button', { name: 'Read the workbook again' }));
    await screen.findByText('"Clients": header on row 1, 4 customers.', undefined, { timeout: 20_000 });
    expect(screen.queryByText(/is missing/)).toBeNull();
  });

  it('says the phone region on the check card and the as-of date on the tiers and call cards', async () => {
    const t = paneHost({ Clients: LEDGER });
    render(<Pane host={t.host} />);
    await ready();
    expect(within(card('Check phones & emails')).getByText('Numbers without a country code are read as China (detected); change it under Settings.')).toBeTruthy();
    const today = todayIso();
    expect(within(await expand(card('Compute tiers'))).getByText(`Counted as of today, ${today}; set another date under Settings.`)).toBeTruthy();
    expect(within(await expand(card('Whom to call'))).getByText(`Counted as of today, ${today}; set another date under Settings.`)).toBeTruthy();
  });

  it('words the thresholds as a shop owner would, and saves the shares as the percentiles the sheet keeps', async () => {
    const t = paneHost({ Clients: LEDGER });
    render(<Pane host={t.host} />);
    await ready();
    const settings = await expand(card('Settings'));
    expect(within(settings).getByText('Top 20 % of customers by spend are high value, the next 30 % medium, the rest low.')).toBeTruthy();
    expect(within(settings).getByText('No purchase or contact for over 90 days → dormant; for over 365 days → lost.')).toBeTruthy();
    const high = within(settings).getByRole('spinbutton', { name: 'High value: the top share of customers by spend' });
    expect((high as HTMLInputElement).value).toBe('20');
    await userEvent.clear(high);
    await userEvent.type(high, '10');
    expect(within(settings).getByText('Top 10 % of customers by spend are high value, the next 40 % medium, the rest low.')).toBeTruthy();
    await userEvent.click(within(settings).getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Settings saved in the workbook.', undefined, { timeout: 20_000 });
    const stored = t.sim.workbook.sheet('Ledger Settings').values();
    expect(stored.find((r) => r[0] === 'highPercentile')?.[1]).toBe(0.9);
    expect(stored.find((r) => r[0] === 'mediumPercentile')?.[1]).toBe(0.5);
    await waitFor(() => expect((within(card('Settings')).getByRole('spinbutton', { name: /High value/ }) as HTMLInputElement).value).toBe('10'));
  });

  it('"Fix" beside a suggestion writes that one cell and leaves every other cell as typed', async () => {
    const t = paneHost({ Clients: LEDGER });
    render(<Pane host={t.host} />);
    await ready();
    const contacts = card('Check phones & emails');
    await userEvent.click(within(contacts).getByRole('button', { name: 'Check phones & emails' }));
    const problems = await within(contacts).findByRole('list', { name: 'Cells to look at' }, { timeout: 20_000 });
    const before = t.sim.workbook.sheet('Clients').values().map((r) => r.slice(0, 7));
    // Only the problem with a suggestion has one (C3: bo@qq.con → bo@qq.com).
    const fixes = within(problems).getAllByRole('button', { name: /^Fix / });
    expect(fixes.map((b) => b.getAttribute('aria-label'))).toEqual(['Fix C3: write bo@qq.com']);
    await userEvent.click(fixes[0]!);
    await waitFor(() => expect(t.sim.workbook.sheet('Clients').values()[2]![2]).toBe('bo@qq.com'), { timeout: 20_000 });
    const after = t.sim.workbook.sheet('Clients').values().map((r) => r.slice(0, 7));
    const expected = before.map((r, i) => (i === 2 ? [...r.slice(0, 2), 'bo@qq.com', ...r.slice(3)] : r));
    // B2 "13800138000" would be rewritten by "fix all" (another style): it stays as typed.
    expect(after).toEqual(expected);
    await within(card('Check phones & emails')).findByText(/Fixed 1 cell, after a backup in "/, undefined, { timeout: 20_000 });
  });
});
