/**
 * The reads: sheets as they stream out of the zip, a merged area's covered cells read as Excel reads
 * them (empty; only the top-left holds the value).
 */
import type { CellArea, SheetInfo } from '../port';
import { boxAddress } from './box';
import type { SheetState } from './package/workbookXml';
import { readColumnFormulas, readSheet } from './sheet/readSheet';
import type { XlsxSession } from './session';

/** A1's text as the port reports it: text (a number or a date is not a title), null otherwise. */
function a1Text(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/** The worksheets' names and visibility, from the workbook part alone (no sheet is read). */
export function sheetStates(s: XlsxSession): { name: string; state: SheetState }[] {
  return s.sheetRefs().map((r) => ({ name: r.name, state: r.state }));
}

export function listSheets(s: XlsxSession): SheetInfo[] {
  return s.sheetRefs().map((ref) => {
    const scan = s.scan(ref);
    return {
      name: ref.name,
      visible: ref.state === 'visible',
      visibility: ref.state,
      protected: scan.frame.isProtected,
      rowCount: scan.usedRows,
      columnCount: scan.usedColumns,
      a1: a1Text(scan.a1),
    };
  });
}

/** 0-based columns the user hid on the sheet. */
export function hiddenColumns(s: XlsxSession, sheet: string): number[] {
  return [...s.scan(s.ref(sheet)).frame.hiddenColumns()].map((c) => c - 1).sort((a, b) => a - b);
}

/** The sheet's merged areas as A1 addresses ("A1:H1"). */
export function mergedAreas(s: XlsxSession, sheet: string): string[] {
  return s.scan(s.ref(sheet)).frame.merges().map(boxAddress);
}

export function readValues(s: XlsxSession, sheet: string): unknown[][] {
  const values: unknown[][] = [];
  s.scan(s.ref(sheet), values);
  return values;
}

export function readFormulas(s: XlsxSession, sheet: string, col: number, fromRow: number, toRow: number): unknown[] {
  const ref = s.ref(sheet);
  return readColumnFormulas(s.pkg.readTexts(ref.path), s.valueContext, col, fromRow + 1, toRow + 1);
}

export function readAreas(s: XlsxSession, sheet: string, areas: readonly CellArea[]): unknown[][][] {
  const ref = s.ref(sheet);
  const out = areas.map((a) => Array.from({ length: a.rows }, () => new Array<unknown>(Math.max(0, a.cols)).fill(null)));
  const from = Math.min(...areas.map((a) => a.row + 1));
  const to = Math.max(...areas.map((a) => a.row + a.rows));
  if (areas.length === 0) return out;
  // The frame (its merged areas) is known once the sheet was scanned: then reading stops after the
  // last row asked for instead of going through the whole sheet.
  const known = s.scans.get(ref.path);
  const scan = readSheet(s.pkg.readTexts(ref.path), s.valueContext, {
    rowRange: { from, to },
    stopAfterRange: known !== undefined,
    onCell: (r, c, v) => {
      areas.forEach((a, i) => {
        if (r - 1 >= a.row && r - 1 < a.row + a.rows && c >= a.col && c < a.col + a.cols) out[i]![r - 1 - a.row]![c - a.col] = v;
      });
    },
  });
  for (const m of (known ?? scan).frame.merges()) {
    areas.forEach((a, i) => {
      for (let r = Math.max(m.top, a.row + 1); r <= Math.min(m.bottom, a.row + a.rows); r++) {
        for (let c = Math.max(m.left, a.col + 1); c <= Math.min(m.right, a.col + a.cols); c++) {
          if (r !== m.top || c !== m.left) out[i]![r - 1 - a.row]![c - 1 - a.col] = null;
        }
      }
    });
  }
  return out;
}
