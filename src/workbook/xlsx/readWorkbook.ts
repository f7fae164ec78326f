/**
 * Read an .xlsx file into plain sheet values with exceljs (Node only: the CLI and tests).
 */
import * as fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { SheetValues } from '../../core/workbookPick';

export class NotAWorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotAWorkbookError';
  }
}

/**
 * Cell values as exceljs gives them (Date, number, string, rich text, formula objects), row 0 = sheet row 1.
 * Rectangular: every row is as wide as the widest, empty cells are null (a row's own cellCount stops at
 * its last cell, so rows would otherwise differ in length as soon as a column is added to some of them).
 */
export function worksheetValues(ws: ExcelJS.Worksheet): unknown[][] {
  let width = 0;
  for (let r = 1; r <= ws.rowCount; r++) width = Math.max(width, ws.findRow(r)?.cellCount ?? 0);
  const out: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    const values: unknown[] = new Array<unknown>(width).fill(null);
    if (row) for (let c = 1; c <= row.cellCount; c++) values[c - 1] = row.getCell(c).value ?? null;
    out.push(values);
  }
  return out;
}

export async function readWorkbookFile(path: string): Promise<{ workbook: ExcelJS.Workbook; sheets: SheetValues[] }> {
  // exceljs words a missing file as a parse error: check first so the message says what is wrong.
  const stat = fs.statSync(path, { throwIfNoEntry: false });
  if (!stat) throw new NotAWorkbookError(`File not found: ${path}`);
  if (stat.isDirectory()) throw new NotAWorkbookError(`${path} is a folder, not a workbook.`);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (err) {
    throw new NotAWorkbookError(`${path} is not an .xlsx workbook (${(err as Error).message.split('\n')[0]}).`);
  }
  const sheets = workbook.worksheets.map((ws) => ({ name: ws.name, values: worksheetValues(ws), hidden: ws.state !== 'visible' }));
  return { workbook, sheets };
}

/**
 * Files above this size are streamed (exceljs's streaming reader): its full model costs about a kilobyte
 * per cell, so a million-row ledger would need well over 10 GB. The streaming reader does not copy a
 * merged cell's value into the rest of its range — that matters only to merged banners and two-row
 * headers, which the engine reads from their top-left cell anyway.
 */
export const STREAM_ABOVE_BYTES = 40 * 1024 * 1024;

/**
 * One Date object per distinct instant: a ledger's date columns repeat a few thousand days over a
 * million rows, and each Date costs about 100 bytes. The values are only read, never changed, so
 * sharing them changes nothing; after `LIMIT` distinct instants (timestamps) new ones are kept as they are.
 */
class DateInterner {
  private static readonly LIMIT = 100_000;
  private readonly seen = new Map<number, Date>();
  intern(date: Date): Date {
    const t = date.getTime();
    const known = this.seen.get(t);
    if (known) return known;
    if (this.seen.size < DateInterner.LIMIT) this.seen.set(t, date);
    return date;
  }
}

/** Every sheet's values, for reading only (`analyze`): streamed for large files, else as readWorkbookFile. */
export async function readSheetValues(path: string, options: { stream?: boolean } = {}): Promise<SheetValues[]> {
  const stat = fs.statSync(path, { throwIfNoEntry: false });
  const stream = options.stream ?? (stat !== undefined && stat.isFile() && stat.size > STREAM_ABOVE_BYTES);
  if (!stream) return (await readWorkbookFile(path)).sheets;
  if (!stat) throw new NotAWorkbookError(`File not found: ${path}`);
  const sheets: SheetValues[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
    const dates = new DateInterner();
    for await (const ws of reader) {
      const values: unknown[][] = [];
      let width = 0;
      for await (const row of ws) {
        const cells = row.values as unknown[]; // 1-based and sparse
        const out = new Array<unknown>(Math.max(0, cells.length - 1, width));
        for (let c = 0; c < out.length; c++) {
          const v = cells[c + 1];
          out[c] = v instanceof Date ? dates.intern(v) : (v ?? null);
        }
        while (values.length < row.number - 1) values.push([]);
        values.push(out);
        if (out.length > width) width = out.length;
      }
      // Rectangular, as worksheetValues gives it; a row made before the widest one is replaced by one
      // of the full width (growing it in place would leave it with room for twice the cells).
      for (let r = 0; r < values.length; r++) {
        const row = values[r]!;
        if (row.length === width) continue;
        const full = new Array<unknown>(width);
        for (let c = 0; c < width; c++) full[c] = c < row.length ? row[c] : null;
        values[r] = full;
      }
      const state = (ws as unknown as { state?: string }).state;
      sheets.push({ name: (ws as unknown as { name: string }).name, values, hidden: state !== undefined && state !== 'visible' });
    }
  } catch (err) {
    throw new NotAWorkbookError(`${path} is not an .xlsx workbook (${(err as Error).message.split('\n')[0]}).`);
  }
  return sheets;
}
