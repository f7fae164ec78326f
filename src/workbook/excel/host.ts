/// <reference types="office-js" />
/**
 * The host the Office.js adapter runs against (the real `Excel` and `Office` globals in the add-in, the
 * simulator's in tests) and what it must support. The add-in needs the shared runtime, which exists only
 * on hosts with ExcelApi 1.10 (manifest.xml declares it): everything up to 1.10 is taken for granted,
 * newer sets are checked where they are used.
 */
import { WorkbookError } from '../port';

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

/** The oldest Excel the add-in runs on: the shared runtime's. */
export const MIN_EXCEL_API = '1.10';
/** Range.getMergedAreasOrNullObject: without it the preflight cannot see merged cells (Excel refuses the write itself). */
export const MERGED_AREAS_API = '1.13';
/** Table.resize: without it, rows added below a table stay below it. */
export const TABLE_RESIZE_API = '1.13';

export function supportsExcelApi(host: ExcelHost, version: string): boolean {
  return host.Office.context.requirements.isSetSupported('ExcelApi', version);
}

/** One clear refusal on a host older than the add-in's minimum, instead of a failure halfway through. */
export function requireMinimumExcel(host: ExcelHost): void {
  if (supportsExcelApi(host, MIN_EXCEL_API)) return;
  throw new WorkbookError(
    'unsupported',
    `This version of Excel is too old for the add-in (it needs Excel JavaScript API ${MIN_EXCEL_API}: Microsoft 365, Excel 2021 or later, or Excel on the web). Nothing was changed.`,
    'excel-too-old',
  );
}
