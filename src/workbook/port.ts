/**
 * The port: what an action needs from a workbook. Actions are written once against it; the Office.js
 * adapter (src/workbook/excel) and the exceljs adapter (src/workbook/xlsx) implement it.
 *
 * Data flows one way: read → analyze → plan → apply. An action reads sheet values once, computes in
 * memory, and hands the adapter a WritePlan: a list of operations applied in order, batched and chunked
 * by the adapter (Excel on the web caps each request at 5 MB).
 *
 * Conventions: rows and columns in ops are 0-based indexes; `address` is an A1 range on the op's sheet
 * without the sheet name ("B2:B300"). Strings are always literal text: adapters write values that start
 * with =, +, - or @ so that they stay text (formula injection, and E.164 numbers). Formulas are explicit.
 */

export type CellInput = string | number | boolean | null | { formula: string };

/** Excel's three states of a sheet tab: 'hidden' can be unhidden from the tab menu, 'veryHidden' only by code. */
export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

export interface SheetInfo {
  name: string;
  /** visibility === 'visible'. */
  visible: boolean;
  visibility: SheetVisibility;
  protected: boolean;
  /** Size of the used range counted from A1 (0 × 0 for an empty sheet). */
  rowCount: number;
  columnCount: number;
  /**
   * The text in cell A1 (a formula's text result included), null when A1 holds no text. Read in the same
   * round trip as the rest: the add-in knows its own sheets by the title it wrote there, never by a name.
   */
  a1: string | null;
}

export interface Capabilities {
  kind: 'excel' | 'xlsx';
  /** Real PivotTables (ExcelApi 1.8). exceljs cannot write them. */
  pivotTables: boolean;
  /** Data validation rules (ExcelApi 1.8). */
  dataValidation: boolean;
  /** Conditional formats (ExcelApi 1.6). */
  conditionalFormats: boolean;
  charts: boolean;
  /** A full copy of a sheet, formats included (ExcelApi 1.7 / exceljs model copy). */
  copySheet: boolean;
  /**
   * Filtering rows with an AutoFilter (ExcelApi 1.9). Not in a file: Excel hides the rows a filter
   * rejects when it filters, not on open, so a filter written into a file would show every row.
   */
  autoFilter?: boolean;
}

export type ValidationRule =
  | { type: 'list'; items: readonly string[] }
  /** A list read from cells, e.g. "=台账设置!$A$2:$A$9" — for lists longer than 255 characters. */
  | { type: 'listRange'; source: string }
  | { type: 'custom'; formula: string }
  | { type: 'date'; min: string /* ISO */; max?: string }
  | { type: 'wholeNumber'; min: number; max?: number }
  | { type: 'decimal'; min: number; max?: number };

export interface ValidationMessages {
  /** Title ≤ 32 characters, message ≤ 255 (Excel's limits). */
  prompt?: { title: string; message: string };
  /** Title ≤ 32 characters, message ≤ 224. */
  error?: { title: string; message: string; style: 'stop' | 'warning' | 'information' };
}

export type SummarizeBy = 'sum' | 'count';

