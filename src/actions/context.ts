/**
 * What every action starts with: find the customer sheet, read it once, analyze it in memory, and
 * locate the add-in's own columns on it (so a re-run updates them instead of adding copies).
 */
import { analyzeSheetSteps, type AnalyzeInput } from '../core/analyze';
import { columnLetter } from '../core/grid/a1';
import { inSteps } from '../core/steps';
import type { Report, ReportRow } from '../core/report';
import { rankCustomerSheetsSteps, tiedWithBest } from '../core/workbookPick';
import type { Locale } from '../i18n/strings';
import { DORMANT_WORDS, type LedgerTerms } from '../i18n/terms';
import { mostUsedWord } from '../core/wordUse';
import { WorkbookError, throwIfStopped, type Capabilities, type SheetInfo, type WorkbookPort, type WritePlan } from '../workbook/port';
import { ownedColumnOf, type OwnedColumn } from './names';
import { ownedSheetNames } from './ownSheets';
import { readWorkbookSettings, type WorkbookSettings } from './settingsSheet';

export interface ActionContext {
  port: WorkbookPort;
  locale: Locale;
  /** The caller's clock: "today" for tiers and backup names. */
  now: Date;
  /** The customer sheet, when the user chose it; otherwise found (stored choice first, then detection). */
  sheet?: string;
  /** Overrides of the stored settings for this run (e.g. the CLI's --as-of). */
  settings?: { region?: string; asOf?: string | null; areaCode?: string | null };
  /** The host's capabilities, when the caller already asked. */
  capabilities?: Capabilities;
  /**
   * Cancel (the pane's button) or "the sheet was edited" (the pane's change watch), as the abort reason.
   * Checked between reading, each analysis step and planning, and by the adapter before its first
   * write; never after: a run that started writing finishes.
   */
  signal?: AbortSignal;
  /** Where the run is; `done`/`total` are rows for read/analyze and the adapter's steps for write. */
  onProgress?: (p: ActionProgress) => void;
  /**
   * On a UI thread: the longest the analysis may hold it before giving the host a turn (ms). Unset (the
   * CLI, tests) the analysis runs in one go.
   */
  sliceMs?: number;
}

export interface ActionProgress {
  phase: 'read' | 'analyze' | 'write';
  done: number;
  total: number;
}

export interface Ledger {
  sheet: string;
  sheets: SheetInfo[];
  values: unknown[][];
  report: Report;
  /** 0-based index of the header row in `values`. */
  headerIndex: number;
  /** 0-based column of each of the add-in's own columns already on the sheet. */
  owned: Partial<Record<OwnedColumn, number>>;
  /** First free column to the right of everything on the sheet. */
  nextColumn: number;
  stored: WorkbookSettings;
  /** Settings as used for this run (stored, then overridden). */
  settings: WorkbookSettings['settings'];
  /**
   * The language of the ledger itself, for everything written on the sheets (columns, sheet names,
   * summary words): the one the add-in first wrote in, else Chinese when the header holds Han
   * characters, English when it holds only Latin letters — whatever language the pane speaks.
   */
  locale: Locale;
  /**
   * The ledger's own words for ideas it has more than one for (休眠 where its cells say 休眠 more than
   * 沉睡): everything the add-in writes or shows about this ledger says them.
   */
  terms: LedgerTerms;
  /**
   * Other sheets that looked just as much like the customer list when the sheet was found by detection
   * (empty when the user or the stored settings chose it). The best score wins, then the most data
   * rows, then the first in tab order; the front end says which was used and offers the others.
   */
  alternatives: string[];
}


/**
 * The ledger's words, from its header row down, the add-in's own columns left out (their words must not
 * vote for themselves). Whatever the ledger's language: only Chinese text has a choice to make.
 */
export function ledgerTermsOf(values: readonly (readonly unknown[] | undefined)[], headerIndex: number, ownColumns: readonly number[]): LedgerTerms {
  return { dormant: mostUsedWord(values, DORMANT_WORDS, { fromRow: Math.max(0, headerIndex), ignoreColumns: ownColumns }) };
}

export function isoDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function pickSheet(ctx: ActionContext, sheets: SheetInfo[], stored: WorkbookSettings): Promise<{ name: string; values: unknown[][]; alternatives: string[] }> {
  const names = sheets.map((s) => s.name);
  const wanted = ctx.sheet ?? (stored.customerSheet && names.includes(stored.customerSheet) ? stored.customerSheet : null);
  if (wanted) {
    if (!names.includes(wanted)) throw new WorkbookError('not-found', `There is no sheet named "${wanted}".`);
    return { name: wanted, values: await ctx.port.readValues(wanted), alternatives: [] };
  }
  // The add-in's own sheets by their markers: a user's sheet named 客户汇总 or 备份… is a candidate like any other.
  const owned = new Set(ownedSheetNames(sheets, stored));
  const candidates = sheets.filter((s) => !owned.has(s.name) && s.rowCount > 0);
  const read = [];
  for (const s of candidates) read.push({ name: s.name, values: await ctx.port.readValues(s.name), hidden: !s.visible });
  const ranked = await withTurns(rankCustomerSheetsSteps(read), hostTurns(ctx)); // a full pass over each sheet
  const best = ranked[0];
  if (!best) throw new WorkbookError('not-found', 'No sheet looks like a customer list (a header with name, phone, email… columns).');
  // The ranking is deterministic (score, then data rows, then tab order: a stable sort over the sheets
  // in tab order); sheets that scored about as well are reported so the user can choose another.
  const alternatives = tiedWithBest(ranked);
  const chosen = read.find((r) => r.name === best.name)!;
  return { name: chosen.name, values: chosen.values, alternatives };
}

