/**
 * The summary sheet's tables, computed in memory from the analyzed rows: labels in a fixed order (tiers
 * high → low, statuses active → unknown, months oldest → newest), an "unknown" bucket for missing values
 * so every table's total is the number of customers, and a bounded number of rows (the rest folded into
 * one "other" row) so the write plan grows with the tables, not with the sheet.
 */
import { runToEnd } from './steps';
import type { IsoDate } from './calendar';
import { RFM_SEGMENTS, type RfmSegment } from './rfm';
import { LIFECYCLES, STATUS_TIERS, VALUE_TIERS, type Lifecycle, type StatusTier, type ValueTier } from './tiers';

export const SUMMARY_DIMENSIONS = ['region', 'channel', 'owner', 'industry', 'category'] as const;
export type SummaryDimension = (typeof SUMMARY_DIMENSIONS)[number];

/**
 * Keys of a missing value (blank cell, no tier, no date), of the groups folded together past the limit and
 * of the months before the listed ones. Excel cells cannot hold a NUL, so no cell's text equals them.
 */
export const UNKNOWN = '\u0000unknown';
export const OTHER = '\u0000other';
export const EARLIER = '\u0000earlier';

export type TierLabel = ValueTier | typeof UNKNOWN;
export type LifecycleLabel = Lifecycle | typeof UNKNOWN;
export const TIER_ORDER: readonly TierLabel[] = [...VALUE_TIERS, UNKNOWN];
export const LIFECYCLE_ORDER: readonly LifecycleLabel[] = [...LIFECYCLES, UNKNOWN];

export interface SummaryInputRow {
  valueTier: ValueTier | null;
  statusTier: StatusTier | null;
  lifecycle: Lifecycle | null;
  total: number | null;
  /** Cleaned text of each dimension column the ledger has ('' when the cell is blank). */
  dims: Partial<Record<SummaryDimension, string>>;
  firstPurchase: IsoDate | null;
  rfm: RfmSegment | null;
}

/** Counts by a row label × a column label, with the totals of each row, each column and the whole. */
export interface CountGrid<R extends string, C extends string> {
  rows: R[];
  columns: C[];
  counts: number[][];
  rowTotals: number[];
  columnTotals: number[];
  total: number;
}

export interface GroupLine {
  /** The cell text, UNKNOWN for blank cells, OTHER for the groups past the limit. */
  key: string;
  customers: number;
  revenue: number;
}

export interface DimensionTable {
  dimension: SummaryDimension;
  /** Largest revenue first (then most customers, then key), blank and "other" last. */
  lines: GroupLine[];
  /** How many groups were folded into the OTHER line (0: none). */
  folded: number;
  total: GroupLine;
}

export interface OwnerStatusTable {
  grid: CountGrid<string, StatusTier>;
  /** Per owner row: high-value customers who are dormant or lost (whom to call first). */
  highAtRisk: number[];
  highAtRiskTotal: number;
  folded: number;
}

export interface MonthLine { month: string; customers: number; revenue: number }

export interface SummaryTables {
  customers: number;
  revenue: number;
  tierByStatus: CountGrid<TierLabel, StatusTier>;
  tierByLifecycle: CountGrid<TierLabel, LifecycleLabel>;
  ownerByStatus: OwnerStatusTable | null;
  dimensions: DimensionTable[];
  /** New customers and their spend by first-purchase month; null without a first-purchase column. */
  byFirstPurchaseMonth: { lines: MonthLine[]; total: MonthLine } | null;
  /** Customers and spend per RFM segment (UNKNOWN: not scored); null when the ledger has no RFM columns. */
  rfm: { lines: { segment: RfmSegment | typeof UNKNOWN; customers: number; revenue: number }[]; total: GroupLine } | null;
}

