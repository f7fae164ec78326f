/**
 * The pane's state: what the workbook holds, each action's progress / result / error, and the
 * commands the pane sends (run, save settings, save columns, go to cell). No JSX here.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ACTION_IDS, paneStrings, type ActionId, type PaneStrings } from '../i18n/pane';
import type { Locale } from '../i18n/strings';
import type { CallListSummary } from '../actions';
import { errorKey, errorMessage } from '../addin/errorWording';
import { localeOf, type AddinHost } from '../addin/host';
import { restoreFromBackup } from '../addin/restoreBackup';
import { lastRibbonEvent, subscribeRibbon } from '../addin/ribbonStore';
import { runAction, runCallList, type ActionProgress, type ActionResult, type RunOptions } from '../addin/runAction';
import { RunControl } from '../addin/runControl';
import { saveMapping, saveSettings, type SettingsInput } from '../addin/workbookSettings';
import { readWorkbook, type WorkbookView } from '../addin/workbookView';
import { loadSheetWatch } from './logic/loadSheetWatch';
import { selectCell } from './logic/officeView';
import type { PaneWatch } from './logic/sheetWatch';

export interface ActionState {
  busy: boolean;
  result: ActionResult | null;
  error: string | null;
  /** Stopped before writing anything (Cancel, or the sheet was edited meanwhile): a plain message. */
  stopped: string | null;
  /** Where the run is; null until the progress bar shows (after PROGRESS_DELAY_MS, at once on a large sheet). */
  progress: ActionProgress | null;
  /** Said after a run that was asked to stop once it was writing, and so finished. */
  note: string | null;
}

/** Runs shorter than this show only the spinner (no flicker of a progress bar). */
export const PROGRESS_DELAY_MS = 300;
/** Above this many data rows the progress bar shows at once. */
export const LARGE_SHEET_ROWS = 5000;
/** At most this often a progress step re-renders the card (phase changes always do). */
const PROGRESS_EVERY_MS = 100;

export interface LiveState {
  /** The customer sheet has the check columns, so live checking can run. */
  available: boolean;
  on: boolean;
  set: (on: boolean) => void;
  /** What the last live batch did (or why it failed). */
  note: string | null;
}

export interface RestoreState {
  /** The backup being restored, while it runs. */
  busy: string | null;
  /** What the last restore did, in words. */
  result: string | null;
  error: string | null;
}

// "Keep checking as I type", per workbook (its Excel object) for as long as the pane's runtime lives.
const liveChoice = new WeakMap<object, boolean>();

export interface PaneState {
  locale: Locale;
  s: PaneStrings;
  /** null while the workbook is being read. */
  view: WorkbookView | null;
  loadError: string | null;
  actions: Record<ActionId, ActionState>;
  /** Some action (or save) is running: the other buttons wait. */
  anyBusy: boolean;
  live: LiveState;
  restoreState: RestoreState;
  /** Restores a backup onto the sheet it copies (after backing that sheet up). */
  restore: (backupSheet: string) => Promise<void>;
  /** The customer sheet's change watch is registered (edits stop a run, live checking can run). */
  watching: boolean;
  notice: { text: string; intent: 'success' | 'info' | 'error' } | null;
  refresh: (sheet?: string) => Promise<void>;
  chooseSheet: (sheet: string) => void;
  run: (id: ActionId, options?: RunOptions) => Promise<void>;
  /** Stops the running action unless it has started writing. */
  cancel: () => void;
  goTo: (sheet: string, address: string) => void;
  saveSettings: (input: SettingsInput) => Promise<boolean>;
  saveMapping: (mapping: Record<string, number>) => Promise<boolean>;
  dismissNotice: () => void;
  /** What the host does with a new workbook (the masked copy): Excel opens it, the playground downloads it. */
  newWorkbook: 'open' | 'download';
  loadCalls: () => Promise<CallListSummary>;
}

const CLEAR = { busy: false, error: null, stopped: null, progress: null, note: null } as const;

const idle = (): Record<ActionId, ActionState> =>
  Object.fromEntries(ACTION_IDS.map((id) => [id, { ...CLEAR, result: null }])) as Record<ActionId, ActionState>;

