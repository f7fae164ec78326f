/// <reference types="office-js" />
/**
 * The simulated Excel host: an in-memory workbook behind Office.js-shaped proxies (load/sync,
 * PropertyNotLoaded, queued non-transactional writes, payload limits, requirement sets), plus direct
 * synchronous access for tests and the playground. Pure TypeScript: no Node, no DOM.
 */
import { columnName, fullAddress, parseAddress, rectAddress, type Rect } from './model/address';
import { planMerge } from './model/layout';
import { Evaluator, evaluateFormula } from './model/evaluate';
import { tryParseFormula } from './model/formula';
import { formatValue, toApiValue, type Scalar } from './model/values';
import { ModelError, WorkbookModel, type SheetModel } from './model/workbook';
import { SimContext, type ChangedHandler, type HostState, type SimStats } from './api/base';
import { Workbook } from './api/worksheet';
import { configureChangeEvents, raiseChanged } from './api/changeEvents';
import { ExcelEnums } from './api/enums';
import { writeContents } from './api/range';
import { createWorkbookFunction, type CreatedWorkbooks } from './api/createWorkbook';

export type { SimStats } from './api/base';
export { SimRichApiError } from './api/base';
export { LIMITS as DATA_VALIDATION_LIMITS } from './model/validation';

export interface SimOptions {
  /** e.g. { ExcelApi: '1.17' } (default). Lower ExcelApi to '1.7' to lose PivotTables and data validation. */
  requirementSets?: Record<string, string>;
  /** Default 5 MB, applied to each request and each response (Excel on the web). */
  payloadLimitBytes?: number;
  /** Office.context.displayLanguage, default 'en-US'. */
  displayLanguage?: string;
  /** The clock TODAY() reads; default the real one. */
  now?: () => Date;
  /** How long after a sync the add-in's own writes raise Worksheet.onChanged (default 0; Excel on the web is later). */
  changedEventDelayMs?: number;
}

export interface SimCell {
  value: unknown;
  formula: string | null;
  numberFormat: string;
  text: string;
  fill: string | null;
  bold: boolean;
  fontColor: string;
  /** The fill a conditional format gives the cell (first matching rule), if any. */
  conditionalFill: string | null;
}

export interface SimSheet {
  readonly name: string;
  readonly id: string;
  /** Values of the used range (from A1), as Range.values reports them. */
  values(): unknown[][];
  formulas(): unknown[][];
  cell(address: string): SimCell;
  /** Writes as Range.values does (Excel's interpretation of '=', '+', '-', numbers, apostrophes). */
  write(address: string, values: unknown[][]): void;
  /** Stores values as given (strings stay text, except '=' formulas): a workbook as saved. */
  seed(address: string, values: unknown[][]): void;
  /** A formula with a cached result that is kept (never recalculated). */
  seedFormula(address: string, formula: string, cachedValue: unknown): void;
  setNumberFormat(address: string, format: string): void;
  usedAddress(): string | null;
  readonly freeze: { rows: number; columns: number };
  readonly protected: boolean;
  protect(password?: string): void;
  unprotect(): void;
  readonly columnWidths: ReadonlyMap<number, number>;
  /** Merged areas, as A1 addresses ("A1:H1"). */
  merges(): string[];
  /** Merges as Range.merge() does (the top-left value stays, the others are cleared). */
  merge(address: string, across?: boolean): void;
  /** 1-based rows hidden, by the user or by the AutoFilter. */
  hiddenRows(): number[];
  /** Column letters of the hidden columns. */
  hiddenColumns(): string[];
  /** The AutoFilter: its range, criteria by column offset, whether it filters now. */
  autoFilter(): { address: string; criteria: Record<number, unknown>; isDataFiltered: boolean } | null;
}

