/**
 * The summary sheet's tables as blocks of cells: a title row, a header row, the lines, a totals row.
 * Each block is made for the row it starts at, so its formulas (totals, shares, the live COUNTIFS/SUMIFS
 * of a file's summary) can point at its own cells. Money `#,##0.00`, counts `#,##0`, shares `0.0%`, and
 * labels as text so "2026-03" or "100" stay what they are.
 */
import { columnLetter } from '../core/columns';
import { STATUS_TIERS } from '../core/tiers';
import { EARLIER, OTHER, UNKNOWN, type DimensionTable, type SummaryTables, qualityLines, type QualityInput } from '../core/summaryTables';
import { RFM_SEGMENT_WORDS } from '../i18n/rfm';
import { strings, type Locale } from '../i18n/strings';
import { ledgerStrings, sayTerms, withTerms, OUR_TERMS, type LedgerTerms } from '../i18n/terms';
import { SUMMARY_WORDS } from '../i18n/summary';
import type { CellInput } from '../workbook/port';

export const MONEY = '#,##0.00';
export const COUNT = '#,##0';
export const SHARE = '0.0%';
const TEXT = '@';

export type BlockId = 'tierByStatus' | 'tierByLifecycle' | 'ownerByStatus' | `by-${string}` | 'byMonth' | 'quality' | 'rfm';

export interface SummaryBlock {
  id: BlockId;
  title: string;
  header: string[];
  lines: CellInput[][];
  total: CellInput[] | null;
  formats: (string | undefined)[];
  /** The chartable part: how many columns from the left (labels included) and lines from the top. */
  chart?: { columns: number; lines: number };
}

/** Live formulas for a file's summary: the cells Excel can count itself, or null for a plain number. */
export interface LiveCells {
  tierStatus(tier: string, status: string): string | null;
  revenue(table: DimensionTable, key: string): string | null;
  /** =SUM over the whole amount column. */
  revenueTotal: string | null;
}

/** Where a block starts: `top` is the 0-based row of its title; lines start two rows below. */
const firstLineRow = (top: number) => top + 3; // 1-based sheet row of the first line

function sumUp(col: number, from: number, to: number): { formula: string } {
  const c = columnLetter(col);
  return { formula: `=SUM(${c}${from}:${c}${to})` };
}

export function tierBlock(t: SummaryTables, locale: Locale, top: number, live: LiveCells | null, terms: LedgerTerms = OUR_TERMS): SummaryBlock {
  const w = SUMMARY_WORDS[locale];
  const s = ledgerStrings(locale, terms); // the live COUNTIFS count the words the status column holds
  const g = t.tierByStatus;
  const first = firstLineRow(top);
  const lines: CellInput[][] = g.rows.map((tier, i) => {
    const label = tier === UNKNOWN ? w.unknown : s.valueTier[tier];
    const cells = g.columns.map((status, j): CellInput => {
      const f = tier === UNKNOWN ? null : live?.tierStatus(s.valueTier[tier], s.statusTier[status]) ?? null;
      return f ? { formula: f } : g.counts[i]![j]!;
    });
    const row = first + i;
    return [label, ...cells, live ? { formula: `=SUM(B${row}:${columnLetter(g.columns.length)}${row})` } : g.rowTotals[i]!];
  });
  const last = first + g.rows.length - 1;
  const total: CellInput[] = [w.total, ...g.columns.map((_, j) => (live ? sumUp(j + 1, first, last) : g.columnTotals[j]!)),
    live ? sumUp(g.columns.length + 1, first, last) : g.total];
  return { id: 'tierByStatus', title: w.byTier, header: [w.tier, ...STATUS_TIERS.map((k) => s.statusTier[k]), w.total], lines, total,
    formats: [TEXT, ...g.columns.map(() => COUNT), COUNT], chart: { columns: 1 + g.columns.length, lines: g.rows.length } };
}

export function lifecycleBlock(t: SummaryTables, locale: Locale): SummaryBlock {
  const w = SUMMARY_WORDS[locale];
  const s = strings(locale);
  const g = t.tierByLifecycle;
  const lines = g.rows.map((tier, i) => [tier === UNKNOWN ? w.unknown : s.valueTier[tier], ...g.counts[i]!, g.rowTotals[i]!]);
  return { id: 'tierByLifecycle', title: w.byLifecycle,
    header: [w.tier, ...g.columns.map((l) => (l === UNKNOWN ? w.unknown : s.lifecycle[l])), w.total],
    lines, total: [w.total, ...g.columnTotals, g.total], formats: [TEXT, ...g.columns.map(() => COUNT), COUNT] };
}

export function ownerStatusBlock(t: SummaryTables, locale: Locale, terms: LedgerTerms = OUR_TERMS): SummaryBlock | null {
  const o = t.ownerByStatus;
  if (!o) return null;
  const w = withTerms(SUMMARY_WORDS[locale], terms);
  const s = ledgerStrings(locale, terms);
  const label = (k: string) => (k === UNKNOWN ? w.blank : k === OTHER ? w.other(o.folded) : k);
  const lines = o.grid.rows.map((k, i) => [label(k), ...o.grid.counts[i]!, o.grid.rowTotals[i]!, o.highAtRisk[i]!]);
  return { id: 'ownerByStatus', title: w.byOwnerStatus, header: [w.owner, ...o.grid.columns.map((k) => s.statusTier[k]), w.total, w.highAtRisk],
    lines, total: [w.total, ...o.grid.columnTotals, o.grid.total, o.highAtRiskTotal], formats: [TEXT, ...o.grid.columns.map(() => COUNT), COUNT, COUNT] };
}

