/**
 * Masking for a copy of the ledger shared outside the team ("Export masked copy"). Pure, never throws,
 * idempotent (masking a masked value changes nothing), and never reveals more than it keeps:
 *
 * - Phone: the digits of the national number (E.164 without the country code for a valid number,
 *   otherwise every digit typed in the cell, extensions and labels dropped). 11 or more digits keep the
 *   first 3 and the last 4 (138****8000: at least 4 hidden); 5–10 digits keep only the last 2
 *   (********78); 4 or fewer are hidden entirely. A valid number of another country than the default
 *   region keeps its calling code in front ("+44 ********56"). A cell with text but no digit gives "***".
 * - Email: every address in the cell becomes the first character of its local part, "***" and the
 *   domain (l***@qq.com); other text in the cell (a name, a label) is dropped. Text without "@" gives "***".
 * - Name (used only when asked): the first character of each word kept, every other character a star
 *   (张三 → 张*, 欧阳娜娜 → 欧***, John Smith → J*** S****); a one-character word gets one star (王 → 王*).
 *
 * Blank cells and missing markers (无, -, n/a) give "" (nothing to hide).
 *
 * By content, for every other text (notes, a second contact column nobody labelled): each address and
 * each phone-like run of digits inside the text is masked in place, the rest of the text kept as typed
 * (maskContactsInText). A run is phone-like with 7 or more digits, joined by the separators people type
 * (spaces, dashes, dots, brackets, a leading +), in ASCII or full-width; dates (2025-12-09) and amounts
 * (¥3456789, 1234567.89, 125644 元) are not phones. A column whose filled cells are mostly phones or
 * addresses is masked as such whatever its header says (contactKindOfColumn), and a number that is a
 * mainland mobile (13800138000 stored as a number) is a phone (isPhoneStoredAsNumber).
 */
import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { checkPhone } from './phone';
import { cellText, cleanText, isMissingText } from './text';

/** What a masked phone looks like: re-masking it returns it unchanged. */
const MASKED_PHONE = /^(?:\+\d{1,3} )?(?:\d{3}\*{4,}\d{4}|\*{3,}\d{2}|\*{1,4})$/;

/** The shape rules above, on a string of digits. */
export function maskDigits(digits: string): string {
  const n = digits.length;
  if (n === 0) return '***';
  if (n <= 4) return '*'.repeat(n);
  if (n <= 10) return `${'*'.repeat(n - 2)}${digits.slice(-2)}`;
  return `${digits.slice(0, 3)}${'*'.repeat(n - 7)}${digits.slice(-4)}`;
}

function textOf(value: unknown): string | null {
  let text: string;
  try {
    text = cleanText(cellText(value));
  } catch {
    return null;
  }
  return isMissingText(text) ? null : text;
}

const callingCodes = new Map<string, string | null>();
function callingCode(region: string): string | null {
  let code = callingCodes.get(region);
  if (code === undefined) {
    try {
      code = getCountryCallingCode(region.toUpperCase() as CountryCode);
    } catch {
      code = null;
    }
    callingCodes.set(region, code);
  }
  return code;
}

/** A phone cell, masked. `region` is the default region numbers without a country code belong to. */
export function maskPhone(value: unknown, region = 'CN'): string {
  const text = textOf(value);
  if (text === null) return '';
  if (MASKED_PHONE.test(text)) return text;
  try {
    const check = checkPhone(value, region);
    if (check.status === 'valid' && check.e164) {
      // Calling codes are prefix-free: a number of the default region is "+" + its code + the national number.
      const own = callingCode(region);
      if (own !== null && check.e164.startsWith(`+${own}`)) return maskDigits(check.e164.slice(own.length + 1));
      const parsed = parsePhoneNumberFromString(check.e164);
      if (parsed) return `+${parsed.countryCallingCode} ${maskDigits(String(parsed.nationalNumber))}`;
    }
  } catch {
    // Fall through to the digits of the text: masking never fails.
  }
  // Not a valid number: its digits, without the default region's country prefix (+86, 0086, (+86)).
  const own = callingCode(region);
  const national = own === null ? text : text.replace(new RegExp(`^\\D*?(?:\\+|00)\\s*${own}`), '');
  return maskDigits(national.replace(/[^0-9]/g, ''));
}

