import fc from 'fast-check';
import {
  chineseInteger,
  daysBetween,
  excelSerialToIso,
  inferDateOrder,
  isoToExcelSerial,
  parseAmount,
  parseCount,
  parseDate,
} from '../../src/core/cells';

describe('excelSerialToIso / isoToExcelSerial', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [45000, '2023-03-15'],
    [45658, '2025-01-01'],
    [2958465, '9999-12-31'],
  ])('serial %d is %s', (serial, iso) => {
    expect(excelSerialToIso(serial)).toBe(iso);
    expect(isoToExcelSerial(iso)).toBe(serial);
  });

  it('drops the time-of-day fraction', () => {
    expect(excelSerialToIso(45000.99)).toBe('2023-03-15');
  });

  it('rejects the fake 1900-02-29 and serials outside the calendar', () => {
    for (const s of [60, 0, 0.5, -1, 2958466, NaN, Infinity, -Infinity]) expect(excelSerialToIso(s)).toBeNull();
  });

  it('reads the 1904 date system', () => {
    expect(excelSerialToIso(0, true)).toBe('1904-01-01');
    expect(excelSerialToIso(45000 - 1462, true)).toBe('2023-03-15');
    expect(excelSerialToIso(-1, true)).toBeNull();
  });

  it('gives NaN for text that is not an ISO date', () => {
    for (const s of ['', '2025-02-30', '2025/01/01', '1899-12-31', 'x']) expect(isoToExcelSerial(s)).toBeNaN();
  });
});

describe('parseDate', () => {
  it.each<[unknown, string]>([
    ['2025-05-08', '2025-05-08'],
    ['2025/5/17', '2025-05-17'],
    ['2025/05/17', '2025-05-17'],
    ['2025.5.17', '2025-05-17'],
    ['2025-5-8', '2025-05-08'],
    ['2025年7月7日', '2025-07-07'],
    ['2025 年 7 月 7 日', '2025-07-07'],
    ['2025年07月07号', '2025-07-07'],
    ['2025年7月7日 星期一', '2025-07-07'],
    ['2025年7月7日 14:30', '2025-07-07'],
    ['25年7月7日', '2025-07-07'],
    ['二〇二五年五月十七日', '2025-05-17'],
    ['二零二五年十二月三十一日', '2025-12-31'],
    ['20250517', '2025-05-17'],
    ['Jul 19, 2026', '2026-07-19'],
    ['19 Jul 2026', '2026-07-19'],
    ['July 19 2026', '2026-07-19'],
    ['Sept. 5, 2025', '2025-09-05'],
    ['Sat, 19th July 2026', '2026-07-19'],
    ['19-Jul-26', '2026-07-19'],
    ['2026-Jul-19', '2026-07-19'],
    ['Jul 19, 2026 2:30 PM', '2026-07-19'],
    ['7/19/2026', '2026-07-19'],
    ['19/7/2026', '2026-07-19'],
    ['2026-06-18T00:00:00.000Z', '2026-06-18'],
    ['2026-06-18T23:59:59+08:00', '2026-06-18'],
    ['2026-06-18 14:30', '2026-06-18'],
    ['2026/6/18 14:30:00', '2026-06-18'],
    ['  2026-06-18\u00A0', '2026-06-18'],
    ['２０２５－０５－０８', '2025-05-08'],
    ['２０２５／５／１７', '2025-05-17'],
    [45000, '2023-03-15'],
    [45000.75, '2023-03-15'],
    [20250517, '2025-05-17'],
    [new Date(Date.UTC(2025, 4, 17)), '2025-05-17'],
    [new Date(Date.UTC(2025, 4, 17, 23, 30)), '2025-05-17'],
    [{ formula: 'TODAY()', result: 45000 }, '2023-03-15'],
    [{ richText: [{ text: '2025/' }, { text: '5/17' }] }, '2025-05-17'],
  ])('%p → %s', (value, iso) => {
    expect(parseDate(value)).toBe(iso);
  });

  it('reads ambiguous a/b/yyyy in the given order, and falls back when that order is impossible', () => {
    expect(parseDate('5/6/2025')).toBe('2025-05-06');
    expect(parseDate('5/6/2025', 'mdy')).toBe('2025-05-06');
    expect(parseDate('5/6/2025', 'dmy')).toBe('2025-06-05');
    expect(parseDate('5/6/2025', 'ymd')).toBe('2025-05-06'); // year last: ymd cannot apply
    expect(parseDate('19/7/2026', 'mdy')).toBe('2026-07-19');
    expect(parseDate('7/19/2026', 'dmy')).toBe('2026-07-19');
    expect(parseDate('13.02.2025')).toBe('2025-02-13');
  });

  it('reads two-digit years with Excel’s pivot (00–29 → 20xx, 30–99 → 19xx)', () => {
    expect(parseDate('5/17/25')).toBe('2025-05-17');
    expect(parseDate('5/17/45')).toBe('1945-05-17');
    expect(parseDate('17/5/25')).toBe('2025-05-17'); // mdy impossible → dmy
    expect(parseDate('25/5/17', 'ymd')).toBe('2025-05-17');
    expect(parseDate('25/5/17', 'mdy')).toBe('2017-05-25'); // month 25 impossible → dmy first
    expect(parseDate('99/5/17')).toBe('1999-05-17'); // only the year-first reading works
  });

  it.each<[unknown]>([
    ['2025-02-30'], ['2025-13-01'], ['2025/2/29'], ['2024/2/30'], ['13/13/2025'], ['2025年13月1日'],
    ['2025年2月30日'], ['20250230'], ['Feb 30, 2025'],
    // month-only dates: a day would be made up
    ['2025年7月'], ['2025-07'], ['Jul 2026'],
    // not dates
    ['abc'], ['2025'], ['45000'], ['5/17'], ['1/2/3/4'], ['2025-05-08 garbage'], ['12:30'], ['Jul 19'],
    ['1899-12-31'], ['0999-01-01'],
    // missing markers and errors
    [''], ['  '], ['-'], ['无'], ['n/a'], ['N/A'], ['#N/A'], ['#VALUE!'], [{ error: '#N/A' }],
    // numbers outside Excel's calendar
    [0], [-5], [60], [2958466], [1e12], [NaN], [Infinity], [-Infinity],
    // other values
    [null], [undefined], [true], [false], [new Date(NaN)], [{}], [[]], [Symbol('x')], [() => 1],
  ])('%p → null', (value) => {
    expect(parseDate(value)).toBeNull();
  });

  it('accepts leap days only in leap years', () => {
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(parseDate('2000/2/29')).toBe('2000-02-29');
    expect(parseDate('1900/2/29')).toBeNull();
    expect(parseDate('2100年2月29日')).toBeNull();
  });
});

