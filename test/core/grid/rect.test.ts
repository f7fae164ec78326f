import fc from 'fast-check';
import { contains, inBounds, intersect, intersects, rectCells, subtractRect, type Rect } from '../../../src/core/grid/rect';

const small = fc.integer({ min: 0, max: 12 });
const rect: fc.Arbitrary<Rect> = fc.tuple(small, small, small, small).map(([a, b, c, d]) => ({ r0: Math.min(a, b), r1: Math.max(a, b), c0: Math.min(c, d), c1: Math.max(c, d) }));
const cells = (rs: readonly Rect[]): string[] => rs.flatMap((r) => {
  const out: string[] = [];
  for (let i = r.r0; i <= r.r1; i++) for (let j = r.c0; j <= r.c1; j++) out.push(`${i},${j}`);
  return out;
});

describe('grid rectangles', () => {
  it('a minus b covers exactly the cells of a that are not in b, each once', () => {
    fc.assert(
      fc.property(rect, rect, (a, b) => {
        const parts = subtractRect(a, b);
        const got = cells(parts);
        const inB = new Set(cells([b]));
        const want = cells([a]).filter((c) => !inB.has(c));
        expect(new Set(got).size).toBe(got.length); // disjoint
        expect([...got].sort()).toEqual([...want].sort());
        expect(parts.every((p) => contains(a, p) && !intersects(p, b))).toBe(true);
      }),
    );
  });

  it('intersect agrees with intersects and lies inside both', () => {
    fc.assert(
      fc.property(rect, rect, (a, b) => {
        const x = intersect(a, b);
        expect(x !== null).toBe(intersects(a, b));
        if (x) expect(contains(a, x) && contains(b, x) && rectCells(x) <= Math.min(rectCells(a), rectCells(b))).toBe(true);
      }),
    );
  });

  it('knows the grid edges', () => {
    expect(inBounds({ r0: 0, c0: 0, r1: 1_048_575, c1: 16_383 })).toBe(true);
    expect(inBounds({ r0: 0, c0: 0, r1: 1_048_576, c1: 0 })).toBe(false);
    expect(inBounds({ r0: 3, c0: 0, r1: 2, c1: 0 })).toBe(false);
  });
});
