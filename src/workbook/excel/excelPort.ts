/// <reference types="office-js" />
/**
 * The Office.js adapter of the workbook port. It receives the host objects (the real `Excel` and
 * `Office` globals in the add-in, the simulator's in tests) and never touches globals itself.
 *
 * Round trips: every read and every plan is one Excel.run. Reads are chunked by rows under the byte
 * budget (default 4 MB, under Excel on the web's 5 MB per request and response); a plan is one preflight
 * sync (sheet names, protection, what the idempotent ops need to know), at most one more when existing
 * tables or conditional formats must be looked at, then its writes packed into as few syncs as the
 * budget allows, in plan order.
 */
import {
  VALIDATION_LIMITS,
  clampText,
  WorkbookError,
  throwIfStopped,
  typedListSource,
  type ApplyOptions,
  type Capabilities,
  type CellArea,
  type CellInput,
  type SheetInfo,
  type SheetVisibility,
  type ValidationRule,
  type WorkbookPort,
  type WriteOp,
  type WritePlan,
} from '../port';
import { blockAddress, columnLetters, intersects, parseRect, rowRunsBottomUp, type Rect } from './a1';
import { formulaText, isFormulaCell, jsonBytes, literalText, toExcelCell, type ExcelCell } from './cells';
import { isPayloadTooLarge } from './errors';
import { openNewWorkbook, readHiddenColumns } from './newWorkbook';
import { readGrid, runBatch, type Session } from './session';
import { GridUnit, OP_OVERHEAD, WriteQueue, simpleUnit } from './writeQueue';

export interface ExcelHost {
  Excel: { run: typeof Excel.run } & Partial<typeof Excel>;
  Office: { context: { requirements: { isSetSupported(name: string, v?: string): boolean } } };
}

export interface ExcelPortOptions {
  /** Bytes per request and per response we allow ourselves (default 4 MB; Excel on the web refuses above 5 MB). */
  maxRequestBytes?: number;
  /** Our own timeout: fail when Excel answers no sync for this long (default 60 s; on the web a sync can hang). */
  timeoutMs?: number;
}

export const DEFAULT_MAX_REQUEST_BYTES = 4 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 60_000;

export { VALIDATION_LIMITS };

/** Most data fields in one PivotTable: more than three has crashed Excel. */
export const MAX_PIVOT_DATA_FIELDS = 3;

/**
 * Column width: the port speaks Excel's "characters" (widths of the digit 0 in the default font, as in
 * the column-width dialog); Range.format.columnWidth is in points. With the default Calibri 11 a digit is
 * 7 px and Excel adds 5 px of padding, and a point is 4/3 px at 96 dpi:
 *   points = (characters × 7 + 5) × 0.75      (8.43 characters → 48 pt, Excel's default column).
 */
export function charactersToPoints(characters: number): number {
  const chars = Math.min(255, Math.max(0, characters));
  if (chars === 0) return 0;
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const SAMPLE_ROWS = 64;
/** Response bytes per cell guessed when no sample is available (a long-ish string and its quotes). */
const GUESS_BYTES_PER_CELL = 48;
/** Columns whose widths a fallback sheet copy carries over (one small load each). */
const COPY_WIDTH_COLUMNS = 64;

const CHART_TYPES = { column: 'ColumnClustered', bar: 'BarClustered', pie: 'Pie' } as const;
const SHEET_VISIBILITY = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' } as const satisfies Record<SheetVisibility, string>;

function fromSheetVisibility(v: string): SheetVisibility {
  return v === 'Hidden' ? 'hidden' : v === 'VeryHidden' ? 'veryHidden' : 'visible';
}
const ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const SUMMARIZE = { sum: 'Sum', count: 'Count' } as const;
const ALERT_STYLE = { stop: 'Stop', warning: 'Warning', information: 'Information' } as const;

type Op<K extends WriteOp['op']> = Extract<WriteOp, { op: K }>;

const key = (name: string): string => name.toLowerCase();

function sheetsOf(op: WriteOp): string[] {
  switch (op.op) {
    case 'addSheet':
    case 'deleteSheet':
      return [op.name];
    case 'copySheet':
      return [op.to];
    default:
      return [op.sheet];
  }
}

/** The cells a block write covers (its widest row decides the width); null when it covers none. */
function blockRect(op: Extract<WriteOp, { op: 'writeBlock' }>): Rect | null {
  const width = op.values.reduce((w, r) => Math.max(w, r.length), 0);
  if (op.values.length === 0 || width === 0) return null;
  return { r0: op.row, c0: op.col, r1: op.row + op.values.length - 1, c1: op.col + width - 1 };
}

/** Per sheet the plan writes blocks to (and did not add itself before), the box around those blocks. */
function writeBounds(ops: readonly WriteOp[]): Map<string, Rect> {
  const out = new Map<string, Rect>();
  const made = new Set<string>();
  for (const op of ops) {
    if (op.op === 'addSheet') made.add(key(op.name));
    else if (op.op === 'copySheet') made.add(key(op.to));
    if (op.op !== 'writeBlock' || made.has(key(op.sheet))) continue;
    const r = blockRect(op);
    if (!r) continue;
    const b = out.get(key(op.sheet));
    out.set(key(op.sheet), b ? { r0: Math.min(b.r0, r.r0), c0: Math.min(b.c0, r.c0), r1: Math.max(b.r1, r.r1), c1: Math.max(b.c1, r.c1) } : r);
  }
  // Only sheets the plan writes blocks to: a settings sheet the plan creates has no merges.
  for (const name of made) out.delete(name);
  return out;
}

/** "S!A1:B2,'a,b'!C3:C4" → ["S!A1:B2", "'a,b'!C3:C4"]: commas inside quoted sheet names do not split. */
function splitAreas(address: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") quoted = !quoted;
    else if (ch === ',' && !quoted) {
      out.push(address.slice(start, i));
      start = i + 1;
    }
  }
  if (address.length > start) out.push(address.slice(start));
  return out.filter((a) => a.trim() !== '');
}

