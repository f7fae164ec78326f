/**
 * The pane's stop rules and its one change watch, over the simulated Excel: a stop before writing
 * rejects and changes nothing, a stop once writing is ignored (the add-in's own writes fire onChanged
 * too), and live checking waits while an action runs.
 */
import { RunControl } from '../../src/taskpane/logic/runControl';
import { runAction, type ActionProgress } from '../../src/taskpane/logic/runAction';
import { watchPaneSheet } from '../../src/taskpane/logic/sheetWatch';
import { WorkbookError } from '../../src/workbook/port';
import { LEDGER, paneHost } from './paneHost';

jest.setTimeout(60_000);

describe('RunControl', () => {
  it('Cancel before writing aborts (reason: none, so the actions say "cancelled"); an edit aborts with its own reason', () => {
    const a = new RunControl();
    a.progress({ phase: 'analyze', done: 10, total: 20 });
    expect(a.cancel()).toBe(true);
    expect(a.signal.aborted).toBe(true);
    expect((a.signal.reason as Error).name).not.toBe('WorkbookError');

    const b = new RunControl();
    const edited = new WorkbookError('edited', 'x');
    expect(b.edited(edited)).toBe(true);
    expect(b.signal.reason).toBe(edited);
  });

  it('once the write phase has started, neither Cancel nor an edit stops the run', () => {
    const c = new RunControl();
    c.progress({ phase: 'write', done: 1, total: 3 });
    expect(c.writing).toBe(true);
    expect(c.edited(new WorkbookError('edited', 'x'))).toBe(false);
    expect(c.stopIgnored).toBe(false);
    expect(c.cancel()).toBe(false);
    expect(c.signal.aborted).toBe(false);
    expect(c.stopIgnored).toBe(true);
    // A later analysis step (there is none, but) cannot take it back out of the write phase.
    c.progress({ phase: 'analyze', done: 1, total: 1 });
    expect(c.writing).toBe(true);
  });
});

describe('watchPaneSheet with runAction', () => {
  async function setup() {
    const t = paneHost({ Clients: LEDGER });
    const control = new RunControl();
    let busy = true;
    let live = false;
    const edits: string[] = [];
    const watch = await watchPaneSheet(t.host, {
      locale: 'en-US', sheet: 'Clients', delayMs: 10,
      live: () => live, busy: () => busy,
      onEdit: (stop, address) => { edits.push(address); control.edited(stop); },
    });
    return { t, control, watch, edits, setBusy: (b: boolean) => { busy = b; }, setLive: (l: boolean) => { live = l; } };
  }

  it('an edit while the action analyzes rejects the run with "edited" and writes nothing', async () => {
    const { t, control, watch, edits } = await setup();
    const before = JSON.stringify(t.sim.workbook.sheet('Clients').values());
    let fired = false;
    const onProgress = (p: ActionProgress) => {
      control.progress(p);
      if (p.phase === 'analyze' && !fired) {
        fired = true;
        void t.sim.fireChanged('Clients', 'E2');
      }
    };
    await expect(runAction('computeTiers', t.host, 'en-US', { signal: control.signal, onProgress })).rejects.toMatchObject({ name: 'WorkbookError', code: 'edited' });
    expect(edits).toEqual(['E2']);
    expect(JSON.stringify(t.sim.workbook.sheet('Clients').values())).toBe(before);
    await watch.remove();
  });

  it("a change Excel marks as this add-in's own write (triggerSource) is not an edit: the run goes on, nothing is re-checked", async () => {
    const { t, control, watch, edits } = await setup();
    let fired = false;
    const onProgress = (p: ActionProgress) => {
      control.progress(p);
      if (p.phase === 'analyze' && !fired) {
        fired = true;
        void t.sim.fireChanged('Clients', 'H2:K5', { triggerSource: 'ThisLocalAddin' });
      }
    };
    const result = await runAction('computeTiers', t.host, 'en-US', { signal: control.signal, onProgress });
    expect(fired).toBe(true);
    expect(result.action).toBe('computeTiers');
    expect(edits).toEqual([]);
    expect(control.signal.aborted).toBe(false);
    await watch.remove();
  });

  it('an edit (the add-in\'s own writes among them) once the action writes is ignored: the run finishes', async () => {
    const { t, control, watch, edits } = await setup();
    let fired = 0;
    const onProgress = (p: ActionProgress) => {
      control.progress(p);
      if (p.phase === 'write' && fired++ === 0) void t.sim.fireChanged('Clients', 'H1:J5');
    };
    const result = await runAction('computeTiers', t.host, 'en-US', { signal: control.signal, onProgress });
    expect(result.action).toBe('computeTiers');
    expect(edits).toEqual(['H1:J5']);
    expect(control.signal.aborted).toBe(false);
    expect(t.sim.workbook.sheet('Clients').values()[0]).toEqual(expect.arrayContaining(['Value tier', 'Status', 'Lifecycle']));
    await watch.remove();
  });

  it('live checking waits while busy, then checks the queued edits with a fresh layout; nothing after remove()', async () => {
    const { t, watch, setBusy, setLive } = await setup();
    setBusy(false);
    await runAction('checkContacts', t.host, 'en-US');
    const sheet = t.sim.workbook.sheet('Clients');
    const col = (sheet.values()[0] as string[]).indexOf('Phone check');
    expect(col).toBeGreaterThan(0);
    const check = (row: number) => String(sheet.values()[row - 1]![col]);
    expect(check(2)).toBe('valid');
    watch.resume(); // after the run: the checker must see the new check columns
    setLive(true);

    // Busy (an action runs): the edit waits.
    setBusy(true);
    sheet.write('B2', [['12345']]);
    await t.sim.fireChanged('Clients', 'B2');
    await new Promise((r) => setTimeout(r, 50));
    await watch.idle();
    expect(check(2)).toBe('valid');
    // Done: resume() checks it.
    setBusy(false);
    watch.resume();
    await new Promise((r) => setTimeout(r, 30));
    await watch.idle();
    expect(check(2)).toMatch(/^invalid/);

    // Live off: edits are not checked.
    setLive(false);
    sheet.write('B4', [['999']]);
    await t.sim.fireChanged('Clients', 'B4');
    await new Promise((r) => setTimeout(r, 50));
    await watch.idle();
    expect(check(4)).toBe('valid');

    // Removed: the handler is gone from Excel.
    setLive(true);
    await watch.remove();
    sheet.write('B5', [['777']]);
    await t.sim.fireChanged('Clients', 'B5');
    await new Promise((r) => setTimeout(r, 50));
    expect(check(5)).toBe('valid');
  });
});
