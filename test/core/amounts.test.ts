import fc from 'fast-check';
import { parseAmount } from '../../src/core/amounts';
import { oddValue } from './arbitraries';

describe('parseAmount', () => {
  it('reads ¥ and a whole number, grouped or not, as the same amount as the full-width ￥ form', () => {
    fc.assert(fc.property(fc.oneof(fc.integer({ min: 0, max: 999_999 }), fc.maxSafeNat()), (n) => {
      for (const text of [n.toLocaleString('en-US'), String(n)]) {
        expect(parseAmount(`¥${text}`)).toBe(parseAmount(`￥${text}`));
        expect(parseAmount(`¥${text}`)).toBe(n);
      }
    }));
    expect(parseAmount('¥1,23')).toBeNull();
    expect(parseAmount('¥12,3456')).toBe(parseAmount('￥12,3456'));
  });
  it.each<[unknown, number]>([
    [125644, 125644],
    [0, 0],
    [-0, 0],
    [0.1 + 0.2, 0.3],
    [1234.5678, 1234.57],
    [-2.345, -2.35],
    ['¥125,644', 125644],
    ['￥125,644', 125644],
    ['RMB 96,469', 96469],
    ['CNY 1,000', 1000],
    ['人民币1000元', 1000],
    ['64796元', 64796],
    ['64796 元', 64796],
    ['USD 6,812', 6812],
    ['$1,234.50', 1234.5],
    ['53,357.00', 53357],
    ['1.2万', 12000],
    ['3万元', 30000],
    ['¥3万', 30000],
    ['1.5亿', 150000000],
    ['12k', 12000],
    ['12K', 12000],
    ['3w', 30000],
    ['2.5M', 2500000],
    ['(1,234)', -1234],
    ['(¥1,234.50)', -1234.5],
    ['-500', -500],
    ['-$500', -500],
    ['$-500', -500],
    ['−500', -500],
    ['+500', 500],
    ['１２３', 123],
    ['１２，３４５元', 12345],
    ['1.234,56', 1234.56],
    ['1.234.567', 1234567],
    ['1 234', 1234],
    ['1 234 567,89', 1234567.89],
    ["1'234.50", 1234.5],
    ['0.1', 0.1],
    ['.5', 0.5],
    ['1.005', 1.01],
    ['1e3', 1000],
    ['约5000元', 5000],
    ['5000左右', 5000],
    ['三万', 30000],
    ['五千元', 5000],
    [{ formula: 'SUM(A1:A2)', result: 99.999 }, 100],
    [{ richText: [{ text: '¥1,' }, { text: '000' }] }, 1000],
  ])('%p → %d', (value, amount) => {
    expect(parseAmount(value)).toBe(amount);
  });

  it.each<[unknown]>([
    [''], ['-'], ['无'], ['n/a'], ['#N/A'], ['面议'], ['abc'], ['1000-2000'], ['5%'], ['12,50'], ['1,23'],
    ['1.2.3'], ['¥'], ['万'], ['$$5'], ['12 34'], ['1,2345'],
    [NaN], [Infinity], [null], [undefined], [true], [new Date()], [{}], [{ error: '#DIV/0!' }],
  ])('%p → null', (value) => {
    expect(parseAmount(value)).toBeNull();
  });
});

describe('properties', () => {
  it('parseAmount never throws and returns a finite number or null', () => {
    fc.assert(
      fc.property(oddValue, (value) => {
        const amount = parseAmount(value);
        expect(amount === null || Number.isFinite(amount)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('parseAmount(String(n)) === n for amounts with at most 2 decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (cents) => {
        const n = cents / 100;
        expect(parseAmount(String(n))).toBe(n);
        expect(parseAmount(n)).toBe(n);
      }),
      { numRuns: 3000 },
    );
  });

  it('parseAmount reads grouped, signed and currency forms of the same number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e11 }), (cents) => {
        const n = cents / 100;
        const grouped = n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
        expect(parseAmount(grouped)).toBe(n);
        expect(parseAmount(`¥${grouped}`)).toBe(n);
        expect(parseAmount(`RMB ${grouped}`)).toBe(n);
        expect(parseAmount(`${grouped}元`)).toBe(n);
        expect(parseAmount(`(${grouped})`)).toBe(n === 0 ? 0 : -n);
      }),
    );
  });
});