/** Ops Excel refuses while the workbook structure is protected: a sheet added, deleted, or copied (added and renamed). */
function changesStructure(op: WriteOp): boolean {
  return op.op === 'addSheet' || op.op === 'deleteSheet' || op.op === 'copySheet';
}

function normalizeFormula(f: string): string {
  return formulaText(f.trim()).replace(/\s+/g, '').toUpperCase();
}

/** Excel's DataValidationRule for a port rule; throws WorkbookError('unsupported') for what Excel cannot hold. */
export function toDataValidationRule(rule: ValidationRule): Excel.DataValidationRule {
  switch (rule.type) {
    case 'list': {
      const source = typedListSource(rule.items);
      return { list: { inCellDropDown: true, source } };
    }
    case 'listRange':
      return { list: { inCellDropDown: true, source: formulaText(rule.source) } };
    case 'custom':
      return { custom: { formula: formulaText(rule.formula) } };
    case 'date':
      return { date: rule.max === undefined ? { formula1: rule.min, operator: 'GreaterThanOrEqualTo' } : { formula1: rule.min, formula2: rule.max, operator: 'Between' } };
    case 'wholeNumber':
    case 'decimal': {
      const basic: Excel.BasicDataValidation = rule.max === undefined ? { formula1: rule.min, operator: 'GreaterThanOrEqualTo' } : { formula1: rule.min, formula2: rule.max, operator: 'Between' };
      return rule.type === 'wholeNumber' ? { wholeNumber: basic } : { decimal: basic };
    }
  }
}

interface PivotCheck {
  name: string;
  hierarchies: { dh: Excel.DataPivotHierarchy; want: string }[];
}

/** What the preflight sync learned about one sheet the plan touches. */
interface SheetProbe {
  ws: Excel.Worksheet;
  tables?: Excel.TableCollection;
  charts?: Excel.ChartCollection;
  /** Pivots on a sheet the plan deletes. */
  pivots?: Excel.PivotTableCollection;
}

export class ExcelWorkbookPort implements WorkbookPort {
  readonly kind = 'excel' as const;
  private readonly maxBytes: number;
  private readonly timeoutMs: number;

