/**
 * Shared machinery for the hostile-workbook tests: the same case built in the simulated Excel host
 * (Office.js adapter) and as an .xlsx file (exceljs adapter and the CLI), every action run on it, and
 * snapshots to prove that a refused action changed nothing.
 */
import * as fs from 'node:fs';
import ExcelJS from 'exceljs';
import { cleanTemp, tempPath as tempFile } from '../workbook/xlsx/helpers';
import { buildSummary, checkContacts, computeTiers, findDuplicates, type ActionContext } from '../../src/actions';
import { main } from '../../src/cli/main';
import { createSimHost, type SimHost } from '../../src/sim';
import { ExcelWorkbookPort } from '../../src/workbook/excel/excelPort';
import { XlsxWorkbookPort } from '../../src/workbook/xlsx/xlsxPort';
import { unzipText } from '../helpers/xlsxFixture';
import type { WorkbookPort } from '../../src/workbook/port';

export const NOW = new Date('2026-11-23T09:00:00Z');

export function ctxFor(port: WorkbookPort, extra: Partial<ActionContext> = {}): ActionContext {
  return { port, locale: 'zh-CN', now: NOW, settings: { asOf: '2026-11-22' }, ...extra };
}

export const ACTIONS = {
  checkContacts: (ctx: ActionContext) => checkContacts(ctx),
  computeTiers: (ctx: ActionContext) => computeTiers(ctx),
  findDuplicates: (ctx: ActionContext) => findDuplicates(ctx),
  buildSummary: (ctx: ActionContext) => buildSummary(ctx),
} as const;
export type ActionName = keyof typeof ACTIONS;
export const ACTION_NAMES = Object.keys(ACTIONS) as ActionName[];

export type Outcome = { ok: true; value: unknown } | { ok: false; error: Error };

export async function attempt(f: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await f() };
  } catch (error) {
    return { ok: false, error: error as Error };
  }
}

/** Errors a user may see: our own classes, a plain sentence, nothing from the JavaScript engine. */
const USER_ERRORS = ['WorkbookError', 'AnalyzeError', 'ContactsError', 'TiersError', 'SettingsError', 'RestoreError'];

export function expectUserError(outcome: Outcome, pattern?: RegExp): Error {
  if (outcome.ok) throw new Error(`expected a refusal, the action succeeded: ${JSON.stringify(outcome.value).slice(0, 200)}`);
  const e = outcome.error;
  if (!USER_ERRORS.includes(e.name)) throw new Error(`not a user-facing error: ${e.name}: ${e.message}\n${e.stack}`);
  expect(e.message).not.toMatch(/undefined|null|NaN|\[object|Cannot read|is not a function|\n\s+at /);
  expect(e.message.length).toBeLessThan(300);
  if (pattern) expect(e.message).toMatch(pattern);
  return e;
}

export function expectOk(outcome: Outcome): unknown {
  if (!outcome.ok) throw new Error(`action failed: ${outcome.error.name}: ${outcome.error.message}\n${outcome.error.stack}`);
  return outcome.value;
}

// ---- the simulated Excel host --------------------------------------------------------------------

export interface SimCase {
  host: SimHost;
  port: ExcelWorkbookPort;
}

export function simWorkbook(sheets: Record<string, unknown[][]>): SimCase {
  const host = createSimHost({ now: () => NOW });
  for (const [name, values] of Object.entries(sheets)) {
    const s = host.workbook.addSheet(name);
    if (values.length > 0) s.seed('A1', values);
  }
  return { host, port: new ExcelWorkbookPort(host as never) };
}

/** Everything a failed action must leave as it was. */
export function simSnapshot(host: SimHost): unknown {
  const wb = host.workbook;
  return {
    sheets: wb.sheetNames(),
    cells: wb.sheetNames().map((n) => ({ values: wb.sheet(n).values(), formulas: wb.sheet(n).formulas() })),
    tables: wb.tables,
    validations: wb.validations.length,
    conditionalFormats: wb.conditionalFormats.length,
    pivots: wb.pivots.length,
    charts: wb.charts.length,
  };
}

// ---- .xlsx files --------------------------------------------------------------------------------

// Temporary files: the xlsx tests' own helpers (one folder per test file, removed by cleanTemp).
export { cleanTemp, tempFile };

let n = 0;

export interface XlsxCase {
  file: string;
  /** The package port over the file, as the CLI opens it. */
  port: XlsxWorkbookPort;
  /** The workbook as exceljs (a reader we did not write) reads the port's current bytes. */
  wb: ExcelJS.Workbook;
  /** Reads the port's current bytes again into `wb` (after actions). */
  refresh(): Promise<ExcelJS.Workbook>;
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

/** Saves the workbook and opens it as the CLI would. */
export async function xlsxWorkbook(build: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<XlsxCase> {
  const src = new ExcelJS.Workbook();
  await build(src);
  const file = tempFile(`case${++n}.xlsx`);
  await src.xlsx.writeFile(file);
  const port = XlsxWorkbookPort.open(fs.readFileSync(file));
  const x: XlsxCase = {
    file, port, wb: await load(fs.readFileSync(file)),
    refresh: async () => (x.wb = await load(port.toBytes())),
  };
  return x;
}

/** Every part of the port's package as text: a refused action must leave all of it as it was. */
export function xlsxSnapshot(port: XlsxWorkbookPort): unknown {
  return unzipText(port.toBytes());
}

export async function cli(args: string[], lang = 'en_US.UTF-8') {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => { out += t; }, err: (t) => { err += t; }, env: { LANG: lang } });
  return { code, out, err };
}

/** `apply` refused with one clean line and exit 2, and wrote no output file. */
export async function expectCliRefusal(file: string, pattern?: RegExp, extra: string[] = []): Promise<string> {
  const out = tempFile(`refused${++n}.xlsx`);
  const r = await cli(['apply', file, '--out', out, '--as-of', '2026-11-22', ...extra]);
  expect({ code: r.code, lines: r.err.trim().split('\n').length }).toEqual({ code: 2, lines: 1 });
  expect(r.err).not.toMatch(/internal error|\n\s+at /);
  if (pattern) expect(r.err).toMatch(pattern);
  expect(fs.existsSync(out)).toBe(false);
  return r.err;
}

/** `apply` succeeded; returns the output workbook. */
export async function expectCliOk(file: string, extra: string[] = []): Promise<{ wb: ExcelJS.Workbook; out: string; stdout: string }> {
  const out = tempFile(`out${++n}.xlsx`);
  const r = await cli(['apply', file, '--out', out, '--as-of', '2026-11-22', ...extra]);
  if (r.code !== 0) throw new Error(`apply exited ${r.code}: ${r.err}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  return { wb, out, stdout: r.out };
}

/**
 * Every action, one after the other, on the same workbook (as a user clicking through the ribbon). An
 * action that fails must leave the workbook exactly as it was before it started.
 */
export async function runEach(port: WorkbookPort, snapshot: () => unknown, extra: Partial<ActionContext> = {}): Promise<Record<ActionName, Outcome>> {
  const out = {} as Record<ActionName, Outcome>;
  for (const name of ACTION_NAMES) {
    const before = snapshot();
    const outcome = await attempt(() => ACTIONS[name](ctxFor(port, extra)));
    if (!outcome.ok) expect({ action: name, after: snapshot() }).toEqual({ action: name, after: before });
    out[name] = outcome;
  }
  return out;
}
