/**
 * The engine against the sample ledgers and their ground truth (test/fixtures/samples, copies of the shared ones).
 * Targets from the foundation issue: phone and email ≥ 99%, tiers 100%, duplicate pairs F1 ≥ 0.97,
 * exactly the data rows.
 */
import { analyzeSample, pairF1, pairsOf, type Truth } from './helpers/samples';
import type { Report } from '../src/core/report';
import { ReportSchema } from '../src/core/report';

const names = ['customers-zh', 'customers-en'];

describe.each(names)('sample %s', (name) => {
  let report: Report;
  let truth: Truth;
  beforeAll(async () => {
    ({ report, truth } = await analyzeSample(name));
  });

  const share = (ok: (i: number) => boolean) => {
    let n = 0;
    truth.rows.forEach((_, i) => { if (ok(i)) n++; });
    return n / truth.rows.length;
  };
  const mismatches = (field: string, ok: (i: number) => boolean, show: (i: number) => unknown) =>
    truth.rows.map((_, i) => i).filter((i) => !ok(i)).slice(0, 10).map((i) => ({ row: truth.rows[i]!.row, field, got: show(i) }));

  it('is a valid report', () => {
    expect(() => ReportSchema.parse(report)).not.toThrow();
  });

  it('finds the sheet layout and exactly the data rows', () => {
    expect(report.headerRow).toBe(truth.headerRow);
    expect(report.rows.map((r) => r.row)).toEqual(truth.rows.map((r) => r.row));
    expect(report.dataRows).toBe(truth.dataRows);
  });

  it('checks phones (≥ 99% status and E.164)', () => {
    const ok = (i: number) => report.rows[i]!.phone?.status === truth.rows[i]!.phone.status &&
      (report.rows[i]!.phone?.e164 ?? null) === truth.rows[i]!.phone.e164;
    const score = share(ok);
    if (score < 1) console.log(name, 'phone', score, mismatches('phone', ok, (i) => [report.rows[i]!.phone, truth.rows[i]!.phone]));
    expect(score).toBeGreaterThanOrEqual(0.99);
  });

  it('checks emails (≥ 99% status, normalized and suggestion)', () => {
    const ok = (i: number) => {
      const got = report.rows[i]!.email;
      const want = truth.rows[i]!.email;
      return got?.status === want.status && (got?.normalized ?? null) === want.normalized && (got?.suggestion ?? null) === want.suggestion;
    };
    const score = share(ok);
    if (score < 1) console.log(name, 'email', score, mismatches('email', ok, (i) => [report.rows[i]!.email, truth.rows[i]!.email]));
    expect(score).toBeGreaterThanOrEqual(0.99);
  });

  it.each(['valueTier', 'statusTier', 'lifecycle'] as const)('computes %s for every row', (field) => {
    const ok = (i: number) => report.rows[i]![field] === truth.rows[i]![field];
    const bad = mismatches(field, ok, (i) => [report.rows[i]![field], truth.rows[i]![field], report.rows[i]!.total, report.rows[i]!.orders, report.rows[i]!.lastActivity]);
    expect(bad).toEqual([]);
  });

  it('reads amounts, order counts and activity dates as the truth has them', () => {
    const bad = truth.rows.filter((t, i) => {
      const r = report.rows[i]!;
      const last = [t.dates.lastPurchase, t.dates.lastContact].filter(Boolean).sort().pop() ?? null;
      return (r.total ?? 0) !== (t.total ?? 0) || r.orders !== t.orders || r.lastActivity !== last;
    }).slice(0, 10);
    expect(bad).toEqual([]);
  });

  it('finds duplicate groups with pair F1 ≥ 0.97', () => {
    const found = pairsOf(report.duplicateGroups.map((g) => g.rows));
    const want = pairsOf(truth.duplicateGroups);
    const score = pairF1(found, want);
    if (score.f1 < 1) {
      console.log(name, 'duplicates', score,
        'missing', [...want].filter((p) => !found.has(p)), 'extra', [...found].filter((p) => !want.has(p)));
    }
    expect(score.f1).toBeGreaterThanOrEqual(0.97);
  });

  it('names a kept row inside each group and a reason for each pair', () => {
    for (const g of report.duplicateGroups) {
      expect(g.rows).toContain(g.keep);
      expect(g.pairs.length).toBe(g.rows.length - 1);
      expect(g.reasons.length).toBeGreaterThan(0);
    }
  });
});