describe('inferDateOrder', () => {
  it('votes by the part above 12', () => {
    expect(inferDateOrder(['13/02/2025', '05/06/2025'])).toBe('dmy');
    expect(inferDateOrder(['02/13/2025', '05/06/2025'])).toBe('mdy');
    expect(inferDateOrder(['13/02/2025', '14/02/2025', '02/13/2025'])).toBe('dmy');
  });

  it('defaults to mdy with no votes or a tie', () => {
    expect(inferDateOrder([])).toBe('mdy');
    expect(inferDateOrder(['05/06/2025', '2025/13/01', 45000, null, new Date()])).toBe('mdy');
    expect(inferDateOrder(['13/02/2025', '02/13/2025'])).toBe('mdy');
  });

  it('does not let year-first four-digit forms vote', () => {
    expect(inferDateOrder(['2025/5/17', '2025-05-30', '2025.12.31', '13/02/2025'])).toBe('dmy');
  });

  it('sees year-first two-digit forms', () => {
    expect(inferDateOrder(['99/5/17', '45/12/1', '5/6/7'])).toBe('ymd');
  });

  it('reads full-width text', () => {
    expect(inferDateOrder(['１３/０２/２０２５'])).toBe('dmy');
  });
});

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

describe('chineseInteger', () => {
  it.each([
    ['十', 10], ['十七', 17], ['二十', 20], ['三十一', 31], ['一百零五', 105], ['两千', 2000],
    ['三万五千', 35000], ['一亿二千万', 120000000], ['十万', 100000],
  ])('%s → %d', (text, n) => {
    expect(chineseInteger(text)).toBe(n);
  });

  it('rejects runs of digits and other text', () => {
    expect(chineseInteger('一二')).toBeNull();
    expect(chineseInteger('')).toBeNull();
    expect(chineseInteger('十x')).toBeNull();
  });
});