const EMAIL_SEPARATORS = /[\s;,，；、|<>()（）[\]"'“”‘’:：]+/;

function maskAddress(token: string): string {
  const at = token.lastIndexOf('@');
  const local = token.slice(0, at);
  const domain = token.slice(at + 1);
  const first = Array.from(local)[0] ?? '';
  // A local part that is already stars (or empty) keeps none of its characters.
  return `${first === '*' ? '' : first}***@${domain}`;
}

/** An email cell, masked: each address in it as l***@domain, joined by "; ". */
export function maskEmail(value: unknown): string {
  const text = textOf(value);
  if (text === null) return '';
  const addresses = text.split(EMAIL_SEPARATORS).filter((t) => t.includes('@'));
  if (addresses.length === 0) return '***';
  return addresses.map(maskAddress).join('; ');
}

/** A name cell, masked (optional: the export keeps names unless asked). */
export function maskName(value: unknown): string {
  const text = textOf(value);
  if (text === null) return '';
  return text.split(' ').filter(Boolean).map((word) => {
    const chars = Array.from(word);
    const first = chars[0] === '*' ? '*' : chars[0]!;
    return `${first}${'*'.repeat(Math.max(1, chars.length - 1))}`;
  }).join(' ');
}

// ---- By content: contacts inside free text ------------------------------------------------------------

const DIGIT = '0-9\uFF10-\uFF19';
/** What people type between the digits of one number: spaces of every kind, invisible marks, dashes, dots, brackets. */
const SEPARATOR = ' \\t\\u00A0\\u2000-\\u200F\\u202F\\u205F\\u2060\\u3000\\uFEFF\\-\\u2010-\\u2015\\uFF0D.\\uFF0E()\\uFF08\\uFF09';
/** 7 digits: a landline without its area code, the shortest number worth hiding (postcodes and counts are shorter). */
const MIN_PHONE_DIGITS = 7;

const DATE = `(?<![${DIGIT}])(?:(?:19|20)\\d\\d[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\\d|3[01])`
  + `|(?:0?[1-9]|[12]\\d|3[01])[-/.](?:0?[1-9]|[12]\\d|3[01])[-/.](?:19|20)\\d\\d)(?![${DIGIT}])`;
/**
 * Amounts: after a currency sign; or a plain number with a unit (元, 万元, RMB…) or with cents. The last
 * two only with at most 10 digits and no leading 0: a mobile (11 digits) or a number with its area code
 * (0…) is a phone even with 元 after it (电话 13800138000 元旦后联系).
 */
const PLAIN_AMOUNT = `[1-9\\uFF11-\\uFF19][${DIGIT}]{0,9}`;
const AMOUNT = `[¥￥$€£]\\s*[${DIGIT}][${DIGIT},，]*(?:[.．][${DIGIT}]+)?`
  + `|(?<![${DIGIT}])${PLAIN_AMOUNT}(?:[.．][${DIGIT}]{1,2})?\\s*(?:元|万元|块钱|rmb|cny|usd|yuan)(?![a-z])`
  + `|(?<![${DIGIT}])${PLAIN_AMOUNT}[.．][${DIGIT}]{1,2}(?![${DIGIT}.．])`;
const PHONE_RUN = `(?:[(（][+＋]?|[+＋][(（]?)?[${DIGIT}](?:[${DIGIT}${SEPARATOR}]*[${DIGIT}])?`;
/** Tried in this order at each position: a date or an amount there is not the start of a phone. */
const DIGIT_TOKENS = new RegExp(`(${DATE})|(${AMOUNT})|(${PHONE_RUN})`, 'gi');

const DIGITS = new RegExp(`[${DIGIT}]`, 'g');
const HAS_CONTACT_CHARACTER = new RegExp(`[${DIGIT}@＠]`);

/** Characters of an address's local part, and of its domain (ASCII and full-width forms). */
const LOCAL_ASCII = /[A-Za-z0-9._%+\-!#$&'*=?^`{}~\uFF21-\uFF3A\uFF41-\uFF5A\uFF10-\uFF19\uFF0E\uFF3F\uFF0D\uFF0B]/;
const LOCAL_HAN = /\p{Script=Han}/u;
const DOMAIN = /[A-Za-z0-9\-\uFF21-\uFF3A\uFF41-\uFF5A\uFF10-\uFF19\uFF0D.\uFF0E。]/;

interface Span { start: number; end: number; kind: 'email' | 'phone' }

/**
 * Addresses in the text, found from each "@" outwards (linear: no pattern retried at every position).
 * The local part is the run of address characters before it — ASCII, or Han characters for 张三@163.com —
 * and the domain the run after it; a local part that would overlap the previous address is cut there.
 */
function emailSpans(text: string): Span[] {
  const spans: Span[] = [];
  let floor = 0;
  for (let at = 0; at < text.length; at++) {
    const ch = text[at];
    if (ch !== '@' && ch !== '＠') continue;
    let start = at;
    const before = text[at - 1] ?? '';
    const local = LOCAL_ASCII.test(before) ? LOCAL_ASCII : LOCAL_HAN.test(before) ? LOCAL_HAN : null;
    if (local) while (start > floor && local.test(text[start - 1]!)) start--;
    if (start === at) continue; // "@someone": a mention, not an address
    let end = at + 1;
    while (end < text.length && DOMAIN.test(text[end]!)) end++;
    while (end > at + 1 && /[.．。]/.test(text[end - 1]!)) end--; // a sentence's full stop is not the domain's
    spans.push({ start, end, kind: 'email' });
    floor = end;
  }
  return spans;
}

function digitCount(text: string): number {
  return text.match(DIGITS)?.length ?? 0;
}

const IS_DIGIT = new RegExp(`[${DIGIT}]`);
const IS_SEPARATOR = new RegExp(`[${SEPARATOR}]`);

/** Is the text before `at`, separators skipped, a digit? (Each separator is looked at by one run only: linear.) */
function digitBefore(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && IS_SEPARATOR.test(text[i]!)) i--;
  return i >= 0 && IS_DIGIT.test(text[i]!);
}

/** Phone-like runs in text[from, to): dates and amounts skipped, runs of fewer than 7 digits left alone. */
function phoneSpans(text: string, from: number, to: number, out: Span[]): void {
  const part = text.slice(from, to);
  DIGIT_TOKENS.lastIndex = 0;
  for (let m = DIGIT_TOKENS.exec(part); m !== null; m = DIGIT_TOKENS.exec(part)) {
    if (m[3] === undefined) continue; // a date or an amount
    let start = m.index;
    const run = m[3];
    // An opening bracket whose closing one is not in the run belongs to the text ("电话(13800138000)"); so
    // do a + and a bracket after a digit (2025-12-09+13800138000): masked, the two would run together.
    const prefix = /^[(（+＋]*/.exec(run)![0].length;
    if (prefix > 0 && digitBefore(text, from + start)) start += prefix;
    else if (/^[(（]/.test(run) && !/[)）]/.test(run)) start++;
    if (digitCount(run) >= MIN_PHONE_DIGITS) out.push({ start: from + start, end: from + m.index + run.length, kind: 'phone' });
  }
}

/** Every address and phone-like run in the text, in order. */
function contactSpans(text: string): Span[] {
  if (!HAS_CONTACT_CHARACTER.test(text)) return [];
  const emails = emailSpans(text);
  const spans: Span[] = [];
  let at = 0;
  for (const e of emails) {
    phoneSpans(text, at, e.start, spans);
    spans.push(e);
    at = e.end;
  }
  phoneSpans(text, at, text.length, spans);
  return spans;
}

function maskAddressToken(token: string): string {
  let clean: string;
  try {
    clean = cleanText(token);
  } catch {
    clean = token;
  }
  const at = Math.max(clean.lastIndexOf('@'), clean.lastIndexOf('＠'));
  return at < 0 ? '***' : maskAddress(`${clean.slice(0, at)}@${clean.slice(at + 1)}`);
}

/**
 * A text with every address (l***@qq.com) and phone-like run (138****8000) in it masked in place, every
 * other character as it was. Any value is taken as its cell text; never throws.
 */
export function maskContactsInText(value: unknown, region = 'CN'): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : cellText(value);
  } catch {
    return '';
  }
  const spans = contactSpans(text);
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const s of spans) {
    const token = text.slice(s.start, s.end);
    out += text.slice(at, s.start) + (s.kind === 'email' ? maskAddressToken(token) : maskPhone(token, region));
    at = s.end;
  }
  return out + text.slice(at);
}

