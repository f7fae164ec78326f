import fc from 'fast-check';
import { quintileScores, rfmScores, segmentOf, RFM_SEGMENTS } from '../../src/core/rfm';

describe('quintileScores', () => {
  it('gives 1–5 by fifths of the ranks', () => {
    expect(quintileScores([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });
  it('equal values share a score, higher values never score lower, every score is 1–5', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 60 }), (values) => {
      const s = quintileScores(values);
      values.forEach((v, i) => {
        expect(s[i]).toBeGreaterThanOrEqual(1);
        expect(s[i]).toBeLessThanOrEqual(5);
        values.forEach((w, j) => {
          if (v === w) expect(s[i]).toBe(s[j]);
          if (v < w) expect(s[i]).toBeLessThanOrEqual(s[j]!);
        });
      });
    }));
  });
});

describe('segmentOf', () => {
  it.each([
    [5, 5, 'champions'], [5, 4, 'champions'], [4, 5, 'loyal'], [3, 4, 'loyal'], [5, 2, 'potentialLoyalists'],
    [4, 3, 'potentialLoyalists'], [5, 1, 'newCustomers'], [4, 1, 'promising'], [3, 3, 'needAttention'],
    [3, 1, 'aboutToSleep'], [3, 2, 'aboutToSleep'], [2, 5, 'cannotLose'], [1, 3, 'atRisk'], [2, 4, 'atRisk'],
    [1, 1, 'hibernating'], [2, 2, 'hibernating'],
  ])('R%i F%i → %s', (r, f, segment) => {
    expect(segmentOf(r, f)).toBe(segment);
  });
  it('names every cell of the grid with a known segment', () => {
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) expect(RFM_SEGMENTS).toContain(segmentOf(r, f));
  });
});

describe('rfmScores', () => {
  it('scores recent, frequent, big spenders high and leaves customers without activity out', () => {
    const rows = [
      { lastActivity: '2026-11-20', orders: 20, total: 50_000 },
      { lastActivity: '2024-01-01', orders: 1, total: 100 },
      { lastActivity: null, orders: 3, total: 900 },
      { lastActivity: '2026-10-01', orders: 5, total: 3_000 },
      { lastActivity: '2025-06-01', orders: 2, total: 400 },
      { lastActivity: '2026-11-01', orders: null, total: null },
    ];
    const s = rfmScores(rows, '2026-11-22');
    expect(s[2]).toBeNull();
    expect(s[0]).toEqual({ r: 5, f: 5, m: 5, segment: 'champions' });
    expect(s[1]).toMatchObject({ r: 1, f: 1, segment: 'hibernating' });
    expect(s[5]).toMatchObject({ r: 4, m: 1 });
  });
});