export type WriteOp =
  /** `visibility` (default visible): a sheet holding rows of a hidden sheet (an archive) is as hidden as that sheet. */
  | { op: 'addSheet'; name: string; activate?: boolean; visibility?: SheetVisibility }
  /** Only for sheets the add-in itself created (summary): never user data. */
  | { op: 'deleteSheet'; name: string }
  /**
   * Backups: values and formulas always; formats where the host can. `to` must not exist. The copy has the
   * visibility of `from` (a very hidden sheet's backup is very hidden).
   */
  | { op: 'copySheet'; from: string; to: string }
  | { op: 'writeBlock'; sheet: string; row: number; col: number; values: readonly (readonly CellInput[])[];
      /** Number format per column of the block ('@' text, '0', 'yyyy-mm-dd', '#,##0.00'); undefined leaves it. */
      numberFormats?: readonly (string | undefined)[] }
  | { op: 'format'; sheet: string; address: string; bold?: boolean; fill?: string; fontColor?: string;
      wrap?: boolean; align?: 'left' | 'center' | 'right';
      /** Locked cells refuse edits once the sheet is protected (every cell starts locked, as in Excel). */
      locked?: boolean }
  | { op: 'columnWidths'; sheet: string; widths: readonly { col: number; width: number }[] }
  | { op: 'freeze'; sheet: string; rows: number; columns?: number }
  /**
   * How the sheet prints (Page Layout › Page Setup), for a sheet meant to be printed: without it Excel
   * prints portrait with the header on page one only. `printTitleRows` ("$1:$3") repeats those rows at the
   * top of every page; `fitToWidth` fits all columns on one page wide, as many pages tall as needed. Fields
   * left out stay as they are. Writes no cells.
   */
  | { op: 'pageLayout'; sheet: string; orientation?: 'portrait' | 'landscape'; printTitleRows?: string; fitToWidth?: boolean }
  /** An Excel table over `address` (header row included); skipped when the sheet already has one there. */
  | { op: 'addTable'; sheet: string; address: string; name: string; style?: string }
  /**
   * Rows the plan added below a ledger that is an Excel table join the table: each table whose header row
   * is `headerRow` and which spans some of the columns `firstCol`..`lastCol` (the rows written) grows down
   * to `lastRow` (0-based, inclusive), its columns as they are, when it ends within reach (at or below
   * `fromRow` − 1, the first added row's top). Nothing for a table that already reaches `lastRow` or has a
   * totals row (which would have to move). Writes no cells.
   */
  | { op: 'growTable'; sheet: string; headerRow: number; firstCol: number; lastCol: number; fromRow: number; lastRow: number }
  /**
   * Replaces any rule on the range (only ranges the add-in owns). With `keepOther` the op may go on the
   * user's own cells: it is skipped when any cell of the range has a rule that is not the add-in's (ours:
   * one rule over the whole range whose error title is one of `ownTitles`; a rule over part of the range,
   * or two rules, count as the user's). Whatever the user made is never replaced.
   */
  | ({ op: 'validation'; sheet: string; address: string; rule: ValidationRule; keepOther?: { ownTitles: readonly string[] } } & ValidationMessages)
  /** Idempotent: an existing conditional format on the same range with the same formula is replaced. */
  | { op: 'conditionalFormat'; sheet: string; address: string; formula: string; fill?: string; fontColor?: string }
  /** Replaces a pivot of the same name. */
  | { op: 'pivot'; sheet: string; name: string; source: { sheet: string; address: string }; destination: string;
      rows: readonly string[]; columns: readonly string[]; values: readonly { field: string; summarizeBy: SummarizeBy }[] }
  /** Replaces a chart of the same name. `source` is an address on `sheet`. */
  | { op: 'chart'; sheet: string; name: string; type: 'column' | 'bar' | 'pie'; source: string; title: string;
      topLeft: string; bottomRight: string }
  /**
   * The sheet's AutoFilter over `address` (header row and data), showing only the rows whose cell in
   * `column` (0-based within `address`) is not blank. Replaces the sheet's filter: the caller makes
   * sure the sheet has none of the user's (autoFilterOf).
   */
  | { op: 'autoFilter'; sheet: string; address: string; column: number; show: 'nonBlank' }
  /** Removes the sheet's AutoFilter: every row it hid is shown again. Only for a filter the add-in set. */
  | { op: 'clearAutoFilter'; sheet: string }
  /** Delete whole rows (1-based sheet rows) — only after their content was copied elsewhere and backed up. */
  | { op: 'deleteRows'; sheet: string; rows: readonly number[] }
  /**
   * Delete whole columns (0-based); the columns right of them move left, with their conditional formats
   * and validations. Only for the add-in's own columns, after a backup of the sheet.
   */
  | { op: 'deleteColumns'; sheet: string; cols: readonly number[] }
  /** Clear the cells' contents, formats and data validation (conditional formats shrink away from them). Only the add-in's cells. */
  | { op: 'clearRange'; sheet: string; address: string }
  /** Delete every custom conditional format on the sheet whose formula is one of these (compared as 'conditionalFormat' compares). */
  | { op: 'removeConditionalFormats'; sheet: string; formulas: readonly string[] }
  /**
   * Clears the data validation of the range when it is the add-in's (one rule over the whole range whose
   * error title is one of `ownTitles`, as 'validation' with keepOther tells them); a user's rule stays.
   */
  | { op: 'removeValidation'; sheet: string; address: string; ownTitles: readonly string[] }
  /**
   * Protect a sheet (Review › Protect Sheet): its locked cells refuse edits; formatting, sorting and
   * filtering stay allowed. The password, when given, is kept by no one but the user.
   */
  | { op: 'protectSheet'; sheet: string; password?: string }
  /** Unprotect a sheet: the one op a protected sheet accepts (a wrong password is refused). */
  | { op: 'unprotectSheet'; sheet: string; password?: string }
  /** Hide or show whole columns (0-based). */
  | { op: 'hideColumns'; sheet: string; cols: readonly number[]; hidden: boolean };