export interface SimWorkbook {
  addSheet(name: string, values?: unknown[][]): SimSheet;
  sheet(name: string): SimSheet;
  sheetNames(): string[];
  readonly tables: { name: string; sheet: string; address: string; columns: string[]; showTotals: boolean; style: string }[];
  readonly validations: { sheet: string; addresses: string[]; type: string; rule: unknown; prompt: unknown; errorAlert: unknown; ignoreBlanks: boolean }[];
  readonly conditionalFormats: { sheet: string; addresses: string[]; type: string; formula: string | null; fill: string | null; fontColor: string | null; priority: number }[];
  readonly pivots: { name: string; sheet: string; address: string | null; dataBodyAddress: string | null; rows: string[]; columns: string[]; data: { name: string; field: string; summarizeBy: string }[] }[];
  readonly charts: { name: string; sheet: string; type: string; source: string; title: string; seriesBy: string }[];
  /** The raw model, for the playground renderer. */
  readonly model: WorkbookModel;
  /** Workbook structure protection (Review → Protect Workbook): sheets cannot be added, deleted, renamed, moved, hidden. */
  readonly protected: boolean;
  protect(password?: string): void;
  unprotect(): void;
}

export interface SimExcel {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** A batch on an existing context (Excel.run(eventResult.context, …): how a handler is removed). */
  run<T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Opens a new workbook from an .xlsx in base64 (ExcelApi 1.8); the current workbook is not changed. */
  createWorkbook(base64File?: string): Promise<void>;
  readonly AggregationFunction: typeof ExcelEnums.AggregationFunction;
  readonly ChartSeriesBy: typeof ExcelEnums.ChartSeriesBy;
  readonly ChartType: typeof ExcelEnums.ChartType;
  readonly ClearApplyTo: typeof ExcelEnums.ClearApplyTo;
  readonly ConditionalFormatType: typeof ExcelEnums.ConditionalFormatType;
  readonly ConditionalCellValueOperator: typeof ExcelEnums.ConditionalCellValueOperator;
  readonly DataValidationType: typeof ExcelEnums.DataValidationType;
  readonly DataValidationOperator: typeof ExcelEnums.DataValidationOperator;
  readonly DataValidationAlertStyle: typeof ExcelEnums.DataValidationAlertStyle;
  readonly HorizontalAlignment: typeof ExcelEnums.HorizontalAlignment;
  readonly SheetVisibility: typeof ExcelEnums.SheetVisibility;
  readonly RangeValueType: typeof ExcelEnums.RangeValueType;
  readonly EventSource: typeof ExcelEnums.EventSource;
  readonly DataChangeType: typeof ExcelEnums.DataChangeType;
  readonly WorksheetPositionType: typeof ExcelEnums.WorksheetPositionType;
  readonly ErrorCodes: typeof ExcelEnums.ErrorCodes;
}

export interface SimOffice {
  context: {
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    displayLanguage: string;
    document: {
      settings: {
        get(name: string): unknown;
        set(name: string, value: unknown): void;
        remove(name: string): void;
        saveAsync(cb?: (r: { status: 'succeeded' | 'failed' }) => void): void;
      };
    };
  };
}

export interface SimHost {
  Excel: SimExcel;
  Office: SimOffice;
  workbook: SimWorkbook;
  stats(): SimStats;
  resetStats(): void;
  /**
   * Fires Worksheet.onChanged handlers as Excel does after a user edit (triggerSource 'Unknown'; source
   * 'Remote' for a co-author), or a late event of a write by this add-in (triggerSource 'ThisLocalAddin');
   * resolves when they have run. The add-in's writes through the API raise their events by themselves.
   */
  fireChanged(sheetName: string, address: string, options?: { valueBefore?: unknown; triggerSource?: 'Unknown' | 'ThisLocalAddin'; source?: 'Local' | 'Remote' }): Promise<void>;
  /** The files Excel.createWorkbook opened, in order (an empty array for a blank workbook). */
  createdWorkbooks(): Uint8Array[];
  /** What the host does with each new workbook, once open (the playground downloads it); null: nothing. */
  onCreateWorkbook: ((file: Uint8Array) => void) | null;
}

