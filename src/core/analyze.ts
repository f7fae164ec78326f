/**
 * One pipeline: sheet values + column map + settings → Report.
 * Everything is computed in memory from one read of the sheet; the actions turn the report into writes.
 */
import { detectLayout, columnLetter, type SheetLayout, type LayoutOptions } from './columns';
import type { FieldId } from './fields';
import { inferDateOrder, parseAmount, parseCount, parseDate, type DateOrder, type IsoDate } from './cells';
import { checkPhone, type PhoneCheck } from './phone';
import { checkEmail, type EmailCheck } from './email';
import { laterDate, lifecycle, percentRanks, statusTier, valueTier } from './tiers';
import { findDuplicates, type DuplicateCandidate } from './duplicates';
import { companyKey, nameKey } from './matchKeys';
import { summarize } from './summary';
import { parseSettings, type Settings } from './settings';
import { cellText, cleanText, isBlankCell } from './text';
import type { Report, ReportRow } from './report';

export type AnalyzeErrorCode = 'empty-sheet' | 'no-header';

/** A sheet the engine cannot read as a customer list; `code` lets each front end word it in the user's language. */
export class AnalyzeError extends Error {
  constructor(readonly code: AnalyzeErrorCode, message: string) {
    super(message);
    this.name = 'AnalyzeError';
  }
}

export interface AnalyzeInput {
  sheet: string;
  /** Cell values as read; values[0] is sheet row `firstRow`, values[r][0] is column A. */
  values: readonly (readonly unknown[])[];
  firstRow?: number;
  settings?: unknown;
  mapping?: LayoutOptions['mapping'];
  /** 0-based columns the engine must not map (the add-in's own output columns). */
  ignoreColumns?: LayoutOptions['ignoreColumns'];
  /** Today's date (ISO) when settings.asOf is not set; the caller's clock, so tests are deterministic. */
  today?: IsoDate;
}

function todayIso(): IsoDate {
  return new Date().toISOString().slice(0, 10);
}

/** Read accessor for one mapped column over the data rows. */
function columnReader(input: AnalyzeInput, layout: SheetLayout) {
  const firstRow = input.firstRow ?? 1;
  return (field: FieldId): ((sheetRow: number) => unknown) | null => {
    const match = layout.columns[field];
    if (!match) return null;
    const c = match.column;
    return (sheetRow) => input.values[sheetRow - firstRow]?.[c];
  };
}

function emailKey(check: EmailCheck | null): string | null {
  if (!check) return null;
  if (check.status === 'valid') return check.normalized;
  if (check.status === 'suspect') return check.suggestion ?? check.normalized;
  return null;
}

/** An invalid address with an obvious slip (a space, "@@", "..", a leading dot) still identifies its owner. */
function repairedEmailKey(raw: unknown): string | null {
  const text = cleanText(cellText(raw)).toLowerCase();
  if (!text) return null;
  const repaired = text.replace(/\s+/g, '').replace(/@{2,}/g, '@').replace(/\.{2,}/g, '.').replace(/^\.+|\.+(?=@)/g, '');
  return emailKey(checkEmail(repaired));
}

