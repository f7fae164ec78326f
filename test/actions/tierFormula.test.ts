/**
 * The live value-tier formula (a per-row comparison with threshold amounts the settings sheet computes
 * once) must say what the engine's PERCENTRANK.INC says, for any amounts: ties, blanks (counted as 0),
 * negatives (refunds), one row, and thresholds with more than three decimals.
 */
import fc from 'fast-check';
import { computeTiers } from '../../src/actions';
import { simWith } from '../helpers/simLedger';

const NOW = new Date('2026-11-23T09:00:00Z');

async function tiersOf(amounts: (number | null)[], high?: number, medium?: number) {
  const values = [['Name', 'Total spend'], ...amounts.map((a, i) => [`Customer ${i}`, a])];
  const { host, port } = simWith({ 客户: values });
  const ctx = { port, locale: 'en-US' as const, now: NOW, settings: { asOf: '2026-11-22' } };
  let summary = await computeTiers(ctx);
  if (high !== undefined && medium !== undefined) {
    // The user edits the percentiles in the settings sheet; the next run's engine reads them too.
    host.workbook.sheet('Ledger Settings').write('B5:B6', [[high], [medium]]);
    summary = await computeTiers(ctx);
  }
  const grid = host.workbook.sheet('客户').values();
  const col = grid[0]!.indexOf('Value tier');
  return { live: summary.live.valueTier, formula: host.workbook.sheet('客户').cell('C2').formula, sheet: grid.slice(1).map((r) => r[col]) };
}

async function engineTiers(amounts: (number | null)[], high: number, medium: number): Promise<string[]> {
  const { analyzeSheet } = await import('../../src/core/analyze');
  const values = [['姓名', '累计消费'], ...amounts.map((a, i) => [`客户${i}`, a])];
  const report = analyzeSheet({ sheet: 'x', values, settings: { thresholds: { highPercentile: high, mediumPercentile: medium } } as never, today: '2026-11-22' });
  return report.rows.map((r) => (r.valueTier ? r.valueTier[0]!.toUpperCase() + r.valueTier.slice(1) : ''));
}

describe('value tier formula', () => {
  it('is a per-row comparison, not a rank over the whole column', async () => {
    const r = await tiersOf([100, 900, 500, null, 700]);
    expect(r.live).toBe(true);
    expect(r.formula).not.toMatch(/COUNTIF|PERCENTRANK/);
    expect(r.sheet).toEqual(['Low', 'High', 'Medium', 'Low', 'Medium']);
  });

  it('agrees with the engine on any amounts and thresholds', async () => {
    const amount: fc.Arbitrary<number | null> = fc.oneof(fc.constant(null), fc.constant(0), fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 5 }).map((x) => x * 100));
    await fc.assert(fc.asyncProperty(
      fc.array(amount, { minLength: 1, maxLength: 25 }),
      fc.integer({ min: 0, max: 10000 }).map((x) => x / 10000),
      fc.integer({ min: 0, max: 10000 }).map((x) => x / 10000),
      async (amounts, a, b) => {
        if (!amounts.some((x) => x !== null)) amounts[0] = 1;
        const [high, medium] = a >= b ? [a, b] : [b, a];
        const got = await tiersOf(amounts, high, medium);
        expect(got.sheet).toEqual(await engineTiers(amounts, high, medium));
      }), { numRuns: 60 });
  }, 60_000);
});
