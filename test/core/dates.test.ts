import fc from 'fast-check';
import { isoToExcelSerial } from '../../src/core/calendar';
import { parseDate } from '../../src/core/dates';
import { isoDate, oddValue } from './arbitraries';

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

describe('properties', () => {
  it('parseDate never throws and returns ISO text or null', () => {
    fc.assert(
      fc.property(oddValue, fc.constantFrom<'ymd' | 'mdy' | 'dmy'>('ymd', 'mdy', 'dmy'), (value, order) => {
        const date = parseDate(value, order);
        expect(date === null || /^\d{4}-\d{2}-\d{2}$/.test(date)).toBe(true);
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

  it('parseDate reads an Excel serial as the day it stands for', () => {
    fc.assert(
      fc.property(isoDate, (iso) => {
        expect(parseDate(isoToExcelSerial(iso))).toBe(iso);
      }),
      { numRuns: 2000 },
    );
  });
});
