/**
 * The pane's state: what the workbook holds, each action's progress / result / error, and the
 * commands the pane sends (run, save settings, save columns, go to cell). No JSX here.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ACTION_IDS, paneStrings, type ActionId, type PaneStrings } from '../i18n/pane';
import type { Locale } from '../i18n/strings';
import { errorMessage } from './logic/errors';
import { localeOf, selectCell, type PaneHost } from './logic/host';
import { lastRibbonEvent, subscribeRibbon } from './logic/ribbonStore';
import { readWorkbook, runAction, saveMapping, saveSettings, type ActionResult, type RunOptions, type SettingsInput, type WorkbookView } from './logic/runAction';

export interface ActionState {
  busy: boolean;
  result: ActionResult | null;
  error: string | null;
}

export interface PaneState {
  locale: Locale;
  s: PaneStrings;
  /** null while the workbook is being read. */
  view: WorkbookView | null;
  loadError: string | null;
  actions: Record<ActionId, ActionState>;
  /** Some action (or save) is running: the other buttons wait. */
  anyBusy: boolean;
  notice: { text: string; intent: 'success' | 'info' | 'error' } | null;
  refresh: (sheet?: string) => Promise<void>;
  chooseSheet: (sheet: string) => void;
  run: (id: ActionId, options?: RunOptions) => Promise<void>;
  goTo: (sheet: string, address: string) => void;
  saveSettings: (input: SettingsInput) => Promise<boolean>;
  saveMapping: (mapping: Record<string, number>) => Promise<boolean>;
  dismissNotice: () => void;
}

const idle = (): Record<ActionId, ActionState> =>
  Object.fromEntries(ACTION_IDS.map((id) => [id, { busy: false, result: null, error: null }])) as Record<ActionId, ActionState>;

export function usePane(host: PaneHost): PaneState {
  const locale = useMemo(() => localeOf(host), [host]);
  const s = paneStrings(locale);
  const [view, setView] = useState<WorkbookView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [actions, setActions] = useState(idle);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<PaneState['notice']>(null);
  const sheetRef = useRef<string | undefined>(undefined);
  const alive = useRef(true);

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

  // Results of ribbon clicks (same runtime) show up on their card.
  useEffect(() => {
    const show = (e: NonNullable<ReturnType<typeof lastRibbonEvent>>) => {
      setActions((a) => ({ ...a, [e.action]: e.ok ? { busy: false, result: e.result, error: null } : { busy: false, result: null, error: e.message } }));
      setNotice({ text: s.fromRibbon(s.actions[e.action].name), intent: e.ok ? 'info' : 'error' });
      void refresh();
    };
    return subscribeRibbon(show);
  }, [refresh, s]);

  const run = useCallback(async (id: ActionId, options: RunOptions = {}) => {
    setNotice(null);
    setActions((a) => ({ ...a, [id]: { busy: true, result: a[id].result, error: null } }));
    try {
      const result = await runAction(id, host, locale, { sheet: sheetRef.current, ...options });
      if (!alive.current) return;
      setActions((a) => ({ ...a, [id]: { busy: false, result, error: null } }));
      await refresh();
    } catch (err) {
      if (alive.current) setActions((a) => ({ ...a, [id]: { busy: false, result: null, error: errorMessage(err, locale) } }));
    }
  }, [host, locale, refresh]);

  const goTo = useCallback((sheet: string, address: string) => {
    selectCell(host, sheet, address).catch((err: unknown) => setNotice({ text: errorMessage(err, locale), intent: 'error' }));
  }, [host, locale]);

  const save = useCallback(async (work: () => Promise<unknown>, done: string): Promise<boolean> => {
    setSaving(true);
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
      if (alive.current) setSaving(false);
    }
  }, [locale, refresh]);

  const anyBusy = saving || ACTION_IDS.some((id) => actions[id].busy);
  return {
    locale, s, view, loadError, actions, anyBusy, notice, refresh, run, goTo,
    chooseSheet: (sheet) => void refresh(sheet),
    saveSettings: (input) => save(() => saveSettings(host, locale, input), s.settingsSaved),
    saveMapping: (mapping) => save(() => saveMapping(host, locale, view?.kind === 'ready' ? view.sheet : '', mapping), s.mappingSaved),
    dismissNotice: () => setNotice(null),
  };
}
