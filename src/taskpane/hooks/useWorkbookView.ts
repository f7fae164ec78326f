/** What the workbook holds (read on open, after every change the pane makes, and on "read again"), and the sheet the user chose. */
import { useCallback, useEffect, useRef, useState, type MutableRefObject } from 'react';
import type { Locale } from '../../i18n/strings';
import { errorKey, errorMessage } from '../../addin/errorWording';
import type { AddinHost } from '../../addin/host';
import { readWorkbook, type WorkbookView } from '../../addin/workbookView';

export interface WorkbookViewState {
  view: WorkbookView | null;
  /** The view as of now, for callbacks made before the last render. */
  viewRef: MutableRefObject<WorkbookView | null>;
  loadError: string | null;
  /** The sheet the user chose, passed to every run (undefined: the add-in finds it). */
  sheetRef: MutableRefObject<string | undefined>;
  chosenSheet: string | undefined;
  refresh: (sheet?: string) => Promise<void>;
  /** false once the pane is gone: late answers are dropped. */
  alive: MutableRefObject<boolean>;
}

export function useWorkbookView(host: AddinHost, locale: Locale): WorkbookViewState {
  const [view, setView] = useState<WorkbookView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [chosenSheet, setChosenSheet] = useState<string | undefined>(undefined);
  const sheetRef = useRef<string | undefined>(undefined);
  const viewRef = useRef<WorkbookView | null>(null);
  viewRef.current = view;
  const alive = useRef(true);

  const refresh = useCallback(async (sheet?: string) => {
    if (sheet !== undefined) {
      sheetRef.current = sheet;
      setChosenSheet(sheet);
    }
    setLoadError(null);
    const read = () => readWorkbook(host, locale, sheetRef.current);
    try {
      let next;
      try {
        next = await read();
      } catch (err) {
        // The chosen sheet was deleted or renamed since: forget the choice and find the sheet again.
        if (sheetRef.current === undefined || errorKey(err) !== 'not-found') throw err;
        sheetRef.current = undefined;
        if (alive.current) setChosenSheet(undefined);
        next = await read();
      }
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

  return { view, viewRef, loadError, sheetRef, chosenSheet, refresh, alive };
}
