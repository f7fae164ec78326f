/// <reference types="office-js" />
/**
 * The add-in's host as the pane and the ribbon both see it: the real `Excel` / `Office` globals in the
 * add-in, the simulator's in the playground and in tests. Host detection and the user's language live
 * here; what only the pane asks of Office (theme, selecting a cell) is in src/taskpane/logic.
 */
import type { ExcelHost } from '../workbook/excel/excelPort';
import { pickLocale, type Locale } from '../i18n/strings';

/** Office.addin (SharedRuntime 1.1): the runtime's own pane. */
export interface AddinPaneControl {
  showAsTaskpane?: () => Promise<void>;
  onVisibilityModeChanged?: (handler: (e: { visibilityMode: string }) => void) => Promise<unknown>;
}

export interface AddinHost extends ExcelHost {
  Office: ExcelHost['Office'] & {
    context: ExcelHost['Office']['context'] & {
      displayLanguage?: string;
      officeTheme?: { bodyBackgroundColor?: string } | null;
    };
    addin?: AddinPaneControl;
  };
  /** What the host does with a new workbook (Excel.createWorkbook): Excel opens it (the default); the playground downloads it. */
  newWorkbook?: 'open' | 'download';
}

/** The Office globals as the add-in runs in Excel (after Office.onReady). */
export function globalHost(): AddinHost {
  const g = globalThis as unknown as { Excel: AddinHost['Excel']; Office: AddinHost['Office'] };
  return { Excel: g.Excel, Office: g.Office };
}

export function localeOf(host: AddinHost): Locale {
  let language: string | undefined;
  try {
    language = host.Office.context.displayLanguage;
  } catch {
    language = undefined;
  }
  return pickLocale(language);
}