/** A header such as "金额（万元）" or "Revenue ('000)" says every plain number in the column is scaled. */
export function amountUnit(header: string): number {
  const h = header.normalize('NFKC').toLowerCase();
  if (/亿/.test(h)) return 1e8;
  if (/万/.test(h)) return 1e4;
  if (/千元|in thousands|\('000\)|\(k\)|k\s*(?:rmb|cny|usd|\$|元)/.test(h)) return 1e3;
  return 1;
}

const PLAIN_NUMBER = /^[\s\d.,+-]+$/;

/** parseAmount, with the column's unit applied to plain numbers (a cell that says "1.5万" carries its own). */
function scaledAmount(value: unknown, unit: number): number | null {
  const amount = parseAmount(value);
  if (amount === null || unit === 1) return amount;
  const plain = typeof value === 'number' || (typeof value === 'string' && PLAIN_NUMBER.test(value));
  return plain ? Math.round(amount * unit * 100) / 100 : amount;
}

function countBy<T extends string>(values: readonly (T | null)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) if (v !== null) out[v] = (out[v] ?? 0) + 1;
  return out;
}

/** Where a long analysis is: the pane shows it and yields to the host between steps. */
export interface AnalyzeProgress {
  phase: 'rows' | 'duplicates' | 'summary';
  /** Data rows done in this phase, of `total`. */
  done: number;
  total: number;
}

/** Rows between two progress steps: small enough that a step takes a few ms on a slow laptop. */
export const ROWS_PER_STEP = 2048;

/** The whole analysis in one go (the CLI, tests, small sheets). */
export function analyzeSheet(input: AnalyzeInput): Report {
  const steps = analyzeSheetSteps(input);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * The analysis as steps: it yields its progress every ROWS_PER_STEP rows and between phases, so a
 * caller on a UI thread can give the host a turn (and check for cancel) without the engine knowing
 * about timers or the DOM.
 */
export function* analyzeSheetSteps(input: AnalyzeInput): Generator<AnalyzeProgress, Report, void> {
  const settings: Settings = parseSettings(input.settings);
  if (input.values.length === 0 || input.values.every((r) => r.every((v) => cellText(v).trim() === ''))) {
    throw new AnalyzeError('empty-sheet', `Sheet "${input.sheet}" is empty.`);
  }
  const layout = detectLayout(input.values, { firstRow: input.firstRow, mapping: input.mapping, ignoreColumns: input.ignoreColumns });
  if (!layout) {
    throw new AnalyzeError('no-header', `No header row with customer columns (name, phone, email…) was found in sheet "${input.sheet}".`);
  }
  const asOf = settings.asOf ?? input.today ?? todayIso();
  const t = settings.thresholds;
  const read = columnReader(input, layout);
  const rows = layout.dataRows;

  // Each date column is read in its own d/m order; a ledger repeats dates, so each distinct cell
  // (a serial, a typed text) is parsed once per column (parseDate is pure for numbers and strings).
  const dateColumn = (field: FieldId): ((sheetRow: number) => IsoDate | null) | null => {
    const get = read(field);
    if (!get) return null;
    const order: DateOrder = inferDateOrder(rows.map(get));
    const seen = new Map<number | string, IsoDate | null>();
    return (sheetRow) => {
      const value = get(sheetRow);
      if (typeof value !== 'number' && typeof value !== 'string') return parseDate(value, order);
      let date = seen.get(value);
      if (date === undefined) {
        date = parseDate(value, order);
        seen.set(value, date);
      }
      return date;
    };
  };
  const firstPurchaseOf = dateColumn('firstPurchase');
  const lastPurchaseOf = dateColumn('lastPurchase');
  const lastContactOf = dateColumn('lastContact');

  const getTotal = read('total');
  const unit = amountUnit(layout.columns.total?.header ?? '');
  const getOrders = read('orders');
  const getPhone = read('phone');
  const getEmail = read('email');
  const hasDates = Boolean(lastPurchaseOf || lastContactOf);
  const hasLifecycle = Boolean(getOrders || firstPurchaseOf || lastPurchaseOf);
  // The status depends on the last activity date only, and dates repeat.
  const statusOf = new Map<IsoDate, ReturnType<typeof statusTier>>();
  const statusFor = (lastActivity: IsoDate | null) => {
    if (lastActivity === null) return statusTier(null, asOf, t);
    let status = statusOf.get(lastActivity);
    if (status === undefined) {
      status = statusTier(lastActivity, asOf, t);
      statusOf.set(lastActivity, status);
    }
    return status;
  };

  const text = (field: FieldId) => {
    const get = read(field);
    return (r: number) => (get ? cleanText(cellText(get(r))) : '');
  };
  const nameOf = text('name');
  const companyOf = text('company');
  const regionOf = text('region');
  const channelOf = text('channel');
  const ownerOf = text('owner');
  const mappedColumns = Object.values(layout.columns).map((m) => m.column);
  const firstRow = input.firstRow ?? 1;

  // One pass over the rows: each cell's check is used at once, so only the report survives the loop.
  const totals: (number | null)[] | null = getTotal ? [] : null;
  const reportRows: ReportRow[] = [];
  const candidates: DuplicateCandidate[] = [];
  let sinceStep = 0;
  for (const sheetRow of rows) {
    if (++sinceStep === ROWS_PER_STEP) {
      sinceStep = 0;
      yield { phase: 'rows', done: reportRows.length, total: rows.length };
    }
    const phone: PhoneCheck | null = getPhone ? checkPhone(getPhone(sheetRow), settings.region) : null;
    const emailCell = getEmail ? getEmail(sheetRow) : undefined;
    const email: EmailCheck | null = getEmail ? checkEmail(emailCell) : null;
    const total = getTotal ? scaledAmount(getTotal(sheetRow), unit) : null;
    totals?.push(total);
    const orderCount = getOrders ? parseCount(getOrders(sheetRow)) : null;
    const firstPurchase = firstPurchaseOf ? firstPurchaseOf(sheetRow) : null;
    const lastPurchase = lastPurchaseOf ? lastPurchaseOf(sheetRow) : null;
    const lastActivity = laterDate(lastPurchase, lastContactOf ? lastContactOf(sheetRow) : null);
    reportRows.push({
      row: sheetRow,
      phone: phone && { status: phone.status, e164: phone.e164, reason: phone.reason },
      email: email && { status: email.status, normalized: email.normalized, suggestion: email.suggestion, reason: email.reason },
      total,
      orders: orderCount,
      lastActivity,
      valueTier: null, // needs the whole column: set below
      statusTier: hasDates ? statusFor(lastActivity) : null,
      lifecycle: hasLifecycle ? lifecycle(orderCount, firstPurchase, lastPurchase, t) : null,
      duplicateGroup: null,
    });
    const cells = input.values[sheetRow - firstRow] ?? [];
    let filled = 0;
    for (const c of mappedColumns) if (!isBlankCell(cells[c])) filled++;
    candidates.push({
      row: sheetRow,
      name: nameKey(nameOf(sheetRow)),
      company: companyKey(companyOf(sheetRow)),
      phone: phone?.status === 'valid' && phone.e164 ? { e164: phone.e164, mobile: phone.kind === 'mobile' } : null,
      email: emailKey(email) ?? (email?.status === 'invalid' ? repairedEmailKey(emailCell) : null),
      completeness: filled + (phone?.status === 'valid' ? 2 : 0) + (email?.status === 'valid' ? 2 : email?.status === 'suspect' ? 1 : 0),
      lastActivity,
    });
  }

  // Blank amounts count as 0 in the percent rank, as they do in the sheet's PERCENTRANK.INC formula.
  if (totals) {
    const ranks = percentRanks(totals.map((v) => v ?? 0));
    reportRows.forEach((r, i) => { r.valueTier = valueTier(ranks[i] ?? 0, t); });
  }

  yield { phase: 'duplicates', done: 0, total: rows.length };
  const duplicates = findDuplicates(candidates);
  for (const r of reportRows) r.duplicateGroup = duplicates.groupOf.get(r.row) ?? null;

  yield { phase: 'summary', done: 0, total: rows.length };
  const summary = summarize(reportRows.map((r, i) => ({
    valueTier: r.valueTier, statusTier: r.statusTier, lifecycle: r.lifecycle, total: r.total,
    region: regionOf(rows[i]!), channel: channelOf(rows[i]!), owner: ownerOf(rows[i]!),
  })));

  const mapping = Object.values(layout.columns)
    .sort((a, b) => a.column - b.column)
    .map((m) => ({ field: m.field, column: columnLetter(m.column), header: m.header, confidence: m.confidence, how: m.how }));

  return {
    sheet: input.sheet,
    headerRow: layout.headerRow,
    asOf,
    region: settings.region,
    columns: Object.fromEntries(mapping.map((m) => [m.field, m.column])),
    mapping,
    unmappedColumns: layout.unmapped.map((u) => ({ column: columnLetter(u.column), header: u.header })),
    dataRows: rows.length,
    totalsRows: layout.totalsRows,
    rows: reportRows,
    duplicateGroups: duplicates.groups.map((g) => ({ id: g.id, rows: g.rows, keep: g.keep, reasons: g.reasons, pairs: g.pairs })),
    possibleDuplicates: duplicates.possible,
    counts: {
      phone: countBy(reportRows.map((r) => r.phone?.status ?? null)),
      email: countBy(reportRows.map((r) => r.email?.status ?? null)),
      valueTier: countBy(reportRows.map((r) => r.valueTier)),
      statusTier: countBy(reportRows.map((r) => r.statusTier)),
      lifecycle: countBy(reportRows.map((r) => r.lifecycle)),
    },
    summary: {
      customers: summary.customers,
      revenue: summary.revenue,
      tierByStatus: summary.tierByStatus,
      revenueByRegion: summary.revenueByRegion,
      revenueByChannel: summary.revenueByChannel,
      revenueByOwner: summary.revenueByOwner,
    },
  };
}
