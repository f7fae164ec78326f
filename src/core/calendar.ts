/**
 * Calendar arithmetic on day numbers (days since 1970-01-01), Excel serials and ISO date text.
 * Without Date, so that it is exact for every year and cheap enough for a million cells.
 */

/** ISO 'YYYY-MM-DD' or null. */
export type IsoDate = string;

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
export function isoOrNull(y: number, m: number, d: number): IsoDate | null {
  return isValidYmd(y, m, d) ? formatIso(y, m, d) : null;
}

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

const CODE_0 = 48;

export function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function digitAt(s: string, i: number): number {
  return s.charCodeAt(i) - CODE_0;
}

/** True when s starts with 'DDDD-DD-DD' (checked without a regex: this runs for every date cell). */
export function hasIsoShape(s: string): boolean {
  if (s.length < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  for (const i of ISO_DIGIT_POSITIONS) if (!isDigitAt(s, i)) return false;
  return true;
}
const ISO_DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9] as const;

/** [y, m, d] when s starts with a real date written 'YYYY-MM-DD', else null. */
export function readIsoPrefix(s: string): [number, number, number] | null {
  if (!hasIsoShape(s)) return null;
  const y = digitAt(s, 0) * 1000 + digitAt(s, 1) * 100 + digitAt(s, 2) * 10 + digitAt(s, 3);
  const m = digitAt(s, 5) * 10 + digitAt(s, 6);
  const d = digitAt(s, 8) * 10 + digitAt(s, 9);
  return isValidYmd(y, m, d) ? [y, m, d] : null;
}
