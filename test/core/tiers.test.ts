import fc from 'fast-check';
import { lifecycle, nthSmallest, percentRanks, statusTier, valueTier, valueTierRule, laterDate } from '../../src/core/tiers';
import { DEFAULT_SETTINGS } from '../../src/core/settings';

const t = DEFAULT_SETTINGS.thresholds;

/** Excel's PERCENTRANK.INC for a value in the array, written the slow obvious way. */
function naivePercentRank(all: readonly number[], x: number): number {
  if (all.length === 1) return 1;
  const below = all.filter((v) => v < x).length;
  return Math.floor((below / (all.length - 1)) * 1000 + 1e-9) / 1000;
}

describe('percentRanks', () => {
  it('matches Excel on a small example', () => {
    // PERCENTRANK.INC({1,2,3,4,5}, x) = 0, .25, .5, .75, 1
    expect(percentRanks([3, 1, 5, 2, 4])).toEqual([0.5, 0, 1, 0.25, 0.75]);
  });
  it('gives ties the same rank (count strictly below)', () => {
    expect(percentRanks([0, 0, 0, 10])).toEqual([0, 0, 0, 1]);
  });
  it('truncates to three decimals like Excel', () => {
    // 2 of 7 below → 2/6 = 0.3333 → 0.333
    expect(percentRanks([1, 2, 3, 4, 5, 6, 7])[2]).toBe(0.333);
  });
  it('handles one and zero values', () => {
    expect(percentRanks([42])).toEqual([1]);
    expect(percentRanks([])).toEqual([]);
  });
  it('agrees with the naive definition on any data', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 60 }), (xs) => {
      const ranks = percentRanks(xs);
      return xs.every((x, i) => ranks[i] === naivePercentRank(xs, x));
    }));
  });
});

describe('valueTier', () => {
  it('uses ≥ 0.8 high and ≥ 0.5 medium', () => {
    expect(valueTier(0.8, t)).toBe('high');
    expect(valueTier(0.799, t)).toBe('medium');
    expect(valueTier(0.5, t)).toBe('medium');
    expect(valueTier(0.499, t)).toBe('low');
  });
  it('follows changed thresholds', () => {
    expect(valueTier(0.7, { ...t, highPercentile: 0.7 })).toBe('high');
  });
});

describe('statusTier', () => {
  const asOf = '2026-11-22';
  it('counts days to the as-of date', () => {
    expect(statusTier('2026-08-24', asOf, t)).toBe('active'); // 90 days
    expect(statusTier('2026-08-23', asOf, t)).toBe('dormant'); // 91 days
    expect(statusTier('2025-11-22', asOf, t)).toBe('dormant'); // 365 days
    expect(statusTier('2025-11-21', asOf, t)).toBe('lost'); // 366 days
    expect(statusTier(null, asOf, t)).toBe('unknown');
  });
  it('treats a future date as active', () => {
    expect(statusTier('2027-01-01', asOf, t)).toBe('active');
  });
  it('follows changed thresholds', () => {
    expect(statusTier('2026-10-01', asOf, { ...t, activeDays: 30 })).toBe('dormant');
  });
});

describe('laterDate', () => {
  it('takes the later of two dates, ignoring missing ones', () => {
    expect(laterDate('2025-01-01', '2026-01-01')).toBe('2026-01-01');
    expect(laterDate(null, '2026-01-01')).toBe('2026-01-01');
    expect(laterDate('2025-01-01', null)).toBe('2025-01-01');
    expect(laterDate(null, null)).toBeNull();
  });
});

describe('lifecycle', () => {
  it('uses the order count', () => {
    expect(lifecycle(0, null, null, t)).toBe('prospect');
    expect(lifecycle(1, null, null, t)).toBe('new');
    expect(lifecycle(2, null, null, t)).toBe('returning');
    expect(lifecycle(30, null, null, t)).toBe('returning');
  });
  it('falls back to purchase dates without a count', () => {
    expect(lifecycle(null, null, null, t)).toBe('prospect');
    expect(lifecycle(null, '2025-01-01', '2025-01-01', t)).toBe('new');
    expect(lifecycle(null, null, '2025-01-01', t)).toBe('new');
    expect(lifecycle(null, '2024-01-01', '2025-01-01', t)).toBe('returning');
  });
});

describe('nthSmallest', () => {
  it('is the k-th of the sorted amounts, for any k, with ties, infinities and several picks from one array', () => {
    fc.assert(fc.property(
      fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ noNaN: true })), { minLength: 1, maxLength: 200 }),
      fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
      (values, picks) => {
        const sorted = Float64Array.from(values).sort();
        const a = Float64Array.from(values);
        for (const p of picks) {
          const k = p % values.length;
          expect([k, nthSmallest(a, k) === sorted[k]]).toEqual([k, true]); // === : a selection may give 0 where the sort has -0
        }
      }), { numRuns: 2000 });
  });
});

describe('valueTierRule', () => {
  it('gives every amount the tier of its percent rank (ties, blanks as 0, negatives, odd thresholds)', () => {
    fc.assert(fc.property(
      fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { maxLength: 60 }),
      fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }),
      (totals, a, b) => {
        const th = { ...t, highPercentile: Math.max(a, b), mediumPercentile: Math.min(a, b) };
        const rule = valueTierRule(totals, th);
        const ranks = percentRanks(totals);
        totals.forEach((x, i) => expect(rule(x)).toBe(valueTier(ranks[i]!, th)));
      }));
  });
  it('with one amount, gives it the tier of rank 1', () => {
    expect(valueTierRule([5], t)(5)).toBe('high');
  });
});
