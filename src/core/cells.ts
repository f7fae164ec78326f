/**
 * Turn messy cell values into typed values: dates (ISO 'YYYY-MM-DD'), money amounts and counts.
 *
 * Pure: no Node APIs, no DOM. Every parser takes whatever a reader hands over (number, string, Date,
 * exceljs objects, garbage) and returns a typed value or null; none of them throws. Numbers and plain
 * ISO strings take a fast path because a ledger column can hold a million of them.
 */
import { cellValue, cleanText, codeAt, isExcelError, isMissingText } from './text';

/** ISO 'YYYY-MM-DD' or null. */
export type IsoDate = string;
/** How to read an all-numeric date whose parts could be swapped, such as 5/6/2025 or 25/5/17. */
export type DateOrder = 'ymd' | 'mdy' | 'dmy';

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic on day numbers (days since 1970-01-01), without Date so that it is exact for
// every year and cheap enough for a million cells.

/** Excel cannot show a date outside these years, and a ledger has no use for them either. */
const MIN_YEAR = 1900;
const MAX_YEAR = 9999;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function isValidYmd(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) &&
    y >= MIN_YEAR && y <= MAX_YEAR && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
  );
}

/** Days from 1970-01-01 to the given civil date (H. Hinnant's days_from_civil). */
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The inverse of dayNumber (H. Hinnant's civil_from_days). */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d];
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function formatIso(y: number, m: number, d: number): IsoDate {
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** The ISO date for y-m-d, or null when no such day exists (2025-02-30, month 13). */
function isoOrNull(y: number, m: number, d: number): IsoDate | null {
  return isValidYmd(y, m, d) ? formatIso(y, m, d) : null;
}

// ---------------------------------------------------------------------------------------------
// Excel serials

/** Day number of Excel's day 0 in the 1900 system: 1899-12-30 (for serials ≥ 61, after the fake leap day). */
const EPOCH_1900 = dayNumber(1899, 12, 30);
const EPOCH_1904 = dayNumber(1904, 1, 1);
/** 9999-12-31, the last day Excel can show. */
const MAX_SERIAL_1900 = 2958465;
const MAX_SERIAL_1904 = MAX_SERIAL_1900 - 1462;
/** Excel's 1900 system counts a 1900-02-29 that never was (Lotus 1-2-3 compatibility) as serial 60. */
const FAKE_LEAP_DAY = 60;

/**
 * The ISO date of an Excel serial; a time-of-day fraction is dropped. Null for serials outside the
 * calendar Excel can show (< 1, > 9999-12-31, non-finite) and for the fake 1900-02-29 (serial 60).
 */
export function excelSerialToIso(serial: number, date1904 = false): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (date1904) {
    if (whole < 0 || whole > MAX_SERIAL_1904) return null;
    return formatCivil(EPOCH_1904 + whole);
  }
  if (whole < 1 || whole > MAX_SERIAL_1900 || whole === FAKE_LEAP_DAY) return null;
  // Before the fake leap day, serial 1 is 1900-01-01, i.e. one day later than the 1899-12-30 epoch says.
  return formatCivil(EPOCH_1900 + (whole < FAKE_LEAP_DAY ? whole + 1 : whole));
}

function formatCivil(days: number): IsoDate {
  const [y, m, d] = civilFromDays(days);
  return formatIso(y, m, d);
}

/** The 1900-system Excel serial of an ISO date (1900-01-01 = 1); NaN when the text is not a valid ISO date. */
export function isoToExcelSerial(iso: IsoDate): number {
  const days = isoDayNumber(iso);
  if (Number.isNaN(days)) return NaN;
  const serial = days - EPOCH_1900;
  return serial <= FAKE_LEAP_DAY ? serial - 1 : serial;
}

/** Day number of a strict 'YYYY-MM-DD' string, NaN otherwise. */
function isoDayNumber(iso: string): number {
  const ymd = typeof iso === 'string' && iso.length === 10 ? readIsoPrefix(iso) : null;
  return ymd ? dayNumber(ymd[0], ymd[1], ymd[2]) : NaN;
}

/** Whole days from one ISO date to another (to − from), in UTC calendar days; NaN if either is not ISO. */
export function daysBetween(fromIso: IsoDate, toIso: IsoDate): number {
  return isoDayNumber(toIso) - isoDayNumber(fromIso);
}

// ---------------------------------------------------------------------------------------------
// Dates

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

/** cellValue, shielded from objects whose getters or prototypes throw. */
function safeCellValue(value: unknown): ReturnType<typeof cellValue> {
  try {
    return cellValue(value);
  } catch {
    return null;
  }
}

// Words of printable ASCII, ¥ £ € and CJK ideographs (all NFKC-stable) separated by single spaces:
// cleanText would return such text unchanged.
const ALREADY_CLEAN = /^[\x21-\x7e\u00a3\u00a5\u20ac\u3007\u4e00-\u9fff]+(?: [\x21-\x7e\u00a3\u00a5\u20ac\u3007\u4e00-\u9fff]+)*$/;
const ANY_DIGIT = /\d/;

/**
 * Text ready to parse (cleaned), or null for blanks, missing markers and Excel errors. Skips the
 * costly steps where they cannot matter: most cells are clean ASCII, and no missing marker has a digit.
 */
function prepareText(raw: string): string | null {
  const s = ALREADY_CLEAN.test(raw) ? raw : cleanText(raw);
  if (s === '') return null;
  if (s.charCodeAt(0) === 35 /* # */ && isExcelError(s)) return null;
  if (!ANY_DIGIT.test(s) && isMissingText(s)) return null;
  return s;
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

const CODE_0 = 48;

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function digitAt(s: string, i: number): number {
  return s.charCodeAt(i) - CODE_0;
}

/** True when s starts with 'DDDD-DD-DD' (checked without a regex: this runs for every date cell). */
function hasIsoShape(s: string): boolean {
  if (s.length < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  for (const i of ISO_DIGIT_POSITIONS) if (!isDigitAt(s, i)) return false;
  return true;
}
const ISO_DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9] as const;

/** [y, m, d] when s starts with a real date written 'YYYY-MM-DD', else null. */
function readIsoPrefix(s: string): [number, number, number] | null {
  if (!hasIsoShape(s)) return null;
  const y = digitAt(s, 0) * 1000 + digitAt(s, 1) * 100 + digitAt(s, 2) * 10 + digitAt(s, 3);
  const m = digitAt(s, 5) * 10 + digitAt(s, 6);
  const d = digitAt(s, 8) * 10 + digitAt(s, 9);
  return isValidYmd(y, m, d) ? [y, m, d] : null;
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
const NUMERIC_DATE = /^(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})((?:[T ].*)?)$/i;
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

/**
 * The order to read a column's ambiguous numeric dates in, from the unambiguous ones: 13/02/2025 votes
 * dmy (first > 12), 02/13/2025 votes mdy (second > 12), 25/05/17-style short forms with a first part
 * above 31 vote ymd. Year-first forms with four digits and non-text values don't vote. Majority wins;
 * no votes or a tie → 'mdy'.
 */
export function inferDateOrder(values: readonly unknown[]): DateOrder {
  const votes = new DateOrderVotes();
  for (const value of values) votes.add(value);
  return votes.order();
}

/** inferDateOrder's count, one value at a time: a caller reading several date columns reads each row once. */
export class DateOrderVotes {
  private readonly votes: Record<DateOrder, number> = { mdy: 0, dmy: 0, ymd: 0 };
  add(value: unknown): void {
    if (typeof value !== 'string' || hasIsoShape(value)) return;
    const vote = dateOrderVote(value);
    if (vote) this.votes[vote]++;
  }
  order(): DateOrder {
    const votes = this.votes;
    if (votes.dmy > votes.mdy && votes.dmy >= votes.ymd) return 'dmy';
    if (votes.ymd > votes.mdy && votes.ymd > votes.dmy) return 'ymd';
    return 'mdy';
  }
}

const FULL_WIDTH = /[\uFF01-\uFF5E]/;

function dateOrderVote(raw: string): DateOrder | null {
  // Only full-width digits and separators need folding; the usual non-ASCII text (2025年…) cannot vote.
  const m = NUMERIC_DATE.exec(FULL_WIDTH.test(raw) ? cleanText(raw) : raw.trim());
  if (!m) return null;
  const a = m[1] ?? '';
  const c = m[4] ?? '';
  if (a.length > 2 || c.length === 3) return null;
  const x = +a;
  const y = +(m[3] ?? '');
  if (c.length === 4) {
    if (x > 12 && y <= 12) return 'dmy';
    if (y > 12 && x <= 12) return 'mdy';
    return null;
  }
  // Two-digit year: only readings that rule out the others vote.
  if (x > 31) return 'ymd';
  if (y > 12 && x <= 12) return 'mdy';
  if (x > 12 && +c > 31) return 'dmy';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Chinese numerals

const CJK_DIGITS = new Map<string, number>([
  ['〇', 0], ['○', 0], ['零', 0], ['一', 1], ['二', 2], ['两', 2], ['兩', 2], ['三', 3], ['四', 4],
  ['五', 5], ['六', 6], ['七', 7], ['八', 8], ['九', 9],
]);
const CJK_UNITS = new Map<string, number>([
  ['十', 10], ['拾', 10], ['百', 100], ['佰', 100], ['千', 1000], ['仟', 1000], ['万', 1e4], ['萬', 1e4], ['亿', 1e8], ['億', 1e8],
]);

/** 十七 → 17, 二十 → 20, 三万五千 → 35000, 一百零五 → 105, 一亿二千万 → 120000000; null for anything else. */
export function chineseInteger(text: string): number | null {
  if (text === '') return null;
  let yi = 0; // the part already scaled by 亿
  let wan = 0; // the part already scaled by 万
  let section = 0; // tens, hundreds and thousands below 万
  let digit: number | null = null; // the digit waiting for its unit
  let sinceBigUnit = false; // a 万 or 亿 needs a number before it
  for (const ch of text) {
    const d = CJK_DIGITS.get(ch) ?? (ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - CODE_0 : undefined);
    if (d !== undefined) {
      if (digit !== null && digit !== 0) return null; // 一二 is not a number; 零五 is
      digit = d;
      sinceBigUnit = true;
      continue;
    }
    const unit = CJK_UNITS.get(ch);
    if (unit === undefined) return null;
    if (unit >= 1e4 && !sinceBigUnit) return null;
    sinceBigUnit = unit < 1e4;
    if (unit === 1e8) {
      yi = (yi + wan + section + (digit ?? 0)) * unit;
      wan = 0;
    } else if (unit === 1e4) {
      wan = (section + (digit ?? 0)) * unit;
    } else {
      section += (digit ?? 1) * unit; // a bare 十 means ten
      digit = null;
      continue;
    }
    section = 0;
    digit = null;
  }
  return yi + wan + section + (digit ?? 0);
}

// ---------------------------------------------------------------------------------------------
// Amounts

/** Unit words that scale an amount, as powers of ten: 1.2万 = 12000, 12k = 12000, 3w (shorthand for 万) = 30000. */
const AMOUNT_UNIT_EXPONENTS = new Map<string, number>([
  ['万', 4], ['萬', 4], ['w', 4], ['亿', 8], ['億', 8], ['千', 3], ['k', 3], ['百万', 6], ['千万', 7],
  ['m', 6], ['mm', 6], ['million', 6], ['bn', 9], ['billion', 9],
]);

const CJK_NUMERAL_CLASS = '〇○零一二两兩三四五六七八九十拾百佰千仟万萬亿億';
/**
 * Everything around the number in one pass: a hedge (约 about), a sign, a currency sign or code, the
 * sign again (-$5 and $-5 both occur), the number (digits with any grouping, or Chinese numerals), a
 * unit (万, k), a currency word (元, USD) and a trailing hedge (左右 or so). Groups: 1 sign, 2 sign,
 * 3 number, 4 unit.
 */
const AMOUNT_TEXT = new RegExp(
  '^(?:约|大约|approx\\.?|about|~|≈)?\\s*([-+−–])?\\s*' +
    '(?:人民币|rmb|cny|usd|us\\$|hk\\$|hkd|eur|gbp|¥|\\$|€|£)?\\s*([-+−–])?\\s*' +
    `(\\d[\\d.,' ]*|\\.\\d+|[${CJK_NUMERAL_CLASS}]+)` +
    '\\s*(百万|千万|万|萬|亿|億|千|million|billion|bn|mm|k|w|m)?' +
    '\\s*(?:元|圆|块钱|块|人民币|rmb|cny|usd|hkd|eur|gbp|dollars?|美元|港币|港元)?\\s*(?:左右|上下|整)?$',
  'i',
);
const CJK_NUMERALS_ONLY = new RegExp(`^[${CJK_NUMERAL_CLASS}]+$`);
const PLAIN_NUMBER = /^[-+]?\d+(?:\.\d+)?$/;
const SCIENTIFIC_NUMBER = /^[-+]?\d+(?:\.\d+)?e[-+]?\d+$/i;
// 1,234,567.89 (commas as thousands) or 1.234.567,89 (dots as thousands, comma + 2 digits as decimal).
const COMMA_GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const DOT_GROUPED_COMMA_DECIMAL = /^\d{1,3}(?:\.\d{3})+,\d{2}$/;
const DOT_GROUPED = /^\d{1,3}(?:\.\d{3}){2,}$/;
const SPACE_GROUPED = /^\d{1,3}(?: \d{3})+(?:[.,]\d{1,2})?$/;
const APOSTROPHE_GROUPED = /^\d{1,3}(?:'\d{3})+(?:\.\d+)?$/;
const DECIMAL = /^\d*\.?\d+$/;
const LEADING_SIGN = /^[-+]/;
const COMMAS = /,/g;

/**
 * A money amount from a number or text (¥125,644, RMB 96,469, 64796元, $1,234.50, 1.2万, 3万元, 12k,
 * (1,234), 1.234,56, 1 234, full-width digits, 三万). Rounded to cents, half away from zero. Null for
 * blanks, missing markers, Excel errors and text that is not one amount (面议, 1000-2000, 5%).
 * Decisions: a comma with a group that is not 3 digits and no dots before it (12,50) is ambiguous →
 * null; a lone dot is a decimal point (1.234 = 1.23).
 */
export function parseAmount(value: unknown): number | null {
  if (typeof value === 'number') return roundCents(value);
  if (typeof value === 'string') return parseAmountText(value);
  if (value === null || value === undefined || typeof value !== 'object' || value instanceof Date) return null;
  const plain = safeCellValue(value);
  if (typeof plain === 'number') return roundCents(plain);
  return typeof plain === 'string' ? parseAmountText(plain) : null;
}

/** Beyond this, doubles have no cents to round to. */
const NO_CENTS_ABOVE = Number.MAX_SAFE_INTEGER / 100;

/** Round half away from zero to cents; null for non-finite numbers; never -0. */
function roundCents(n: number): number | null {
  if (!Number.isFinite(n)) return null;
  const abs = Math.abs(n);
  if (abs >= NO_CENTS_ABOVE) return n;
  const cents = Math.round(abs * 100) / 100;
  return n < 0 && cents !== 0 ? -cents : cents;
}

/**
 * Round a decimal written as text to cents exactly (1.005 → 1.01, which the double 1.005 would not
 * give), after scaling by 10^exponent; the shift happens in the text so nothing is lost before rounding.
 */
function decimalTextToCents(decimal: string, exponent: number, negative: boolean): number | null {
  if (!decimal.includes('.')) {
    // Whole numbers (the usual case) need no rounding: exact while below 2^53.
    const whole = Number(decimal) * 10 ** exponent;
    if (whole <= Number.MAX_SAFE_INTEGER) return negative && whole !== 0 ? -whole : whole;
  }
  const scaled = Number(`${decimal}e${exponent + 2}`);
  if (!Number.isFinite(scaled)) return null;
  const cents = Math.round(scaled) / 100;
  if (cents >= NO_CENTS_ABOVE) return negative ? -Number(`${decimal}e${exponent}`) : Number(`${decimal}e${exponent}`);
  return negative && cents !== 0 ? -cents : cents;
}

// The usual money text of a Chinese ledger, ¥ and a whole number with or without thousands commas
// (¥1,234, ¥86): what AMOUNT_TEXT and decimalText make of it, without their regexes and substrings.
const YUAN_WHOLE = /^¥(?:\d{1,3}(?:,\d{3})+|\d+)$/;

function parseAmountText(raw: string): number | null {
  if (PLAIN_NUMBER.test(raw)) return decimalTextToCents(raw.replace(LEADING_SIGN, ''), 0, raw.startsWith('-'));
  if (codeAt(raw, 0) === 0xa5 && YUAN_WHOLE.test(raw)) {
    const whole = Number(raw.includes(',') ? raw.slice(1).replace(COMMAS, '') : raw.slice(1));
    if (whole <= Number.MAX_SAFE_INTEGER) return whole;
  }
  if (SCIENTIFIC_NUMBER.test(raw)) return roundCents(Number(raw));
  const clean = prepareText(raw);
  if (clean === null) return null;
  // (1,234) is accounting's way to write a negative amount.
  const bracketed = clean.charCodeAt(0) === 40 && clean.charCodeAt(clean.length - 1) === 41;
  const m = AMOUNT_TEXT.exec(bracketed ? clean.slice(1, -1).trim() : clean);
  if (!m || (m[1] !== undefined && m[2] !== undefined)) return null;
  const sign = m[1] ?? m[2] ?? '+';
  const negative = bracketed !== (sign !== '+');
  const number = (m[3] ?? '').trimEnd();
  if (CJK_NUMERALS_ONLY.test(number)) {
    if (m[4] !== undefined) return null; // 三万万
    const n = chineseInteger(number);
    return n === null ? null : decimalTextToCents(String(n), 0, negative);
  }
  const decimal = decimalText(number);
  if (decimal === null) return null;
  const exponent = m[4] === undefined ? 0 : (AMOUNT_UNIT_EXPONENTS.get(m[4].toLowerCase()) ?? 0);
  return decimalTextToCents(decimal, exponent, negative);
}

/**
 * A non-negative number written with one grouping convention, as plain decimal text ('1234.5');
 * null when it is not a number or its grouping is ambiguous.
 */
function decimalText(s: string): string | null {
  if (DECIMAL.test(s)) return s;
  if (COMMA_GROUPED.test(s)) return s.replace(COMMAS, '');
  if (APOSTROPHE_GROUPED.test(s)) return s.replaceAll("'", '');
  if (DOT_GROUPED_COMMA_DECIMAL.test(s)) return s.replaceAll('.', '').replace(',', '.');
  if (DOT_GROUPED.test(s)) return s.replaceAll('.', '');
  if (SPACE_GROUPED.test(s)) return s.replaceAll(' ', '').replace(',', '.');
  return null;
}

// ---------------------------------------------------------------------------------------------
// Counts

/** 3, +3, 共3次, 3 单, 3 orders, 1,234, 3.0, 三次: group 1 digits, group 2 Chinese numerals. */
const COUNT_TEXT =
  /^(?:共|约|大约|x|×)?\s*\+?\s*(?:(\d{1,3}(?:,\d{3})+|\d+)(?:\.0+)?|([〇○零一二两兩三四五六七八九十百千万萬]+))\s*(?:次|单|單|笔|筆|件|回|个|個|orders?|purchases?|times?|x|pcs)?$/i;

/**
 * A non-negative whole count (of orders, visits...) from a number or text: 3, 3.0, '3', '3次', '3 单',
 * '3 orders', '三次', '1,234'. Null for fractions (2.5), negatives, blanks and other text.
 */
export function parseCount(value: unknown): number | null {
  if (typeof value === 'number') return countFromNumber(value);
  if (typeof value === 'string') return parseCountText(value);
  if (value === null || value === undefined || typeof value !== 'object' || value instanceof Date) return null;
  const plain = safeCellValue(value);
  if (typeof plain === 'number') return countFromNumber(plain);
  return typeof plain === 'string' ? parseCountText(plain) : null;
}

function countFromNumber(n: number): number | null {
  if (!Number.isFinite(n) || n < 0) return null;
  const whole = Math.round(n);
  // Formula results such as 3*0.1*10 land a hair off the integer; anything further is a fraction.
  return Math.abs(n - whole) < 1e-9 ? whole : null;
}

function parseCountText(raw: string): number | null {
  const s = prepareText(raw);
  const m = s === null ? null : COUNT_TEXT.exec(s);
  if (!m) return null;
  if (m[1] !== undefined) return countFromNumber(Number(m[1].replaceAll(',', '')));
  return chineseInteger(m[2] ?? '');
}
