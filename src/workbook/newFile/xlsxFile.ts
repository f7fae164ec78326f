/**
 * A new one-sheet .xlsx built from a grid of plain values, with fflate and nothing else (it runs in the
 * task pane, loaded only when asked, and in Node). The package holds exactly: [Content_Types].xml,
 * _rels/.rels, xl/workbook.xml, xl/_rels/workbook.xml.rels, xl/worksheets/sheet1.xml, xl/styles.xml,
 * xl/sharedStrings.xml — in the order Excel writes them. No formulas, no document properties.
 *
 * The sheet is written and compressed a slice of rows at a time (`xlsxFileSteps` yields between
 * slices), so a large ledger neither holds the pane's thread nor becomes one giant string.
 */
import { PartWriter, zipBytes, type ZipPart } from '../xlsx/zip/zipWrite';
import { CONTENT_TYPES, ROOT_RELS, WORKBOOK_RELS, validSheetName, workbookXml } from './packageParts';
import { SharedStrings } from './sharedStrings';
import { RowContext, SHEET_TAIL, rowXml, sheetHead, type GridColumn, type GridValue } from './sheetXml';
import { StyleTable } from './styles';

export type { GridColumn, GridValue };

export interface SheetGrid {
  sheetName: string;
  header: readonly GridValue[];
  rows: readonly (readonly GridValue[])[];
  /** Per column: number format of its data cells and width. */
  columns?: readonly (GridColumn | undefined)[];
  /** Freeze the header row (default true). */
  freezeHeader?: boolean;
  /** Bold header (default true). */
  boldHeader?: boolean;
}

/** Rows written (and compressed) between two yields: a short stretch of work at a ledger's width. */
const ROWS_PER_STEP = 1024;

export function buildXlsxFile(grid: SheetGrid): Uint8Array {
  const steps = xlsxFileSteps(grid);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** The same, as steps: yields between slices of rows so a UI thread can take a turn. */
export function* xlsxFileSteps(grid: SheetGrid): Generator<void, Uint8Array, void> {
  const parts: ZipPart[] = [];
  function* part(path: string, pieces: Iterable<string>): Generator<void, void, void> {
    const w = new PartWriter(path);
    for (const piece of pieces) {
      w.write(piece);
      yield;
    }
    parts.push(w.finish());
  }

  const columns = grid.columns ?? [];
  const width = Math.max(grid.header.length, columns.length, maxWidth(grid.rows));
  const height = 1 + grid.rows.length;
  const styles = new StyleTable();
  const strings = new SharedStrings();
  const ctx = new RowContext(strings, styles, columns.map((c) => c?.numberFormat), grid.boldHeader ?? true);

  yield* part('[Content_Types].xml', [CONTENT_TYPES]);
  yield* part('_rels/.rels', [ROOT_RELS]);
  yield* part('xl/workbook.xml', [workbookXml(validSheetName(grid.sheetName))]);
  yield* part('xl/_rels/workbook.xml.rels', [WORKBOOK_RELS]);
  yield* part('xl/worksheets/sheet1.xml', sheetPieces(grid, ctx, width, height));
  yield* part('xl/styles.xml', [styles.xml()]);
  yield* part('xl/sharedStrings.xml', strings.xmlPieces());
  return zipBytes(parts);
}

function maxWidth(rows: readonly (readonly GridValue[])[]): number {
  let w = 0;
  for (const r of rows) if (r.length > w) w = r.length;
  return w;
}

function* sheetPieces(grid: SheetGrid, ctx: RowContext, width: number, height: number): Generator<string, void, void> {
  yield sheetHead(grid.columns ?? [], width, height, grid.freezeHeader ?? true);
  yield rowXml(0, grid.header, ctx);
  for (let from = 0; from < grid.rows.length; from += ROWS_PER_STEP) {
    const to = Math.min(grid.rows.length, from + ROWS_PER_STEP);
    const xml: string[] = [];
    for (let i = from; i < to; i++) xml.push(rowXml(i + 1, grid.rows[i]!, ctx));
    yield xml.join('');
  }
  yield SHEET_TAIL;
}