export interface SummaryTableOptions {
  /** Which dimension columns the ledger has (only those get a table). */
  dimensions: readonly SummaryDimension[];
  hasFirstPurchase: boolean;
  hasRfm: boolean;
  /** Rows a dimension or owner table lists before folding the rest into "other". */
  maxGroups?: number;
  /** Months listed before the earlier ones are folded into one line. */
  maxMonths?: number;
}

const cents = (x: number) => Math.round(x * 100) / 100;

function countGrid<R extends string, C extends string>(rows: readonly R[], columns: readonly C[], cells: Iterable<[R, C]>): CountGrid<R, C> {
  const counts = rows.map(() => columns.map(() => 0));
  const ri = new Map(rows.map((r, i) => [r, i]));
  const ci = new Map(columns.map((c, j) => [c, j]));
  for (const [r, c] of cells) counts[ri.get(r)!]![ci.get(c)!]!++;
  const rowTotals = counts.map((line) => line.reduce((a, b) => a + b, 0));
  const columnTotals = columns.map((_, j) => counts.reduce((a, line) => a + line[j]!, 0));
  return { rows: [...rows], columns: [...columns], counts, rowTotals, columnTotals, total: rowTotals.reduce((a, b) => a + b, 0) };
}

function* pairs<T, R, C>(items: readonly T[], rowOf: (t: T) => R, colOf: (t: T) => C): Generator<[R, C]> {
  for (const t of items) yield [rowOf(t), colOf(t)];
}

const tierOf = (r: SummaryInputRow): TierLabel => r.valueTier ?? UNKNOWN;
const statusOf = (r: SummaryInputRow): StatusTier => r.statusTier ?? 'unknown';

/** Groups by key, largest revenue first; blank last; past `max` lines the rest is one OTHER line. */
export function groupLines(rows: readonly SummaryInputRow[], keyOf: (r: SummaryInputRow) => string, max: number): { lines: GroupLine[]; folded: number } {
  const map = new Map<string, GroupLine>();
  for (const r of rows) {
    const key = keyOf(r) || UNKNOWN;
    let g = map.get(key);
    if (!g) map.set(key, (g = { key, customers: 0, revenue: 0 }));
    g.customers++;
    g.revenue += r.total ?? 0;
  }
  const blank = map.get(UNKNOWN);
  map.delete(UNKNOWN);
  const sorted = [...map.values()].sort((a, b) => b.revenue - a.revenue || b.customers - a.customers || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const kept = sorted.slice(0, max);
  const rest = sorted.slice(max);
  const lines = kept.map((g) => ({ ...g, revenue: cents(g.revenue) }));
  if (rest.length > 0) {
    lines.push({ key: OTHER, customers: rest.reduce((a, g) => a + g.customers, 0), revenue: cents(rest.reduce((a, g) => a + g.revenue, 0)) });
  }
  if (blank) lines.push({ ...blank, revenue: cents(blank.revenue) });
  return { lines, folded: rest.length };
}

/** "2026-03" for a date; months from..to inclusive. */
const monthOf = (d: IsoDate) => d.slice(0, 7);
function nextMonth(m: string): string {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7));
  return mo === 12 ? `${String(y + 1).padStart(4, '0')}-01` : `${m.slice(0, 4)}-${String(mo + 1).padStart(2, '0')}`;
}