/**
 * A macrotask, so the host gets to paint and to deliver clicks and events (a resolved promise would
 * not). In a page, a MessageChannel message rather than a timer: browsers throttle timers of hidden
 * pages to one a second or slower, and a ribbon click runs in the shared runtime with the pane hidden.
 */
const hostTurn = (): Promise<void> => {
  if (typeof document === 'undefined' || typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
};

/**
 * Runs the engine's analysis steps; with `sliceMs` it gives the host a turn whenever a slice has run
 * that long, so the pane stays responsive on a large sheet and a cancel is seen between steps.
 */
export async function analyzeInSlices(ctx: ActionContext, input: AnalyzeInput) {
  const steps = analyzeSheetSteps(input);
  const turn = hostTurns(ctx);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    const { phase, done, total } = next.value;
    // The layout's steps count sheet rows, not yet the data rows: a turn, but no progress to show.
    if (phase !== 'layout') ctx.onProgress?.({ phase: 'analyze', done: phase === 'rows' ? done : total, total });
    await turn();
  }
}

/**
 * When this thread last gave the host a turn. One clock for every slicer, as there is one UI thread: an
 * action's analysis and the plan built after it are one stretch for the pane, whichever slicer ran it.
 */
let lastTurnAt = Date.now();

/**
 * The slicer of long work (the analysis, building a plan): call it between steps. It gives the host a
 * turn (and checks the stop) when the thread, since its last turn, has run `sliceMs` — or would have
 * by the end of the next step, taken to be as long as the last one: steps slow down while the engine's
 * code warms up, and a turn only once the slice is over would let a slice run a step too long.
 * Without sliceMs it does nothing.
 */
export function hostTurns(ctx: Pick<ActionContext, 'sliceMs' | 'signal'>): () => Promise<void> {
  let lastCallAt = Date.now();
  return async () => {
    const now = Date.now();
    const step = now - lastCallAt;
    lastCallAt = now;
    if (ctx.sliceMs === undefined || now - lastTurnAt + step < ctx.sliceMs) return;
    await hostTurn();
    throwIfStopped(ctx.signal);
    lastTurnAt = lastCallAt = Date.now();
  };
}

/** Runs work written as steps, calling the slicer `turn` between them. */
export async function withTurns<R>(steps: Generator<unknown, R, void>, turn: () => Promise<void>): Promise<R> {
  for (let next = steps.next(); ; next = steps.next()) {
    if (next.done) return next.value;
    await turn();
  }
}

/** Every action's last step: the plan goes to the adapter unless the run was stopped before it. */
export async function applyPlan(ctx: ActionContext, plan: WritePlan): Promise<void> {
  throwIfStopped(ctx.signal);
  await ctx.port.apply(plan, {
    signal: ctx.signal,
    turn: hostTurns({ sliceMs: ctx.sliceMs }), // no signal: a stop once writing has begun is ignored
    onProgress: ctx.onProgress && ((p) => ctx.onProgress?.({ phase: 'write', done: p.done, total: p.total })),
  });
}

export async function loadLedger(ctx: ActionContext): Promise<Ledger> {
  throwIfStopped(ctx.signal);
  const sheets = await ctx.port.listSheets();
  const stored = await readWorkbookSettings(ctx.port, sheets);
  const { name, values, alternatives } = await pickSheet(ctx, sheets, stored);
  throwIfStopped(ctx.signal);
  ctx.onProgress?.({ phase: 'read', done: values.length, total: values.length });
  const settings = {
    ...stored.settings,
    ...(ctx.settings?.region ? { region: ctx.settings.region } : {}),
    ...(ctx.settings?.asOf !== undefined ? { asOf: ctx.settings.asOf } : {}),
    ...(ctx.settings?.areaCode !== undefined ? { areaCode: ctx.settings.areaCode } : {}),
  };

  // The add-in's own columns: a header it writes, registered in the settings as added by it (a user's
  // own "客户状态" column is never taken over). The rightmost wins: the add-in appends on the right.
  const owned: Partial<Record<OwnedColumn, number>> = {};
  const registered = new Set(stored.ownedColumns);
  for (let r = 0; r < Math.min(values.length, 30); r++) {
    (values[r] ?? []).forEach((v, c) => {
      const id = ownedColumnOf(v);
      if (id && registered.has(`${name}|${String(v).trim()}`)) owned[id] = c;
    });
  }
  const report = await analyzeInSlices(ctx, {
    sheet: name, values, settings, today: isoDay(ctx.now), language: ctx.locale,
    mapping: stored.customerSheet === name && stored.mapping ? stored.mapping : undefined,
    ignoreColumns: Object.values(owned),
  });
  await hostTurns(ctx)(); // the report's last step, then another pass over every row
  const headerIndex = report.headerRow - 1;
  // The add-in's columns go right of the ledger itself (its header row down to its last data row): a
  // value far right or far below it (a note, a stray cell at XFD1048576) does not push them off the sheet.
  let width = 0;
  for (let r = Math.max(0, headerIndex), last = lastRowIndexOf({ headerIndex, report }); r <= last && r < values.length; r++) {
    width = Math.max(width, lastFilled(values[r] ?? []) + 1);
  }
  const locale = stored.locale ?? headerLanguage(values[headerIndex] ?? []) ?? ctx.locale;
  const terms = ledgerTermsOf(values, headerIndex, Object.values(owned));
  return { sheet: name, sheets, values, report, headerIndex, owned, nextColumn: width, stored, settings, alternatives, locale, terms };
}

