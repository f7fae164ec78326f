/// <reference types="office-js" />
/**
 * The Office.js adapter of the workbook port. It receives the host objects (the real `Excel` and
 * `Office` globals in the add-in, the simulator's in tests) and never touches globals itself. Every read
 * and every plan is one Excel.run (read.ts, planRun.ts); this class checks the host and the plan's ops
 * up front and hands the work on.
 */
import {
  WorkbookError,
  throwIfStopped,
  type ApplyOptions,
  type AutoFilterState,
  type Capabilities,
  type CellArea,
  type SheetInfo,
  type WorkbookPort,
  type WritePlan,
} from '../port';
import { jsonBytes } from '../../core/grid/bytes';
import { DEFAULT_MAX_REQUEST_BYTES, DEFAULT_TIMEOUT_MS, MERGED_AREAS_API, TABLE_RESIZE_API, requireMinimumExcel, supportsExcelApi, type ExcelHost, type ExcelPortOptions } from './host';
import { openNewWorkbook, readHiddenColumns } from './newWorkbook';
import { MAX_PIVOT_DATA_FIELDS } from './ops/pivot';
import { toDataValidationRule } from './ops/validation';
import { readAutoFilter } from './ops/autoFilter';
import { runPlan } from './planRun';
import { listSheets, readAreas, readFormulas, readValues } from './read';
import { runBatch, type Session } from './session';
import { OP_OVERHEAD } from './writeQueue';

export { DEFAULT_MAX_REQUEST_BYTES, DEFAULT_TIMEOUT_MS, MAX_PIVOT_DATA_FIELDS, toDataValidationRule, type ExcelHost, type ExcelPortOptions };
export { VALIDATION_LIMITS } from '../port';
export { charactersToPoints } from './ops/format';

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

  /** Everything the add-in writes needs at most ExcelApi 1.9; below 1.10 (the shared runtime's) it refuses. */
  async capabilities(): Promise<Capabilities> {
    requireMinimumExcel(this.host);
    return { kind: 'excel', conditionalFormats: true, copySheet: true, dataValidation: true, pivotTables: true, charts: true, autoFilter: true };
  }

  private run<T>(doing: string, batch: (s: Session) => Promise<T>, onSync?: (syncs: number) => void): Promise<T> {
    return runBatch(this.host.Excel, this.timeoutMs, doing, batch, onSync);
  }

  listSheets(): Promise<SheetInfo[]> {
    return this.run('listing the sheets', listSheets);
  }

  readValues(sheet: string): Promise<unknown[][]> {
    return this.run(`reading sheet "${sheet}"`, (s) => readValues(s, sheet, this.maxBytes));
  }

  async readFormulas(sheet: string, col: number, fromRow: number, toRow: number): Promise<unknown[]> {
    if (toRow < fromRow) return [];
    return this.run(`reading formulas on sheet "${sheet}"`, (s) => readFormulas(s, sheet, col, fromRow, toRow, this.maxBytes));
  }

  async readAreas(sheet: string, areas: readonly CellArea[]): Promise<unknown[][][]> {
    if (!areas.some((a) => a.rows > 0 && a.cols > 0)) return areas.map(() => []);
    return this.run(`reading cells on sheet "${sheet}"`, (s) => readAreas(s, sheet, areas, this.maxBytes));
  }

  async readFormulaAreas(sheet: string, areas: readonly CellArea[]): Promise<unknown[][][]> {
    if (!areas.some((a) => a.rows > 0 && a.cols > 0)) return areas.map(() => []);
    return this.run(`reading formulas on sheet "${sheet}"`, (s) => readAreas(s, sheet, areas, this.maxBytes, 'formulas'));
  }

  /** The file opens as a new workbook beside this one (Excel.createWorkbook, ExcelApi 1.8); Excel gives it no name until saved. */
  openNewWorkbook(file: Uint8Array): Promise<void> {
    return openNewWorkbook(this.host, file);
  }

  hiddenColumns(sheet: string): Promise<number[]> {
    return this.run(`reading the hidden columns of sheet "${sheet}"`, (s) => readHiddenColumns(s, sheet));
  }

  autoFilterOf(sheet: string): Promise<AutoFilterState | null> {
    return this.run(`reading the filter of sheet "${sheet}"`, (s) => readAutoFilter(s, sheet));
  }

  async apply(plan: WritePlan, options: ApplyOptions = {}): Promise<void> {
    const { onProgress, signal, turn } = options;
    if (plan.ops.length === 0) return;
    throwIfStopped(signal);
    requireMinimumExcel(this.host);
    // What Excel cannot hold is refused before the first sync.
    const rules = new Map<number, Excel.DataValidationRule>();
    plan.ops.forEach((op, i) => {
      if (op.op === 'validation') rules.set(i, toDataValidationRule(op.rule));
      else if (op.op === 'pivot' && op.values.length > MAX_PIVOT_DATA_FIELDS) {
        throw new WorkbookError('unsupported', `A PivotTable may have at most ${MAX_PIVOT_DATA_FIELDS} value fields (more has crashed Excel); "${op.name}" has ${op.values.length}.`);
      }
    });
    const estimate = plan.ops.reduce((n, op) => n + estimateOpBytes(op), 0);
    let total = 1 + Math.ceil(estimate / this.maxBytes);
    let last = 0;
    const progress = (done: number): void => {
      total = Math.max(total, done);
      last = done;
      onProgress?.({ done, total });
    };
    const withMergedAreas = supportsExcelApi(this.host, MERGED_AREAS_API);
    await this.run('applying the plan', (s) => runPlan(s, plan.ops, { budget: this.maxBytes, withMergedAreas, canResizeTables: supportsExcelApi(this.host, TABLE_RESIZE_API), signal, turn, rules }), progress);
    // The estimate may have been high: finish at 100 %.
    if (last !== total) onProgress?.({ done: last, total: last });
  }
}

/** Rough request bytes of an op, for the progress total only. */
function estimateOpBytes(op: WritePlan['ops'][number]): number {
  if (op.op !== 'writeBlock') return OP_OVERHEAD;
  const sample = op.values.slice(0, 100);
  if (sample.length === 0) return OP_OVERHEAD;
  return OP_OVERHEAD + (jsonBytes(sample) / sample.length) * op.values.length;
}