export interface WritePlan {
  /** What the plan does, in the user's language, shown before anything that changes existing cells. */
  description: string;
  ops: WriteOp[];
}

export interface ApplyProgress { done: number; total: number }

export interface ApplyOptions {
  onProgress?: (p: ApplyProgress) => void;
  /**
   * Checked once more after the adapter's own checks and before its first write: a cancel (or an edit
   * the pane saw) that arrives before then leaves the workbook untouched. Later it is ignored: the
   * adapter is not transactional, and half a result would be worse than a finished one.
   */
  signal?: AbortSignal;
  /**
   * Called between pieces of the adapter's own work (a block's rows made into request cells a slice at
   * a time); it may give the host a turn, so a long write does not hold the pane between two syncs. It
   * must not throw: writing has begun.
   */
  turn?: () => Promise<void>;
}

export interface WorkbookPort {
  readonly kind: 'excel' | 'xlsx';
  capabilities(): Promise<Capabilities>;
  listSheets(): Promise<SheetInfo[]>;
  /**
   * Values of the used range from A1, as rows × columns (formulas give their results; dates as the host
   * gives them: Excel serial numbers from Office.js, Date objects from exceljs). Chunked under the
   * payload limit by the adapter. An empty sheet gives []. Read sparsely: on a sheet whose used range is
   * mostly empty (a stray value at XFD1048576) a row is only as long as its values, [] when it has none.
   */
  readValues(sheet: string): Promise<unknown[][]>;
  /** Formulas (or values where a cell has none) of one column's cells, rows [fromRow, toRow] 0-based inclusive. */
  readFormulas(sheet: string, col: number, fromRow: number, toRow: number): Promise<unknown[]>;
  /**
   * Values of a few rectangular areas of one sheet (0-based; rows × columns each), in one round trip
   * when they fit the payload budget: live checking reads only the rows an edit touched.
   */
  readAreas(sheet: string, areas: readonly CellArea[]): Promise<unknown[][][]>;
  /**
   * Formulas (or values where a cell has none) of a few areas, as readAreas reads values: the actions
   * ask before writing into cells that look blank, so a formula showing "" is never replaced.
   */
  readFormulaAreas(sheet: string, areas: readonly CellArea[]): Promise<unknown[][][]>;
  apply(plan: WritePlan, options?: ApplyOptions): Promise<void>;
  /**
   * Optional: hands the user `file` (an .xlsx) as a workbook of its own, leaving this one unchanged — in
   * Excel a new, unsaved workbook opens (Excel.createWorkbook, ExcelApi 1.8). `name` is the file name to
   * suggest where the host can. Without it (the CLI) the caller saves the file itself.
   */
  openNewWorkbook?(file: Uint8Array, name: string): Promise<void>;
  /** Optional: 0-based indexes of the sheet's hidden columns (a copy for sharing leaves them out). */
  hiddenColumns?(sheet: string): Promise<number[]>;
  /** Optional (where capabilities.autoFilter): the sheet's AutoFilter, or null when it has none. */
  autoFilterOf?(sheet: string): Promise<AutoFilterState | null>;
}

