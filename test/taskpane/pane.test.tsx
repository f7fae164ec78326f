/** @jest-environment jsdom */
/**
 * The task pane over a simulated Excel: empty workbook, no customer sheet, running, errors, results,
 * go to cell, duplicate review, settings, zh-CN, keyboard.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { registerCommands, runRibbonCommand } from '../../src/commands/register';
import { ACTION_IDS } from '../../src/i18n/pane';
import { HOSTED_ACTIONS } from '../../src/taskpane/logic/cardOrder';
import { Pane } from '../../src/taskpane/Pane';
import { card, expand } from './dom';
import { LEDGER, paneHost } from './paneHost';

jest.setTimeout(60_000);

const button = (name: string) => screen.getByRole('button', { name });
const disabled = (el: HTMLElement) => (el as HTMLButtonElement).disabled;

async function ready() {
  await screen.findByText(/header on row 1, 4 customers/, undefined, { timeout: 20_000 });
}

describe('task pane', () => {
  it('on an empty workbook offers the template and explains why the rest waits', async () => {
    const t = paneHost({ Sheet1: [] });
    render(<Pane host={t.host} />);
    await screen.findByText(/This workbook is empty/, undefined, { timeout: 20_000 });
    expect(disabled(button('Create template'))).toBe(false);
    for (const name of ['Check phones & emails', 'Compute tiers', 'Build summary', 'Find duplicates', 'Export masked copy']) expect(disabled(button(name))).toBe(true);
    // Every action but the template waits (actions added since included: each has its card).
    expect(screen.getAllByText('Needs a customer sheet.')).toHaveLength(ACTION_IDS.filter((id) => !HOSTED_ACTIONS.includes(id)).length - 1);

    await userEvent.click(button('Create template'));
    await within(card('Create template')).findByText('Created the template on sheet "Customers".', undefined, { timeout: 20_000 });
    expect(t.sim.workbook.sheetNames()).toContain('Customers');
  });

  it('says so when no sheet looks like a customer list', async () => {
    const t = paneHost({ Notes: [['Shopping', 'Qty'], ['milk', 2], ['eggs', 12]] });
    render(<Pane host={t.host} />);
    await screen.findByText(/No sheet here looks like a customer list/, undefined, { timeout: 20_000 });
    expect(disabled(button('Compute tiers'))).toBe(true);
    expect(disabled(button('Create template'))).toBe(false);
  });

  it('shows the columns it found, with confidence', async () => {
    const t = paneHost({ Clients: LEDGER });
    render(<Pane host={t.host} />);
    await ready();
    // Every column is sure, so the list starts collapsed under its one-line summary.
    expect(within(card('Columns found')).getByText('7 columns recognised.')).toBeTruthy();
    const mapping = await expand(card('Columns found'));
    expect(within(mapping).getByRole('combobox', { name: 'Column for Phone' }) ?? null).toBeTruthy();
    expect((within(mapping).getByRole('combobox', { name: /Column for Email/ }) as HTMLSelectElement).value).toBe('C');
    expect(within(mapping).getAllByText('100%').length).toBeGreaterThan(3);
    // The evidence in words: what the header said and what the values showed.
    expect(within(mapping).getByText('header says "Email" · values are email addresses')).toBeTruthy();
  });

  it('asks when two sheets look just as much like the customer list, and stops asking once the user chose', async () => {
    const t = paneHost({ Clients: LEDGER, 'Clients 2025': LEDGER });
    render(<Pane host={t.host} />);
    await ready();
    const warning = await screen.findByText(/"Clients 2025" looks as much like a customer list as "Clients"/);
    expect(warning).toBeTruthy();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Customer sheet' }), 'Clients 2025');
    await screen.findByText(/"Clients 2025": header on row 1, 4 customers/, undefined, { timeout: 20_000 });
    expect(screen.queryByText(/looks as much like a customer list/)).toBeNull();
  });

  it('does not ask when one sheet is clearly the customer list', async () => {
    const t = paneHost({ Clients: LEDGER, Notes: [['Shopping', 'Qty'], ['milk', 2]] });
    render(<Pane host={t.host} />);
    await ready();
    expect(screen.queryByText(/as much like a customer list/)).toBeNull();
  });

  it('marks the running card busy with a spinner, and blocks the other buttons until it is done', async () => {
    const t = paneHost({ Clients: LEDGER });
    render(<Pane host={t.host} />);
    await ready();
    t.hold();
    await userEvent.click(button('Compute tiers'));
    const tiers = card('Compute tiers');
    await waitFor(() => expect(tiers.getAttribute('aria-busy')).toBe('true'));
    // The spinner, or once the run has lasted PROGRESS_DELAY_MS, the progress bar.
    expect(within(tiers).queryByText('Working…') ?? within(tiers).queryByRole('progressbar')).toBeTruthy();
    expect(disabled(button('Find duplicates'))).toBe(true);
    expect(card('Find duplicates').getAttribute('aria-busy')).toBe('false');
    act(() => t.release());
    await waitFor(() => expect(tiers.getAttribute('aria-busy')).toBe('false'), { timeout: 20_000 });
    expect(within(tiers).getByText(/^Tiers as of \d{4}-\d{2}-\d{2}\.$/)).toBeTruthy();
    expect(within(tiers).getByText(/High 1/)).toBeTruthy();
    expect(t.sim.workbook.sheet('Clients').values()[0]).toEqual(expect.arrayContaining(['Value tier', 'Status', 'Lifecycle']));
    expect(disabled(button('Find duplicates'))).toBe(false);
  });

  it('explains errors in plain words', async () => {
    const t = paneHost({ Clients: [['Name', 'Company', 'Total spend'], ['Ann', 'Acme', 10], ['Bo', 'Beta', 20]] });
    render(<Pane host={t.host} />);
    await screen.findByText(/header on row 1, 2 customers/, undefined, { timeout: 20_000 });
    await userEvent.click(button('Check phones & emails'));
    expect(await within(card('Check phones & emails')).findByText('The customer sheet has no phone or email column.', undefined, { timeout: 20_000 })).toBeTruthy();

    t.sim.workbook.sheet('Clients').protect();
    await userEvent.click(button('Compute tiers'));
    expect(await within(card('Compute tiers')).findByText(/The sheet is protected/, undefined, { timeout: 20_000 })).toBeTruthy();
  });

  it('lists the cells to look at, and "go to" selects the cell in Excel', async () => {
    const t = paneHost({ Clients: LEDGER });
    render(<Pane host={t.host} />);
    await ready();
    await userEvent.click(button('Check phones & emails'));
    const contacts = card('Check phones & emails');
    await within(contacts).findByText(/Phones: 1 invalid of 4\./, undefined, { timeout: 20_000 });
    expect(within(contacts).getByText(/Emails: 1 invalid, 1 suspect of 4\./)).toBeTruthy();
    const problems = within(contacts).getByRole('list', { name: 'Cells to look at' });
    const items = within(problems).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(expect.arrayContaining([expect.stringMatching(/^B3 invalid: /), expect.stringMatching(/^C3 suspect: did you mean bo@qq\.com\?/), expect.stringMatching(/^C4 invalid: no @/)]));
    await userEvent.click(within(problems).getByRole('button', { name: 'Go to C3' }));
    await waitFor(() => expect(t.sim.workbook.model.selection?.rect).toEqual({ r0: 2, c0: 2, r1: 2, c1: 2 }));
    expect(t.sim.workbook.model.selection?.sheet.name).toBe('Clients');
  });

  it('reviews duplicate groups: keep another row, then apply', async () => {
    const t = paneHost({ Clients: LEDGER });
    render(<Pane host={t.host} />);
    await ready();
    await userEvent.click(button('Find duplicates'));
    const dup = card('Find duplicates');
    await within(dup).findByText('1 duplicate group (2 rows).', undefined, { timeout: 20_000 });
    const group = within(dup).getByRole('group', { name: 'Group 1' });
    const keep = within(group).getByRole('combobox', { name: 'Row to keep in group 1' });
    const noteCol = () => t.sim.workbook.sheet('Clients').values()[0]!.indexOf('Duplicate note');
    expect(t.sim.workbook.sheet('Clients').values()[1]![noteCol()]).toMatch(/keep row 2/);
    await userEvent.selectOptions(keep, '5');
    await userEvent.click(within(dup).getByRole('button', { name: 'Apply my choices' }));
    await waitFor(() => expect(t.sim.workbook.sheet('Clients').values()[1]![noteCol()]).toMatch(/keep row 5/), { timeout: 20_000 });
  });

  it('saves settings to the settings sheet, and refuses bad ones in plain words', async () => {
    const t = paneHost({ Clients: LEDGER });
    render(<Pane host={t.host} />);
    await ready();
    const settings = await expand(card('Settings'));
    // A list since issue 16 ("Auto (detected: …)" first), no longer two letters typed.
    const region = within(settings).getByRole('combobox', { name: /Phone region/ });
    await userEvent.selectOptions(region, 'US');
    await userEvent.click(within(settings).getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Settings saved in the workbook.', undefined, { timeout: 20_000 });
    const stored = t.sim.workbook.sheet('Ledger Settings').values();
    expect(stored.find((r) => r[0] === 'region')?.[1]).toBe('US');

    const active = within(settings).getByRole('spinbutton', { name: 'Dormant after this many days without a purchase or contact' });
    await userEvent.clear(active);
    await userEvent.type(active, '900');
    await userEvent.click(within(settings).getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText(/Check the settings/, undefined, { timeout: 20_000 })).toBeTruthy();
    expect(t.sim.workbook.sheet('Ledger Settings').values().find((r) => r[0] === 'activeDays')?.[1]).toBe(90);
  });

  it('speaks Chinese when Office does, and works from the keyboard', async () => {
    const t = paneHost({ 客户: LEDGER }, { displayLanguage: 'zh-CN' });
    render(<Pane host={t.host} />);
    await screen.findByText(/表头在第 1 行，共 4 位客户/, undefined, { timeout: 20_000 });
    for (const name of ['创建模板', '检查电话和邮箱', '计算客户分层', '生成汇总', '查找重复客户', '导出脱敏副本']) expect(disabled(button(name))).toBe(false);
    button('生成汇总').focus();
    await userEvent.keyboard('{Enter}');
    // The pane speaks Chinese; the sheet it adds is named in the ledger's language (English here).
    await within(card('生成汇总')).findByText(/汇总已生成在工作表「Customer Summary」/, undefined, { timeout: 20_000 });
    expect(t.sim.workbook.sheetNames()).toContain('Customer Summary');
  });

  it('shows what a ribbon button did (shared runtime), on the card of the same action', async () => {
    const t = paneHost({ Clients: LEDGER });
    const associated = new Map<string, (e: { completed(): void }) => unknown>();
    (t.host.Office as unknown as { actions: unknown }).actions = { associate: (name: string, f: (e: { completed(): void }) => unknown) => associated.set(name, f) };
    registerCommands(t.host);
    // The ribbon's full list is test/commands' business; these four show their result on a card here.
    expect([...associated.keys()]).toEqual(expect.arrayContaining(['buildSummary', 'checkContacts', 'createTemplate', 'findDuplicates']));
    render(<Pane host={t.host} />);
    await ready();
    const completed = jest.fn();
    await act(async () => {
      associated.get('findDuplicates')!({ completed });
    });
    await waitFor(() => expect(completed).toHaveBeenCalledTimes(1), { timeout: 20_000 });
    await screen.findByText('From the ribbon: Find duplicates', undefined, { timeout: 20_000 });
    expect(within(card('Find duplicates')).getByText('1 duplicate group (2 rows).')).toBeTruthy();
    expect(t.sim.workbook.sheet('Clients').values()[0]).toContain('Duplicate group');

    // A failing click opens the pane and says why on the card.
    const show = jest.fn(() => Promise.resolve());
    (t.host.Office as unknown as { addin: unknown }).addin = { showAsTaskpane: show };
    t.sim.workbook.sheet('Clients').protect();
    await act(() => runRibbonCommand(t.host, 'checkContacts'));
    expect(show).toHaveBeenCalled();
    expect(await within(card('Check phones & emails')).findByText(/The sheet is protected/)).toBeTruthy();
  });
});
