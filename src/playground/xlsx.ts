/**
 * Opens an .xlsx in the browser with exceljs's browser build and turns it into values as Excel keeps
 * them (dates as serial numbers, formula cells as their results), as test/helpers/simLedger does.
 */
import { isoToExcelSerial } from '../core/cells';

export interface SheetData {
  name: string;
  values: unknown[][];
  /** Number formats worth keeping for display (dates), as runs of one column: [col, firstRow, lastRow, format], 0-based. */
  formats?: [number, number, number, string][];
}

const DATE_FORMAT = 'yyyy-mm-dd';

export function toExcelValue(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return isoToExcelSerial(v.toISOString().slice(0, 10));
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('result' in o || 'formula' in o || 'sharedFormula' in o) return toExcelValue(o.result ?? null);
    if ('richText' in o && Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
    if ('text' in o) return toExcelValue(o.text);
    if ('error' in o) return String(o.error);
    return null;
  }
  return v;
}

type ExcelJsModule = typeof import('exceljs');

export async function readXlsx(data: ArrayBuffer): Promise<SheetData[]> {
  const mod = (await import(/* webpackChunkName: "exceljs" */ 'exceljs')) as ExcelJsModule & { default?: ExcelJsModule };
  const ExcelJS = mod.default ?? mod;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data);
  const sheets: SheetData[] = [];
  wb.eachSheet((ws) => {
    const values: unknown[][] = [];
    const formats: [number, number, number, string][] = [];
    const open = new Map<number, [number, number, number, string]>();
    const width = ws.columnCount;
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const out: unknown[] = [];
      for (let c = 1; c <= width; c++) {
        const raw = row.getCell(c).value;
        out.push(toExcelValue(raw));
        if (raw instanceof Date) {
          const run = open.get(c);
          if (run && run[2] === r - 2) run[2] = r - 1;
          else {
            const next: [number, number, number, string] = [c - 1, r - 1, r - 1, DATE_FORMAT];
            formats.push(next);
            open.set(c, next);
          }
        }
      }
      values.push(out);
    }
    // Trailing blank rows are not part of the used range.
    while (values.length > 0 && values[values.length - 1]!.every((v) => v === null || v === '')) values.pop();
    sheets.push({ name: ws.name, values, formats });
  });
  return sheets;
}
