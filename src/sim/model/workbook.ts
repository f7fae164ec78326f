/**
 * The workbook model: sheets with sparse cells, tables, data validation, conditional formats, pivots,
 * charts. No Office.js here: the proxy layer (../api) and the direct test API both drive this model.
 */
import { MAX_COLUMNS, MAX_ROWS } from '../../core/grid/a1';
import { contains, intersect, type Rect, rectCells, subtractRect } from '../../core/grid/rect';
import { interpretInput, type Scalar, type Interpreted } from './values';
import { tryParseFormula, type Node } from './formula';
import { ModelError } from './errors';
import { copyLayout, isMergeFollower, type AutoFilterModel } from './layout';

export type FmtKey = 'numberFormat' | 'fill' | 'bold' | 'italic' | 'fontColor' | 'hAlign' | 'wrap' | 'locked';
export type FmtValue = string | boolean | null;

export const FORMAT_DEFAULTS: Record<FmtKey, FmtValue> = {
  numberFormat: 'General',
  fill: null,
  bold: false,
  italic: false,
  fontColor: '#000000',
  hAlign: 'General',
  wrap: false,
  // Every cell starts locked, as in Excel: it matters only once the sheet is protected.
  locked: true,
};

export interface Cell {
  /** Constant, or the cached result of the formula. */
  v: Scalar;
  f?: string;
  ast?: Node | null;
  /** Workbook version the cached result belongs to. */
  calc?: number;
  /** A cached result supplied by a test: kept as is, never recalculated. */
  seeded?: boolean;
  quotePrefix?: boolean;
  fmt?: Partial<Record<FmtKey, { value: FmtValue; seq: number }>>;
}

interface FormatLayer {
  rect: Rect;
  key: FmtKey;
  value: FmtValue;
  seq: number;
}

/** Above this many cells a uniform format is stored as one layer instead of per cell. */
const LAYER_THRESHOLD = 50_000;

export { ModelError };

let nextSheetSerial = 1;

/** A sheet's page setup: PageLayoutZoomOptions holds either a scale or pages to fit (0: as many as needed). */
export interface PageLayoutModel {
  orientation: 'Portrait' | 'Landscape';
  titleRows: { r0: number; r1: number } | null;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
}

export class SheetModel {
  readonly id: string;
  readonly cells = new Map<number, Cell>();
  private layers: FormatLayer[] = [];
  readonly columnWidths = new Map<number, number>();
  freeze = { rows: 0, columns: 0 };
  /** Page setup (Excel.PageLayout, ExcelApi 1.9): orientation, rows repeated on every printed page (0-based), print zoom. */
  pageLayout: PageLayoutModel = { orientation: 'Portrait', titleRows: null, zoom: { scale: 100 } };
  protection = { protected: false, password: undefined as string | undefined, options: undefined as Record<string, unknown> | undefined };
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  tabColor = '';
  /** Merged areas: a value lives in the top-left cell only (see ./layout). */
  merges: Rect[] = [];
  /** Rows / columns hidden by the user (0-based); rows an AutoFilter hides are in autoFilter.hidden. */
  readonly hiddenRows = new Set<number>();
  readonly hiddenColumns = new Set<number>();
  autoFilter: AutoFilterModel | null = null;

  rowHidden(r: number): boolean {
    return this.hiddenRows.has(r) || (this.autoFilter?.hidden.has(r) ?? false);
  }

  constructor(
    readonly wb: WorkbookModel,
    public name: string,
  ) {
    const n = nextSheetSerial++;
    this.id = `{${String(n).padStart(8, '0')}-0001-0000-0000-000000000000}`;
  }

  static key(r: number, c: number): number {
    return r * MAX_COLUMNS + c;
  }

  get(r: number, c: number): Cell | undefined {
    return this.cells.get(SheetModel.key(r, c));
  }

  private ensure(r: number, c: number): Cell {
    const k = SheetModel.key(r, c);
    let cell = this.cells.get(k);
    if (!cell) {
      cell = { v: null };
      this.cells.set(k, cell);
    }
    return cell;
  }

  private prune(r: number, c: number, cell: Cell): void {
    if (cell.v === null && cell.f === undefined && !cell.fmt) this.cells.delete(SheetModel.key(r, c));
  }

  // --- formats -------------------------------------------------------------------------------------

