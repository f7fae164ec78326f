/**
 * Each action's run: busy at once, a progress bar once the run lasts (at once on a large sheet), Cancel,
 * then its result, its error or why it stopped — and the results of ribbon clicks on the same cards.
 */
import { useCallback, useEffect, useState } from 'react';
import { ACTION_IDS, type ActionId, type PaneStrings } from '../../i18n/pane';
import type { Locale } from '../../i18n/strings';
import { errorKey, errorMessage } from '../../addin/errorWording';
import type { AddinHost } from '../../addin/host';
import { lastRibbonEvent, subscribeRibbon } from '../../addin/ribbonStore';
import { runAction, type ActionProgress, type RunOptions } from '../../addin/runAction';
import type { ActionState, Notice } from '../paneState';
import type { RunGuard } from './useRunGuard';
import type { WorkbookViewState } from './useWorkbookView';

/** Runs shorter than this show only the spinner (no flicker of a progress bar). */
export const PROGRESS_DELAY_MS = 300;
/** Above this many data rows the progress bar shows at once. */
export const LARGE_SHEET_ROWS = 5000;
/** At most this often a progress step re-renders the card (phase changes always do). */
const PROGRESS_EVERY_MS = 100;

const CLEAR = { busy: false, error: null, stopped: null, progress: null, note: null } as const;

const idle = (): Record<ActionId, ActionState> =>
  Object.fromEntries(ACTION_IDS.map((id) => [id, { ...CLEAR, result: null }])) as Record<ActionId, ActionState>;

export function useActionRuns(host: AddinHost, locale: Locale, s: PaneStrings, wb: WorkbookViewState, guard: RunGuard,
  setNotice: (n: Notice | null) => void) {
  const [actions, setActions] = useState(idle);
  const { refresh, alive, viewRef, sheetRef } = wb;
  const { guarded, runRef, watchRef } = guard;

  // Results of ribbon clicks (same runtime) show up on their card.
  useEffect(() => {
    const show = (e: NonNullable<ReturnType<typeof lastRibbonEvent>>) => {
      setActions((a) => ({ ...a, [e.action]: e.ok ? { ...CLEAR, result: e.result } : { ...CLEAR, result: null, error: e.message } }));
      setNotice({ text: s.fromRibbon(s.actions[e.action].name), intent: e.ok ? 'info' : 'error' });
      void refresh().then(() => watchRef.current?.resume());
    };
    return subscribeRibbon(show);
  }, [refresh, s, setNotice, watchRef]);

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
  }), [guarded, host, locale, refresh, s, alive, viewRef, sheetRef, setNotice]);

  const cancel = useCallback(() => {
    runRef.current?.cancel();
  }, [runRef]);

  return { actions, run, cancel, busy: ACTION_IDS.some((id) => actions[id]?.busy) };
}
