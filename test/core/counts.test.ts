import fc from 'fast-check';
import { parseCount } from '../../src/core/counts';
import { oddValue } from './arbitraries';

describe('parseCount', () => {
  it.each<[unknown, number]>([
    [3, 3],
    [0, 0],
    [2.0, 2],
    [3 * 0.1 * 10, 3],
    ['3', 3],
    ['3.0', 3],
    [' 3 ', 3],
    ['3次', 3],
    ['3 单', 3],
    ['3笔', 3],
    ['3 orders', 3],
    ['1 order', 1],
    ['共3次', 3],
    ['三次', 3],
    ['十二次', 12],
    ['二十', 20],
    ['１２', 12],
    ['1,234', 1234],
    [{ formula: 'A1+1', result: 4 }, 4],
  ])('%p → %d', (value, count) => {
    expect(parseCount(value)).toBe(count);
  });

  it.each<[unknown]>([
    [2.5], [-1], ['-1'], ['2.5'], ['abc'], [''], ['-'], ['无'], ['n/a'], ['#N/A'], ['3-5次'],
    [NaN], [Infinity], [null], [undefined], [true], [new Date()], [{}],
  ])('%p → null', (value) => {
    expect(parseCount(value)).toBeNull();
  });
});

describe('properties', () => {
  it('parseCount never throws and returns a non-negative integer or null', () => {
    fc.assert(
      fc.property(oddValue, (value) => {
        const count = parseCount(value);
        expect(count === null || (Number.isInteger(count) && count >= 0)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('parseCount reads every non-negative integer as number and text', () => {
    fc.assert(
      fc.property(fc.nat(), (n) => {
        expect(parseCount(n)).toBe(n);
        expect(parseCount(String(n))).toBe(n);
        expect(parseCount(`${n}次`)).toBe(n);
      }),
    );
  });
});
