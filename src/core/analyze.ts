/**
 * One pipeline: sheet values + column map + settings → Report.
 * Everything is computed in memory from one read of the sheet; the actions turn the report into writes.
 */
import { detectLayoutSteps, columnLetter, LAYOUT_ROWS_PER_STEP, type LayoutOptions, type SheetLayout } from './columns';
import type { FieldId } from './fields';
import { parseAmount } from './amounts';
import type { IsoDate } from './calendar';
import { parseCount } from './counts';
import { DateOrderVotes } from './dateOrderVotes';
import { parseDate, type DateOrder } from './dates';
import { checkPhone, phoneMatchKey, type PhoneCheck } from './phone';
import { detectRegionSteps } from './phoneRegion';
import { checkEmail, type EmailCheck } from './email';
import { laterDate, lifecycle, statusTier, valueTierRule, type StatusTier, type ValueTier } from './tiers';
import { findDuplicatesSteps, type CandidateColumns } from './duplicates';
import { companyKey, nameKey } from './matchKeys';
import { inSteps, reportedAs, runToEnd } from './steps';
import { SummaryBuilder } from './summary';
import { parseSettings, type Settings, type Thresholds } from './settings';
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
  /** The user's language (zh-CN, en-GB…): breaks ties when the phone region is 'auto'; zh-CN when unset. */
  language?: string;
}

