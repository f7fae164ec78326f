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

/** Customers and revenue per key, added one row at a time. */
export class GroupTotals {
  private readonly map = new Map<string, GroupTotal>();
  add(key: string, amount: number | null): void {
    const k = key || BLANK_KEY;
    let g = this.map.get(k);
    if (!g) { g = { key: k, customers: 0, revenue: 0 }; this.map.set(k, g); }
    g.customers++;
    g.revenue += amount ?? 0;
  }
  /** Largest revenue first (ties by key for a stable order), revenue rounded to cents. */
  result(): GroupTotal[] {
    const list = [...this.map.values()].map((g) => ({ ...g, revenue: Math.round(g.revenue * 100) / 100 }));
    return list.sort((a, b) => b.revenue - a.revenue || a.key.localeCompare(b.key));
  }
}

/** Customers and revenue per key, largest revenue first (ties by key for a stable order). */
export function totalsBy<T>(rows: readonly T[], keyOf: (r: T) => string, amountOf: (r: T) => number | null): GroupTotal[] {
  const totals = new GroupTotals();
  for (const r of rows) totals.add(keyOf(r), amountOf(r));
  return totals.result();
}

/**
 * summarize(), one row at a time: the analysis adds each row as it reads it (no row list to build), and
 * its value tier once the ranks are known.
 */
export class SummaryBuilder {
  private customers = 0;
  private revenue = 0;
  private readonly lifecycleCounts = Object.fromEntries(LIFECYCLES.map((l) => [l, 0])) as Record<Lifecycle, number>;
  private readonly tierCounts = VALUE_TIERS.map(() => STATUS_TIERS.map(() => 0));
  private readonly byRegion = new GroupTotals();
  private readonly byChannel = new GroupTotals();
  private readonly byOwner = new GroupTotals();

  add(r: Omit<SummaryRow, 'valueTier'>): void {
    this.customers++;
    if (r.lifecycle) this.lifecycleCounts[r.lifecycle]++;
    this.revenue += r.total ?? 0;
    this.byRegion.add(r.region, r.total);
    this.byChannel.add(r.channel, r.total);
    this.byOwner.add(r.owner, r.total);
  }

  /** One row's cell in the value tier × status table (rows without either are not counted). */
  addTier(valueTier: ValueTier | null, statusTier: StatusTier | null): void {
    const i = valueTier === null ? -1 : VALUE_TIERS.indexOf(valueTier);
    const j = statusTier === null ? -1 : STATUS_TIERS.indexOf(statusTier);
    if (i >= 0 && j >= 0) this.tierCounts[i]![j]!++;
  }

  result(): Summary {
    return {
      customers: this.customers,
      revenue: Math.round(this.revenue * 100) / 100,
      tierByStatus: { rowLabels: [...VALUE_TIERS], columnLabels: [...STATUS_TIERS], counts: this.tierCounts.map((r) => [...r]) },
      revenueByRegion: this.byRegion.result(),
      revenueByChannel: this.byChannel.result(),
      revenueByOwner: this.byOwner.result(),
      lifecycleCounts: { ...this.lifecycleCounts },
    };
  }
}

export function summarize(rows: readonly SummaryRow[]): Summary {
  const summary = new SummaryBuilder();
  for (const r of rows) {
    summary.add(r);
    summary.addTier(r.valueTier, r.statusTier);
  }
  return summary.result();
}