/**
 * The report's row for a 1-based sheet row (undefined where the row is not data). A plain array read,
 * not a Map: a Map of a million rows takes about a second to build, all of it on the UI thread.
 */
export async function reportRowOf(report: Pick<Report, 'rows'>, turn: () => Promise<void>): Promise<(sheetRow: number) => ReportRow | undefined> {
  const at: (ReportRow | undefined)[] = [];
  const rows = report.rows;
  await withTurns(inSteps(rows.length, ROWS_PER_LOOKUP_STEP, (from, to) => indexRows(rows, at, from, to)), turn);
  return (sheetRow) => at[sheetRow];
}

/** Rows indexed between two turns of reportRowOf (each row is a read from memory no cache holds at a million). */
const ROWS_PER_LOOKUP_STEP = 16384; // larger steps held the pane noticeably at a million rows (docs/PERFORMANCE.md)

function indexRows(rows: readonly ReportRow[], at: (ReportRow | undefined)[], from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const r = rows[i]!;
    while (at.length < r.row) at.push(undefined); // no holes: a holey array this long would be a dictionary
    at[r.row] = r;
  }
}

/** The user's own columns: the ledger's width without the add-in's columns on its right. */
export function userWidth(ledger: Pick<Ledger, 'owned' | 'nextColumn'>): number {
  const owned = new Set(Object.values(ledger.owned));
  let width = ledger.nextColumn;
  while (width > 0 && owned.has(width - 1)) width--;
  return width;
}

/** The user's own columns that have a header: letter and header text (the add-in's columns left out). */
export function userHeaders(ledger: Pick<Ledger, 'owned' | 'values' | 'headerIndex'>): { column: string; header: string }[] {
  const owned = new Set(Object.values(ledger.owned));
  return (ledger.values[ledger.headerIndex] ?? []).flatMap((h, c) =>
    (owned.has(c) || h === null || h === undefined || String(h).trim() === '' ? [] : [{ column: columnLetter(c), header: String(h) }]));
}

/** 0-based index of the last data row (the header's when there is none); a loop, not Math.max(...rows): a million rows overflow the stack. */
export function lastRowIndexOf(ledger: Pick<Ledger, 'headerIndex' | 'report'>): number {
  let last = ledger.headerIndex;
  for (const r of ledger.report.rows) if (r.row - 1 > last) last = r.row - 1;
  return last;
}

/** Chinese for a header with Han characters, English for one with Latin letters only, null for neither (numbers). */
export function headerLanguage(header: readonly unknown[]): Locale | null {
  const texts = header.filter((v): v is string => typeof v === 'string');
  if (texts.some((t) => /\p{Script=Han}/u.test(t))) return 'zh-CN';
  if (texts.some((t) => /[A-Za-z]/.test(t))) return 'en-US';
  return null;
}

function lastFilled(row: readonly unknown[]): number {
  for (let c = row.length - 1; c >= 0; c--) {
    const v = row[c];
    if (v !== null && v !== undefined && v !== '') return c;
  }
  return -1;
}

/**
 * Columns for the add-in's outputs: existing ones are reused, missing ones are appended after the
 * last used column, in the order given.
 */
export function outputColumns<K extends OwnedColumn>(ledger: Ledger, ids: readonly K[]): Record<K, number> {
  let next = ledger.nextColumn;
  const out = {} as Record<K, number>;
  for (const id of ids) out[id] = ledger.owned[id] ?? next++;
  if (next > MAX_COLUMNS) {
    throw new WorkbookError('too-large', `There is no free column right of the customer table on sheet "${ledger.sheet}" (its rows reach column XFD, the last one Excel has); clear the columns on its right and try again. Nothing was changed.`);
  }
  return out;
}

/** Excel's last column is XFD, the 16,384th. */
const MAX_COLUMNS = 16_384;

/** The registry entries for columns an action writes, to be stored in the settings. */
export function registerColumns(ledger: Ledger, headers: readonly string[]): string {
  const all = new Set(ledger.stored.ownedColumns);
  for (const h of headers) all.add(`${ledger.sheet}|${h}`);
  return JSON.stringify([...all]);
}