/** Compares dotted versions numerically: "1.10" > "1.9". */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

function emptyStats(): SimStats {
  return { syncs: 0, largestRequestBytes: 0, largestResponseBytes: 0, bytesRead: 0, bytesWritten: 0 };
}

function rectOf(address: string): Rect {
  const p = parseAddress(address);
  if (!p) throw new ModelError('InvalidArgument', `"${address}" is not a valid address`);
  return { r0: p.r0, c0: p.c0, r1: p.r1, c1: p.c1 };
}

function conditionalFill(sheet: SheetModel, r: number, c: number): string | null {
  const wb = sheet.wb;
  for (const cf of wb.conditionalFormats) {
    if (cf.sheet !== sheet || cf.type !== 'Custom' || !cf.formula) continue;
    const anchor = cf.rects.find((x) => r >= x.r0 && r <= x.r1 && c >= x.c0 && c <= x.c1);
    if (!anchor) continue;
    const first = cf.rects[0] as Rect;
    const ast = tryParseFormula(cf.formula.slice(1));
    if (!ast) continue;
    const v = evaluateFormula(ast, { wb, sheet, r, c, dr: r - first.r0, dc: c - first.c0 });
    if (v === true || (typeof v === 'number' && v !== 0)) {
      if (cf.fill) return cf.fill;
      if (cf.stopIfTrue) return null;
    }
  }
  return null;
}

function sheetView(sheet: SheetModel): SimSheet {
  const grid = (f: (r: number, c: number) => unknown): unknown[][] => {
    const used = sheet.usedRect(true);
    if (!used) return [];
    const out: unknown[][] = [];
    for (let r = 0; r <= used.r1; r++) {
      const row: unknown[] = [];
      for (let c = 0; c <= used.c1; c++) row.push(f(r, c));
      out.push(row);
    }
    return out;
  };
  const each = (address: string, values: unknown[][], f: (r: number, c: number, v: unknown) => void) => {
    const rect = rectOf(address);
    values.forEach((row, i) => row.forEach((v, j) => f(rect.r0 + i, rect.c0 + j, v)));
  };
  return {
    get name() {
      return sheet.name;
    },
    get id() {
      return sheet.id;
    },
    values: () => grid((r, c) => toApiValue(sheet.value(r, c))),
    formulas: () => grid((r, c) => sheet.get(r, c)?.f ?? toApiValue(sheet.value(r, c))),
    cell(address) {
      const { r0: r, c0: c } = rectOf(address);
      const value = sheet.value(r, c);
      const nf = sheet.numberFormat(r, c);
      return {
        value: toApiValue(value),
        formula: sheet.get(r, c)?.f ?? null,
        numberFormat: nf,
        text: formatValue(value, nf),
        fill: sheet.format(r, c, 'fill') as string | null,
        bold: sheet.format(r, c, 'bold') as boolean,
        fontColor: sheet.format(r, c, 'fontColor') as string,
        conditionalFill: conditionalFill(sheet, r, c),
      };
    },
    write(address, values) {
      const rect = rectOf(address);
      const full = { r0: rect.r0, c0: rect.c0, r1: rect.r0 + values.length - 1, c1: rect.c0 + (values[0]?.length ?? 1) - 1 };
      writeContents({ sheet, rect: full }, values, 'values');
    },
    seed(address, values) {
      each(address, values, (r, c, v) => {
        if (typeof v === 'string' && v.startsWith('=') && v.length > 1) sheet.store(r, c, { kind: 'formula', formula: v });
        else sheet.store(r, c, { kind: 'value', value: v === '' || v === undefined ? null : (v as Scalar) });
      });
    },
    seedFormula(address, formula, cachedValue) {
      const { r0, c0 } = rectOf(address);
      sheet.seedFormula(r0, c0, formula, cachedValue as Scalar);
    },
    setNumberFormat(address, format) {
      sheet.setFormat(rectOf(address), 'numberFormat', format);
    },
    usedAddress() {
      const u = sheet.usedRect(true);
      return u ? rectAddress(u) : null;
    },
    get freeze() {
      return { ...sheet.freeze };
    },
    get protected() {
      return sheet.protection.protected;
    },
    protect(password) {
      sheet.protection = { protected: true, password };
    },
    unprotect() {
      sheet.protection = { protected: false, password: undefined };
    },
    get columnWidths() {
      return sheet.columnWidths;
    },
    merges: () => sheet.merges.map(rectAddress),
    merge(address, across) {
      const rect = rectOf(address);
      const { add, replaced } = planMerge(sheet, rect, Boolean(across));
      sheet.merges = sheet.merges.filter((m) => !replaced.includes(m));
      for (const m of add) {
        for (let r = m.r0; r <= m.r1; r++) for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) sheet.clearContents({ r0: r, r1: r, c0: c, c1: c });
        sheet.merges.push(m);
      }
    },
    hiddenRows: () => [...new Set([...sheet.hiddenRows, ...(sheet.autoFilter?.hidden ?? [])])].sort((a, b) => a - b).map((r) => r + 1),
    hiddenColumns: () => [...sheet.hiddenColumns].sort((a, b) => a - b).map(columnName),
    autoFilter: () => (sheet.autoFilter
      ? { address: rectAddress(sheet.autoFilter.rect), criteria: Object.fromEntries(sheet.autoFilter.criteria), isDataFiltered: sheet.autoFilter.criteria.size > 0 }
      : null),
  };
}

