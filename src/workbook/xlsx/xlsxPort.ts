/**
 * The port over an .xlsx package, edited in place: the CLI (`customer-ledger apply`) and tests on real
 * files. It reads sheets as they stream out of the zip and writes only what a plan changes — the rows a
 * write touches, the frame around them (widths, views, validations, formats), new sheets and tables —
 * so every part it does not understand (defined names, links, pivots, charts, macros, spills, images…)
 * is written back as the user's file had it. Laid out as the Office.js adapter is: the reads (read.ts),
 * the checks (planCheck.ts), the plan run (planRun.ts), one file per write op (ops/).
 *
 * PivotTables and charts are not written (capabilities say so: the summary uses formulas).
 */
import type { ApplyOptions, Capabilities, CellArea, SheetInfo, WorkbookPort, WritePlan } from '../port';
import { XlsxPackage } from './package/xlsxPackage';
import type { SheetState } from './package/workbookXml';
import { runPlan } from './planRun';
import { hiddenColumns, listSheets, mergedAreas, readAreas, readFormulas, readValues, sheetStates } from './read';
import { XlsxSession } from './session';
import { zipBytes, type ZipPart } from './zip/zipWrite';

export class XlsxWorkbookPort implements WorkbookPort {
  readonly kind = 'xlsx' as const;
  private readonly s: XlsxSession;

  private constructor(readonly pkg: XlsxPackage) {
    this.s = new XlsxSession(pkg);
  }

  /** Opens a workbook from its bytes; throws PackageError when they are not a usable .xlsx. */
  static open(bytes: Uint8Array): XlsxWorkbookPort {
    return new XlsxWorkbookPort(XlsxPackage.open(bytes));
  }

  async capabilities(): Promise<Capabilities> {
    return { kind: 'xlsx', pivotTables: false, dataValidation: true, conditionalFormats: true, charts: false, copySheet: true, autoFilter: false };
  }

  /** The worksheets' names and visibility, from the workbook part alone (no sheet is read). */
  sheetStates(): { name: string; state: SheetState }[] {
    return sheetStates(this.s);
  }

  async listSheets(): Promise<SheetInfo[]> {
    return listSheets(this.s);
  }

  /** 0-based columns the user hid on the sheet. */
  async hiddenColumns(sheet: string): Promise<number[]> {
    return hiddenColumns(this.s, sheet);
  }

  /** The sheet's merged areas as A1 addresses ("A1:H1"): the playground draws them as Excel does. */
  mergedAreas(sheet: string): string[] {
    return mergedAreas(this.s, sheet);
  }

  async readValues(sheet: string): Promise<unknown[][]> {
    return readValues(this.s, sheet);
  }

  async readFormulas(sheet: string, col: number, fromRow: number, toRow: number): Promise<unknown[]> {
    return readFormulas(this.s, sheet, col, fromRow, toRow);
  }

  async readAreas(sheet: string, areas: readonly CellArea[]): Promise<unknown[][][]> {
    return readAreas(this.s, sheet, areas);
  }

  async readFormulaAreas(sheet: string, areas: readonly CellArea[]): Promise<unknown[][][]> {
    return areas.map((a) => {
      const columns = Array.from({ length: Math.max(0, a.cols) }, (_, j) => readFormulas(this.s, sheet, a.col + j, a.row, a.row + a.rows - 1));
      return Array.from({ length: Math.max(0, a.rows) }, (_, i) => columns.map((col) => col[i]));
    });
  }

  apply(plan: WritePlan, options: ApplyOptions = {}): Promise<void> {
    return runPlan(this.s, plan, options);
  }

  /** The package's parts as they will be written (unchanged ones byte for byte). */
  zipParts(): ZipPart[] {
    this.s.flushAll();
    return this.pkg.zipParts();
  }

  /** The whole file (tests, small workbooks). */
  toBytes(): Uint8Array {
    return zipBytes(this.zipParts());
  }
}
