/** Money amounts from numbers or text (¥125,644, RMB 96,469, 6万, 64796元), rounded to cents. */
import { chineseInteger } from './chineseNumerals';
import { prepareText, safeCellValue } from './parseInput';
import { codeAt } from './text';

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
