/** Saving the settings or the column choices to the workbook's settings sheet, then reading the workbook again. */
import { useCallback, useState } from 'react';
import type { PaneStrings } from '../../i18n/pane';
import type { Locale } from '../../i18n/strings';
import { errorMessage } from '../../addin/errorWording';
import type { AddinHost } from '../../addin/host';
import { saveMapping, saveSettings, type SettingsInput } from '../../addin/workbookSettings';
import type { Notice } from '../paneState';
import type { RunGuard } from './useRunGuard';
import type { WorkbookViewState } from './useWorkbookView';

export function useSettingsSave(host: AddinHost, locale: Locale, s: PaneStrings, wb: WorkbookViewState, guard: RunGuard,
  setNotice: (n: Notice | null) => void) {
  const [saving, setSaving] = useState(false);
  const { refresh, alive, viewRef } = wb;
  const { busyRef, watchRef } = guard;

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
  }, [locale, refresh, alive, busyRef, watchRef, setNotice]);

  return {
    saving,
    saveSettings: useCallback((input: SettingsInput) => {
      const v = viewRef.current;
      return save(() => saveSettings(host, locale, input, v?.kind === 'ready' ? v.terms : undefined), s.settingsSaved);
    }, [save, host, locale, s, viewRef]),
    saveMapping: useCallback((mapping: Record<string, number>) => {
      const v = viewRef.current;
      return save(() => saveMapping(host, locale, v?.kind === 'ready' ? v.sheet : '', mapping), s.mappingSaved);
    }, [save, host, locale, s, viewRef]),
  };
}