function directWorkbook(wb: WorkbookModel): SimWorkbook {
  const get = (name: string): SheetModel => {
    const s = wb.sheet(name);
    if (!s) throw new Error(`No worksheet named "${name}"`);
    return s;
  };
  const addrs = (s: SheetModel, rects: Rect[]) => rects.map((r) => fullAddress(s.name, r));
  return {
    addSheet(name, values) {
      const view = sheetView(wb.addSheet(name));
      if (values) view.seed('A1', values);
      return view;
    },
    sheet: (name) => sheetView(get(name)),
    sheetNames: () => wb.sheets.map((s) => s.name),
    get tables() {
      return wb.tables.map((t) => ({
        name: t.name,
        sheet: t.sheet.name,
        address: fullAddress(t.sheet.name, { ...t.rect, r1: t.rect.r1 + (t.showTotals ? 1 : 0) }),
        columns: wb.tableColumnNames(t),
        showTotals: t.showTotals,
        style: t.style,
      }));
    },
    get validations() {
      return wb.validations.map((v) => ({
        sheet: v.sheet.name,
        addresses: addrs(v.sheet, v.rects),
        type: v.rule?.type ?? 'None',
        rule: v.rule,
        prompt: { ...v.prompt },
        errorAlert: { ...v.errorAlert },
        ignoreBlanks: v.ignoreBlanks,
      }));
    },
    get conditionalFormats() {
      return wb.conditionalFormats.map((cf) => ({
        sheet: cf.sheet.name,
        addresses: addrs(cf.sheet, cf.rects),
        type: cf.type,
        formula: cf.formula ?? null,
        fill: cf.fill,
        fontColor: cf.fontColor,
        priority: wb.conditionalFormats.filter((x) => x.sheet === cf.sheet).indexOf(cf),
      }));
    },
    get pivots() {
      return wb.pivots.map((p) => ({
        name: p.name,
        sheet: p.sheet.name,
        address: p.lastRect ? fullAddress(p.sheet.name, p.lastRect) : null,
        dataBodyAddress: p.lastBody ? fullAddress(p.sheet.name, p.lastBody) : null,
        rows: [...p.rows],
        columns: [...p.columns],
        data: p.data.map((d) => ({ name: d.name, field: d.field, summarizeBy: d.summarizeBy })),
      }));
    },
    get charts() {
      return wb.charts.map((c) => ({ name: c.name, sheet: c.sheet.name, type: c.type, source: fullAddress(c.source.sheet.name, c.source.rect), title: c.title, seriesBy: c.seriesBy }));
    },
    model: wb,
    get protected() {
      return wb.protection.protected;
    },
    protect(password) {
      wb.protection = { protected: true, password };
    },
    unprotect() {
      wb.protection = { protected: false, password: undefined };
    },
  };
}