/** Every month from the first to the last first purchase (gaps as 0), the oldest folded into EARLIER past `max`. */
export function monthLines(rows: readonly SummaryInputRow[], max: number): { lines: MonthLine[]; total: MonthLine } {
  const by = new Map<string, MonthLine>();
  let first: string | null = null;
  let last: string | null = null;
  for (const r of rows) {
    const m = r.firstPurchase ? monthOf(r.firstPurchase) : UNKNOWN;
    let g = by.get(m);
    if (!g) by.set(m, (g = { month: m, customers: 0, revenue: 0 }));
    g.customers++;
    g.revenue += r.total ?? 0;
    if (m !== UNKNOWN) {
      if (first === null || m < first) first = m;
      if (last === null || m > last) last = m;
    }
  }
  const lines: MonthLine[] = [];
  if (first !== null && last !== null) {
    // The last `max` months are listed one by one, everything before them in one line.
    const months: string[] = [];
    for (let m = last, k = 0; k < max; k++) {
      months.unshift(m);
      if (m === first) break;
      const y = Number(m.slice(0, 4));
      const mo = Number(m.slice(5, 7));
      m = mo === 1 ? `${String(y - 1).padStart(4, '0')}-12` : `${m.slice(0, 4)}-${String(mo - 1).padStart(2, '0')}`;
    }
    const start = months[0]!;
    if (start !== first) {
      const earlier: MonthLine = { month: EARLIER, customers: 0, revenue: 0 };
      for (const g of by.values()) if (g.month !== UNKNOWN && g.month < start) { earlier.customers += g.customers; earlier.revenue += g.revenue; }
      lines.push(earlier);
    }
    for (let m = start; ; m = nextMonth(m)) {
      lines.push(by.get(m) ?? { month: m, customers: 0, revenue: 0 });
      if (m === last) break;
    }
  }
  const unknown = by.get(UNKNOWN);
  if (unknown) lines.push(unknown);
  const out = lines.map((l) => ({ ...l, revenue: cents(l.revenue) }));
  const total = { month: '', customers: rows.length, revenue: cents(rows.reduce((a, r) => a + (r.total ?? 0), 0)) };
  return { lines: out, total };
}

function ownerByStatus(rows: readonly SummaryInputRow[], max: number): OwnerStatusTable {
  const ownerOf = (r: SummaryInputRow) => r.dims.owner || UNKNOWN;
  const atRisk = (r: SummaryInputRow) => r.valueTier === 'high' && (r.statusTier === 'dormant' || r.statusTier === 'lost');
  const stats = new Map<string, { customers: number; risk: number }>();
  for (const r of rows) {
    const k = ownerOf(r);
    let s = stats.get(k);
    if (!s) stats.set(k, (s = { customers: 0, risk: 0 }));
    s.customers++;
    if (atRisk(r)) s.risk++;
  }
  // Whoever holds the most high-value customers going quiet comes first.
  const named = [...stats.entries()].filter(([k]) => k !== UNKNOWN)
    .sort(([ka, a], [kb, b]) => b.risk - a.risk || b.customers - a.customers || (ka < kb ? -1 : ka > kb ? 1 : 0)).map(([k]) => k);
  const kept = named.slice(0, max);
  const keptSet = new Set(kept);
  const labels = [...kept, ...(named.length > max ? [OTHER] : []), ...(stats.has(UNKNOWN) ? [UNKNOWN] : [])];
  const labelOf = (r: SummaryInputRow) => { const k = ownerOf(r); return k === UNKNOWN || keptSet.has(k) ? k : OTHER; };
  const grid = countGrid(labels, STATUS_TIERS, pairs(rows, labelOf, statusOf));
  const highAtRisk = labels.map(() => 0);
  const index = new Map(labels.map((l, i) => [l, i]));
  for (const r of rows) if (atRisk(r)) highAtRisk[index.get(labelOf(r))!]!++;
  return { grid, highAtRisk, highAtRiskTotal: highAtRisk.reduce((a, b) => a + b, 0), folded: Math.max(0, named.length - max) };
}

export function summaryTables(rows: readonly SummaryInputRow[], options: SummaryTableOptions): SummaryTables {
  return runToEnd(summaryTablesSteps(rows, options));
}