  constructor(
    private readonly host: ExcelHost,
    options: ExcelPortOptions = {},
  ) {
    this.maxBytes = Math.max(4096, options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  private supports(version: string): boolean {
    return this.host.Office.context.requirements.isSetSupported('ExcelApi', version);
  }

  async capabilities(): Promise<Capabilities> {
    return {
      kind: 'excel',
      conditionalFormats: this.supports('1.6'),
      copySheet: this.supports('1.7'),
      dataValidation: this.supports('1.8'),
      pivotTables: this.supports('1.8'),
      charts: this.supports('1.1'),
    };
  }

  private run<T>(doing: string, batch: (s: Session) => Promise<T>, onSync?: (syncs: number) => void): Promise<T> {
    return runBatch(this.host.Excel, this.timeoutMs, doing, batch, onSync);
  }

  /** Two syncs: the sheet list, then every sheet's protection, used range and A1 together. */
  async listSheets(): Promise<SheetInfo[]> {
    return this.run('listing the sheets', async (s) => {
      const sheets = s.context.workbook.worksheets;
      sheets.load('items/name,items/visibility');
      await s.sync();
      const probes = sheets.items.map((ws) => {
        const protection = ws.protection.load('protected');
        const used = ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
        const a1 = ws.getRange('A1').load('values');
        return { ws, protection, used, a1 };
      });
      await s.sync();
      return probes.map(({ ws, protection, used, a1 }) => {
        const visibility = fromSheetVisibility(ws.visibility);
        const first: unknown = a1.values[0]?.[0];
        return {
          name: ws.name,
          visible: visibility === 'visible',
          visibility,
          protected: protection.protected,
          rowCount: used.isNullObject ? 0 : used.rowIndex + used.rowCount,
          columnCount: used.isNullObject ? 0 : used.columnIndex + used.columnCount,
          a1: typeof first === 'string' && first !== '' ? first : null,
        };
      });
    });
  }

  /**
   * First sync: the used range and a sample of its first rows (which also gives the bytes per row);
   * then the rest in row chunks, several per sync, each sync's response under the budget.
   */
  async readValues(sheet: string): Promise<unknown[][]> {
    return this.run(`reading sheet "${sheet}"`, async (s) => {
      const ws = s.context.workbook.worksheets.getItem(sheet);
      let used = ws.getUsedRange(true).load('rowIndex,columnIndex,rowCount,columnCount');
      let sample: Excel.Range | null = used.getIntersectionOrNullObject(`1:${SAMPLE_ROWS}`).load('rowCount,values');
      try {
        await s.sync();
      } catch (e) {
        // Even the sample was too big (very wide rows of long texts): size the chunks without it.
        if (!isPayloadTooLarge(e)) throw e;
        used = ws.getUsedRange(true).load('rowIndex,columnIndex,rowCount,columnCount');
        sample = null;
        await s.sync();
      }
      const top = used.rowIndex;
      const left = used.columnIndex;
      const rows = used.rowCount;
      const cols = used.columnCount;
      let first: unknown[][] = [];
      if (sample && !sample.isNullObject) {
        first = sample.values;
        if (rows === 1 && cols === 1 && first[0]?.[0] === '') return [];
      }
      const guess = first.length > 0 ? jsonBytes(first) / first.length : cols * GUESS_BYTES_PER_CELL;
      const rest = await readGrid(s, { sheet, top: top + first.length, left, rows: rows - first.length, columns: cols, props: ['values'], budget: this.maxBytes, bytesPerRow: guess });
      const body = first.length > 0 ? first.concat(rest.values) : rest.values;
      return padFromA1(body, top, left, cols);
    });
  }

  async readFormulas(sheet: string, col: number, fromRow: number, toRow: number): Promise<unknown[]> {
    if (toRow < fromRow) return [];
    return this.run(`reading formulas on sheet "${sheet}"`, async (s) => {
      const got = await readGrid(s, { sheet, top: fromRow, left: col, rows: toRow - fromRow + 1, columns: 1, props: ['formulas'], budget: this.maxBytes, bytesPerRow: 64 });
      return got.formulas.map((row) => row[0]);
    });
  }

  /** One sync for all the areas when their guessed size fits the budget; otherwise each in budget-sized chunks. */
  async readAreas(sheet: string, areas: readonly CellArea[]): Promise<unknown[][][]> {
    const wanted = areas.filter((a) => a.rows > 0 && a.cols > 0);
    if (wanted.length === 0) return areas.map(() => []);
    return this.run(`reading cells on sheet "${sheet}"`, async (s) => {
      const cells = wanted.reduce((n, a) => n + a.rows * a.cols, 0);
      const out = new Map<CellArea, unknown[][]>();
      if (cells * GUESS_BYTES_PER_CELL <= this.maxBytes && cells <= 1_000_000) {
        const ws = s.context.workbook.worksheets.getItem(sheet);
        const ranges = wanted.map((a) => ({ a, range: ws.getRangeByIndexes(a.row, a.col, a.rows, a.cols).load('values') }));
        try {
          await s.sync();
          for (const { a, range } of ranges) out.set(a, range.values);
        } catch (e) {
          if (!isPayloadTooLarge(e)) throw e;
        }
      }
      for (const a of wanted) {
        if (out.has(a)) continue;
        const got = await readGrid(s, { sheet, top: a.row, left: a.col, rows: a.rows, columns: a.cols, props: ['values'], budget: this.maxBytes, bytesPerRow: a.cols * GUESS_BYTES_PER_CELL });
        out.set(a, got.values);
      }
      return areas.map((a) => out.get(a) ?? []);
    });
  }

  /** The file opens as a new workbook beside this one (Excel.createWorkbook, ExcelApi 1.8); Excel gives it no name until saved. */
  openNewWorkbook(file: Uint8Array): Promise<void> {
    return openNewWorkbook(this.host, file);
  }

  hiddenColumns(sheet: string): Promise<number[]> {
    return this.run(`reading the hidden columns of sheet "${sheet}"`, (s) => readHiddenColumns(s, sheet));
  }

  async apply(plan: WritePlan, options: ApplyOptions = {}): Promise<void> {
    const { onProgress, signal, turn } = options;
    if (plan.ops.length === 0) return;
    throwIfStopped(signal);
    const caps = await this.capabilities();
    const rules = new Map<number, Excel.DataValidationRule>();
    plan.ops.forEach((op, i) => {
      const need = (ok: boolean, what: string, set: string): void => {
        if (!ok) throw new WorkbookError('unsupported', `${what} needs Excel API ${set}, which this version of Excel does not have.`);
      };
      if (op.op === 'validation') {
        need(caps.dataValidation, 'Data validation', 'ExcelApi 1.8');
        rules.set(i, toDataValidationRule(op.rule));
      } else if (op.op === 'conditionalFormat') need(caps.conditionalFormats, 'Conditional formatting', 'ExcelApi 1.6');
      else if (op.op === 'pivot') {
        need(caps.pivotTables, 'PivotTables', 'ExcelApi 1.8');
        if (op.values.length > MAX_PIVOT_DATA_FIELDS) throw new WorkbookError('unsupported', `A PivotTable may have at most ${MAX_PIVOT_DATA_FIELDS} value fields (more has crashed Excel); "${op.name}" has ${op.values.length}.`);
      } else if (op.op === 'chart') need(caps.charts, 'Charts', 'ExcelApi 1.1');
    });
    const estimate = plan.ops.reduce((n, op) => n + estimateOpBytes(op), 0);
    let total = 1 + Math.ceil(estimate / this.maxBytes);
    let last = 0;
    const progress = (done: number): void => {
      total = Math.max(total, done);
      last = done;
      onProgress?.({ done, total });
    };
    // Workbook.protection is ExcelApi 1.7: below it the structure cannot be looked at (Excel refuses the
    // first sheet op itself, which the plans put before any cell write).
    const structure = this.supports('1.7');
    const merges = this.supports('1.13');
    await this.run('applying the plan', (s) => new PlanRun(s, plan.ops, caps, rules, this.maxBytes, signal, structure, merges, turn).execute(), progress);
    // The estimate may have been high: finish at 100 %.
    if (last !== total) onProgress?.({ done: last, total: last });
  }
}

/** Rough request bytes of an op, for the progress total only. */
function estimateOpBytes(op: WriteOp): number {
  if (op.op !== 'writeBlock') return OP_OVERHEAD;
  const sample = op.values.slice(0, 100);
  if (sample.length === 0) return OP_OVERHEAD;
  return OP_OVERHEAD + (jsonBytes(sample) / sample.length) * op.values.length;
}

/** Rows × columns from A1: blank rows above and blank cells to the left of a used range that starts lower or further right. */
function padFromA1(body: unknown[][], top: number, left: number, cols: number): unknown[][] {
  if (top === 0 && left === 0) return body;
  const width = left + cols;
  const out: unknown[][] = [];
  for (let r = 0; r < top; r++) out.push(new Array<unknown>(width).fill(''));
  const pad = new Array<unknown>(left).fill('');
  for (const row of body) out.push(left === 0 ? row : pad.concat(row));
  return out;
}

/** One plan inside one Excel.run. */
class PlanRun {
  private readonly writes: WriteQueue;
  private readonly probes = new Map<string, SheetProbe>();
  private readonly cfByOp = new Map<number, Excel.ConditionalFormatCollection>();
  private pivots: Excel.PivotTableCollection | null = null;
  private readonly pivotChecks: PivotCheck[] = [];
  /** Op index → whether the op's sheet is the one the preflight looked at (not added or deleted earlier in the plan). */
  private readonly original = new Map<number, boolean>();
  private readonly skip = new Set<number>();
  /** Pivot op index → the header row of its source as it is before the plan (loaded in the preflight). */
  private readonly pivotHeaders = new Map<number, { rect: Rect; header: Excel.Range }>();
  private readonly tableRanges = new Map<string, Excel.Range[]>();
  private readonly customFormats = new Map<number, { cf: Excel.ConditionalFormat; rule: Excel.ConditionalFormatRule }[]>();
  /** Loaded in the preflight when the plan adds, deletes or copies (adds and renames) a sheet. */
  private workbookProtection: Excel.WorkbookProtection | null = null;
  /** Sheet → merged areas under the plan's cell writes (loaded in the preflight, ExcelApi 1.13). */
  private readonly mergedAreas = new Map<string, Excel.RangeAreas>();

  constructor(
    private readonly s: Session,
    private readonly ops: readonly WriteOp[],
    private readonly caps: Capabilities,
    private readonly rules: Map<number, Excel.DataValidationRule>,
    budget: number,
    private readonly signal?: AbortSignal,
    /** Whether the host has Workbook.protection (ExcelApi 1.7). */
    private readonly structureVisible = false,
    /** Whether the host has Range.getMergedAreasOrNullObject (ExcelApi 1.13). */
    private readonly mergesVisible = false,
    /** The caller's slicer (ApplyOptions.turn), between slices of a block. */
    private readonly turn?: () => Promise<void>,
  ) {
    this.writes = new WriteQueue(s, budget);
  }

  private get context(): Excel.RequestContext {
    return this.s.context;
  }

  private ws(name: string): Excel.Worksheet {
    return this.context.workbook.worksheets.getItem(name);
  }

  async execute(): Promise<void> {
    const existing = await this.preflight();
    this.checkPlan(existing);
    await this.lookCloser();
    throwIfStopped(this.signal); // the last moment at which stopping leaves the workbook as it was
    for (let i = 0; i < this.ops.length; i++) {
      if (!this.skip.has(i)) await this.enqueue(i, this.ops[i] as WriteOp);
    }
    await this.writes.flush();
    await this.recheckPivots();
  }

  /** Sync 1, loads only: sheet names, protection of every sheet the plan writes to, what idempotent ops need. */
  private async preflight(): Promise<string[]> {
    this.s.doing = 'checking the sheets the plan touches';
    const workbook = this.context.workbook;
    const sheets = workbook.worksheets;
    sheets.load('items/name');
    const probe = (name: string): SheetProbe => {
      let p = this.probes.get(key(name));
      if (!p) {
        const ws = sheets.getItemOrNullObject(name);
        ws.protection.load('protected');
        p = { ws };
        this.probes.set(key(name), p);
      }
      return p;
    };
    for (const op of this.ops) for (const name of sheetsOf(op)) probe(name);
    if (this.structureVisible && this.ops.some(changesStructure)) {
      this.workbookProtection = workbook.protection.load('protected');
    }
    if (this.mergesVisible) {
      // Excel refuses a value written into a merged area other than its top-left cell, and by then the
      // plan's earlier ops are done: look at the merged areas under the block writes now.
      for (const [name, box] of writeBounds(this.ops)) {
        this.mergedAreas.set(name, probe(name).ws.getRangeByIndexes(box.r0, box.c0, box.r1 - box.r0 + 1, box.c1 - box.c0 + 1).getMergedAreasOrNullObject().load('address'));
      }
    }
    this.ops.forEach((op, i) => {
      if (op.op === 'addTable') {
        const p = probe(op.sheet);
        p.tables ??= p.ws.tables.load('items/name');
      } else if (op.op === 'chart') {
        const p = probe(op.sheet);
        p.charts ??= p.ws.charts.load('items/name');
      } else if (op.op === 'conditionalFormat') {
        this.cfByOp.set(i, probe(op.sheet).ws.getRange(op.address).conditionalFormats.load('items/type'));
      } else if (op.op === 'pivot') {
        this.pivots ??= workbook.pivotTables.load('items/name');
        // Excel refuses a PivotTable whose source has no data row or a column without a header, and by
        // then the plan's earlier writes are done: look at the source's header row now, write nothing.
        const rect = parseRect(op.source.address);
        const madeByPlan = this.ops.some((o, j) => j < i && (o.op === 'addSheet' ? o.name : o.op === 'copySheet' ? o.to : null) === op.source.sheet);
        if (rect && !madeByPlan && rect.c1 - rect.c0 < 1024) {
          const header = probe(op.source.sheet).ws.getRangeByIndexes(rect.r0, rect.c0, 1, rect.c1 - rect.c0 + 1).load('values');
          this.pivotHeaders.set(i, { rect, header });
        }
      } else if (op.op === 'copySheet') {
        // Excel's copy of a hidden sheet may come out visible: the copy gets the source's visibility.
        probe(op.from).ws.load('visibility');
      } else if (op.op === 'deleteSheet') {
        // Pivots go with their sheet: a later pivot op of the same name must not delete them again.
        const p = probe(op.name);
        p.pivots ??= p.ws.pivotTables.load('items/name');
      }
    });
    await this.s.sync();
    return sheets.items.map((ws) => ws.name);
  }

  /** Sheets exist where the plan needs them, none it writes to is protected. Nothing has been written yet. */
  private checkPlan(existingNames: string[]): void {
    const exists = new Set(existingNames.map(key));
    const touchedOriginal = new Set<string>();
    const changed = new Set<string>();
    const mustExist = (name: string, what: string): void => {
      if (!exists.has(key(name))) throw new WorkbookError('not-found', `${what}: there is no sheet "${name}".`);
    };
    this.ops.forEach((op, i) => {
      const sheet = sheetsOf(op)[0] as string;
      this.original.set(i, !changed.has(key(sheet)));
      switch (op.op) {
        case 'addSheet':
          if (exists.has(key(op.name))) throw new WorkbookError('exists', `addSheet: a sheet "${op.name}" already exists.`);
          exists.add(key(op.name));
          changed.add(key(op.name));
          return;
        case 'deleteSheet':
          if (!exists.has(key(op.name))) {
            this.skip.add(i);
            return;
          }
          if (!changed.has(key(op.name))) touchedOriginal.add(key(op.name));
          exists.delete(key(op.name));
          changed.add(key(op.name));
          return;
        case 'copySheet':
          mustExist(op.from, 'copySheet');
          if (exists.has(key(op.to))) throw new WorkbookError('exists', `copySheet: a sheet "${op.to}" already exists.`);
          exists.add(key(op.to));
          changed.add(key(op.to));
          return;
        case 'pivot':
          mustExist(op.source.sheet, 'pivot source');
          this.checkPivotSource(i, op);
          break;
        default:
          break;
      }
      mustExist(sheet, op.op);
      if (!changed.has(key(sheet))) touchedOriginal.add(key(sheet));
    });
    this.checkMergedWrites();
    if (this.workbookProtection?.protected && this.ops.some((op, i) => changesStructure(op) && !this.skip.has(i))) {
      throw new WorkbookError('protected', 'The workbook structure is protected, and this needs to add, delete or rename sheets; unprotect it (Review → Protect Workbook) and try again. Nothing was changed.', 'workbook-structure');
    }
    for (const name of touchedOriginal) {
      const protection = this.probes.get(name)?.ws.protection;
      if (protection && !protection.isNullObject && protection.protected) {
        const shown = existingNames.find((n) => key(n) === name) ?? name;
        throw new WorkbookError('protected', `The sheet "${shown}" is protected; unprotect it (Review → Unprotect Sheet) and try again. Nothing was changed.`);
      }
    }
  }

  /** No block write puts a value into a merged area's cell other than its top-left (Excel would refuse it mid-plan). */
  private checkMergedWrites(): void {
    for (const [name, areas] of this.mergedAreas) {
      if (areas.isNullObject) continue;
      const merged = splitAreas(areas.address).map(parseRect).filter((r): r is Rect => r !== null);
      if (merged.length === 0) continue;
      this.ops.forEach((op, i) => {
        if (op.op !== 'writeBlock' || key(op.sheet) !== name || !this.original.get(i)) return;
        const block = blockRect(op);
        if (!block) return;
        for (const m of merged) {
          if (!intersects(m, block)) continue;
          for (let r = Math.max(m.r0, block.r0); r <= Math.min(m.r1, block.r1); r++) {
            const row = op.values[r - op.row] ?? [];
            for (let c = Math.max(m.c0, block.c0); c <= Math.min(m.c1, block.c1); c++) {
              if (r === m.r0 && c === m.c0) continue;
              const v = row[c - op.col];
              if (v === null || v === undefined || v === '') continue;
              const shown = blockAddress(m.r0, m.c0, m.r1 - m.r0 + 1, m.c1 - m.c0 + 1);
              throw new WorkbookError('unsupported', `Cells ${shown} on sheet "${op.sheet}" are merged, and the add-in needs to write into ${blockAddress(r, c, 1, 1)}; unmerge them (Home → Merge & Center) and try again. Nothing was changed.`, 'merged-cells');
            }
          }
        }
      });
    }
  }

  /** The pivot's source as it will be when the pivot is made: the header row after the plan's earlier block writes. */
  private checkPivotSource(i: number, op: Op<'pivot'>): void {
    const rect = parseRect(op.source.address);
    if (!rect) throw new WorkbookError('unsupported', `PivotTable "${op.name}": "${op.source.address}" is not a range address. Nothing was changed.`);
    if (rect.r1 <= rect.r0) {
      throw new WorkbookError('unsupported', `PivotTable "${op.name}": its source ${op.source.address} has no data rows below the header. Nothing was changed.`);
    }
    const probe = this.pivotHeaders.get(i);
    if (!probe || probe.header.isNullObject) return;
    const header: unknown[] = [...(probe.header.values[0] ?? [])];
    for (let j = 0; j < i; j++) {
      const w = this.ops[j] as WriteOp;
      if (w.op !== 'writeBlock' || key(w.sheet) !== key(op.source.sheet)) continue;
      const row = w.values[rect.r0 - w.row];
      if (!row) continue;
      row.forEach((v, k) => {
        const c = w.col + k - rect.c0;
        if (c >= 0 && c < header.length) header[c] = v;
      });
    }
    const blank = header.findIndex((v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === ''));
    if (blank >= 0) {
      throw new WorkbookError('unsupported', `PivotTable "${op.name}": column ${columnLetters(rect.c0 + blank)} of sheet "${op.source.sheet}" has no header, and Excel needs one for every column of a PivotTable's source. Give it a header and try again. Nothing was changed.`);
    }
  }

  /** Sync 2, only when needed: addresses of existing tables, formulas of existing custom conditional formats. */
  private async lookCloser(): Promise<void> {
    let needed = false;
    for (const [name, p] of this.probes) {
      const tables = p.tables && !p.tables.isNullObject ? p.tables.items : [];
      if (tables.length > 0) {
        this.tableRanges.set(name, tables.map((t) => t.getRange().load('address')));
        needed = true;
      }
    }
    for (const [i, coll] of this.cfByOp) {
      if (!this.original.get(i) || coll.isNullObject) continue;
      const custom = coll.items.filter((cf) => cf.type === 'Custom').map((cf) => ({ cf, rule: cf.custom.rule.load('formula') }));
      if (custom.length > 0) {
        this.customFormats.set(i, custom);
        needed = true;
      }
    }
    if (!needed) return;
    this.s.doing = 'looking at existing tables and conditional formats';
    await this.s.sync();
  }

  private async enqueue(i: number, op: WriteOp): Promise<void> {
    const label = `${op.op} on "${sheetsOf(op)[0] ?? ''}"`;
    const push = (queue: (context: Excel.RequestContext) => void, dataBytes = 0, ops = 1): Promise<void> => this.writes.push(simpleUnit(label, queue, dataBytes, ops));
    switch (op.op) {
      case 'addSheet':
        return push((c) => {
          const ws = c.workbook.worksheets.add(op.name);
          if (op.visibility && op.visibility !== 'visible') ws.visibility = SHEET_VISIBILITY[op.visibility] as Excel.SheetVisibility;
          if (op.activate) ws.activate();
        });
      case 'deleteSheet':
        return push((c) => c.workbook.worksheets.getItem(op.name).delete());
      case 'copySheet':
        return this.copySheet(op, label);
      case 'writeBlock':
        return this.writeBlock(op, label);
      case 'format':
        return push(() => this.format(op), 0, 5);
      case 'columnWidths':
        return push(() => this.columnWidths(op), 0, op.widths.length);
      case 'freeze':
        return push(() => this.freeze(op));
      case 'addTable':
        return this.addTable(i, op, label);
      case 'validation':
        return push(() => this.validation(i, op), jsonBytes(this.rules.get(i)) + 600, 4);
      case 'conditionalFormat':
        return push(() => this.conditionalFormat(i, op), op.formula.length * 3, 4 + (this.customFormats.get(i)?.length ?? 0));
      case 'pivot':
        return this.writes.push(simpleUnit(label, () => this.pivot(op), 0, 4 + 3 * (op.rows.length + op.columns.length + op.values.length)));
      case 'chart':
        return push(() => this.chart(i, op), op.title.length * 3, 5 + this.existingCharts(i, op.sheet).length);
      case 'deleteRows': {
        const runs = rowRunsBottomUp(op.rows);
        if (runs.length === 0) return;
        return push((c) => {
          const ws = c.workbook.worksheets.getItem(op.sheet);
          for (const [a, b] of runs) ws.getRange(`${a}:${b}`).delete('Up');
        }, 0, runs.length);
      }
    }
  }

  private async writeBlock(op: Op<'writeBlock'>, label: string): Promise<void> {
    const width = op.values.reduce((w, row) => Math.max(w, row.length), 0);
    if (op.values.length === 0 || width === 0) return;
    // One write method for the whole block: any formula in it makes every part Range.formulas.
    let useFormulas = false;
    for (let r = 0; r < op.values.length && !useFormulas; r++) useFormulas = op.values[r]!.some(isFormulaCell);
    let formats: { left: number; rows: (string | null)[][] } | null = null;
    const nf = op.numberFormats ?? [];
    const defined = nf.map((f, j) => (f !== undefined && j < width ? j : -1)).filter((j) => j >= 0);
    if (defined.length > 0) {
      const lo = Math.min(...defined);
      const hi = Math.max(...defined);
      formats = { left: op.col + lo, rows: [nf.slice(lo, hi + 1).map((f) => f ?? null)] };
    }
    const name = `${label} ${blockAddress(op.row, op.col, op.values.length, width)}`;
    // The rows become request cells a slice at a time, as the queue fills its syncs, with the caller's
    // slicer between slices: all rows at once held the thread ~0.3 s at 100,000 rows and ~8 s at a
    // million (and kept a second copy of every cell), and even one 4 MB request's cells take ~150 ms.
    for (let from = 0; from < op.values.length; from += ROWS_PER_WRITE_SLICE) {
      const to = Math.min(op.values.length, from + ROWS_PER_WRITE_SLICE);
      const cells: ExcelCell[][] = new Array<ExcelCell[]>(to - from);
      for (let r = from; r < to; r++) cells[r - from] = excelRow(op.values[r]!, width);
      await this.writes.push(new GridUnit(name, op.sheet, op.row + from, op.col, cells, useFormulas, formats));
      await this.turn?.();
    }
  }

  private format(op: Op<'format'>): void {
    const range = this.ws(op.sheet).getRange(op.address);
    if (op.bold !== undefined) range.format.font.bold = op.bold;
    if (op.fontColor !== undefined) range.format.font.color = op.fontColor;
    if (op.fill !== undefined) range.format.fill.color = op.fill;
    if (op.wrap !== undefined) range.format.wrapText = op.wrap;
    if (op.align !== undefined) range.format.horizontalAlignment = ALIGN[op.align];
  }

  private columnWidths(op: Op<'columnWidths'>): void {
    const ws = this.ws(op.sheet);
    const sorted = [...op.widths].sort((a, b) => a.col - b.col);
    // Neighbouring columns of the same width share one call.
    for (let k = 0; k < sorted.length; ) {
      const first = sorted[k] as { col: number; width: number };
      let n = 1;
      while (k + n < sorted.length && sorted[k + n]?.col === first.col + n && sorted[k + n]?.width === first.width) n++;
      ws.getRangeByIndexes(0, first.col, 1, n).format.columnWidth = charactersToPoints(first.width);
      k += n;
    }
  }

  private freeze(op: Op<'freeze'>): void {
    const panes = this.ws(op.sheet).freezePanes;
    const rows = Math.max(0, op.rows);
    const cols = Math.max(0, op.columns ?? 0);
    if (rows > 0 && cols > 0) panes.freezeAt(this.ws(op.sheet).getRangeByIndexes(0, 0, rows, cols));
    else if (rows > 0) panes.freezeRows(rows);
    else if (cols > 0) panes.freezeColumns(cols);
    else panes.unfreeze();
  }

  private async addTable(i: number, op: Op<'addTable'>, label: string): Promise<void> {
    const target = parseRect(op.address);
    if (!target) throw new WorkbookError('host', `addTable: "${op.address}" is not a range address.`);
    if (this.original.get(i)) {
      const covered = (this.tableRanges.get(key(op.sheet)) ?? []).some((r) => {
        const rect: Rect | null = parseRect(r.address);
        return rect !== null && intersects(rect, target);
      });
      if (covered) return;
    }
    await this.writes.push(
      simpleUnit(label, (c) => {
        const table = c.workbook.worksheets.getItem(op.sheet).tables.add(op.address, true);
        table.name = op.name;
        if (op.style) table.style = op.style;
      }, 0, 3),
    );
  }

  private validation(i: number, op: Op<'validation'>): void {
    const rule = this.rules.get(i);
    if (!rule) return;
    const dv = this.ws(op.sheet).getRange(op.address).dataValidation;
    dv.clear();
    dv.rule = rule;
    if (op.prompt) {
      dv.prompt = { showPrompt: true, title: clampText(op.prompt.title, VALIDATION_LIMITS.title), message: clampText(op.prompt.message, VALIDATION_LIMITS.prompt) };
    }
    if (op.error) {
      dv.errorAlert = {
        showAlert: true,
        style: ALERT_STYLE[op.error.style],
        title: clampText(op.error.title, VALIDATION_LIMITS.title),
        message: clampText(op.error.message, VALIDATION_LIMITS.error),
      };
    }
  }

  private conditionalFormat(i: number, op: Op<'conditionalFormat'>): void {
    const wanted = normalizeFormula(op.formula);
    for (const { cf, rule } of this.customFormats.get(i) ?? []) {
      if (normalizeFormula(rule.formula) === wanted) cf.delete();
    }
    const cf = this.ws(op.sheet).getRange(op.address).conditionalFormats.add('Custom');
    cf.custom.rule.formula = formulaText(op.formula);
    if (op.fill !== undefined) cf.custom.format.fill.color = op.fill;
    if (op.fontColor !== undefined) cf.custom.format.font.color = op.fontColor;
  }

  private pivot(op: Op<'pivot'>): void {
    const goneWithSheet = new Set(
      this.ops.flatMap((o) => (o.op === 'deleteSheet' ? this.probes.get(key(o.name))?.pivots?.items.map((x) => key(x.name)) ?? [] : [])),
    );
    for (const existing of this.pivots?.items ?? []) {
      if (key(existing.name) === key(op.name) && !goneWithSheet.has(key(existing.name))) existing.delete();
    }
    const source = this.ws(op.source.sheet).getRange(op.source.address);
    const dest = this.ws(op.sheet);
    const pivot = dest.pivotTables.add(op.name, source, dest.getRange(op.destination));
    for (const f of op.rows) pivot.rowHierarchies.add(pivot.hierarchies.getItem(f));
    for (const f of op.columns) pivot.columnHierarchies.add(pivot.hierarchies.getItem(f));
    const check: PivotCheck = { name: op.name, hierarchies: [] };
    for (const v of op.values) {
      const dh = pivot.dataHierarchies.add(pivot.hierarchies.getItem(v.field));
      const want = SUMMARIZE[v.summarizeBy];
      dh.summarizeBy = want;
      // Read it back: summarizeBy has been seen to fall back to Count.
      dh.load('summarizeBy');
      check.hierarchies.push({ dh, want });
    }
    // A re-sent unit replaces its earlier check.
    const at = this.pivotChecks.findIndex((c) => c.name === op.name);
    if (at >= 0) this.pivotChecks.splice(at, 1, check);
    else this.pivotChecks.push(check);
  }

  /** One more sync only when a data field did not keep its summarizeBy: set it once more. */
  private async recheckPivots(): Promise<void> {
    const wrong = this.pivotChecks.flatMap((c) => c.hierarchies.filter((h) => h.dh.summarizeBy !== h.want));
    if (wrong.length === 0) return;
    await this.writes.push(
      simpleUnit('pivot summarizeBy', () => {
        for (const h of wrong) {
          h.dh.summarizeBy = h.want as Excel.AggregationFunction;
          h.dh.load('summarizeBy');
        }
      }, 0, 2 * wrong.length),
    );
    await this.writes.flush();
  }

  private existingCharts(i: number, sheet: string): Excel.Chart[] {
    const charts = this.probes.get(key(sheet))?.charts;
    return this.original.get(i) && charts && !charts.isNullObject ? charts.items : [];
  }

  private chart(i: number, op: Op<'chart'>): void {
    const ws = this.ws(op.sheet);
    for (const existing of this.existingCharts(i, op.sheet)) {
      if (existing.name === op.name) existing.delete();
    }
    const chart = ws.charts.add(CHART_TYPES[op.type], ws.getRange(op.source), 'Auto');
    chart.name = op.name;
    chart.title.text = op.title;
    chart.setPosition(op.topLeft, op.bottomRight);
  }

  /** The visibility the copy of `from` must get: the source's as the preflight saw it (visible for a sheet this plan made). */
  private copyVisibility(from: string): Excel.SheetVisibility | null {
    const source = this.probes.get(key(from))?.ws;
    if (!source || source.isNullObject) return null;
    const v = fromSheetVisibility(source.visibility);
    return v === 'visible' ? null : SHEET_VISIBILITY[v] as Excel.SheetVisibility;
  }

  private async copySheet(op: Op<'copySheet'>, label: string): Promise<void> {
    const hidden = this.copyVisibility(op.from);
    if (this.caps.copySheet) {
      await this.writes.push(
        simpleUnit(label, (c) => {
          const copy = c.workbook.worksheets.getItem(op.from).copy('End');
          copy.name = op.to;
          // A hidden sheet's copy is hidden too (a very hidden one's very hidden), whatever Excel's copy did.
          if (hidden) copy.visibility = hidden;
        }, 0, hidden ? 3 : 2),
      );
      return;
    }
    // Without ExcelApi 1.7: add a sheet and write the used range's values, formulas and number formats.
    await this.writes.flush();
    this.s.doing = `copySheet: reading "${op.from}"`;
    const src = this.ws(op.from);
    const used = src.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
    const widths = Array.from({ length: COPY_WIDTH_COLUMNS }, (_, c) => src.getRangeByIndexes(0, c, 1, 1).format.load('columnWidth'));
    await this.s.sync();
    await this.writes.push(simpleUnit(label, (c) => {
      const ws = c.workbook.worksheets.add(op.to);
      if (hidden) ws.visibility = hidden;
    }));
    if (!used.isNullObject) {
      const cols = used.columnCount;
      const grid = await readGrid(this.s, {
        sheet: op.from,
        top: used.rowIndex,
        left: used.columnIndex,
        rows: used.rowCount,
        columns: cols,
        props: ['values', 'formulas', 'numberFormat'],
        budget: this.writes.budget,
        bytesPerRow: cols * 3 * GUESS_BYTES_PER_CELL,
      });
      const cells = grid.formulas.map((row, r) =>
        row.map((f, c): ExcelCell => {
          const v = grid.values[r]?.[c];
          // A formula reads back as "=…" in formulas and as its result in values; text that merely
          // starts with "=" reads back the same in both and must stay text.
          if (typeof f === 'string' && f.startsWith('=') && f !== v) return f;
          if (typeof v === 'string') return literalText(v);
          return typeof v === 'number' || typeof v === 'boolean' ? v : '';
        }),
      );
      const formats = grid.numberFormat.map((row) => row.map((f) => (typeof f === 'string' ? f : null)));
      await this.writes.push(new GridUnit(label, op.to, used.rowIndex, used.columnIndex, cells, true, { left: used.columnIndex, rows: formats }));
    }
    const last = used.isNullObject ? 0 : Math.min(COPY_WIDTH_COLUMNS, used.columnIndex + used.columnCount);
    const points = widths.slice(0, last).map((w) => w.columnWidth);
    await this.writes.push(
      simpleUnit(label, (c) => {
        const ws = c.workbook.worksheets.getItem(op.to);
        points.forEach((w, col) => {
          ws.getRangeByIndexes(0, col, 1, 1).format.columnWidth = w;
        });
      }, 0, points.length),
    );
  }
}

/** Rows of a block converted to request cells at a time (see writeBlock). */
const ROWS_PER_WRITE_SLICE = 4096;

/** One block row as request cells; a short row leaves the cells past its end as they are (null is "no change" to Excel). */
function excelRow(row: readonly CellInput[], width: number): ExcelCell[] {
  const out: ExcelCell[] = new Array<ExcelCell>(width);
  for (let j = 0; j < width; j++) out[j] = j < row.length ? toExcelCell(row[j] as CellInput) : null;
  return out;
}