function todayIso(): IsoDate {
  return new Date().toISOString().slice(0, 10);
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

/** Counts of a few keys (statuses, tiers), listed in the order first seen, as the report has always listed them. */
class Tally {
  private readonly keys: string[] = [];
  private readonly counts: number[] = [];
  add(key: string | null): void {
    if (key === null) return;
    let i = this.keys.indexOf(key);
    if (i < 0) {
      i = this.keys.length;
      this.keys.push(key);
      this.counts.push(0);
    }
    this.counts[i]!++;
  }
  record(): Record<string, number> {
    return Object.fromEntries(this.keys.map((k, i) => [k, this.counts[i]!]));
  }
}

type PhoneResult = NonNullable<ReportRow['phone']>;
type EmailResult = NonNullable<ReportRow['email']>;

// A report is read, never written into, so rows with the same failed or empty check share one result
// object (a third of a typical phone column): fewer objects for the garbage collector to move.
const EMPTY_PHONE: PhoneResult = { status: 'empty', e164: null, reason: null };
const INVALID_PHONE = new Map<string | null, PhoneResult>();
const EMPTY_EMAIL: EmailResult = { status: 'empty', normalized: null, suggestion: null, reason: null };
const INVALID_EMAIL = new Map<string | null, EmailResult>();

function phoneResult(check: PhoneCheck): PhoneResult {
  if (check.status === 'valid') return { status: check.status, e164: check.e164, reason: check.reason };
  if (check.status === 'empty') return EMPTY_PHONE;
  let shared = INVALID_PHONE.get(check.reason);
  if (!shared) {
    shared = { status: check.status, e164: null, reason: check.reason };
    INVALID_PHONE.set(check.reason, shared);
  }
  return shared;
}

function emailResult(check: EmailCheck): EmailResult {
  if (check.status === 'empty') return EMPTY_EMAIL;
  if (check.status !== 'invalid') return check; // exactly the report's fields, made for this cell: no copy
  let shared = INVALID_EMAIL.get(check.reason);
  if (!shared) {
    shared = { status: check.status, normalized: null, suggestion: null, reason: check.reason };
    INVALID_EMAIL.set(check.reason, shared);
  }
  return shared;
}

/** One date column, read in its own d/m order; a ledger repeats dates, so each distinct cell is parsed once. */
class DateColumn {
  /** By serial for whole serials below 65,536 (until 2079): an array read instead of a Map lookup. */
  private readonly bySerial = new Array<IsoDate | null | undefined>(65536);
  private readonly seen = new Map<number | string, IsoDate | null>();
  constructor(readonly column: number, private readonly order: DateOrder) {}
  at(cells: readonly unknown[]): IsoDate | null {
    const value = cells[this.column];
    if (typeof value === 'number' && value >= 0 && value < 65536 && Number.isInteger(value)) {
      let date = this.bySerial[value];
      if (date === undefined) {
        date = parseDate(value, this.order);
        this.bySerial[value] = date;
      }
      return date;
    }
    // parseDate is pure for numbers and strings; other values (Date objects…) are parsed every time.
    if (typeof value !== 'number' && typeof value !== 'string') return parseDate(value, this.order);
    let date = this.seen.get(value);
    if (date === undefined) {
      date = parseDate(value, this.order);
      this.seen.set(value, date);
    }
    return date;
  }
}

/** Text of a cell as the engine compares it, '' when the column is missing (-1). */
function textAt(cells: readonly unknown[], column: number): string {
  return column < 0 ? '' : cleanText(cellText(cells[column]));
}

const NO_CELLS: readonly unknown[] = [];

/** A date of birth as yyyymmdd digits to compare ("19560409", 1956-04-09, an Excel date); other text as its digits. */
function birthKey(value: unknown): string {
  if (typeof value === 'string' && /^\s*\d{8}\s*$/.test(value)) return value.trim();
  const iso = parseDate(value, 'ymd');
  return iso ? iso.replace(/-/g, '') : cleanText(cellText(value)).replace(/\D/g, '');
}

/** Where a long analysis is: the pane shows it and yields to the host between steps. */
export interface AnalyzeProgress {
  /** 'layout': finding the header and the data rows (`done` stays 0, `total` is the sheet's rows); then the data rows' phases. */
  phase: 'layout' | 'rows' | 'duplicates' | 'summary';
  /** Data rows done in this phase, of `total`. */
  done: number;
  total: number;
}

/** Rows between two progress steps: small enough that a step takes a few ms on a slow laptop. */
export const ROWS_PER_STEP = 2048;
/** The first ROWS_PER_STEP rows go in steps this size: while the engine's code is not yet optimized, a row costs many times more. */
export const FIRST_ROWS_PER_STEP = ROWS_PER_STEP / 4;

/**
 * The pass over the data rows: each row's checks are used at once, and what the later phases need is
 * kept in columns (amounts, duplicate keys), so the report rows are the only objects made per row.
 * A class of small methods rather than a loop inside the generator: each is optimized on its own.
 */
class RowPass {
  /** Made by `allocate`, filled by `run`. */
  reportRows: ReportRow[] = [];
  readonly candidates: CandidateColumns & { name: string[]; company: string[]; phone: (string | null)[]; email: (string | null)[];
    mobile: Uint8Array; completeness: Int32Array; lastActivity: (IsoDate | null)[];
    given?: string[]; surname?: string[]; address?: string[]; postcode?: string[]; city?: string[]; birth?: string[] };
  readonly counts = { phone: new Tally(), email: new Tally(), valueTier: new Tally(), statusTier: new Tally(), lifecycle: new Tally() };
  readonly summary = new SummaryBuilder();
  private readonly totals: Float64Array | null;
  private readonly values: AnalyzeInput['values'];
  private readonly rows: readonly number[];
  private readonly firstRow: number;
  private readonly region: string;
  private readonly areaCode: string | null;
  private readonly t: Thresholds;
  /** The three date columns (-1: none) and their d/m votes; the DateColumns once the votes are in (readDateOrders). */
  private readonly dateColumns: number[];
  private readonly votes: (DateOrderVotes | null)[];
  private firstPurchaseOf: DateColumn | null = null;
  private lastPurchaseOf: DateColumn | null = null;
  private lastContactOf: DateColumn | null = null;
  private readonly phoneColumn: number;
  private readonly emailColumn: number;
  private readonly totalColumn: number;
  private readonly ordersColumn: number;
  private readonly nameColumn: number;
  private readonly companyColumn: number;
  /** Split name parts, address, postcode and date of birth: used only to match duplicates (-1: none). */
  private readonly matchColumns: { given: number; surname: number; address: number; postcode: number; birth: number };
  private readonly regionColumn: number;
  private readonly channelColumn: number;
  private readonly ownerColumn: number;
  private readonly mappedColumns: number[];
  private readonly unit: number;
  private readonly hasDates: boolean;
  private readonly hasLifecycle: boolean;
  /** The status depends on the last activity date only, and dates repeat. */
  private readonly statusOf = new Map<IsoDate, StatusTier>();

  constructor(input: AnalyzeInput, layout: SheetLayout, settings: Settings, private readonly asOf: IsoDate) {
    this.values = input.values;
    this.rows = layout.dataRows;
    this.firstRow = input.firstRow ?? 1;
    this.region = settings.region;
    this.areaCode = settings.areaCode;
    this.t = settings.thresholds;
    const n = this.rows.length;
    /** 0-based column of a mapped field, -1 when the sheet has none. */
    const columnOf = (field: FieldId): number => layout.columns[field]?.column ?? -1;
    this.dateColumns = (['firstPurchase', 'lastPurchase', 'lastContact'] as const).map(columnOf);
    this.votes = this.dateColumns.map((c) => (c < 0 ? null : new DateOrderVotes()));
    this.phoneColumn = columnOf('phone');
    this.emailColumn = columnOf('email');
    this.totalColumn = columnOf('total');
    this.ordersColumn = columnOf('orders');
    this.nameColumn = columnOf('name');
    this.companyColumn = columnOf('company');
    this.matchColumns = { given: columnOf('firstName'), surname: columnOf('lastName'), address: columnOf('address'),
      postcode: columnOf('postcode'), birth: columnOf('birthDate') };
    this.regionColumn = columnOf('region');
    this.channelColumn = columnOf('channel');
    this.ownerColumn = columnOf('owner');
    this.mappedColumns = Object.values(layout.columns).map((m) => m.column);
    this.unit = amountUnit(layout.columns.total?.header ?? '');
    this.hasDates = this.dateColumns[1]! >= 0 || this.dateColumns[2]! >= 0;
    this.hasLifecycle = this.ordersColumn >= 0 || this.dateColumns[0]! >= 0 || this.dateColumns[1]! >= 0;
    this.totals = this.totalColumn >= 0 ? new Float64Array(n) : null;
    this.candidates = {
      row: Int32Array.from(this.rows),
      name: [], company: [], phone: [], email: [], lastActivity: [], // by allocate
      mobile: new Uint8Array(n),
      completeness: new Int32Array(n),
    };
    const m = this.matchColumns;
    // Only the columns the sheet has: the duplicate finder leaves out the fields it is not given.
    if (m.given >= 0) this.candidates.given = new Array<string>(n);
    if (m.surname >= 0) this.candidates.surname = new Array<string>(n);
    if (m.address >= 0) this.candidates.address = new Array<string>(n);
    if (m.postcode >= 0) this.candidates.postcode = new Array<string>(n);
    if (m.birth >= 0) this.candidates.birth = new Array<string>(n);
    if (this.regionColumn >= 0) this.candidates.city = new Array<string>(n);
  }

  /**
   * The row arrays, one a step: a million-slot array takes a while to make, all six in one go held
   * the pane too long, and filled by index they stay without holes to check (grown by push instead,
   * their discarded copies cost the collector more than that).
   */
  *allocate(): Generator<void, void, void> {
    const n = this.rows.length;
    const c = this.candidates;
    this.reportRows = new Array<ReportRow>(n);
    yield;
    c.name = new Array<string>(n);
    c.company = new Array<string>(n);
    yield;
    c.phone = new Array<string | null>(n);
    c.email = new Array<string | null>(n);
    yield;
    c.lastActivity = new Array<IsoDate | null>(n);
  }

  private cellsOf(i: number): readonly unknown[] {
    return this.values[this.rows[i]! - this.firstRow] ?? NO_CELLS;
  }

  private statusFor(lastActivity: IsoDate | null): StatusTier {
    if (lastActivity === null) return statusTier(null, this.asOf, this.t);
    let status = this.statusOf.get(lastActivity);
    if (status === undefined) {
      status = statusTier(lastActivity, this.asOf, this.t);
      this.statusOf.set(lastActivity, status);
    }
    return status;
  }

  /**
   * Each date column is read in the d/m order its own unambiguous dates vote for: the votes of rows
   * from..to−1, one read of the rows for all three columns. Every row votes before any row is run.
   */
  voteDateOrders(from: number, to: number): void {
    const columns = this.dateColumns;
    const votes = this.votes;
    for (let i = from; i < to; i++) {
      const cells = this.cellsOf(i);
      for (let k = 0; k < 3; k++) votes[k]?.add(cells[columns[k]!]);
    }
  }

  /** Once every row has voted: each date column with its order. */
  readDateOrders(): void {
    const dateColumn = (k: number): DateColumn | null => (this.votes[k] ? new DateColumn(this.dateColumns[k]!, this.votes[k].order()) : null);
    this.firstPurchaseOf = dateColumn(0);
    this.lastPurchaseOf = dateColumn(1);
    this.lastContactOf = dateColumn(2);
  }

  /** Rows from..to−1 (positions in the data rows). */
  run(from: number, to: number): void {
    for (let i = from; i < to; i++) this.row(i);
  }

  private row(i: number): void {
    const t = this.t;
    const cells = this.cellsOf(i);
    const phone: PhoneCheck | null = this.phoneColumn >= 0 ? checkPhone(cells[this.phoneColumn], this.region, this.areaCode) : null;
    const emailCell = this.emailColumn >= 0 ? cells[this.emailColumn] : undefined;
    const email: EmailCheck | null = this.emailColumn >= 0 ? checkEmail(emailCell) : null;
    const total = this.totalColumn >= 0 ? scaledAmount(cells[this.totalColumn], this.unit) : null;
    if (this.totals) this.totals[i] = total ?? 0; // blank amounts count as 0 in the rank, as in PERCENTRANK.INC
    const orderCount = this.ordersColumn >= 0 ? parseCount(cells[this.ordersColumn]) : null;
    const firstPurchase = this.firstPurchaseOf ? this.firstPurchaseOf.at(cells) : null;
    const lastPurchase = this.lastPurchaseOf ? this.lastPurchaseOf.at(cells) : null;
    const lastActivity = laterDate(lastPurchase, this.lastContactOf ? this.lastContactOf.at(cells) : null);
    const status = this.hasDates ? this.statusFor(lastActivity) : null;
    const stage = this.hasLifecycle ? lifecycle(orderCount, firstPurchase, lastPurchase, t) : null;
    this.reportRows[i] = {
      row: this.rows[i]!,
      phone: phone && phoneResult(phone),
      email: email && emailResult(email),
      total,
      orders: orderCount,
      lastActivity,
      valueTier: null, // needs the whole column: assignValueTiers
      statusTier: status,
      lifecycle: stage,
      duplicateGroup: null, // set once the groups are known
    };
    const counts = this.counts;
    counts.phone.add(phone?.status ?? null);
    counts.email.add(email?.status ?? null);
    counts.statusTier.add(status);
    counts.lifecycle.add(stage);
    this.summary.add({ statusTier: status, lifecycle: stage, total,
      region: textAt(cells, this.regionColumn), channel: textAt(cells, this.channelColumn), owner: textAt(cells, this.ownerColumn) });

    let filled = 0;
    for (const c of this.mappedColumns) if (!isBlankCell(cells[c])) filled++;
    const validPhone = phone?.status === 'valid' && phone.e164 ? phone : null;
    const candidates = this.candidates;
    // The keys clean their text themselves (cleanText is idempotent): no cleaning twice.
    candidates.name[i] = this.nameColumn < 0 ? '' : nameKey(cellText(cells[this.nameColumn]));
    if (candidates.given || candidates.surname) this.splitName(i, cells);
    if (candidates.address) candidates.address[i] = textAt(cells, this.matchColumns.address).toLowerCase();
    if (candidates.postcode) candidates.postcode[i] = textAt(cells, this.matchColumns.postcode).replace(/\s+/g, '').toLowerCase();
    if (candidates.city) candidates.city[i] = textAt(cells, this.regionColumn).toLowerCase();
    if (candidates.birth) candidates.birth[i] = birthKey(cells[this.matchColumns.birth]);
    candidates.company[i] = this.companyColumn < 0 ? '' : companyKey(cellText(cells[this.companyColumn]));
    candidates.phone[i] = phone && phoneMatchKey(phone); // local:<digits> for a number without its area code
    candidates.mobile[i] = validPhone?.kind === 'mobile' ? 1 : 0;
    candidates.email[i] = emailKey(email) ?? (email?.status === 'invalid' ? repairedEmailKey(emailCell) : null);
    candidates.completeness[i] = filled + (phone?.status === 'valid' ? 2 : 0) + (email?.status === 'valid' ? 2 : email?.status === 'suspect' ? 1 : 0);
    candidates.lastActivity[i] = lastActivity;
  }

  /** A name in two columns: each part's key, and the whole name's key when the sheet has no name column. */
  private splitName(i: number, cells: readonly unknown[]): void {
    const c = this.candidates;
    const given = textAt(cells, this.matchColumns.given);
    const surname = textAt(cells, this.matchColumns.surname);
    if (c.given) c.given[i] = nameKey(given);
    if (c.surname) c.surname[i] = nameKey(surname);
    if (this.nameColumn < 0) c.name[i] = nameKey(`${given} ${surname}`.trim());
  }

  private tierOf: ((amount: number) => ValueTier) | null = null;

  /** Value tiers need the whole amount column: its ranks, once every row has been run. */
  rankTotals(): void {
    this.tierOf = this.totals ? valueTierRule(this.totals, this.t) : null;
  }

  /** Rows from..to−1 get their value tier (after rankTotals), and their place in the tier × status table. */
  assignValueTiers(from: number, to: number): void {
    const totals = this.totals;
    const tierOf = this.tierOf;
    for (let i = from; i < to; i++) {
      const r = this.reportRows[i]!;
      if (tierOf) {
        r.valueTier = tierOf(totals![i]!);
        this.counts.valueTier.add(r.valueTier);
      }
      this.summary.addTier(r.valueTier, r.statusTier);
    }
  }
}

/**
 * The phone column's cells of the data rows, every k-th on a long sheet (a few thousand are plenty to
 * sample from: no array as long as a million-row sheet); empty when the sheet has no phone column.
 */
function phoneCells(input: AnalyzeInput, layout: SheetLayout): unknown[] {
  const column = layout.columns.phone?.column;
  if (column === undefined) return [];
  const firstRow = input.firstRow ?? 1;
  const rows = layout.dataRows;
  const step = Math.max(1, Math.floor(rows.length / 4096));
  const out: unknown[] = [];
  for (let i = 0; i < rows.length; i += step) out.push(input.values[rows[i]! - firstRow]?.[column]);
  return out;
}

/** The whole analysis in one go (the CLI, tests, small sheets). */
export function analyzeSheet(input: AnalyzeInput): Report {
  return runToEnd(analyzeSheetSteps(input));
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
  const layout = yield* reportedAs(detectLayoutSteps(input.values, { firstRow: input.firstRow, mapping: input.mapping, ignoreColumns: input.ignoreColumns }),
    { phase: 'layout', done: 0, total: input.values.length } satisfies AnalyzeProgress);
  if (!layout) {
    throw new AnalyzeError('no-header', `No header row with customer columns (name, phone, email…) was found in sheet "${input.sheet}".`);
  }
  const asOf = settings.asOf ?? input.today ?? todayIso();
  const n = layout.dataRows.length;
  yield { phase: 'rows', done: 0, total: n }; // the layout is known
  const regionSource = settings.region === 'auto' ? 'auto' : 'setting';
  const region = regionSource === 'auto'
    ? (yield* reportedAs(detectRegionSteps(phoneCells(input, layout), input.language), { phase: 'rows', done: 0, total: n } satisfies AnalyzeProgress)).region
    : settings.region;
  const pass = new RowPass(input, layout, { ...settings, region }, asOf);
  yield* reportedAs(pass.allocate(), { phase: 'rows', done: 0, total: n } satisfies AnalyzeProgress);
  yield* reportedAs(inSteps(n, LAYOUT_ROWS_PER_STEP, (from, to) => pass.voteDateOrders(from, to)), { phase: 'rows', done: 0, total: n } satisfies AnalyzeProgress);
  pass.readDateOrders();
  yield { phase: 'rows', done: 0, total: n }; // the date columns' d/m votes read every row once
  // A step after every ROWS_PER_STEP rows (the pane shows "2,048 of …", not 2,047), FIRST_ROWS_PER_STEP until then.
  let done = 0;
  for (let next = FIRST_ROWS_PER_STEP; ; next += next < ROWS_PER_STEP ? FIRST_ROWS_PER_STEP : ROWS_PER_STEP) {
    pass.run(done, Math.min(n, next));
    if (next >= n) break;
    done = next;
    yield { phase: 'rows', done, total: n };
  }
  const tiered = { phase: 'rows', done: n, total: n } satisfies AnalyzeProgress;
  yield tiered; // the rows' last step, then the ranking of every amount: a step of its own
  pass.rankTotals();
  yield tiered;
  yield* reportedAs(inSteps(n, LAYOUT_ROWS_PER_STEP, (from, to) => pass.assignValueTiers(from, to)), tiered);
  const { reportRows, counts, summary } = pass;

  yield { phase: 'duplicates', done: 0, total: n };
  const duplicates = yield* reportedAs(findDuplicatesSteps(pass.candidates), { phase: 'duplicates', done: 0, total: n } satisfies AnalyzeProgress);
  for (let i = 0; i < n; i++) if (duplicates.groupAt[i]) reportRows[i]!.duplicateGroup = duplicates.groupAt[i]!;

  yield { phase: 'summary', done: 0, total: n };
  const totalsSummary = summary.result();

  const mapping = Object.values(layout.columns)
    .sort((a, b) => a.column - b.column)
    .map((m) => ({ field: m.field, column: columnLetter(m.column), header: m.header, confidence: m.confidence, how: m.how,
      ...(m.evidence ? { evidence: [...m.evidence] } : {}) }));

  return {
    sheet: input.sheet,
    headerRow: layout.headerRow,
    asOf,
    region,
    regionSource,
    areaCode: settings.areaCode,
    columns: Object.fromEntries(mapping.map((m) => [m.field, m.column])),
    mapping,
    unmappedColumns: layout.unmapped.map((u) => ({ column: columnLetter(u.column), header: u.header })),
    dataRows: n,
    totalsRows: layout.totalsRows,
    rows: reportRows,
    duplicateGroups: duplicates.groups, // made with exactly the report's fields: no copy of each group
    possibleDuplicates: duplicates.possible,
    counts: {
      phone: counts.phone.record(),
      email: counts.email.record(),
      valueTier: counts.valueTier.record(),
      statusTier: counts.statusTier.record(),
      lifecycle: counts.lifecycle.record(),
    },
    summary: {
      customers: totalsSummary.customers,
      revenue: totalsSummary.revenue,
      tierByStatus: totalsSummary.tierByStatus,
      revenueByRegion: totalsSummary.revenueByRegion,
      revenueByChannel: totalsSummary.revenueByChannel,
      revenueByOwner: totalsSummary.revenueByOwner,
    },
  };
}