export function usePane(host: AddinHost): PaneState {
  const locale = useMemo(() => localeOf(host), [host]);
  const s = paneStrings(locale);
  const [view, setView] = useState<WorkbookView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [actions, setActions] = useState(idle);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<PaneState['notice']>(null);
  const sheetRef = useRef<string | undefined>(undefined);
  const alive = useRef(true);
  const viewRef = useRef<WorkbookView | null>(null);
  viewRef.current = view;
  const runRef = useRef<RunControl | null>(null);
  const busyRef = useRef(false);
  const watchRef = useRef<PaneWatch | null>(null);
  const [liveOn, setLiveOn] = useState(() => liveChoice.get(host.Excel) ?? true);
  const [liveNote, setLiveNote] = useState<string | null>(null);
  const [watching, setWatching] = useState(false);
  const [restoreState, setRestoreState] = useState<RestoreState>({ busy: null, result: null, error: null });
  const liveAvailable = view?.kind === 'ready' && view.checkColumns;
  const liveRef = useRef(false);
  liveRef.current = liveOn && liveAvailable;

  const refresh = useCallback(async (sheet?: string) => {
    if (sheet !== undefined) sheetRef.current = sheet;
    setLoadError(null);
    try {
      const next = await readWorkbook(host, locale, sheetRef.current);
      if (alive.current) setView(next);
    } catch (err) {
      if (alive.current) setLoadError(errorMessage(err, locale));
    }
  }, [host, locale]);

  useEffect(() => {
    alive.current = true;
    void refresh();
    return () => {
      alive.current = false;
    };
  }, [refresh]);

  // One watch on the customer sheet while the pane shows it: stops a run on a user edit, feeds live checking.
  const watchedSheet = view?.kind === 'ready' ? view.sheet : null;
  useEffect(() => {
    if (!watchedSheet) return undefined;
    let gone = false;
    let mine: PaneWatch | null = null;
    void loadSheetWatch()
      .then((w) => w.watchPaneSheet(host, {
        locale, sheet: watchedSheet,
        live: () => liveRef.current,
        busy: () => busyRef.current,
        onEdit: (stop) => void runRef.current?.edited(stop),
        onLive: (r) => { if (!gone) setLiveNote(s.liveChecked(r.rows)); },
        onLiveError: (err) => { if (!gone) setLiveNote(errorMessage(err, locale)); },
      }))
      .then((w) => {
        if (gone) void w.remove();
        else {
          watchRef.current = mine = w;
          setWatching(true);
        }
      })
      .catch(() => undefined); // no onChanged here (ExcelApi < 1.7): runs are not stopped by edits, nothing is checked live
    return () => {
      gone = true;
      setWatching(false);
      if (mine) {
        if (watchRef.current === mine) watchRef.current = null;
        void mine.remove();
      }
    };
  }, [host, locale, s, watchedSheet]);

  // Results of ribbon clicks (same runtime) show up on their card.
  useEffect(() => {
    const show = (e: NonNullable<ReturnType<typeof lastRibbonEvent>>) => {
      setActions((a) => ({ ...a, [e.action]: e.ok ? { ...CLEAR, result: e.result } : { ...CLEAR, result: null, error: e.message } }));
      setNotice({ text: s.fromRibbon(s.actions[e.action].name), intent: e.ok ? 'info' : 'error' });
      void refresh().then(() => watchRef.current?.resume());
    };
    return subscribeRibbon(show);
  }, [refresh, s]);

  /**
   * One run at a time: its RunControl is what Cancel and the sheet watch stop; live checks finish first
   * and wait until it is over (then edits made meanwhile are checked).
   */
  const guarded = useCallback(async (start: () => void, work: (control: RunControl) => Promise<void>): Promise<void> => {
    const control = new RunControl();
    runRef.current = control;
    busyRef.current = true;
    start(); // the card is busy at once, before live checks are awaited: no second click meanwhile
    try {
      await watchRef.current?.pause();
      await work(control);
    } finally {
      if (runRef.current === control) runRef.current = null;
      busyRef.current = false;
      watchRef.current?.resume();
    }
  }, []);

  const run = useCallback((id: ActionId, options: RunOptions = {}) => guarded(() => {
    setNotice(null);
    setActions((a) => ({ ...a, [id]: { ...CLEAR, busy: true, result: a[id].result } }));
  }, async (control) => {
    const update = (patch: Partial<ActionState>) => setActions((a) => ({ ...a, [id]: { ...a[id], ...patch } }));

    // The progress bar: after PROGRESS_DELAY_MS, or at once on a large sheet; then at most every PROGRESS_EVERY_MS.
    let latest: ActionProgress = { phase: 'read', done: 0, total: 0 };
    let shownAt: number | null = null;
    const show = () => {
      shownAt = Date.now();
      if (alive.current) update({ progress: latest });
    };
    const current = viewRef.current;
    const large = current?.kind === 'ready' && current.dataRows > LARGE_SHEET_ROWS;
    const timer = large ? null : setTimeout(show, PROGRESS_DELAY_MS);
    if (large) show();
    const onProgress = (p: ActionProgress) => {
      const phaseChanged = p.phase !== latest.phase;
      control.progress(p);
      latest = p;
      if (shownAt !== null && (phaseChanged || Date.now() - shownAt >= PROGRESS_EVERY_MS)) show();
    };

    try {
      const result = await runAction(id, host, locale, { sheet: sheetRef.current, ...options, signal: control.signal, onProgress });
      if (!alive.current) return;
      setActions((a) => ({ ...a, [id]: { ...CLEAR, result, note: control.stopIgnored ? s.finishedAnyway : null } }));
      await refresh();
    } catch (err) {
      if (!alive.current) return;
      const key = errorKey(err);
      // Stopped before writing: nothing changed, so the last result still holds.
      if (key === 'cancelled' || key === 'edited') setActions((a) => ({ ...a, [id]: { ...CLEAR, result: a[id].result, stopped: errorMessage(err, locale) } }));
      else setActions((a) => ({ ...a, [id]: { ...CLEAR, result: null, error: errorMessage(err, locale) } }));
    } finally {
      if (timer) clearTimeout(timer);
    }
  }), [guarded, host, locale, refresh, s]);

  const restore = useCallback((backupSheet: string) => guarded(() => {
    setNotice(null);
    setRestoreState({ busy: backupSheet, result: null, error: null });
  }, async (control) => {
    try {
      const current = viewRef.current;
      const r = await restoreFromBackup(host, locale, backupSheet, {
        sheet: current?.kind === 'ready' ? current.sheet : sheetRef.current, signal: control.signal, onProgress: (p) => control.progress(p),
      });
      if (!alive.current) return;
      setRestoreState({ busy: null, result: s.restored(r.sheet, r.backupSheet, r.safetyBackup, r.rows), error: null });
      await refresh();
    } catch (err) {
      if (alive.current) setRestoreState({ busy: null, result: null, error: errorMessage(err, locale) });
    }
  }), [guarded, host, locale, refresh, s]);

  const cancel = useCallback(() => {
    runRef.current?.cancel();
  }, []);

  const setLive = useCallback((on: boolean) => {
    liveChoice.set(host.Excel, on);
    setLiveOn(on);
    if (!on) setLiveNote(null);
  }, [host]);

  const goTo = useCallback((sheet: string, address: string) => {
    selectCell(host, sheet, address).catch((err: unknown) => setNotice({ text: errorMessage(err, locale), intent: 'error' }));
  }, [host, locale]);

  const save = useCallback(async (work: () => Promise<unknown>, done: string): Promise<boolean> => {
    setSaving(true);
    busyRef.current = true;
    setNotice(null);
    try {
      await work();
      await refresh();
      setNotice({ text: done, intent: 'success' });
      return true;
    } catch (err) {
      setNotice({ text: errorMessage(err, locale), intent: 'error' });
      return false;
    } finally {
      busyRef.current = false;
      watchRef.current?.resume(); // the columns or the region may have changed
      if (alive.current) setSaving(false);
    }
  }, [locale, refresh]);

  const anyBusy = saving || restoreState.busy !== null || ACTION_IDS.some((id) => actions[id].busy);
  return {
    locale, s, view, loadError, actions, anyBusy, notice, refresh, run, cancel, goTo, restoreState, restore,
    watching,
    live: { available: liveAvailable, on: liveOn, set: setLive, note: liveOn ? liveNote : null },
    chooseSheet: (sheet) => void refresh(sheet),
    saveSettings: (input) => save(() => saveSettings(host, locale, input), s.settingsSaved),
    saveMapping: (mapping) => save(() => saveMapping(host, locale, view?.kind === 'ready' ? view.sheet : '', mapping), s.mappingSaved),
    dismissNotice: () => setNotice(null),
    newWorkbook: host.newWorkbook ?? 'open',
    /** The call list of the customer sheet (read only: no run, no backup). */
    loadCalls: () => runCallList(host, locale, { sheet: sheetRef.current }),
  };
}
