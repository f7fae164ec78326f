/**
 * A date from whatever a cell holds (a serial, a Date, text in the forms people type), as ISO text.
 * Pure and never throwing; plain ISO strings take a fast path because a column can hold a million.
 */
import { excelSerialToIso, hasIsoShape, isDigitAt, isoOrNull, readIsoPrefix, type IsoDate } from './calendar';
import { CJK_DIGITS, chineseInteger } from './chineseNumerals';
import { prepareText, safeCellValue } from './parseInput';

/** How to read an all-numeric date whose parts could be swapped, such as 5/6/2025 or 25/5/17. */
export type DateOrder = 'ymd' | 'mdy' | 'dmy';

/**
 * A date from whatever a cell holds: an Excel serial, a Date (exceljs: UTC midnight), or text in the
 * forms people type (2025-05-08, 2025/5/17, 2025.5.17, 2025年7月7日, 二〇二五年五月十七日, 20250517,
 * Jul 19, 2026, 19 Jul 2026, 7/19/2026, ISO timestamps...). Time of day is dropped.
 * `order` settles a/b/yyyy and all-two-digit forms whose reading is open; a reading that is impossible
 * in that order (19/7/2026 as mdy) falls back to the one that works.
 * Null for blanks, missing markers, Excel errors, impossible dates, and anything else. Decisions:
 * - month-only text (2025年7月, 2025-07) → null: inventing a day would claim a precision the cell lacks;
 * - two-digit years follow Excel: 00–29 → 20xx, 30–99 → 19xx;
 * - an 8-digit integer (cell typed as 20250517) that is a valid yyyymmdd is read as that date, since
 *   such values lie beyond every real serial;
 * - years outside 1900–9999 → null (Excel cannot hold them as dates).
 */
export function parseDate(value: unknown, order: DateOrder = 'mdy'): IsoDate | null {
  if (typeof value === 'number') return parseDateNumber(value);
  if (typeof value === 'string') return parseDateText(value, order);
  if (value instanceof Date) return parseDateObject(value);
  if (value === null || value === undefined || typeof value !== 'object') return null;
  const plain = safeCellValue(value);
  if (plain === null || typeof plain === 'boolean') return null;
  if (typeof plain === 'number') return parseDateNumber(plain);
  if (typeof plain === 'string') return parseDateText(plain, order);
  return parseDateObject(plain);
}

function parseDateNumber(n: number): IsoDate | null {
  if (n >= 19000101 && n <= 99991231 && Number.isInteger(n)) {
    return isoOrNull(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100);
  }
  return excelSerialToIso(n);
}