export function createSimHost(options: SimOptions = {}): SimHost {
  const requirementSets = options.requirementSets ?? { ExcelApi: '1.17' };
  const wb = new WorkbookModel(options.now);
  wb.evaluator = new Evaluator(wb);
  const state: HostState = {
    wb,
    payloadLimitBytes: options.payloadLimitBytes ?? 5 * 1024 * 1024,
    stats: emptyStats(),
    handlers: new Map<string, Set<ChangedHandler>>(),
    supports: (set, version) => {
      const have = requirementSets[set];
      return have !== undefined && compareVersions(have, version) >= 0;
    },
  };

  configureChangeEvents(state, { delayMs: options.changedEventDelayMs });

  const newContext = (): SimContext => {
    const ctx = new SimContext(state);
    ctx.workbook = new Workbook(ctx, () => wb, 'workbook');
    return ctx;
  };
  const run = async <T>(first: unknown, second?: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const batch = (second ?? first) as (context: Excel.RequestContext) => Promise<T>;
    const ctx = first instanceof SimContext && first.host === state ? first : newContext();
    const result = await batch(ctx as unknown as Excel.RequestContext);
    // Excel.run sends whatever is still queued when the batch function finishes.
    if (ctx._pending() > 0) await ctx.sync();
    return result;
  };

  const settings = new Map<string, unknown>();
  const Office: SimOffice = {
    context: {
      requirements: {
        isSetSupported: (name, minVersion) => {
          const have = requirementSets[name];
          if (have === undefined) return false;
          return minVersion === undefined || compareVersions(have, minVersion) >= 0;
        },
      },
      displayLanguage: options.displayLanguage ?? 'en-US',
      document: {
        settings: {
          get: (name) => (settings.has(name) ? structuredCloneJson(settings.get(name)) : null),
          set: (name, value) => void settings.set(name, structuredCloneJson(value)),
          remove: (name) => void settings.delete(name),
          saveAsync: (cb) => {
            void Promise.resolve().then(() => cb?.({ status: 'succeeded' }));
          },
        },
      },
    },
  };

  const created: CreatedWorkbooks = { files: [], onCreate: null };
  return {
    Excel: { run, createWorkbook: createWorkbookFunction(state, created), ...ExcelEnums },
    Office,
    createdWorkbooks: () => [...created.files],
    get onCreateWorkbook() {
      return created.onCreate;
    },
    set onCreateWorkbook(hook) {
      created.onCreate = hook;
    },
    workbook: directWorkbook(wb),
    stats: () => ({ ...state.stats }),
    resetStats: () => {
      state.stats = emptyStats();
    },
    async fireChanged(sheetName, address, opts) {
      const sheet = wb.sheet(sheetName);
      if (!sheet) throw new Error(`No worksheet named "${sheetName}"`);
      const p = parseAddress(address);
      if (!p) throw new Error(`"${address}" is not a valid address`);
      const rect = { r0: p.r0, c0: p.c0, r1: p.r1, c1: p.c1 };
      await raiseChanged(state, sheet, rect, { trigger: opts?.triggerSource ?? 'Unknown', source: opts?.source, valueBefore: opts?.valueBefore });
    },
  };
}

/** Settings hold JSON-serializable values, as Office stores them. */
function structuredCloneJson(v: unknown): unknown {
  return v === undefined ? undefined : JSON.parse(JSON.stringify(v));
}

/** Installs host.Excel and host.Office as globals (the playground runs add-in code that expects them). */
export function installSimGlobals(host: SimHost, target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): void {
  target.Excel = host.Excel;
  target.Office = host.Office;
}
