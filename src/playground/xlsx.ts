/**
 * Opens an .xlsx in the browser with the product's own reader (src/workbook/xlsx, on fflate) and turns
 * it into values as Excel keeps them (dates as serial numbers, formula cells as their results), with
 * the merged areas: a merged area's value is in its top-left cell only, as Excel reads it.
 */
import { isoToExcelSerial } from '../core/calendar';

export interface SheetData {
  name: string;
  values: unknown[][];
  /** Number formats worth keeping for display (dates), as runs of one column: [col, firstRow, lastRow, format], 0-based. */
  formats?: [number, number, number, string][];
  /** Merged areas as A1 addresses ("A1:H1"). */
  merges?: string[];
}

const DATE_FORMAT = 'yyyy-mm-dd';

/** A value as the reader hands it (Date for a date-formatted number, { error } for an error) → as Excel keeps it. */
export function toExcelValue(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return isoToExcelSerial(v.toISOString().slice(0, 10));
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('error' in o) return String(o.error);
    return null;
  }
  return v;
}

/** Rows padded to one width (the reader's rows stop at their last value), trailing blank rows left out. */
function toSheetData(name: string, rows: readonly unknown[][], merges: string[]): SheetData {
  let last = rows.length;
  while (last > 0 && (rows[last - 1] ?? []).every((v) => v === null || v === undefined || v === '')) last--;
  const width = rows.slice(0, last).reduce((w, r) => Math.max(w, r.length), 0);
  const values: unknown[][] = [];
  const formats: [number, number, number, string][] = [];
  const open = new Map<number, [number, number, number, string]>();
  for (let r = 0; r < last; r++) {
    const row = rows[r] ?? [];
    const out: unknown[] = new Array<unknown>(width);
    for (let c = 0; c < width; c++) {
      const raw = row[c];
      out[c] = toExcelValue(raw);
      if (raw instanceof Date) {
        const run = open.get(c);
        if (run && run[2] === r - 1) run[2] = r;
        else {
          const next: [number, number, number, string] = [c, r, r, DATE_FORMAT];
          formats.push(next);
          open.set(c, next);
        }
      }
    }
    values.push(out);
  }
  return { name, values, formats, merges };
}

export async function readXlsx(data: ArrayBuffer): Promise<SheetData[]> {
  // Loaded when a workbook is opened: the reader is not needed for the first screen.
  const { XlsxWorkbookPort } = await import(/* webpackChunkName: "xlsxReader" */ '../workbook/xlsx/xlsxPort');
  const port = XlsxWorkbookPort.open(new Uint8Array(data));
  const sheets: SheetData[] = [];
  for (const { name } of port.sheetStates()) {
    const rows = await port.readValues(name);
    sheets.push(toSheetData(name, rows, port.mergedAreas(name)));
  }
  return sheets;
}