// ---- By content: what a column holds -------------------------------------------------------------------

const MAINLAND_MOBILE = /^(?:86)?1[3-9]\d{9}$/;

/** A number that is a phone stored as a number: a mainland mobile (13800138000), with 86 in front or not. */
export function isPhoneStoredAsNumber(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && MAINLAND_MOBILE.test(String(value));
}

/** At most this many letters and digits besides the contact: a label (手机：, Tel), an extension (转 8), a name before an address. */
const MAX_LABEL_CHARACTERS = 6;

type CellKind = 'phone' | 'email' | 'other' | 'empty';

function cellKind(value: unknown): CellKind {
  if (typeof value === 'number') return isPhoneStoredAsNumber(value) ? 'phone' : 'other';
  if (typeof value !== 'string') return value === null || value === undefined ? 'empty' : 'other';
  const text = textOf(value);
  if (text === null) return 'empty';
  const spans = contactSpans(text);
  if (spans.length === 0) return 'other';
  let rest = '';
  let at = 0;
  for (const s of spans) {
    rest += text.slice(at, s.start);
    at = s.end;
  }
  rest += text.slice(at);
  if ((rest.match(/[\p{L}\p{N}]/gu)?.length ?? 0) > MAX_LABEL_CHARACTERS) return 'other';
  return spans.some((s) => s.kind === 'email') ? 'email' : 'phone';
}

/** Filled cells looked at per column: enough to tell what a column holds. */
const CELLS_SAMPLED = 2000;

/**
 * 'phone' or 'email' when more than half of the column's filled cells are each essentially one (a
 * number or an address, perhaps with a label), whatever the header says; otherwise null. Notes that
 * mention a phone are not a phone column: their contacts are masked inside the text.
 */
export function contactKindOfColumn(values: Iterable<unknown>): 'phone' | 'email' | null {
  let filled = 0;
  let phones = 0;
  let emails = 0;
  for (const v of values) {
    const kind = cellKind(v);
    if (kind === 'empty') continue;
    filled++;
    if (kind === 'phone') phones++;
    else if (kind === 'email') emails++;
    if (filled >= CELLS_SAMPLED) break;
  }
  if (emails * 2 > filled) return 'email';
  if (phones * 2 > filled) return 'phone';
  return null;
}