/** A sheet's AutoFilter: its range (header row included) and the 0-based columns within it that filter now. */
export interface AutoFilterState { address: string; filtering: number[] }

/** A block of cells: 0-based top-left, and its size. */
export interface CellArea { row: number; col: number; rows: number; cols: number }

/**
 * 'cancelled': the user pressed Cancel before anything was written; 'edited': the customer sheet changed
 * while the action was reading or planning, so its plan no longer fits (nothing was written).
 */
export type WorkbookErrorCode = 'protected' | 'not-found' | 'exists' | 'too-large' | 'unsupported' | 'host' | 'cancelled' | 'edited';

/** A sheet or action problem the user can fix; `code` lets the front end word it in the user's language. */
export class WorkbookError extends Error {
  constructor(
    readonly code: WorkbookErrorCode,
    message: string,
    /**
     * What exactly, when the code alone does not say it: 'workbook-structure' (code 'protected': the
     * workbook's structure, not a sheet, is protected), 'merged-cells' (code 'unsupported': a write
     * into a merged area). Optional: most refusals need none.
     */
    readonly detail?: WorkbookErrorDetail,
  ) {
    super(message);
    this.name = 'WorkbookError';
  }
}

/**
 * 'new-workbook' (code 'unsupported'): this host cannot open a new workbook (a port without
 * openNewWorkbook, or a host object without Excel.createWorkbook). 'excel-too-old' (code 'unsupported'): the host is below the add-in's minimum, ExcelApi 1.10.
 */
export type WorkbookErrorDetail = 'workbook-structure' | 'merged-cells' | 'new-workbook' | 'excel-too-old';

/**
 * Throws when the run was stopped: the abort reason when it is a WorkbookError (the pane's "edited"),
 * otherwise 'cancelled'. Adapters call it before their first write, actions between their steps.
 */
export function throwIfStopped(signal: AbortSignal | undefined): void {
  if (!signal?.aborted) return;
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'WorkbookError') throw reason;
  throw new WorkbookError('cancelled', 'Cancelled; nothing was changed.');
}

/** A value Excel would not keep as literal text when written through Range.values. */
export function needsTextGuard(value: string): boolean {
  return /^[=+\-@]/.test(value);
}

/** A validation title or message cut to at most `max` UTF-16 units without splitting a surrogate pair, ending with "…" when cut. */
export function clampText(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = max - 1;
  const prev = s.charCodeAt(cut - 1);
  if (prev >= 0xd800 && prev <= 0xdbff) cut--;
  return `${s.slice(0, cut)}…`;
}

/** Excel's limits on data validation texts (characters): titles, prompt and error messages, typed lists. */
export const VALIDATION_LIMITS = { title: 32, prompt: 255, error: 224, list: 255 } as const;

/**
 * The source text of a typed validation list ("男,女"), or a WorkbookError for a list Excel cannot hold:
 * items are separated by commas whatever the locale, and the whole list is at most 255 characters.
 */
export function typedListSource(items: readonly string[]): string {
  if (items.length === 0) throw new WorkbookError('unsupported', 'A validation list needs at least one item.');
  if (items.some((i) => i.includes(','))) {
    throw new WorkbookError('unsupported', 'A typed validation list cannot contain an item with a comma (Excel separates items with commas); put the list in cells and use a range.');
  }
  const source = items.join(',');
  if (source.length > VALIDATION_LIMITS.list) {
    throw new WorkbookError('unsupported', `A typed validation list may hold at most ${VALIDATION_LIMITS.list} characters (this one has ${source.length}); put the list in cells and use a range.`);
  }
  return source;
}
