/** @jest-environment jsdom */
/**
 * Long runs in the pane: the progress bar (after 300 ms, at once on a large sheet) with the phase in
 * words, Cancel until writing starts, and a run stopped cleanly when the user edits the sheet.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { paneStrings } from '../../src/i18n/pane';
import { phaseText, renderActionCard } from '../../src/taskpane/components/ActionCard';
import { Pane } from '../../src/taskpane/Pane';
import type { ActionState } from '../../src/taskpane/usePane';
import { usePaneStyles } from '../../src/taskpane/usePaneStyles';
import { card } from './dom';
import { LEDGER, paneHost } from './paneHost';

jest.setTimeout(60_000);

const disabled = (el: HTMLElement) => (el as HTMLButtonElement).disabled || el.getAttribute('aria-disabled') === 'true';
const sleep = (ms: number) => act(() => new Promise<void>((r) => setTimeout(r, ms)));

async function ready(rows = 4) {
  await screen.findByText(new RegExp(`header on row 1, ${rows} customers`), undefined, { timeout: 30_000 });
  await waitFor(() => expect(screen.getByRole('main').getAttribute('data-watching')).toBe('true'), { timeout: 10_000 });
}

function bigLedger(n: number): unknown[][] {
  const rows: unknown[][] = [['Name', 'Mobile', 'Email', 'Total spend']];
  for (let i = 0; i < n; i++) rows.push([`Customer ${i}`, `139${String(10_000_000 + i).slice(-8)}`, `c${i}@qq.com`, i]);
  return rows;
}

describe('progress words', () => {
  it('says the phase in both languages, with the row counts grouped', () => {
    const en = paneStrings('en-US');
    const zh = paneStrings('zh-CN');
    expect(phaseText({ phase: 'read', done: 0, total: 0 }, en)).toBe('Reading…');
    expect(phaseText({ phase: 'analyze', done: 40_000, total: 100_000 }, en)).toBe('Checking rows 40,000 of 100,000');
    expect(phaseText({ phase: 'write', done: 1, total: 3 }, en)).toBe('Writing…');
    expect(phaseText({ phase: 'read', done: 0, total: 0 }, zh)).toBe('正在读取……');
    expect(phaseText({ phase: 'analyze', done: 40_000, total: 100_000 }, zh)).toBe('正在检查第 40,000 行，共 100,000 行');
    expect(phaseText({ phase: 'write', done: 1, total: 3 }, zh)).toBe('正在写入……');
    // The duplicates and summary steps report done = total: never "rows 120 of 100".
    expect(phaseText({ phase: 'analyze', done: 120, total: 100 }, en)).toBe('Checking rows 100 of 100');
  });
});

describe('the running card', () => {
  function Card({ state, onCancel }: { state: ActionState; onCancel: () => void }) {
    const styles = usePaneStyles();
    return renderActionCard({ id: 'computeTiers', s: paneStrings('en-US'), state, disabled: true, hint: null, onRun: () => undefined, onCancel, result: null }, styles);
  }
  const running = (progress: ActionState['progress']): ActionState => ({ busy: true, result: null, error: null, stopped: null, note: null, progress });

  it('while analyzing: a progress bar at 40 % named by the phase, and Cancel works from the keyboard', async () => {
    const onCancel = jest.fn();
    render(<FluentProvider theme={webLightTheme}><Card state={running({ phase: 'analyze', done: 40_000, total: 100_000 })} onCancel={onCancel} /></FluentProvider>);
    const bar = screen.getByRole('progressbar', { name: 'Checking rows 40,000 of 100,000' });
    expect(bar.getAttribute('aria-valuenow')).toBe('0.4');
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    expect(disabled(cancel)).toBe(false);
    cancel.focus();
    await userEvent.keyboard('{Enter}');
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('region', { name: 'Compute tiers' }).getAttribute('aria-busy')).toBe('true');
  });

  it('once writing: Cancel is disabled (still focusable) and says why', async () => {
    const onCancel = jest.fn();
    render(<FluentProvider theme={webLightTheme}><Card state={running({ phase: 'write', done: 1, total: 4 })} onCancel={onCancel} /></FluentProvider>);
    expect(screen.getByRole('progressbar', { name: 'Writing…' })).toBeTruthy();
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    expect(disabled(cancel)).toBe(true);
    expect(screen.getByText(/nothing is left half-written/).id).toBe(cancel.getAttribute('aria-describedby'));
    cancel.focus();
    expect(document.activeElement).toBe(cancel);
    await userEvent.keyboard('{Enter}');
    await userEvent.click(cancel);
    expect(onCancel).not.toHaveBeenCalled();
  });

  it('reading: an indeterminate bar (no value)', () => {
    render(<FluentProvider theme={webLightTheme}><Card state={running({ phase: 'read', done: 0, total: 0 })} onCancel={() => undefined} /></FluentProvider>);
    expect(screen.getByRole('progressbar', { name: 'Reading…' }).getAttribute('aria-valuenow')).toBeNull();
  });
});

describe('long runs in the pane', () => {
  it('a short run shows only the spinner at first; past 300 ms the bar and Cancel; Cancel stops it and nothing changes', async () => {
    const t = paneHost({ Clients: LEDGER });
    render(<Pane host={t.host} />);
    await ready();
    const before = JSON.stringify(t.sim.workbook.sheet('Clients').values());
    const sheetsBefore = t.sim.workbook.sheetNames();
    t.hold();
    await userEvent.click(screen.getByRole('button', { name: 'Compute tiers' }));
    const tiers = card('Compute tiers');
    expect(tiers.getAttribute('aria-busy')).toBe('true');
    expect(within(tiers).queryByRole('progressbar', { name: 'Reading…' })).toBeNull();
    expect(within(tiers).queryByRole('button', { name: 'Cancel' })).toBeNull();
    expect(within(tiers).getByRole('progressbar', { name: 'Working…' })).toBeTruthy(); // the spinner
    const bar = await within(tiers).findByRole('progressbar', { name: 'Reading…' }, { timeout: 5000 });
    expect(bar).toBeTruthy();
    expect(within(tiers).queryByText('Working…')).toBeNull();
    await userEvent.click(within(tiers).getByRole('button', { name: 'Cancel' }));
    act(() => t.release());
    expect(await within(tiers).findByText('Cancelled. Nothing was changed.', undefined, { timeout: 20_000 })).toBeTruthy();
    expect(tiers.getAttribute('aria-busy')).toBe('false');
    expect(within(tiers).queryByText('It did not work')).toBeNull(); // a plain message, not an error
    expect(within(tiers).queryByRole('progressbar', { name: 'Reading…' })).toBeNull();
    expect(JSON.stringify(t.sim.workbook.sheet('Clients').values())).toBe(before);
    expect(t.sim.workbook.sheetNames()).toEqual(sheetsBefore);
    // And it runs again normally.
    await userEvent.click(screen.getByRole('button', { name: 'Compute tiers' }));
    await within(tiers).findByText(/^Tiers as of /, undefined, { timeout: 20_000 });
    expect(within(tiers).queryByText('Cancelled. Nothing was changed.')).toBeNull();
  });

  it('on a sheet of more than 5,000 rows the bar shows at once', async () => {
    const t = paneHost({ Big: bigLedger(6000) });
    render(<Pane host={t.host} />);
    await ready(6000);
    t.hold();
    await userEvent.click(screen.getByRole('button', { name: 'Find duplicates' }));
    const dup = card('Find duplicates');
    expect(within(dup).getByRole('progressbar', { name: 'Reading…' })).toBeTruthy();
    expect(within(dup).getByRole('button', { name: 'Cancel' })).toBeTruthy();
    act(() => t.release());
    await within(dup).findByText('No duplicates found.', undefined, { timeout: 40_000 });
    expect(dup.getAttribute('aria-busy')).toBe('false');
  });

  it('an edit of the customer sheet while the action reads stops it before it writes anything, and says so', async () => {
    const t = paneHost({ Clients: LEDGER });
    render(<Pane host={t.host} />);
    await ready();
    t.hold();
    await userEvent.click(screen.getByRole('button', { name: 'Find duplicates' }));
    const dup = card('Find duplicates');
    expect(dup.getAttribute('aria-busy')).toBe('true');
    const sheet = t.sim.workbook.sheet('Clients');
    sheet.write('B3', [['13800138001']]);
    await act(() => t.sim.fireChanged('Clients', 'B3', { valueBefore: '1380013' }));
    const edited = JSON.stringify(sheet.values());
    act(() => t.release());
    expect(await within(dup).findByText(/The sheet changed while this was running, so it stopped before writing anything/, undefined, { timeout: 20_000 })).toBeTruthy();
    expect(within(dup).queryByText('It did not work')).toBeNull();
    expect(JSON.stringify(sheet.values())).toBe(edited);
    expect(sheet.values()[0]).not.toContain('Duplicate group');
  });

  it('an edit of another sheet does not stop the run', async () => {
    const t = paneHost({ Clients: LEDGER, Notes: [['note']] });
    render(<Pane host={t.host} />);
    await ready();
    t.hold();
    await userEvent.click(screen.getByRole('button', { name: 'Find duplicates' }));
    await act(() => t.sim.fireChanged('Notes', 'A1'));
    await sleep(10);
    act(() => t.release());
    const dup = card('Find duplicates');
    await within(dup).findByText('1 duplicate group (2 rows).', undefined, { timeout: 20_000 });
    expect(t.sim.workbook.sheet('Clients').values()[0]).toContain('Duplicate group');
  });
});