function parseDateObject(d: Date): IsoDate | null {
  const t = d.getTime();
  if (Number.isNaN(t)) return null;
  return isoOrNull(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * Fast path for the form most cells have: 'YYYY-MM-DD' alone or followed by a time ('T…' or ' …').
 * Undefined when s has another shape; null when it has this shape but names no real day (2025-02-30).
 */
function parseIsoFast(s: string): IsoDate | null | undefined {
  if (!hasIsoShape(s)) return undefined;
  if (s.length > 10 && !((s[10] === 'T' || s[10] === ' ') && TIME_TAIL.test(s.slice(10)))) return undefined;
  return readIsoPrefix(s) ? s.slice(0, 10) : null;
}

// A time after the date: 'T14:30:00.000Z', ' 14:30', ' 2:30 PM', '+08:00' offsets. Kept loose on purpose.
const TIME_TAIL = /^(?:[T ]\s*\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?)?$/i;

// 2025/5/17, 7/19/2026, 19.7.2026, 25-5-17 — same separator twice, optional time after.
export const NUMERIC_DATE = /^(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})((?:[T ].*)?)$/i;
// 20250517 typed as text.
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
// 2025年7月7日 / 25年7月7号, optional time after.
const CJK_DATE = /^(\d{2}|\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號](.*)$/;
// 二〇二五年五月十七日 (Chinese numerals; digits mixed in are fine).
const CJK_NUMERAL_DATE = /^([〇零○一二三四五六七八九\d]{2,4})\s*年\s*([一二三四五六七八九十\d]{1,3})\s*月\s*([一二三四五六七八九十\d]{1,3})\s*[日号號](.*)$/;
// The rest after a Chinese date: nothing, a weekday, or a time.
const CJK_TAIL = /^\s*(?:[(（]?(?:星期|周|週|礼拜|禮拜)[一二三四五六日天][)）]?)?\s*(?:(?:上午|下午|晚上)?\s*\d{1,2}[:：时點点]\d{0,2}.*)?$/;

function parseDateText(raw: string, order: DateOrder): IsoDate | null {
  const fast = parseIsoFast(raw);
  if (fast !== undefined) return fast;
  const s = prepareText(raw);
  if (s === null) return null;
  const again = parseIsoFast(s);
  if (again !== undefined) return again;
  // Text that starts with a digit is numeric or Chinese; other text can only carry a month name.
  if (!isDigitAt(s, 0)) return parseMonthNameDate(s) ?? parseCjkDate(s);
  return parseNumericDate(s, order) ?? parseCompactDate(s) ?? parseCjkDate(s) ?? parseMonthNameDate(s);
}

function parseNumericDate(s: string, order: DateOrder): IsoDate | null {
  const m = NUMERIC_DATE.exec(s);
  if (!m || !TIME_TAIL.test(m[5] ?? '')) return null;
  const a = m[1] ?? '';
  const b = m[3] ?? '';
  const c = m[4] ?? '';
  if (a.length === 4) return c.length <= 2 ? isoOrNull(+a, +b, +c) : null; // year first: always y-m-d
  if (a.length === 3 || c.length === 3) return null;
  if (c.length === 4) return yearLastDate(+a, +b, +c, order);
  return shortYearDate(+a, +b, +c, order);
}

/** a/b/yyyy: month and day per `order` (ymd makes no sense here, so it reads as mdy); swap if impossible. */
function yearLastDate(a: number, b: number, year: number, order: DateOrder): IsoDate | null {
  return order === 'dmy' ? isoOrNull(year, b, a) ?? isoOrNull(year, a, b) : isoOrNull(year, a, b) ?? isoOrNull(year, b, a);
}

/** a/b/c with a two-digit year: the given order first, then the other orders that give a real day. */
function shortYearDate(a: number, b: number, c: number, order: DateOrder): IsoDate | null {
  for (const o of SHORT_YEAR_FALLBACK[order]) {
    const iso = o === 'ymd' ? isoOrNull(fullYear(a), b, c) : o === 'mdy' ? isoOrNull(fullYear(c), a, b) : isoOrNull(fullYear(c), b, a);
    if (iso) return iso;
  }
  return null;
}
// A day/month swap is the likelier slip than a moved year, so try it before the year-first reading.
const SHORT_YEAR_FALLBACK: Record<DateOrder, readonly DateOrder[]> = {
  mdy: ['mdy', 'dmy', 'ymd'],
  dmy: ['dmy', 'mdy', 'ymd'],
  ymd: ['ymd', 'mdy', 'dmy'],
};

/** Excel's two-digit-year rule: 00–29 → 2000s, 30–99 → 1900s. */
function fullYear(yy: number): number {
  return yy < 30 ? 2000 + yy : 1900 + yy;
}

function parseCompactDate(s: string): IsoDate | null {
  const m = COMPACT_DATE.exec(s);
  return m ? isoOrNull(+(m[1] ?? ''), +(m[2] ?? ''), +(m[3] ?? '')) : null;
}

function parseCjkDate(s: string): IsoDate | null {
  const m = CJK_DATE.exec(s);
  if (m) {
    if (!CJK_TAIL.test(m[4] ?? '')) return null;
    const y = m[1] ?? '';
    return isoOrNull(y.length === 2 ? fullYear(+y) : +y, +(m[2] ?? ''), +(m[3] ?? ''));
  }
  const n = CJK_NUMERAL_DATE.exec(s);
  if (!n || !CJK_TAIL.test(n[4] ?? '')) return null;
  const yearText = n[1] ?? '';
  // Years are read digit by digit (二〇二五), months and days as numbers (十七).
  let year = 0;
  for (const ch of yearText) year = year * 10 + (CJK_DIGITS.get(ch) ?? Number(ch));
  const month = chineseInteger(n[2] ?? '');
  const day = chineseInteger(n[3] ?? '');
  if (month === null || day === null) return null;
  return isoOrNull(yearText.length === 2 ? fullYear(year) : year, month, day);
}

const MONTHS = new Map<string, number>([
  ['jan', 1], ['january', 1], ['feb', 2], ['february', 2], ['mar', 3], ['march', 3], ['apr', 4], ['april', 4],
  ['may', 5], ['jun', 6], ['june', 6], ['jul', 7], ['july', 7], ['aug', 8], ['august', 8], ['sep', 9], ['sept', 9],
  ['september', 9], ['oct', 10], ['october', 10], ['nov', 11], ['november', 11], ['dec', 12], ['december', 12],
]);
const WEEKDAYS = new Set([
  'mon', 'monday', 'tue', 'tues', 'tuesday', 'wed', 'wednesday', 'thu', 'thur', 'thurs', 'thursday',
  'fri', 'friday', 'sat', 'saturday', 'sun', 'sunday',
]);
const MONTH_NAME_SPLIT = /[\s,./-]+/;
const DAY_TOKEN = /^(\d{1,2})(?:st|nd|rd|th)?$/;
const YEAR_TOKEN = /^\d{4}$/;
const HAS_LETTER = /[a-z]/i;

/**
 * Dates with an English month name: 'Jul 19, 2026', 'July 19 2026', '19 Jul 2026', '19-Jul-26',
 * 'Sat, 19th July 2026', 'Jul 19, 2026 2:30 PM'. The month name settles which number is the day.
 */
function parseMonthNameDate(s: string): IsoDate | null {
  if (!HAS_LETTER.test(s)) return null;
  const tokens = s.toLowerCase().split(MONTH_NAME_SPLIT);
  let month = 0;
  const numbers: string[] = [];
  for (const t of tokens) {
    if (t === '' || WEEKDAYS.has(t)) continue;
    const mo = MONTHS.get(t);
    if (mo !== undefined) {
      if (month !== 0) return null;
      month = mo;
    } else if (t.includes(':')) {
      break; // a time: it and what follows (am/pm, zone) are not part of the date
    } else if (t === 'at') {
      continue;
    } else {
      numbers.push(t);
    }
  }
  if (month === 0 || numbers.length !== 2) return null;
  const [first, second] = numbers as [string, string];
  // The year is the four-digit number; with none, the last number is a two-digit year (19-Jul-26).
  const yearFirst = YEAR_TOKEN.test(first) && !YEAR_TOKEN.test(second);
  const dayText = yearFirst ? second : first;
  const yearText = yearFirst ? first : second;
  const day = DAY_TOKEN.exec(dayText);
  if (!day) return null;
  const year = YEAR_TOKEN.test(yearText) ? +yearText : /^\d{2}$/.test(yearText) ? fullYear(+yearText) : NaN;
  return isoOrNull(year, month, +(day[1] ?? ''));
}
