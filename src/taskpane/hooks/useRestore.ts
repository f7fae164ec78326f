/** Restoring a backup onto the sheet it copies (the add-in backs that sheet up first), one at a time like any run. */
import { useCallback, useState } from 'react';
import type { PaneStrings } from '../../i18n/pane';
import type { Locale } from '../../i18n/strings';
import { errorMessage } from '../../addin/errorWording';
import type { AddinHost } from '../../addin/host';
import { restoreFromBackup } from '../../addin/restoreBackup';
import type { Notice, RestoreState } from '../paneState';
import type { RunGuard } from './useRunGuard';
import type { WorkbookViewState } from './useWorkbookView';

export function useRestore(host: AddinHost, locale: Locale, s: PaneStrings, wb: WorkbookViewState, guard: RunGuard,
  setNotice: (n: Notice | null) => void) {
  const [restoreState, setRestoreState] = useState<RestoreState>({ busy: null, result: null, error: null });
  const { refresh, alive, viewRef, sheetRef } = wb;
  const { guarded } = guard;
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
  }), [guarded, host, locale, refresh, s, alive, viewRef, sheetRef, setNotice]);
  return { restoreState, restore };
}
