/// <reference types="office-js" />
/**
 * The simulated Excel host: an in-memory workbook behind Office.js-shaped proxies (load/sync,
 * PropertyNotLoaded, queued non-transactional writes, payload limits, requirement sets), with the
 * direct access of directAccess.ts beside it. What the playground installs as its Excel and Office.
 * Pure TypeScript: no Node, no DOM.
 */
import { parseRange } from '../core/grid/a1';
import { SimContext, type ChangedHandler, type HostState, type SimStats } from './api/base';
import { configureChangeEvents, raiseChanged } from './api/changeEvents';
import { createWorkbookFunction, type CreatedWorkbooks } from './api/createWorkbook';
import { ExcelEnums } from './api/enums';
import { Workbook } from './api/worksheet';
import { directWorkbook, type SimWorkbook } from './directAccess';
import { Evaluator } from './model/evaluate';
import { WorkbookModel } from './model/workbook';

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
      const p = parseRange(address);
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
