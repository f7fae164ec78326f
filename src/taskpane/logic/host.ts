/// <reference types="office-js" />
/**
 * The pane's view of its host: the real `Excel` / `Office` globals in the add-in, the simulator's in
 * the playground and in tests. The only Office.js calls outside src/workbook/excel live here, and they
 * are one-liners (select a cell, read the language and the theme).
 */
import type { ExcelHost } from '../../workbook/excel/excelPort';
import { pickLocale, type Locale } from '../../i18n/strings';

export interface PaneHost extends ExcelHost {
  Office: ExcelHost['Office'] & {
    context: ExcelHost['Office']['context'] & {
      displayLanguage?: string;
      officeTheme?: { bodyBackgroundColor?: string } | null;
    };
    addin?: { showAsTaskpane?: () => Promise<void> };
  };
  /** What the host does with a new workbook (Excel.createWorkbook): Excel opens it (the default); the playground downloads it. */
  newWorkbook?: 'open' | 'download';
}

/** The Office globals as the pane runs in Excel (after Office.onReady). */
export function globalHost(): PaneHost {
  const g = globalThis as unknown as { Excel: PaneHost['Excel']; Office: PaneHost['Office'] };
  return { Excel: g.Excel, Office: g.Office };
}

export function localeOf(host: PaneHost): Locale {
  let language: string | undefined;
  try {
    language = host.Office.context.displayLanguage;
  } catch {
    language = undefined;
  }
  return pickLocale(language);
}

/** 'dark' when Office's body background is dark (Office themes "Black" and "Dark Gray"). */
export function themeOf(host: PaneHost): 'light' | 'dark' {
  let color: string | undefined;
  try {
    color = host.Office.context.officeTheme?.bodyBackgroundColor;
  } catch {
    color = undefined;
  }
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color ?? '');
  if (!m) return 'light';
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h!, 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? 'dark' : 'light';
}

/** "Go to cell": activates the sheet and selects the cell in Excel. */
export async function selectCell(host: PaneHost, sheet: string, address: string): Promise<void> {
  await host.Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  });
}
