/**
 * The one watch on the customer sheet while the pane shows it: a user's edit stops a run that has not
 * started writing, and — with "Keep checking as I type" — is checked at once.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PaneStrings } from '../../i18n/pane';
import type { Locale } from '../../i18n/strings';
import { errorMessage } from '../../addin/errorWording';
import type { AddinHost } from '../../addin/host';
import type { WorkbookView } from '../../addin/workbookView';
import { loadSheetWatch } from '../logic/loadSheetWatch';
import type { PaneWatch } from '../logic/sheetWatch';
import type { LiveState } from '../paneState';
import type { RunGuard } from './useRunGuard';

// "Keep checking as I type", per workbook (its Excel object) for as long as the pane's runtime lives.
const liveChoice = new WeakMap<object, boolean>();

export function useLiveCheck(host: AddinHost, locale: Locale, s: PaneStrings, view: WorkbookView | null, guard: RunGuard): { live: LiveState; watching: boolean } {
  const [on, setOn] = useState(() => liveChoice.get(host.Excel) ?? true);
  const [note, setNote] = useState<string | null>(null);
  const [watching, setWatching] = useState(false);
  const available = view?.kind === 'ready' && view.checkColumns;
  const liveRef = useRef(false);
  liveRef.current = on && available;
  const { runRef, busyRef, watchRef } = guard;

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
        onLive: (r) => { if (!gone) setNote(s.liveChecked(r.rows)); },
        onLiveError: (err) => { if (!gone) setNote(errorMessage(err, locale)); },
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
  }, [host, locale, s, watchedSheet, runRef, busyRef, watchRef]);

  const set = useCallback((next: boolean) => {
    liveChoice.set(host.Excel, next);
    setOn(next);
    if (!next) setNote(null);
  }, [host]);

  return { live: { available, on, set, note: on ? note : null }, watching };
}