  format(r: number, c: number, key: FmtKey): FmtValue {
    const own = this.get(r, c)?.fmt?.[key];
    let best = own;
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const l = this.layers[i] as FormatLayer;
      if (l.key !== key || (best && best.seq > l.seq)) continue;
      if (r >= l.rect.r0 && r <= l.rect.r1 && c >= l.rect.c0 && c <= l.rect.c1) {
        best = l;
        break;
      }
    }
    return best ? best.value : FORMAT_DEFAULTS[key];
  }

  numberFormat(r: number, c: number): string {
    return this.format(r, c, 'numberFormat') as string;
  }

  setFormatCell(r: number, c: number, key: FmtKey, value: FmtValue): void {
    const cell = this.ensure(r, c);
    cell.fmt ??= {};
    cell.fmt[key] = { value, seq: this.wb.nextSeq() };
  }

  setFormat(rect: Rect, key: FmtKey, value: FmtValue): void {
    if (rectCells(rect) > LAYER_THRESHOLD) {
      this.layers = this.layers.filter((l) => !(l.key === key && contains(rect, l.rect)));
      this.layers.push({ rect, key, value, seq: this.wb.nextSeq() });
      return;
    }
    for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) this.setFormatCell(r, c, key, value);
  }

  clearFormats(rect: Rect): void {
    for (const key of Object.keys(FORMAT_DEFAULTS) as FmtKey[]) this.setFormat(rect, key, FORMAT_DEFAULTS[key]);
    for (const [k, cell] of [...this.cells]) {
      const r = Math.floor(k / MAX_COLUMNS);
      const c = k % MAX_COLUMNS;
      if (r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1) {
        delete cell.fmt;
        this.prune(r, c, cell);
      }
    }
  }

  // --- contents ------------------------------------------------------------------------------------

  /** Stores already-interpreted input in one cell. */
  store(r: number, c: number, input: Interpreted): void {
    if (input.kind === 'skip') return;
    const cell = this.ensure(r, c);
    delete cell.seeded;
    delete cell.quotePrefix;
    if (input.kind === 'formula') {
      cell.f = input.formula;
      cell.ast = input.ast ?? tryParseFormula(input.formula.slice(1));
      cell.v = null;
      delete cell.calc;
    } else {
      delete cell.f;
      delete cell.ast;
      delete cell.calc;
      cell.v = input.value;
      if (input.quotePrefix) cell.quotePrefix = true;
      if (input.numberFormat) this.setFormatCell(r, c, 'numberFormat', input.numberFormat);
    }
    this.prune(r, c, cell);
    this.wb.touch();
  }

  /** Interprets and stores a value exactly as `Range.values` would. Throws InputError. */
  write(r: number, c: number, input: unknown): void {
    this.store(r, c, interpretInput(input, this.numberFormat(r, c)));
  }

  /** A formula whose cached value is given (as a workbook saved by Excel would carry it). */
  seedFormula(r: number, c: number, formula: string, cached: Scalar): void {
    const cell = this.ensure(r, c);
    cell.f = formula.startsWith('=') ? formula : `=${formula}`;
    cell.ast = tryParseFormula(cell.f.slice(1));
    cell.v = cached;
    cell.seeded = true;
    this.wb.touch();
  }

  clearContents(rect: Rect): void {
    for (const [k, cell] of [...this.cells]) {
      const r = Math.floor(k / MAX_COLUMNS);
      const c = k % MAX_COLUMNS;
      if (r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1) {
        cell.v = null;
        delete cell.f;
        delete cell.ast;
        delete cell.calc;
        delete cell.seeded;
        delete cell.quotePrefix;
        this.prune(r, c, cell);
      }
    }
    this.wb.touch();
  }

  /** The value a reader sees (formulas evaluated). */
  value(r: number, c: number): Scalar {
    const cell = this.get(r, c);
    if (!cell || isMergeFollower(this, r, c)) return null;
    if (cell.f === undefined || cell.seeded) return cell.v;
    return this.wb.evaluateCell(this, r, c, cell);
  }

  /** The formula a reader sees in a cell: none in a merged area's cell other than its top-left. */
  formula(r: number, c: number): string | undefined {
    const f = this.get(r, c)?.f;
    return f === undefined || isMergeFollower(this, r, c) ? undefined : f;
  }

  /** Bounds of the cells with contents (valuesOnly) or with contents or formats. */
  usedRect(valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [k, cell] of this.cells) {
      if (valuesOnly && cell.v === null && cell.f === undefined) continue;
      const r = Math.floor(k / MAX_COLUMNS);
      const c = k % MAX_COLUMNS;
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    }
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }

  /**
   * Bounds of the used cells inside `rect` (Range.getUsedRange: "the used range of the given range
   * object … ItemNotFound if there are no used cells within the range"): the used cells of the range,
   * not the range cut by the sheet's used range. Whole-width bands of rows (how a sparse sheet is
   * probed) go through a per-row index of the values, made once per workbook version.
   */
  usedRectIn(rect: Rect, valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    const take = (r: number, a: number, b: number): void => {
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (a < c0) c0 = a;
      if (b > c1) c1 = b;
    };
    if (valuesOnly && rect.c0 === 0 && rect.c1 === MAX_COLUMNS - 1) {
      for (const [r, [a, b]] of this.valueRows()) if (r >= rect.r0 && r <= rect.r1) take(r, a, b);
    } else {
      for (const [k, cell] of this.cells) {
        if (valuesOnly && cell.v === null && cell.f === undefined) continue;
        const r = Math.floor(k / MAX_COLUMNS);
        const c = k % MAX_COLUMNS;
        if (r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1) take(r, c, c);
      }
    }
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }

  /** Row → first and last column holding a value, for the current workbook version. */
  private valueRows(): Map<number, [number, number]> {
    return this.wb.memoFor(`valueRows:${this.id}`, () => {
      const rows = new Map<number, [number, number]>();
      for (const [k, cell] of this.cells) {
        if (cell.v === null && cell.f === undefined) continue;
        const r = Math.floor(k / MAX_COLUMNS);
        const c = k % MAX_COLUMNS;
        const e = rows.get(r);
        if (!e) rows.set(r, [c, c]);
        else {
          if (c < e[0]) e[0] = c;
          if (c > e[1]) e[1] = c;
        }
      }
      return rows;
    });
  }

  /** Moves the contents and formats of `rect` down by n rows (used when a table grows). */
  shiftDown(rect: Rect, n: number): void {
    const moving: [number, number, Cell][] = [];
    for (const [k, cell] of this.cells) {
      const r = Math.floor(k / MAX_COLUMNS);
      const c = k % MAX_COLUMNS;
      if (r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1) moving.push([r, c, cell]);
    }
    for (const [r, c] of moving) this.cells.delete(SheetModel.key(r, c));
    for (const [r, c, cell] of moving) if (r + n < MAX_ROWS) this.cells.set(SheetModel.key(r + n, c), cell);
    this.wb.touch();
  }

  /** Moves the contents and formats of `rect` right by n columns (used when a table gains a column). */
  shiftRight(rect: Rect, n: number): void {
    const moving: [number, number, Cell][] = [];
    for (const [k, cell] of this.cells) {
      const r = Math.floor(k / MAX_COLUMNS);
      const c = k % MAX_COLUMNS;
      if (r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1) moving.push([r, c, cell]);
    }
    for (const [r, c] of moving) this.cells.delete(SheetModel.key(r, c));
    for (const [r, c, cell] of moving) if (c + n < MAX_COLUMNS) this.cells.set(SheetModel.key(r, c + n), cell);
    this.wb.touch();
  }

  /** Whole columns c0..c1 deleted: format layers, widths and hidden columns right of them move left (cells move with shiftRight). */
  deleteColumnLayout(c0: number, c1: number): void {
    const n = c1 - c0 + 1;
    const left = (r: Rect): Rect | null => {
      if (r.c1 < c0) return r;
      if (r.c0 > c1) return { ...r, c0: r.c0 - n, c1: r.c1 - n };
      const first = Math.min(r.c0, c0);
      const last = r.c1 > c1 ? r.c1 - n : c0 - 1;
      return last < first ? null : { ...r, c0: first, c1: last };
    };
    this.layers = this.layers.flatMap((l) => {
      const rect = left(l.rect);
      return rect ? [{ ...l, rect }] : [];
    });
    const widths = [...this.columnWidths].filter(([c]) => c < c0 || c > c1).map(([c, w]): [number, number] => [c > c1 ? c - n : c, w]);
    this.columnWidths.clear();
    for (const [c, w] of widths) this.columnWidths.set(c, w);
    const hidden = [...this.hiddenColumns].filter((c) => c < c0 || c > c1).map((c) => (c > c1 ? c - n : c));
    this.hiddenColumns.clear();
    for (const c of hidden) this.hiddenColumns.add(c);
    this.wb.touch();
  }

  copyFrom(other: SheetModel): void {
    for (const [k, cell] of other.cells) this.cells.set(k, structuredCloneCell(cell));
    this.layers = other.layers.map((l) => ({ ...l, rect: { ...l.rect } }));
    for (const [c, w] of other.columnWidths) this.columnWidths.set(c, w);
    this.freeze = { ...other.freeze };
    this.pageLayout = { ...other.pageLayout, titleRows: other.pageLayout.titleRows && { ...other.pageLayout.titleRows }, zoom: { ...other.pageLayout.zoom } };
    this.tabColor = other.tabColor;
    copyLayout(other, this);
    this.wb.touch();
  }
}

