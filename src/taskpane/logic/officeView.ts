/// <reference types="office-js" />
/**
 * What only the pane asks of Office, one-liners each: the theme it should follow and "go to cell". The
 * only Office.js calls outside src/workbook/excel and src/addin.
 */
import type { AddinHost } from '../../addin/host';

/** 'dark' when Office's body background is dark (Office themes "Black" and "Dark Gray"). */
export function themeOf(host: AddinHost): 'light' | 'dark' {
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
export async function selectCell(host: AddinHost, sheet: string, address: string): Promise<void> {
  await host.Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  });
}
