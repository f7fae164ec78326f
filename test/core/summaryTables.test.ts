/**
 * The summary's tables, in memory: fixed orders, an unknown bucket so every table adds up to the rows it
 * was given, long dimensions folded into one "other" line (totals unchanged), months without gaps.
 * Expectations are counted here from the generated rows, not taken from the function.
 */
import { seededRandom } from '../../src/core/random';
import { RFM_SEGMENTS } from '../../src/core/rfm';
import { EARLIER, OTHER, UNKNOWN, monthLines, qualityLines, summaryTables, type SummaryInputRow } from '../../src/core/summaryTables';
import { LIFECYCLES, STATUS_TIERS, VALUE_TIERS } from '../../src/core/tiers';

function rows(n: number, seed: number): SummaryInputRow[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  return Array.from({ length: n }, (): SummaryInputRow => ({
    valueTier: rnd() < 0.1 ? null : pick(VALUE_TIERS),
    statusTier: rnd() < 0.1 ? null : pick(STATUS_TIERS),
    lifecycle: rnd() < 0.1 ? null : pick(LIFECYCLES),
    total: rnd() < 0.1 ? null : Math.round(rnd() * 1e6) / 100,
    dims: { region: rnd() < 0.1 ? '' : `R${Math.floor(rnd() * 80)}`, owner: rnd() < 0.2 ? '' : pick(['甲', '乙', '丙']) },
    firstPurchase: rnd() < 0.1 ? null : `20${20 + Math.floor(rnd() * 7)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-15`,
    rfm: rnd() < 0.2 ? null : pick(RFM_SEGMENTS),
  }));
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const money = (rs: readonly SummaryInputRow[]) => Math.round(sum(rs.map((r) => r.total ?? 0)) * 100) / 100;

describe('summaryTables', () => {
  const data = rows(500, 7);
  const t = summaryTables(data, { dimensions: ['region', 'owner'], hasFirstPurchase: true, hasRfm: true, maxGroups: 20, maxMonths: 24 });

  it('tier × status: tiers high → low then unknown, statuses in their order; every row counted once', () => {
    expect(t.tierByStatus.rows).toEqual(['high', 'medium', 'low', UNKNOWN]);
    expect(t.tierByStatus.columns).toEqual(['active', 'dormant', 'lost', 'unknown']);
    expect(t.tierByStatus.total).toBe(data.length);
    const highLost = data.filter((r) => r.valueTier === 'high' && r.statusTier === 'lost').length;
    expect(t.tierByStatus.counts[0]![2]).toBe(highLost);
    const noTierUnknownStatus = data.filter((r) => r.valueTier === null && (r.statusTier === null || r.statusTier === 'unknown')).length;
    expect(t.tierByStatus.counts[3]![3]).toBe(noTierUnknownStatus);
    expect(sum(t.tierByStatus.columnTotals)).toBe(data.length);
    expect(t.tierByLifecycle.columns).toEqual(['prospect', 'new', 'returning', UNKNOWN]);
    expect(t.tierByLifecycle.total).toBe(data.length);
  });

  it('a long dimension folds into one "other" line, blanks last, totals unchanged', () => {
    const region = t.dimensions.find((d) => d.dimension === 'region')!;
    const keys = region.lines.map((l) => l.key);
    expect(keys).toHaveLength(22); // 20 listed, other, blank
    expect(keys[20]).toBe(OTHER);
    expect(keys[21]).toBe(UNKNOWN);
    expect(region.folded).toBe(new Set(data.map((r) => r.dims.region).filter(Boolean)).size - 20);
    expect(sum(region.lines.map((l) => l.customers))).toBe(data.length);
    expect(sum(region.lines.map((l) => l.revenue))).toBeCloseTo(money(data), 2);
    expect(region.total.revenue).toBeCloseTo(money(data), 2);
    const listed = region.lines.slice(0, 20).map((l) => l.revenue);
    expect(listed).toEqual([...listed].sort((a, b) => b - a));
  });

  it('owner × status puts whoever holds the most high-value dormant or lost customers first', () => {
    const o = t.ownerByStatus!;
    const risk = (owner: string) => data.filter((r) => r.dims.owner === owner && r.valueTier === 'high' && (r.statusTier === 'dormant' || r.statusTier === 'lost')).length;
    const named = o.grid.rows.filter((k) => k !== UNKNOWN);
    expect(named.map(risk)).toEqual([...named.map(risk)].sort((a, b) => b - a));
    expect(o.highAtRisk.slice(0, named.length)).toEqual(named.map(risk));
    expect(o.grid.total).toBe(data.length);
  });

  it('months: the last 24 in order without gaps, earlier ones and unknown dates in their own lines', () => {
    const m = t.byFirstPurchaseMonth!;
    const months = m.lines.map((l) => l.month);
    expect(months[0]).toBe(EARLIER);
    expect(months[months.length - 1]).toBe(UNKNOWN);
    const listed = months.slice(1, -1);
    expect(listed).toHaveLength(24);
    const latest = data.map((r) => r.firstPurchase?.slice(0, 7) ?? '').sort().pop();
    expect(listed[listed.length - 1]).toBe(latest);
    for (let i = 1; i < listed.length; i++) {
      const [y, mo] = listed[i - 1]!.split('-').map(Number) as [number, number];
      expect(listed[i]).toBe(mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`);
    }
    expect(sum(m.lines.map((l) => l.customers))).toBe(data.length);
    expect(sum(m.lines.map((l) => l.revenue))).toBeCloseTo(money(data), 2);
  });

  it('a gap of months is filled with zeros', () => {
    const few = [{ ...data[0]!, firstPurchase: '2025-11-03' }, { ...data[1]!, firstPurchase: '2026-02-20' }];
    expect(monthLines(few, 60).lines.map((l) => [l.month, l.customers])).toEqual([['2025-11', 1], ['2025-12', 0], ['2026-01', 0], ['2026-02', 1]]);
  });

  it('RFM: every segment in the grid order, then the unscored; none without RFM columns', () => {
    expect(t.rfm!.lines.map((l) => l.segment)).toEqual([...RFM_SEGMENTS, UNKNOWN]);
    expect(sum(t.rfm!.lines.map((l) => l.customers))).toBe(data.length);
    expect(t.rfm!.lines[0]!.customers).toBe(data.filter((r) => r.rfm === 'champions').length);
    expect(summaryTables(data, { dimensions: [], hasFirstPurchase: false, hasRfm: false }).rfm).toBeNull();
  });

  it('data quality leaves out the columns the ledger lacks', () => {
    const lines = qualityLines({ rows: 9, phone: { invalid: 2, empty: 1 }, email: null, nameMissing: null,
      duplicateGroups: [{ rows: [2, 5, 7] }, { rows: [3, 4] }], possibleDuplicates: 4 });
    expect(lines).toEqual([
      { key: 'rows', count: 9 }, { key: 'phoneInvalid', count: 2 }, { key: 'phoneSuspect', count: 0 }, { key: 'phoneIncomplete', count: 0 },
      { key: 'phoneMissing', count: 1 }, { key: 'duplicateGroups', count: 2 }, { key: 'duplicateExtraRows', count: 3 }, { key: 'possibleDuplicates', count: 4 },
    ]);
  });
});
