/**
 * Value tier, status and lifecycle, by DESIGN's rules. Thresholds come from settings.
 * The value tier reproduces Excel's PERCENTRANK.INC so the template's live formula and this
 * engine always agree.
 */
import type { Thresholds } from './settings';
import { daysBetween, type IsoDate } from './calendar';

export const VALUE_TIERS = ['high', 'medium', 'low'] as const;
export const STATUS_TIERS = ['active', 'dormant', 'lost', 'unknown'] as const;
export const LIFECYCLES = ['prospect', 'new', 'returning'] as const;
export type ValueTier = (typeof VALUE_TIERS)[number];
export type StatusTier = (typeof STATUS_TIERS)[number];
export type Lifecycle = (typeof LIFECYCLES)[number];

/**
 * PERCENTRANK.INC(all, x) for every x of `totals` (each is in the array, so no interpolation):
 * count of values strictly below x divided by n − 1, truncated to 3 decimals as Excel does.
 * Sorting once makes this O(n log n) for the whole column.
 */
export function percentRanks(totals: readonly number[]): number[] {
  const n = totals.length;
  if (n === 0) return [];
  if (n === 1) return [1];
  const sorted = Float64Array.from(totals).sort();
  return totals.map((x) => {
    // First index with sorted[i] >= x = count strictly below x.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as number) < x) lo = mid + 1; else hi = mid;
    }
    // Integer arithmetic for the truncation avoids 0.8 becoming 0.7999… .
    return Math.floor((lo * 1000) / (n - 1) + 1e-9) / 1000;
  });
}

/**
 * `valueTier(percentRanks(totals)[i], t)` for an amount x of `totals`, as two comparisons: the rank only
 * grows with the count of amounts below x, so rank ≥ p ⇔ at least m amounts are below x ⇔ x is greater
 * than the m-th smallest amount, m being the least count whose (truncated) rank reaches p. One sort, no
 * rank per row (the same rule as the sheet's threshold formula).
 */
export function valueTierRule(totals: ArrayLike<number>, t: Thresholds): (amount: number) => ValueTier {
  const n = totals.length;
  if (n <= 1) return () => valueTier(1, t); // percentRanks gives a single amount the rank 1
  const amounts = new Float64Array(totals); // a copy: the selection reorders it
  // Two order statistics, not the whole order: sorting a million amounts held the pane too long.
  // (NaN has no place in a selection; a sort puts it last, as it always did.)
  const smallest = hasNaN(amounts) ? sortedPicker(amounts) : (k: number) => nthSmallest(amounts, k);
  const rankOf = (below: number) => Math.floor((below * 1000) / (n - 1) + 1e-9) / 1000;
  /** Amounts above this have rank ≥ p. */
  const cutoff = (p: number): number => {
    let lo = 0;
    let hi = n; // n: no count reaches p
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (rankOf(mid) >= p) hi = mid; else lo = mid + 1;
    }
    if (lo === 0) return -Infinity;
    return lo === n ? Infinity : smallest(lo - 1);
  };
  const high = cutoff(t.highPercentile);
  const medium = cutoff(t.mediumPercentile);
  return (amount) => (amount > high ? 'high' : amount > medium ? 'medium' : 'low');
}

/** A loop, not `some(Number.isNaN)`: a callback per amount is a noticeable stretch at a million. */
function hasNaN(a: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== a[i]) return true;
  return false;
}

function sortedPicker(amounts: Float64Array): (k: number) => number {
  const sorted = amounts.sort();
  return (k) => sorted[k]!;
}

/**
 * The k-th smallest (0-based) of `a`, which it reorders: Hoare's selection with a median-of-three
 * pivot, linear on average. Any order of `a` will do, so a second call can use what the first left.
 */
export function nthSmallest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const x = a[lo]!;
    const y = a[(lo + hi) >>> 1]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : (x < z ? x : y < z ? z : y);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const v = a[i]!;
        a[i] = a[j]!;
        a[j] = v;
        i++;
        j--;
      }
    }
    // lo..j ≤ pivot ≤ i..hi, and anything between j and i equals the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

export function valueTier(rank: number, t: Thresholds): ValueTier {
  if (rank >= t.highPercentile) return 'high';
  if (rank >= t.mediumPercentile) return 'medium';
  return 'low';
}

/** The later of two optional ISO dates (ISO strings compare in date order). */
export function laterDate(a: IsoDate | null, b: IsoDate | null): IsoDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

export function statusTier(lastActivity: IsoDate | null, asOf: IsoDate, t: Thresholds): StatusTier {
  if (lastActivity === null) return 'unknown';
  const days = daysBetween(lastActivity, asOf);
  if (days <= t.activeDays) return 'active';
  if (days <= t.dormantDays) return 'dormant';
  return 'lost';
}

/**
 * Lifecycle from the order count; without one, from the purchase dates (no purchase → prospect,
 * one purchase date or first = last → new, first before last → returning).
 */
export function lifecycle(
  orders: number | null,
  firstPurchase: IsoDate | null,
  lastPurchase: IsoDate | null,
  t: Thresholds,
): Lifecycle {
  if (orders !== null) {
    if (orders <= 0) return 'prospect';
    return orders >= t.returningOrders ? 'returning' : 'new';
  }
  if (firstPurchase === null && lastPurchase === null) return 'prospect';
  if (firstPurchase !== null && lastPurchase !== null && firstPurchase < lastPurchase) return 'returning';
  return 'new';
}
