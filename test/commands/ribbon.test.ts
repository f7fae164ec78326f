/**
 * A ribbon click always ends with something the user sees, with simulated Office objects (actions,
 * addin, onReady) around the simulated Excel: handlers are there before Office is ready, every click is
 * completed once, the pane opens for the result unless Office said it is showing, a refused
 * showAsTaskpane is tried again, and a runtime whose first click was lost opens the pane by itself.
 */
import { registerCommands, runRibbonCommand, RIBBON_FUNCTIONS, type RegisterOptions } from '../../src/commands/register';
import { PaneVisibility } from '../../src/commands/paneVisibility';
import { showPane } from '../../src/commands/showPane';
import { lastRibbonEvent } from '../../src/addin/ribbonStore';
import type { AddinHost } from '../../src/addin/host';
import { LEDGER, paneHost } from '../taskpane/paneHost';

jest.setTimeout(60_000);

type Handler = (event: { completed(): void }) => unknown;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The simulated Excel with Office's ribbon parts: `actions.associate`, `addin` and a controllable `onReady`. */
function ribbonHost(options: { showRefusals?: number; showHangs?: boolean } = {}) {
  const t = paneHost({ Clients: LEDGER });
  const associated = new Map<string, Handler>();
  let visibility: ((e: { visibilityMode: string }) => void) | null = null;
  let refusals = options.showRefusals ?? 0;
  const show = jest.fn(() => {
    if (options.showHangs) return new Promise<void>(() => undefined);
    if (refusals-- > 0) return Promise.reject(new Error('not ready'));
    return Promise.resolve();
  });
  let ready: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => (ready = resolve));
  const office = t.host.Office as unknown as Record<string, unknown>;
  office.actions = { associate: (name: string, f: Handler) => associated.set(name, f) };
  office.addin = {
    showAsTaskpane: show,
    onVisibilityModeChanged: (h: (e: { visibilityMode: string }) => void) => { visibility = h; return Promise.resolve(() => Promise.resolve()); },
  };
  office.onReady = () => readyPromise;
  return {
    ...t,
    associated,
    show,
    officeReady: () => ready(),
    setVisibility: (mode: 'Hidden' | 'Taskpane') => visibility!({ visibilityMode: mode }),
    /** Clicks a button; resolves with how often the click was completed, once it was. */
    click(name: string): Promise<number> {
      let count = 0;
      return new Promise((resolve) => {
        void associated.get(name)!({ completed: () => { count++; setTimeout(() => resolve(count), 20); } });
      });
    },
  };
}

const quick: RegisterOptions = { coldStartMs: 0, show: { retryDelayMs: 5, timeoutMs: 100 } };