describe('daysBetween', () => {
  it('counts whole days, to − from', () => {
    expect(daysBetween('2025-01-01', '2025-01-02')).toBe(1);
    expect(daysBetween('2025-01-02', '2025-01-01')).toBe(-1);
    expect(daysBetween('2025-11-22', '2025-11-22')).toBe(0);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(daysBetween('2025-11-22', '2026-11-22')).toBe(365);
    // no daylight-saving hour can shift it
    expect(daysBetween('2025-03-08', '2025-03-10')).toBe(2);
  });

  it('is NaN when a date is not ISO', () => {
    expect(daysBetween('2025-01-01', 'soon')).toBeNaN();
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const MIN_DAY = Date.UTC(1900, 2, 1);
const MAX_DAY = Date.UTC(9999, 11, 31);
const isoDate = fc
  .integer({ min: MIN_DAY / 86400000, max: MAX_DAY / 86400000 })
  .map((day) => new Date(day * 86400000).toISOString().slice(0, 10));

const oddValue = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom(...'0123456789-/.,年月日万元¥$()kK次 eE+:T')}),
  fc.double(),
  fc.integer(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, null, undefined, true, Symbol('s'), new Date(NaN), [], {}),
  fc.date({ noInvalidDate: false }),
  fc.object(),
  fc.record({ result: fc.anything() }),
  fc.record({ richText: fc.anything() }),
  fc.anything(),
);

describe('properties', () => {
  it('parsers never throw and return the right type', () => {
    fc.assert(
      fc.property(oddValue, fc.constantFrom<'ymd' | 'mdy' | 'dmy'>('ymd', 'mdy', 'dmy'), (value, order) => {
        const date = parseDate(value, order);
        expect(date === null || /^\d{4}-\d{2}-\d{2}$/.test(date)).toBe(true);
        const amount = parseAmount(value);
        expect(amount === null || Number.isFinite(amount)).toBe(true);
        const count = parseCount(value);
        expect(count === null || (Number.isInteger(count) && count >= 0)).toBe(true);
        inferDateOrder([value]);
      }),
      { numRuns: 3000 },
    );
  });

  it('parseDate is idempotent on its ISO output', () => {
    fc.assert(
      fc.property(oddValue, (value) => {
        const iso = parseDate(value);
        if (iso !== null) expect(parseDate(iso)).toBe(iso);
      }),
      { numRuns: 2000 },
    );
  });

  it('parseDate reads text built from a date in every supported form', () => {
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    fc.assert(
      fc.property(isoDate, (iso) => {
        const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
        for (const text of [iso, `${y}/${m}/${d}`, `${y}.${m}.${d}`, `${y}年${m}月${d}日`, `${months[m - 1]} ${d}, ${y}`,
          `${d} ${months[m - 1]} ${y}`, iso.replace(/-/g, ''), `${iso}T12:00:00Z`]) {
          expect(parseDate(text)).toBe(iso);
        }
        expect(parseDate(`${m}/${d}/${y}`, 'mdy')).toBe(iso);
        expect(parseDate(`${d}/${m}/${y}`, 'dmy')).toBe(iso);
        expect(parseDate(new Date(`${iso}T00:00:00Z`))).toBe(iso);
      }),
    );
  });

  it('excelSerialToIso ∘ isoToExcelSerial round-trips over 1900-03-01..9999-12-31', () => {
    fc.assert(
      fc.property(isoDate, (iso) => {
        const serial = isoToExcelSerial(iso);
        expect(Number.isInteger(serial)).toBe(true);
        expect(excelSerialToIso(serial)).toBe(iso);
        expect(parseDate(serial)).toBe(iso);
      }),
      { numRuns: 2000 },
    );
  });

  it('serials advance one day at a time and agree with Date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (serial) => {
        const iso = excelSerialToIso(serial);
        expect(iso).toBe(new Date(Date.UTC(1899, 11, 30) + serial * 86400000).toISOString().slice(0, 10));
        expect(isoToExcelSerial(iso as string)).toBe(serial);
      }),
    );
  });

  it('daysBetween agrees with serial differences', () => {
    fc.assert(
      fc.property(isoDate, isoDate, (a, b) => {
        expect(daysBetween(a, b)).toBe(isoToExcelSerial(b) - isoToExcelSerial(a));
      }),
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
