/**
 * The pane's state, composed of one hook per concern: the workbook view, the action runs, live checking,
 * restore, saving settings, the notice. No JSX here.
 */
import { useCallback, useMemo, useState } from 'react';
import { paneStrings } from '../i18n/pane';
import { OUR_TERMS, withTerms } from '../i18n/terms';
import { errorMessage } from '../addin/errorWording';
import { localeOf, type AddinHost } from '../addin/host';
import { runCallList } from '../addin/runAction';
import { selectCell } from './logic/officeView';
import { useActionRuns } from './hooks/useActionRuns';
import { useFilterProblems } from './hooks/useFilterProblems';
import { useLiveCheck } from './hooks/useLiveCheck';
import { useNotice } from './hooks/useNotice';
import { useRestore } from './hooks/useRestore';
import { useRunGuard } from './hooks/useRunGuard';
import { useSettingsSave } from './hooks/useSettingsSave';
import { useWorkbookView } from './hooks/useWorkbookView';
import type { PaneState } from './paneState';

export type { ActionState, FilterState, LiveState, PaneState, RestoreState } from './paneState';
export { LARGE_SHEET_ROWS, PROGRESS_DELAY_MS } from './hooks/useActionRuns';

export function usePane(host: AddinHost): PaneState {
  const locale = useMemo(() => localeOf(host), [host]);
  const wb = useWorkbookView(host, locale);
  // The pane says the ledger's word for an idea (休眠 where the ledger says 休眠), as the sheets do.
  const dormant = wb.view?.kind === 'ready' ? wb.view.terms.dormant : OUR_TERMS.dormant;
  const s = useMemo(() => withTerms(paneStrings(locale), { dormant }), [locale, dormant]);
  const { notice, setNotice, dismiss } = useNotice();
  const guard = useRunGuard();
  const { live, watching } = useLiveCheck(host, locale, s, wb.view, guard);
  const runs = useActionRuns(host, locale, s, wb, guard, setNotice);
  const { restoreState, restore } = useRestore(host, locale, s, wb, guard, setNotice);
  const settings = useSettingsSave(host, locale, s, wb, guard, setNotice);
  const filter = useFilterProblems(host, locale, s, wb, guard);
  const { refresh, sheetRef } = wb;
  const [rfmAsked, setRfmAsked] = useState(false);
  const rfmWritten = wb.view?.kind === 'ready' && wb.view.rfmColumns;

  const goTo = useCallback((sheet: string, address: string) => {
    selectCell(host, sheet, address).catch((err: unknown) => setNotice({ text: errorMessage(err, locale), intent: 'error' }));
  }, [host, locale, setNotice]);

  return {
    locale, s, view: wb.view, loadError: wb.loadError, chosenSheet: wb.chosenSheet,
    actions: runs.actions, run: runs.run, cancel: runs.cancel,
    anyBusy: settings.saving || restoreState.busy !== null || runs.busy || filter.busy,
    filter,
    notice, dismissNotice: dismiss, refresh, goTo, restoreState, restore, watching, live,
    rfm: { on: rfmWritten || rfmAsked, set: setRfmAsked },
    chooseSheet: (sheet) => void refresh(sheet),
    saveSettings: settings.saveSettings,
    saveMapping: settings.saveMapping,
    newWorkbook: host.newWorkbook ?? 'open',
    /** The call list of the customer sheet (read only: no run, no backup). */
    loadCalls: () => runCallList(host, locale, { sheet: sheetRef.current }),
    host,
  };
}