/**
 * Revenue, customers, average and share per group. In a file's summary the revenue is a live SUMIFS
 * where Excel would match exactly the engine's group, and a line before the total catches the groups
 * that appear after the summary was built (total − the listed ones), so none falls out silently.
 */
export function dimensionBlock(table: DimensionTable, header: string, locale: Locale, top: number, live: LiveCells | null, money = true): SummaryBlock {
  const w = SUMMARY_WORDS[locale];
  if (!money) {
    // No amount column: how many customers per group, nothing to sum.
    return { id: `by-${table.dimension}`, title: w.revenueBy[table.dimension], header: [header, w.customers],
      lines: table.lines.map((g) => [g.key === UNKNOWN ? w.blank : g.key === OTHER ? w.other(table.folded) : g.key, g.customers]),
      total: [w.total, table.total.customers], formats: [TEXT, COUNT], chart: { columns: 2, lines: table.lines.length } };
  }
  const first = firstLineRow(top);
  const label = (k: string) => (k === UNKNOWN ? w.blank : k === OTHER ? w.other(table.folded) : k);
  const listed = table.lines.length;
  const totalRow = first + listed + (live ? 1 : 0);
  const share = (row: number, revenue: number): CellInput => (live ? { formula: `=IF(B${totalRow}=0,0,B${row}/B${totalRow})` } : table.total.revenue === 0 ? 0 : revenue / table.total.revenue);
  const average = (row: number, revenue: number, customers: number): CellInput => (live ? { formula: `=IF(C${row}=0,0,B${row}/C${row})` } : customers === 0 ? 0 : revenue / customers);
  const lines: CellInput[][] = table.lines.map((g, i) => {
    const row = first + i;
    const f = live?.revenue(table, g.key) ?? null;
    return [label(g.key), f ? { formula: f } : g.revenue, g.customers, average(row, g.revenue, g.customers), share(row, g.revenue)];
  });
  if (live) {
    const row = first + listed;
    lines.push([w.notListed, { formula: `=B${totalRow}-SUM(B${first}:B${row - 1})` }, null, null, share(row, 0)]);
  }
  const t = table.total;
  const total: CellInput[] = [w.total, live?.revenueTotal ? { formula: live.revenueTotal } : t.revenue, t.customers, average(totalRow, t.revenue, t.customers), share(totalRow, t.revenue)];
  return { id: `by-${table.dimension}`, title: `${w.revenueBy[table.dimension]}`, header: [header, w.revenue, w.customers, w.average, w.share],
    lines, total, formats: [TEXT, MONEY, COUNT, MONEY, SHARE], chart: { columns: 2, lines: listed } };
}

export function monthBlock(t: SummaryTables, locale: Locale, money = true): SummaryBlock | null {
  const m = t.byFirstPurchaseMonth;
  if (!m) return null;
  const w = SUMMARY_WORDS[locale];
  const label = (k: string) => (k === UNKNOWN ? w.unknown : k === EARLIER ? w.earlier : k);
  const cut = (row: CellInput[]) => (money ? row : row.slice(0, 2));
  return { id: 'byMonth', title: money ? w.byMonth : w.byMonthCount, header: [w.month, w.customers, w.revenue].slice(0, money ? 3 : 2),
    lines: m.lines.map((l) => cut([label(l.month), l.customers, l.revenue])), total: cut([w.total, m.total.customers, m.total.revenue]),
    formats: [TEXT, COUNT, MONEY].slice(0, money ? 3 : 2) };
}

export function qualityBlock(q: QualityInput, locale: Locale): SummaryBlock {
  const w = SUMMARY_WORDS[locale];
  return { id: 'quality', title: w.quality, header: [w.item, w.count],
    lines: qualityLines(q).map((l) => [w.quality_[l.key], l.count]), total: null, formats: [TEXT, COUNT] };
}

export function rfmBlock(t: SummaryTables, locale: Locale, terms: LedgerTerms = OUR_TERMS): SummaryBlock | null {
  const r = t.rfm;
  if (!r) return null;
  const w = withTerms(SUMMARY_WORDS[locale], terms);
  // RFM's M is the amount column: blank amounts score as 0, so the revenue column is always there.
  const lines = r.lines.map((l) => {
    const key = l.segment === UNKNOWN ? 'unknown' : l.segment;
    return [l.segment === UNKNOWN ? w.unknown : sayTerms(RFM_SEGMENT_WORDS[locale][l.segment], terms), l.customers, l.revenue, w.rfmMeaning[key]];
  });
  return { id: 'rfm', title: w.rfm, header: [w.segment, w.customers, w.revenue, w.meaning], lines,
    total: [w.total, r.total.customers, r.total.revenue, null], formats: [TEXT, COUNT, MONEY, TEXT] };
}

/** The block's cells, padded to its width (title, header, lines, total). */
export function blockCells(b: SummaryBlock): CellInput[][] {
  const width = Math.max(b.header.length, ...b.lines.map((l) => l.length));
  const pad = (row: readonly CellInput[]) => [...row, ...new Array<CellInput>(Math.max(0, width - row.length)).fill(null)];
  return [pad([b.title]), pad(b.header), ...b.lines.map(pad), ...(b.total ? [pad(b.total)] : [])];
}

export function blockWidth(b: SummaryBlock): number {
  return Math.max(b.header.length, ...b.lines.map((l) => l.length));
}