/** The tables, one pass over the rows per step: between steps the pane's host may take a turn. */
export function* summaryTablesSteps(rows: readonly SummaryInputRow[], options: SummaryTableOptions): Generator<void, SummaryTables, void> {
  const maxGroups = options.maxGroups ?? 50;
  const revenue = cents(rows.reduce((a, r) => a + (r.total ?? 0), 0));
  yield;
  const dimensions: DimensionTable[] = [];
  for (const dimension of options.dimensions) {
    const { lines, folded } = groupLines(rows, (r) => r.dims[dimension] ?? '', maxGroups);
    dimensions.push({ dimension, lines, folded, total: { key: 'total', customers: rows.length, revenue } });
    yield;
  }
  let rfm: SummaryTables['rfm'] = null;
  if (options.hasRfm) {
    const order: (RfmSegment | typeof UNKNOWN)[] = [...RFM_SEGMENTS, UNKNOWN];
    const lines = order.map((segment) => ({ segment, customers: 0, revenue: 0 }));
    const at = new Map(order.map((s, i) => [s, i]));
    for (const r of rows) {
      const l = lines[at.get(r.rfm ?? UNKNOWN)!]!;
      l.customers++;
      l.revenue += r.total ?? 0;
    }
    rfm = { lines: lines.map((l) => ({ ...l, revenue: cents(l.revenue) })), total: { key: 'total', customers: rows.length, revenue } };
  }
  yield;
  const tierByStatus = countGrid(TIER_ORDER, STATUS_TIERS, pairs(rows, tierOf, statusOf));
  yield;
  const tierByLifecycle = countGrid(TIER_ORDER, LIFECYCLE_ORDER, pairs(rows, tierOf, (r) => r.lifecycle ?? UNKNOWN));
  yield;
  const owners = options.dimensions.includes('owner') ? ownerByStatus(rows, maxGroups) : null;
  yield;
  const byFirstPurchaseMonth = options.hasFirstPurchase ? monthLines(rows, options.maxMonths ?? 60) : null;
  return { customers: rows.length, revenue, tierByStatus, tierByLifecycle, ownerByStatus: owners, dimensions, byFirstPurchaseMonth, rfm };
}

/** The data-quality block's lines, in this order. */
export const QUALITY_KEYS = [
  'rows', 'phoneInvalid', 'phoneSuspect', 'phoneIncomplete', 'phoneMissing', 'emailInvalid', 'emailSuspect', 'emailMissing',
  'nameMissing', 'duplicateGroups', 'duplicateExtraRows', 'possibleDuplicates',
] as const;
export type QualityKey = (typeof QUALITY_KEYS)[number];

export interface QualityInput {
  rows: number;
  /** Status → count from the analysis (null: the ledger has no such column). */
  phone: Record<string, number> | null;
  email: Record<string, number> | null;
  /** Rows with a blank name cell (null: no name column). */
  nameMissing: number | null;
  duplicateGroups: readonly { rows: readonly number[] }[];
  possibleDuplicates: number;
}

/** Lines of the data-quality block; a line about a column the ledger lacks is left out. */
export function qualityLines(q: QualityInput): { key: QualityKey; count: number }[] {
  const out: { key: QualityKey; count: number }[] = [{ key: 'rows', count: q.rows }];
  if (q.phone) {
    out.push({ key: 'phoneInvalid', count: q.phone.invalid ?? 0 }, { key: 'phoneSuspect', count: q.phone.suspect ?? 0 },
      { key: 'phoneIncomplete', count: q.phone.incomplete ?? 0 }, { key: 'phoneMissing', count: q.phone.empty ?? 0 });
  }
  if (q.email) {
    out.push({ key: 'emailInvalid', count: q.email.invalid ?? 0 }, { key: 'emailSuspect', count: q.email.suspect ?? 0 },
      { key: 'emailMissing', count: q.email.empty ?? 0 });
  }
  if (q.nameMissing !== null) out.push({ key: 'nameMissing', count: q.nameMissing });
  out.push({ key: 'duplicateGroups', count: q.duplicateGroups.length },
    { key: 'duplicateExtraRows', count: q.duplicateGroups.reduce((a, g) => a + g.rows.length - 1, 0) },
    { key: 'possibleDuplicates', count: q.possibleDuplicates });
  return out;
}
