/**
 * The pane's stop rules and its one change watch, over the simulated Excel: a stop before writing
 * rejects and changes nothing, a stop once writing is ignored (the add-in's own writes fire onChanged
 * too), and live checking waits while an action runs.
 */
import { RunControl } from '../../src/addin/runControl';
import { runAction, type ActionProgress } from '../../src/addin/runAction';
import { watchPaneSheet } from '../../src/taskpane/logic/sheetWatch';
import { OwnWrites } from '../../src/addin/ownWrites';
import type { SimOptions } from '../../src/sim';
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

  it("a user's edit once the action writes is reported, but cannot stop it: the run finishes", async () => {
    const { t, control, watch, edits } = await setup();
    let fired = 0;
    const onProgress = (p: ActionProgress) => {
      control.progress(p);
      if (p.phase === 'write' && fired++ === 0) void t.sim.fireChanged('Clients', 'A3');
    };
    const result = await runAction('computeTiers', t.host, 'en-US', { signal: control.signal, onProgress });
    expect(result.action).toBe('computeTiers');
    expect(edits).toEqual(['A3']);
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
    expect(check(2)).toBe('');
    watch.resume(); // after the run: the checker must see the new check columns
    setLive(true);

    // Busy (an action runs): the edit waits.
    setBusy(true);
    sheet.write('B2', [['12345']]);
    await t.sim.fireChanged('Clients', 'B2');
    await new Promise((r) => setTimeout(r, 50));
    await watch.idle();
    expect(check(2)).toBe('');
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
    expect(check(4)).toBe('');

    // Removed: the handler is gone from Excel.
    setLive(true);
    await watch.remove();
    sheet.write('B5', [['777']]);
    await t.sim.fireChanged('Clients', 'B5');
    await new Promise((r) => setTimeout(r, 50));
    expect(check(5)).toBe('');
  });
});

/**
 * The simulator raises onChanged for the add-in's own writes, as Excel does: after the sync, with
 * triggerSource only from ExcelApi 1.14. Those must neither stop a run nor be re-checked, on old hosts
 * too, while a person's edits still count.
 */
describe("watchPaneSheet and the add-in's own change events", () => {
  const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

  async function watched(options: SimOptions, ownWrites?: OwnWrites) {
    const t = paneHost({ Clients: LEDGER }, options);
    await runAction('checkContacts', t.host, 'en-US'); // the check columns live checking keeps up to date
    const edits: string[] = [];
    const lives: number[] = [];
    const state = { busy: false, live: true, control: null as RunControl | null };
    const watch = await watchPaneSheet(t.host, {
      locale: 'en-US', sheet: 'Clients', delayMs: 10, ownWrites,
      live: () => state.live, busy: () => state.busy,
      onEdit: (stop, address) => { edits.push(address); state.control?.edited(stop); },
      onLive: (r) => lives.push(r.rows),
    });
    const sheet = t.sim.workbook.sheet('Clients');
    const check = (row: number) => String(sheet.values()[row - 1]![(sheet.values()[0] as string[]).indexOf('Phone check')]);
    /** A run as the pane makes one: busy, live checks finished first, edits queued until it is over. */
    const run = async (id: 'checkContacts' | 'computeTiers', during?: () => Promise<void>) => {
      const control = new RunControl();
      state.control = control;
      state.busy = true;
      await watch.pause();
      if (during) t.hold();
      const running = runAction(id, t.host, 'en-US', { signal: control.signal, onProgress: (p) => control.progress(p) });
      if (during) {
        await during();
        t.release();
      }
      try {
        return { result: await running, control };
      } finally {
        state.busy = false;
        watch.resume();
      }
    };
    return { t, watch, edits, lives, sheet, check, run, state };
  }

  it.each(['1.13', '1.17'])("ExcelApi %s: an action's own writes are not edits and are not re-checked; a person's edit still is", async (version) => {
    const w = await watched({ requirementSets: { ExcelApi: version } });
    const { control } = await w.run('checkContacts');
    await sleep(50); // its change events arrive after its syncs
    await w.watch.idle();
    expect(control.signal.aborted).toBe(false);
    expect(w.edits).toEqual([]);
    expect(w.lives).toEqual([]);

    w.sheet.write('B2', [['12345']]);
    await w.t.sim.fireChanged('Clients', 'B2');
    await sleep(50);
    await w.watch.idle();
    expect(w.edits).toEqual(['B2']);
    expect(w.check(2)).toMatch(/^invalid/);
    await w.watch.remove();
  });

  it("ExcelApi 1.13, events arriving late: one run's own events do not stop the next run (they used to)", async () => {
    const w = await watched({ requirementSets: { ExcelApi: '1.13' }, changedEventDelayMs: 150 });
    await w.run('computeTiers'); // writes tier columns; their events are still 150 ms away
    const next = await w.run('checkContacts', () => sleep(300)); // held before its first read while they arrive
    expect(next.result.action).toBe('checkContacts');
    expect(next.control.signal.aborted).toBe(false);
    expect(w.edits).toEqual([]);
    await w.watch.remove();
  });

  it("ExcelApi 1.13: a live batch's late events on the check columns are set aside even after the grace time", async () => {
    const w = await watched({ requirementSets: { ExcelApi: '1.13' }, changedEventDelayMs: 100 }, new OwnWrites(Date.now, 0));
    w.sheet.write('B3', [['12345']]);
    await w.t.sim.fireChanged('Clients', 'B3');
    await sleep(40);
    await w.watch.idle(); // the live batch wrote row 3's check cells; their events come 100 ms later
    expect(w.check(3)).toMatch(/^invalid/);
    const next = await w.run('computeTiers', () => sleep(250));
    expect(next.control.signal.aborted).toBe(false);
    expect(w.edits).toEqual(['B3']);
    expect(w.lives).toEqual([1]);
    await w.watch.remove();
  });

  it('ExcelApi 1.13: a co-author\'s edit where the add-in has just written is an edit; an unmarked local one there is taken for the add-in\'s', async () => {
    const w = await watched({ requirementSets: { ExcelApi: '1.13' } });
    await w.run('computeTiers');
    const header = w.sheet.values()[0] as string[];
    const tier = String.fromCharCode(65 + header.indexOf('Value tier'));
    await w.t.sim.fireChanged('Clients', `${tier}2`, { source: 'Remote' });
    await w.t.sim.fireChanged('Clients', `${tier}3`);
    expect(w.edits).toEqual([`${tier}2`]);
    await w.watch.remove();
  });

  it('the watch is removed through the context it was added with: no handler is left behind', async () => {
    const w = await watched({});
    await w.watch.remove();
    w.sheet.write('B4', [['999']]);
    await w.t.sim.fireChanged('Clients', 'B4');
    await sleep(50);
    expect(w.edits).toEqual([]);
    expect(w.check(4)).toBe('');
  });
});
