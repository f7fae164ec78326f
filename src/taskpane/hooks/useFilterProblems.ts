/**
 * "Show only rows with problems": the check's AutoFilter on or off, one run at a time like any other.
 * Only which rows show changes, so the workbook view is not read again.
 */
import { useCallback, useState } from 'react';
import type { PaneStrings } from '../../i18n/pane';
import type { Locale } from '../../i18n/strings';
import { errorMessage } from '../../addin/errorWording';
import type { AddinHost } from '../../addin/host';
import { runFilterProblems } from '../../addin/runAction';
import type { FilterState } from '../paneState';
import type { RunGuard } from './useRunGuard';
import type { WorkbookViewState } from './useWorkbookView';

export function useFilterProblems(host: AddinHost, locale: Locale, s: PaneStrings, wb: WorkbookViewState, guard: RunGuard): FilterState {
  const [state, setState] = useState<Omit<FilterState, 'set'>>({ on: false, busy: false, text: null, error: null });
  const { alive, sheetRef } = wb;
  const { guarded } = guard;
  const set = useCallback((on: boolean) => guarded(() => {
    setState((st) => ({ ...st, busy: true, error: null }));
  }, async (control) => {
    try {
      const r = await runFilterProblems(host, locale, { on }, { sheet: sheetRef.current, signal: control.signal });
      if (!alive.current) return;
      setState({ on: r.on, busy: false, error: null, text: r.on ? s.filterProblemsShown(r.rows, r.column ?? '') : r.changed ? s.filterProblemsAll : null });
    } catch (err) {
      // Refused (the user's own filter, no check column): nothing changed, so the toggle stays where it was.
      if (alive.current) setState((st) => ({ ...st, busy: false, error: errorMessage(err, locale) }));
    }
  }), [guarded, host, locale, s, alive, sheetRef]);
  return { ...state, set };
}
