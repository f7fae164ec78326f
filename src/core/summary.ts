/**
 * Group-by aggregates: the numbers behind the summary sheet's PivotTables, and the static tables
 * used where the PivotTable API is missing. Kept in one place so pivots and fallbacks agree.
 */
import { LIFECYCLES, STATUS_TIERS, VALUE_TIERS, type Lifecycle, type StatusTier, type ValueTier } from './tiers';

export interface SummaryRow {
  valueTier: ValueTier | null;
  statusTier: StatusTier | null;
  lifecycle: Lifecycle | null;
  total: number | null;
  region: string;
  channel: string;
  owner: string;
}

export interface CrossTab { rowLabels: string[]; columnLabels: string[]; counts: number[][] }
export interface GroupTotal { key: string; customers: number; revenue: number }

export interface Summary {
  customers: number;
  revenue: number;
  tierByStatus: CrossTab;
  revenueByRegion: GroupTotal[];
  revenueByChannel: GroupTotal[];
  revenueByOwner: GroupTotal[];
  lifecycleCounts: Record<Lifecycle, number>;
}

/** Label for rows with a blank grouping cell (the UI translates it). */
export const BLANK_KEY = '(blank)';

export function crossTab<T>(rows: readonly T[], rowOf: (r: T) => string, colOf: (r: T) => string,
  rowOrder: readonly string[], colOrder: readonly string[]): CrossTab {
  const counts = rowOrder.map(() => colOrder.map(() => 0));
  for (const r of rows) {
    const i = rowOrder.indexOf(rowOf(r));
    const j = colOrder.indexOf(colOf(r));
    if (i >= 0 && j >= 0) counts[i]![j]!++;
  }
  return { rowLabels: [...rowOrder], columnLabels: [...colOrder], counts };
}

/** Customers and revenue per key, largest revenue first (ties by key for a stable order). */
export function totalsBy<T>(rows: readonly T[], keyOf: (r: T) => string, amountOf: (r: T) => number | null): GroupTotal[] {
  const map = new Map<string, GroupTotal>();
  for (const r of rows) {
    const key = keyOf(r) || BLANK_KEY;
    let g = map.get(key);
    if (!g) { g = { key, customers: 0, revenue: 0 }; map.set(key, g); }
    g.customers++;
    g.revenue += amountOf(r) ?? 0;
  }
  for (const g of map.values()) g.revenue = Math.round(g.revenue * 100) / 100;
  return [...map.values()].sort((a, b) => b.revenue - a.revenue || a.key.localeCompare(b.key));
}

export function summarize(rows: readonly SummaryRow[]): Summary {
  const lifecycleCounts = Object.fromEntries(LIFECYCLES.map((l) => [l, 0])) as Record<Lifecycle, number>;
  let revenue = 0;
  for (const r of rows) {
    if (r.lifecycle) lifecycleCounts[r.lifecycle]++;
    revenue += r.total ?? 0;
  }
  return {
    customers: rows.length,
    revenue: Math.round(revenue * 100) / 100,
    tierByStatus: crossTab(rows, (r) => r.valueTier ?? '', (r) => r.statusTier ?? '', VALUE_TIERS, STATUS_TIERS),
    revenueByRegion: totalsBy(rows, (r) => r.region, (r) => r.total),
    revenueByChannel: totalsBy(rows, (r) => r.channel, (r) => r.total),
    revenueByOwner: totalsBy(rows, (r) => r.owner, (r) => r.total),
    lifecycleCounts,
  };
}
