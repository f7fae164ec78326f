/** @jest-environment jsdom */
/** Live checking from the pane ("Keep checking as I type"). The Export masked copy card: maskedCopy.test.tsx. */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Pane } from '../../src/taskpane/Pane';
import { card } from './dom';
import { LEDGER, paneHost } from './paneHost';

jest.setTimeout(60_000);

const sleep = (ms: number) => act(() => new Promise<void>((r) => setTimeout(r, ms)));

async function ready() {
  await screen.findByText(/header on row 1, 4 customers/, undefined, { timeout: 30_000 });
  await waitFor(() => expect(screen.getByRole('main').getAttribute('data-watching')).toBe('true'), { timeout: 10_000 });
}

describe('live checking in the pane', () => {
  it('offers the switch once the check columns exist, keeps them up to date as the user types, stops when off or unmounted', async () => {
    const t = paneHost({ Clients: LEDGER });
    const view = render(<Pane host={t.host} />);
    await ready();
    const contacts = card('Check phones & emails');
    expect(within(contacts).queryByRole('switch', { name: 'Keep checking as I type' })).toBeNull();

    await userEvent.click(within(contacts).getByRole('button', { name: 'Check phones & emails' }));
    await within(contacts).findByText(/Phones: 1 invalid of 4\./, undefined, { timeout: 20_000 });
    const toggle = await within(contacts).findByRole('switch', { name: 'Keep checking as I type' }, { timeout: 20_000 });
    expect((toggle as HTMLInputElement).checked).toBe(true);
    await waitFor(() => expect(screen.getByRole('main').getAttribute('data-watching')).toBe('true'));

    const sheet = t.sim.workbook.sheet('Clients');
    const col = (sheet.values()[0] as string[]).indexOf('Phone check');
    const check = (row: number) => String(sheet.values()[row - 1]![col]);
    expect(check(2)).toBe(''); // valid: the check cell says nothing

    // The user types a bad number into B2.
    sheet.write('B2', [['12345']]);
    await act(() => t.sim.fireChanged('Clients', 'B2', { valueBefore: '13800138000' }));
    await waitFor(() => expect(check(2)).toMatch(/^invalid/), { timeout: 10_000 });
    expect(await within(contacts).findByText('Re-checked 1 row as you typed; the counts above are from the last run.')).toBeTruthy();

    // Off (keyboard): no more live writes.
    toggle.focus();
    await userEvent.keyboard(' ');
    expect((toggle as HTMLInputElement).checked).toBe(false);
    sheet.write('B4', [['999']]);
    await act(() => t.sim.fireChanged('Clients', 'B4'));
    await sleep(700);
    expect(check(4)).toBe('');

    // On again, then the pane closes: the watch is removed, edits are left alone.
    await userEvent.click(toggle);
    expect((toggle as HTMLInputElement).checked).toBe(true);
    view.unmount();
    await sleep(50);
    sheet.write('B5', [['777']]);
    await act(() => t.sim.fireChanged('Clients', 'B5'));
    await sleep(700);
    expect(check(5)).toBe('');
  });

  it('remembers the switch for the workbook when the pane opens again', async () => {
    const t = paneHost({ Clients: LEDGER });
    const first = render(<Pane host={t.host} />);
    await ready();
    await userEvent.click(screen.getByRole('button', { name: 'Check phones & emails' }));
    const toggle = await screen.findByRole('switch', { name: 'Keep checking as I type' }, { timeout: 20_000 });
    await userEvent.click(toggle);
    expect((toggle as HTMLInputElement).checked).toBe(false);
    first.unmount();
    render(<Pane host={t.host} />);
    await ready();
    expect((screen.getByRole('switch', { name: 'Keep checking as I type' }) as HTMLInputElement).checked).toBe(false);
    // Another workbook starts with it on.
    const other = paneHost({ Clients: LEDGER });
    await act(async () => {
      await (await import('../../src/addin/runAction')).runAction('checkContacts', other.host, 'en-US');
    });
    const second = render(<Pane host={other.host} />);
    await within(second.container).findByText(/header on row 1, 4 customers/, undefined, { timeout: 20_000 });
    expect((within(second.container).getByRole('switch', { name: 'Keep checking as I type' }) as HTMLInputElement).checked).toBe(true);
  });

  it('on a host before ExcelApi 1.14 (changes carry no triggerSource): each edit is re-checked once, and the next run is not stopped by the add-in\'s own writes', async () => {
    const t = paneHost({ Clients: LEDGER }, { requirementSets: { ExcelApi: '1.13' }, changedEventDelayMs: 400 });
    render(<Pane host={t.host} />);
    await ready();
    const contacts = card('Check phones & emails');
    await userEvent.click(within(contacts).getByRole('button', { name: 'Check phones & emails' }));
    await within(contacts).findByRole('switch', { name: 'Keep checking as I type' }, { timeout: 20_000 });
    await sleep(600); // the run's own change events have come and gone
    expect(within(contacts).queryByText(/as you typed/)).toBeNull();

    const sheet = t.sim.workbook.sheet('Clients');
    const col = (sheet.values()[0] as string[]).indexOf('Phone check');
    sheet.write('B3', [['13912345678']]);
    await act(() => t.sim.fireChanged('Clients', 'B3'));
    const e164 = (sheet.values()[0] as string[]).indexOf('Phone (E.164)');
    await waitFor(() => expect(String(sheet.values()[2]![e164])).toBe('+8613912345678'), { timeout: 10_000 });
    expect(String(sheet.values()[2]![col])).toBe('');
    await within(contacts).findByText('Re-checked 1 row as you typed; the counts above are from the last run.');
    // The batch's own writes raise events of their own: they must not start another batch.
    const syncs = t.sim.stats().syncs;
    await sleep(900);
    expect(t.sim.stats().syncs).toBe(syncs);

    // A run right after: the live batch's late events arrive while it reads, and are not an edit that stops it.
    sheet.write('B4', [['12345']]);
    await act(() => t.sim.fireChanged('Clients', 'B4'));
    await waitFor(() => expect(String(sheet.values()[3]![col])).toMatch(/^invalid/), { timeout: 10_000 });
    const tiers = card('Compute tiers');
    t.hold(); // the run waits on Excel while the events come
    await userEvent.click(within(tiers).getByRole('button', { name: 'Compute tiers' }));
    await sleep(600);
    t.release();
    await within(tiers).findByText(/Tiers as of/, undefined, { timeout: 20_000 });
    expect(within(tiers).queryByText(/changed while this was running/)).toBeNull();
  });

  it('speaks Chinese', async () => {
    const t = paneHost({ 客户: LEDGER }, { displayLanguage: 'zh-CN' });
    render(<Pane host={t.host} />);
    await screen.findByText(/表头在第 1 行，共 4 位客户/, undefined, { timeout: 20_000 });
    await userEvent.click(screen.getByRole('button', { name: '检查电话和邮箱' }));
    expect(await screen.findByRole('switch', { name: '输入时自动检查' }, { timeout: 20_000 })).toBeTruthy();
  });
});