function structuredCloneCell(cell: Cell): Cell {
  const out: Cell = { ...cell };
  if (cell.fmt) {
    out.fmt = {};
    for (const [k, v] of Object.entries(cell.fmt)) out.fmt[k as FmtKey] = { ...v };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------

/** A PivotTable's definition (pivot.ts computes it). */
export type Aggregation = 'Sum' | 'Count' | 'Average' | 'Max' | 'Min' | 'CountNumbers' | 'Product';

export interface DataField {
  id: number;
  field: string;
  name: string;
  autoName: boolean;
  summarizeBy: Aggregation;
}

export interface PivotModel {
  id: number;
  name: string;
  /** The sheet the PivotTable is on. */
  sheet: SheetModel;
  dest: { r: number; c: number };
  source: { kind: 'range'; sheet: SheetModel; rect: Rect } | { kind: 'table'; table: TableModel };
  rows: string[];
  columns: string[];
  data: DataField[];
  /** The pivot cache: the source as read at creation or the last refresh. */
  cache: PivotSource | null;
  /** Cells written by the last refresh, and the part holding the numbers. */
  lastRect: Rect | null;
  lastBody: Rect | null;
}

export interface PivotSource {
  fields: string[];
  records: Scalar[][];
}

export interface TableModel {
  id: number;
  name: string;
  sheet: SheetModel;
  /** Header row through the last data row (the totals row, when shown, is the row after). */
  rect: Rect;
  showTotals: boolean;
  showHeaders: boolean;
  style: string;
  columnIds: number[];
}

export type DataValidationRuleModel =
  | { type: 'List'; list: { inCellDropDown: boolean; source: string } }
  | { type: 'Custom'; custom: { formula: string } }
  | {
      type: 'WholeNumber' | 'Decimal' | 'TextLength' | 'Date' | 'Time';
      basic: { operator: string; formula1: string | number; formula2?: string | number };
    };

export interface ValidationModel {
  id: number;
  sheet: SheetModel;
  rects: Rect[];
  rule: DataValidationRuleModel | null;
  prompt: { showPrompt: boolean; title: string; message: string };
  errorAlert: { showAlert: boolean; style: 'Stop' | 'Warning' | 'Information'; title: string; message: string };
  ignoreBlanks: boolean;
}

export interface ConditionalFormatModel {
  id: string;
  sheet: SheetModel;
  rects: Rect[];
  type: string;
  /** Custom: the rule formula. CellValue: operator and formulas. */
  formula?: string;
  operator?: string;
  formula1?: string;
  formula2?: string;
  fill: string | null;
  fontColor: string | null;
  bold: boolean | null;
  stopIfTrue: boolean;
}

export interface ChartModel {
  id: string;
  name: string;
  sheet: SheetModel;
  type: string;
  source: { sheet: SheetModel; rect: Rect };
  seriesBy: string;
  title: string;
  position: { start: string; end?: string } | null;
}

export interface EvaluatorHooks {
  evaluateCell(sheet: SheetModel, r: number, c: number, cell: Cell): Scalar;
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly validations: ValidationModel[] = [];
  readonly conditionalFormats: ConditionalFormatModel[] = [];
  readonly pivots: PivotModel[] = [];
  readonly charts: ChartModel[] = [];
  version = 0;
  private seq = 0;
  private ids = 0;
  activeSheet: SheetModel | null = null;
  selection: { sheet: SheetModel; rect: Rect } | null = null;
  /** Memo for the current version (range scans, sorted arrays). */
  memo = new Map<string, unknown>();
  private memoVersion = -1;
  evaluator: EvaluatorHooks | null = null;
  /** Workbook structure protection (Review → Protect Workbook): no sheet added, deleted, renamed, moved, hidden or shown. */
  protection = { protected: false, password: undefined as string | undefined };

  constructor(public now: () => Date = () => new Date()) {}

  /** Excel refuses a change to the sheets (add, delete, rename, move, hide) while the structure is protected. */
  checkStructure(what: string): void {
    if (this.protection.protected) {
      throw new ModelError('AccessDenied', `The workbook structure is protected: cannot ${what}. Unprotect it first (Review → Protect Workbook).`);
    }
  }

  touch(): void {
    this.version++;
  }
  nextSeq(): number {
    return ++this.seq;
  }
  nextId(): number {
    return ++this.ids;
  }
  memoFor<T>(key: string, make: () => T): T {
    if (this.memoVersion !== this.version) {
      this.memo.clear();
      this.memoVersion = this.version;
    }
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const v = make();
    this.memo.set(key, v);
    return v;
  }

  evaluateCell(sheet: SheetModel, r: number, c: number, cell: Cell): Scalar {
    if (!this.evaluator) return cell.v;
    return this.evaluator.evaluateCell(sheet, r, c, cell);
  }

  sheet(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  static checkSheetName(name: string): void {
    if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === 'history') {
      throw new ModelError('InvalidArgument', `"${name}" is not a valid worksheet name`);
    }
  }

  addSheet(name?: string, index?: number): SheetModel {
    let n = name;
    if (n === undefined || n === null) {
      let i = this.sheets.length + 1;
      while (this.sheet(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    WorkbookModel.checkSheetName(n);
    if (this.sheet(n)) throw new ModelError('ItemAlreadyExists', `A worksheet named "${n}" already exists`);
    this.checkStructure('add a worksheet');
    const sheet = new SheetModel(this, n);
    if (index === undefined) this.sheets.push(sheet);
    else this.sheets.splice(index, 0, sheet);
    this.activeSheet ??= sheet;
    return sheet;
  }

  renameSheet(sheet: SheetModel, name: string): void {
    WorkbookModel.checkSheetName(name);
    const other = this.sheet(name);
    if (other && other !== sheet) throw new ModelError('ItemAlreadyExists', `A worksheet named "${name}" already exists`);
    if (name !== sheet.name) this.checkStructure('rename a worksheet');
    sheet.name = name;
    this.touch();
  }

  deleteSheet(sheet: SheetModel): void {
    const visible = this.sheets.filter((s) => s.visibility === 'Visible');
    if (visible.length === 1 && visible[0] === sheet) throw new ModelError('InvalidOperation', 'A workbook must contain at least one visible worksheet');
    this.checkStructure('delete a worksheet');
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    const drop = <T extends { sheet: SheetModel }>(list: T[]) => {
      for (let i = list.length - 1; i >= 0; i--) if ((list[i] as T).sheet === sheet) list.splice(i, 1);
    };
    drop(this.tables);
    drop(this.validations);
    drop(this.conditionalFormats);
    drop(this.pivots);
    drop(this.charts);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets.find((s) => s.visibility === 'Visible') ?? null;
    if (this.selection?.sheet === sheet) this.selection = null;
    this.touch();
  }

  moveSheet(sheet: SheetModel, position: number): void {
    if (position < 0 || position >= this.sheets.length) throw new ModelError('InvalidArgument', `position ${position} is out of range`);
    if (this.sheets.indexOf(sheet) !== position) this.checkStructure('move a worksheet');
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
  }

  // --- tables --------------------------------------------------------------------------------------

  tableByName(name: string): TableModel | undefined {
    const lower = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === lower);
  }

  tableAt(sheet: SheetModel, r: number, c: number): TableModel | undefined {
    return this.tables.find((t) => t.sheet === sheet && r >= t.rect.r0 && r <= t.rect.r1 + (t.showTotals ? 1 : 0) && c >= t.rect.c0 && c <= t.rect.c1);
  }

  tableColumnNames(t: TableModel): string[] {
    const names: string[] = [];
    for (let c = t.rect.c0; c <= t.rect.c1; c++) {
      const v = t.sheet.value(t.rect.r0, c);
      names.push(v === null || v === '' ? `Column${c - t.rect.c0 + 1}` : String(v));
    }
    return names;
  }

  addTable(sheet: SheetModel, rect: Rect, hasHeaders: boolean): TableModel {
    if (sheet.protection.protected) throw new ModelError('AccessDenied', 'The worksheet is protected');
    for (const t of this.tables) {
      const full = { ...t.rect, r1: t.rect.r1 + (t.showTotals ? 1 : 0) };
      if (t.sheet === sheet && intersect(full, rect)) throw new ModelError('InvalidOperation', 'A table cannot overlap another table');
    }
    for (const p of this.pivots) {
      if (p.sheet === sheet && p.lastRect && intersect(p.lastRect, rect)) throw new ModelError('PivotTableRangeConflict', 'A table cannot overlap a PivotTable');
    }
    if (sheet.merges.some((m) => intersect(m, rect))) throw new ModelError('InvalidOperation', 'A table cannot contain merged cells');
    let r = { ...rect };
    if (!hasHeaders) {
      // Excel inserts a header row: the data moves down one row within the table's columns.
      sheet.shiftDown({ r0: rect.r0, r1: MAX_ROWS - 2, c0: rect.c0, c1: rect.c1 }, 1);
      r = { ...rect, r1: rect.r1 + 1 };
      for (let c = r.c0; c <= r.c1; c++) sheet.write(r.r0, c, `Column${c - r.c0 + 1}`);
    } else {
      // Headers are text, unique and non-blank.
      const seen = new Set<string>();
      for (let c = r.c0; c <= r.c1; c++) {
        const v = sheet.value(r.r0, c);
        let name = v === null || v === '' ? `Column${c - r.c0 + 1}` : typeof v === 'object' ? v.code : String(v);
        const base = name;
        let k = 2;
        while (seen.has(name.toLowerCase())) name = `${base}${k++}`;
        seen.add(name.toLowerCase());
        if (v !== name) sheet.store(r.r0, c, { kind: 'value', value: name });
      }
    }
    if (r.r1 === r.r0) r.r1 = r.r0 + 1; // a table always has at least one data row
    let i = this.tables.length + 1;
    while (this.tableByName(`Table${i}`)) i++;
    const table: TableModel = {
      id: this.nextId(),
      name: `Table${i}`,
      sheet,
      rect: r,
      showTotals: false,
      showHeaders: true,
      style: 'TableStyleMedium2',
      columnIds: [],
    };
    for (let c = r.c0; c <= r.c1; c++) table.columnIds.push(c - r.c0 + 1);
    this.tables.push(table);
    this.touch();
    return table;
  }

  renameTable(t: TableModel, name: string): void {
    if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name)) throw new ModelError('InvalidArgument', `"${name}" is not a valid table name`);
    const other = this.tableByName(name);
    if (other && other !== t) throw new ModelError('ItemAlreadyExists', `A table named "${name}" already exists`);
    t.name = name;
    this.touch();
  }

  // --- data validation -----------------------------------------------------------------------------

  /** Validations intersecting rect, with how much of rect each covers. */
  validationsIn(sheet: SheetModel, rect: Rect): ValidationModel[] {
    return this.validations.filter((v) => v.sheet === sheet && v.rects.some((r) => intersect(r, rect)));
  }

  /** Removes validation from rect (as dataValidation.clear() does). */
  clearValidation(sheet: SheetModel, rect: Rect): void {
    for (const v of this.validationsIn(sheet, rect)) v.rects = v.rects.flatMap((r) => subtractRect(r, rect));
    for (let i = this.validations.length - 1; i >= 0; i--) if ((this.validations[i] as ValidationModel).rects.length === 0) this.validations.splice(i, 1);
  }

  /** The validation object covering exactly rect (created empty if rect has none). */
  validationFor(sheet: SheetModel, rect: Rect): ValidationModel {
    const existing = this.validationsIn(sheet, rect);
    const only = existing[0];
    if (existing.length === 1 && only && only.rects.some((r) => contains(r, rect)) && only.rects.length === 1 && rectCells(only.rects[0] as Rect) === rectCells(rect)) return only;
    const base = existing.length === 1 && only && only.rects.some((r) => contains(r, rect)) ? only : null;
    this.clearValidation(sheet, rect);
    const v: ValidationModel = {
      id: this.nextId(),
      sheet,
      rects: [rect],
      rule: base ? base.rule : null,
      prompt: base ? { ...base.prompt } : { showPrompt: true, title: '', message: '' },
      errorAlert: base ? { ...base.errorAlert } : { showAlert: true, style: 'Stop', title: '', message: '' },
      ignoreBlanks: base ? base.ignoreBlanks : true,
    };
    this.validations.push(v);
    return v;
  }
}