describe('ribbon commands', () => {
  it('associates every function at once, before Office is ready; a click waits for Office, runs, is completed once', async () => {
    const t = ribbonHost();
    expect(registerCommands(t.host, quick)).toBe(true);
    expect([...t.associated.keys()].sort()).toEqual(Object.keys(RIBBON_FUNCTIONS).sort());
    registerCommands(t.host, quick); // the entry registers at load and again after onReady: still one handler each
    expect(t.associated.size).toBe(Object.keys(RIBBON_FUNCTIONS).length);

    const clicked = t.click('findDuplicates');
    await sleep(50);
    expect(t.sim.stats().syncs).toBe(0); // nothing touches Excel before Office is ready
    t.officeReady();
    expect(await clicked).toBe(1);
    expect(lastRibbonEvent()).toMatchObject({ action: 'findDuplicates', ok: true });
    expect(t.sim.workbook.sheet('Clients').values()[0]).toContain('Duplicate group');
  });

  it('opens the pane after a success unless Office said it is showing; a stale "showing" on a hidden page does not count', async () => {
    const t = ribbonHost();
    registerCommands(t.host, quick);
    t.officeReady();
    // No event yet: a runtime started by the click may call itself visible, so the pane is opened.
    await t.click('checkContacts');
    expect(t.show).toHaveBeenCalledTimes(1);
    t.setVisibility('Taskpane');
    await t.click('checkContacts');
    expect(t.show).toHaveBeenCalledTimes(1);
    t.setVisibility('Hidden');
    await t.click('checkContacts');
    expect(t.show).toHaveBeenCalledTimes(2);

    const seen = new PaneVisibility(() => true);
    seen.reported('Taskpane');
    expect(seen.showing()).toBe(false); // Office said so once, but the page is hidden now
    const fresh = new PaneVisibility(() => false);
    expect(fresh.showing()).toBe(false); // nothing said yet: not known to be showing
  });

  it('a failure is completed too, opens the pane whatever its state, and says why in the user\'s words', async () => {
    const t = ribbonHost();
    registerCommands(t.host, quick);
    t.officeReady();
    t.setVisibility('Taskpane');
    t.sim.workbook.sheet('Clients').protect();
    expect(await t.click('checkContacts')).toBe(1);
    expect(lastRibbonEvent()).toMatchObject({ action: 'checkContacts', ok: false, message: expect.stringMatching(/protected/) });
    expect(t.show).toHaveBeenCalledTimes(1);
  });

  it('a click that cannot reach Excel at all (no Excel object yet) still completes and shows the card', async () => {
    const t = ribbonHost();
    const broken = { Office: t.host.Office } as AddinHost;
    registerCommands(() => broken, quick);
    t.officeReady();
    expect(await t.click('buildSummary')).toBe(1);
    expect(lastRibbonEvent()).toMatchObject({ action: 'buildSummary', ok: false });
    expect(t.show).toHaveBeenCalledTimes(1);
  });

  it('tries showAsTaskpane again when Office turns it down, and never waits for it without end', async () => {
    const refused = ribbonHost({ showRefusals: 2 });
    expect(await showPane(refused.host.Office.addin, { retryDelayMs: 5 })).toBe(true);
    expect(refused.show).toHaveBeenCalledTimes(3);

    const silent = ribbonHost({ showHangs: true });
    registerCommands(silent.host, { coldStartMs: 0, show: { attempts: 2, retryDelayMs: 5, timeoutMs: 50 } });
    silent.officeReady();
    const started = Date.now();
    expect(await silent.click('createTemplate')).toBe(1);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(silent.show).toHaveBeenCalledTimes(2);
    expect(await showPane(undefined)).toBe(false); // no shared runtime: nothing to open
  });

  it('opens the pane when the runtime got no click after starting (a first click Office lost) — not when a click came, nor when the pane shows', async () => {
    const lost = ribbonHost();
    registerCommands(lost.host, { ...quick, coldStartMs: 30 });
    lost.officeReady();
    await sleep(120);
    expect(lost.show).toHaveBeenCalledTimes(1);

    const showing = ribbonHost();
    registerCommands(showing.host, { ...quick, coldStartMs: 30 });
    showing.setVisibility('Taskpane');
    showing.officeReady();
    await sleep(120);
    expect(showing.show).not.toHaveBeenCalled();

    const clickedInTime = ribbonHost();
    registerCommands(clickedInTime.host, { ...quick, coldStartMs: 30 });
    clickedInTime.setVisibility('Taskpane');
    const click = clickedInTime.click('findDuplicates');
    clickedInTime.officeReady();
    await click;
    clickedInTime.setVisibility('Hidden'); // closed later: the fallback is for a start without a click only
    await sleep(120);
    expect(clickedInTime.show).not.toHaveBeenCalled();
  });

  it('the finishing buttons change the sheet only after a backup (merge folds Ann Lee, fix all writes the fixes); Calls today writes its own sheet', async () => {
    const original = LEDGER.map((r) => [...r]);
    const t = ribbonHost();
    registerCommands(t.host, quick);
    t.officeReady();
    t.setVisibility('Taskpane');
    const before = t.sim.workbook.sheetNames();
    expect(await t.click('mergeDuplicates')).toBe(1);
    expect(lastRibbonEvent()).toMatchObject({ action: 'findDuplicates', ok: true });
    const added = t.sim.workbook.sheetNames().filter((n) => !before.includes(n));
    const backup = added.find((n) => t.sim.workbook.sheet(n).values().some((r) => r[0] === 'Bo Chen'));
    expect(backup).toBeDefined();
    expect(t.sim.workbook.sheet(backup!).values().slice(0, original.length).map((r) => r.slice(0, 7))).toEqual(original);
    const clients = t.sim.workbook.sheet('Clients').values();
    const ann = clients.filter((r) => r[0] === 'Ann Lee');
    expect(ann).toHaveLength(1);
    expect(ann[0]![4]).toBe(1200 + 80); // amounts added into the kept row
    const archive = added.filter((n) => n !== backup).map((n) => t.sim.workbook.sheet(n).values()).find((v) => v.some((r) => r[0] === 'Ann Lee'));
    expect(archive?.some((r) => r[2] === 'ann.lee@163.com' || r[2] === 'ann@qq.com')).toBe(true);

    const f = ribbonHost();
    registerCommands(f.host, quick);
    f.officeReady();
    f.setVisibility('Taskpane');
    expect(await f.click('fixAll')).toBe(1);
    expect(lastRibbonEvent()).toMatchObject({ action: 'checkContacts', ok: true });
    const fixed = f.sim.workbook.sheet('Clients').values();
    expect(fixed[2]![2]).toBe('bo@qq.com'); // the suggestion for "qq.con" was accepted
    expect(f.sim.workbook.sheetNames().length).toBeGreaterThan(1); // the backup

    const c = ribbonHost();
    registerCommands(c.host, quick);
    c.officeReady();
    c.setVisibility('Taskpane');
    expect(await c.click('callsToday')).toBe(1);
    expect(lastRibbonEvent()).toMatchObject({ action: 'callListSheet', ok: true });
    const callSheet = c.sim.workbook.sheetNames().find((n) => n !== 'Clients' && c.sim.workbook.sheet(n).values().flat().includes('Ann Lee'));
    expect(callSheet).toBeDefined(); // the printable list names the customers to call
    expect(c.sim.workbook.sheet('Clients').values().slice(0, LEDGER.length).map((r) => r.slice(0, 7))).toEqual(original);
  });

  it('"Fix selected cells" fixes those cells alone; a selection elsewhere or of many areas is refused in words', async () => {
    const t = ribbonHost();
    registerCommands(t.host, quick);
    t.officeReady();
    t.setVisibility('Taskpane');
    const select = (sheet: string, address: string) => t.host.Excel.run(async (context) => {
      context.workbook.worksheets.getItem(sheet).getRange(address).select();
      await context.sync();
    });
    await select('Clients', 'C2:C3'); // ann@qq.com (nothing to fix) and bo@qq.con (a suggestion)
    expect(await t.click('fixSelection')).toBe(1);
    expect(lastRibbonEvent()).toMatchObject({ action: 'checkContacts', ok: true });
    const after = t.sim.workbook.sheet('Clients').values();
    expect(after[2]![2]).toBe('bo@qq.com');
    // Fix all would have written 138 0013 8000 here and fixed cy-at-163.com's neighbours: not selected, left.
    expect(after.slice(0, LEDGER.length).map((r, i) => (i === 2 ? r.slice(0, 2) : r.slice(0, 7)))).toEqual(LEDGER.map((r, i) => (i === 2 ? r.slice(0, 2) : r)));
    const sheets = t.sim.workbook.sheetNames();
    expect(sheets.length).toBeGreaterThan(1); // the backup

    await select('Clients', 'A2'); // a name: nothing to fix, so no second backup
    expect(await t.click('fixSelection')).toBe(1);
    const nothing = lastRibbonEvent();
    expect(nothing).toMatchObject({ ok: true, result: { summary: { fixes: 0, fixedIn: ['Clients!A2'] } } });
    expect(t.sim.workbook.sheetNames()).toEqual(sheets);

    const other = sheets.find((n) => n !== 'Clients')!;
    await select(other, 'C3');
    expect(await t.click('fixSelection')).toBe(1);
    expect(lastRibbonEvent()).toMatchObject({ ok: false, message: expect.stringMatching(/not on the customer sheet/) });
    expect(t.sim.workbook.sheet(other).values()[2]![2]).toBe('bo@qq.con'); // the backup's copy, untouched
    expect(t.sim.workbook.sheetNames()).toEqual(sheets);

    // Several areas selected: Excel refuses getSelectedRange; the click says what to select.
    const refusing = { ...t.host, Excel: { ...t.host.Excel, run: () => Promise.reject(Object.assign(new Error('multiple'), { name: 'RichApi.Error', code: 'InvalidSelection' })) } } as unknown as AddinHost;
    await runRibbonCommand(refusing, 'checkContacts', { run: RIBBON_FUNCTIONS.fixSelection!.options, show: { retryDelayMs: 5 } });
    expect(lastRibbonEvent()).toMatchObject({ ok: false, message: expect.stringMatching(/Select the phone or email cells to fix \(one block of cells\)/) });
  });

  it('runRibbonCommand on its own (the pane test calls it) never rejects', async () => {
    const t = ribbonHost();
    t.sim.workbook.sheet('Clients').protect();
    await expect(runRibbonCommand(t.host, 'checkContacts', { show: { retryDelayMs: 5 } })).resolves.toBeUndefined();
    expect(t.show).toHaveBeenCalledTimes(1);
  });
});
