/**
 * Cell values as Excel stores them, and the rules Excel applies when a value is typed or written through
 * `Range.values` / `Range.formulas`: formulas, numbers, booleans, errors, dates, literal text.
 */
import { tryParseFormula, type Node } from './formula';

export const ERROR_CODES = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#SPILL!', '#CALC!'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class XlError {
  private static readonly cache = new Map<string, XlError>();
  private constructor(readonly code: ErrorCode) {}
  static of(code: ErrorCode): XlError {
    let e = XlError.cache.get(code);
    if (!e) {
      e = new XlError(code);
      XlError.cache.set(code, e);
    }
    return e;
  }
  toString(): string {
    return this.code;
  }
}

export function isErrorCode(s: string): s is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(s.toUpperCase());
}

/** A stored cell value; null is an empty cell. */
export type Scalar = number | string | boolean | XlError | null;

/** What `Range.values` hands out for a stored value: errors as their text, empty as "". */
export function toApiValue(v: Scalar): number | string | boolean {
  if (v === null) return '';
  if (v instanceof XlError) return v.code;
  return v;
}

export function valueType(v: Scalar): 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error' {
  if (v === null || v === '') return v === null ? 'Empty' : 'String';
  if (v instanceof XlError) return 'Error';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return 'String';
}

// ---------------------------------------------------------------------------------------------------
// Dates: Excel serial numbers (1900 system), day 1 = 1900-01-01, with the fictitious 1900-02-29.

const MS_PER_DAY = 86400000;
const EPOCH = Date.UTC(1899, 11, 30);

export function dateToSerial(y: number, m: number, d: number): number {
  // m is 1-based and may overflow, as DATE() allows.
  const t = Date.UTC(y, m - 1, d);
  const serial = Math.round((t - EPOCH) / MS_PER_DAY);
  return serial < 61 ? serial - 1 : serial;
}

export function serialToDate(serial: number): { y: number; m: number; d: number } {
  const whole = Math.floor(serial);
  if (whole === 60) return { y: 1900, m: 2, d: 29 };
  const adj = whole < 60 ? whole + 1 : whole;
  const dt = new Date(EPOCH + adj * MS_PER_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

// ---------------------------------------------------------------------------------------------------
// Typed input → stored content.

export type Interpreted =
  | { kind: 'skip' }
  | { kind: 'value'; value: Scalar; numberFormat?: string; quotePrefix?: boolean }
  | { kind: 'formula'; formula: string; ast?: Node };

export class InputError extends Error {}

const NUMBER_RE = /^([+-]?)(\$?)(\d{1,3}(?:,\d{3})+|\d*)(\.\d*)?(?:[eE]([+-]?\d+))?(%?)$/;

/** Text Excel reads as a number when typed into a General cell, with the format Excel then applies. */
export function parseNumericText(text: string): { value: number; numberFormat?: string } | null {
  const s = text.trim();
  if (s === '') return null;
  const m = NUMBER_RE.exec(s);
  if (m) {
    const [, sign, currency, int = '', frac = '', exp, pct] = m;
    if (int === '' && (frac === '' || frac === '.')) return null;
    let value = Number(`${int.replace(/,/g, '') || '0'}${frac === '.' ? '' : frac}${exp !== undefined ? `e${exp}` : ''}`);
    if (!Number.isFinite(value)) return null;
    if (pct) value /= 100;
    if (sign === '-') value = -value;
    const decimals = frac.length > 1 ? frac.length - 1 : 0;
    const zeros = decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
    let numberFormat: string | undefined;
    if (pct) numberFormat = `${zeros}%`;
    else if (currency) numberFormat = `$#,##${zeros}`;
    else if (exp !== undefined) numberFormat = '0.00E+00';
    else if (int.includes(',')) numberFormat = `#,##${zeros}`;
    return numberFormat === undefined ? { value } : { value, numberFormat };
  }
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(s) ?? null;
  const us = iso ? null : /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  const ymd = iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : us ? [Number(us[3]), Number(us[1]), Number(us[2])] : null;
  if (ymd) {
    const [y, mo, d] = ymd as [number, number, number];
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1900 || y > 9999) return null;
    const serial = dateToSerial(y, mo, d);
    const back = serialToDate(serial);
    if (back.m !== mo || back.d !== d) return null;
    return { value: serial, numberFormat: iso ? 'yyyy-mm-dd' : 'm/d/yyyy' };
  }
  return null;
}

export const MAX_FORMULA_LENGTH = 8192;
export const MAX_TEXT_LENGTH = 32767;

/**
 * What Excel stores when `input` is written through `Range.values` (or `formulas`) into a cell whose
 * number format is `numberFormat`. Throws InputError for values Excel rejects.
 */
export function interpretInput(input: unknown, numberFormat: string): Interpreted {
  if (input === null) return { kind: 'skip' };
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new InputError(`${String(input)} is not a number Excel can store`);
    return { kind: 'value', value: input };
  }
  if (typeof input === 'boolean') return { kind: 'value', value: input };
  if (typeof input !== 'string') throw new InputError(`unsupported cell value of type ${typeof input}`);
  if (input.length > MAX_TEXT_LENGTH) throw new InputError('text longer than 32,767 characters');
  if (input === '') return { kind: 'value', value: null };
  // A Text ("@") cell takes what it is given as it is, a leading apostrophe included (as typing into
  // one does); elsewhere the apostrophe is a prefix that keeps the rest text. The stricter reading of
  // what Excel documents: code that writes text into "@" cells must not add an apostrophe.
  if (numberFormat === '@') return { kind: 'value', value: input };
  if (input.startsWith("'")) return { kind: 'value', value: input.slice(1), quotePrefix: true };
  const first = input[0];
  if (first === '=' && input.length > 1) {
    if (input.length > MAX_FORMULA_LENGTH) throw new InputError('formula longer than 8,192 characters');
    const ast = tryParseFormula(input.slice(1));
    if (!ast) throw new InputError(`the formula ${input} contains an error`);
    return { kind: 'formula', formula: input, ast };
  }
  const numeric = parseNumericText(input);
  if (numeric) {
    // A date or percentage typed into a General cell also sets the cell's format, as Excel does.
    return numberFormat === 'General' && numeric.numberFormat
      ? { kind: 'value', value: numeric.value, numberFormat: numeric.numberFormat }
      : { kind: 'value', value: numeric.value };
  }
  if (first === '+' || first === '-') {
    // "+A1", "-x", "+86 请勿外传": Excel reads these as formulas. Text that does not parse stays text.
    const ast = tryParseFormula(input);
    if (ast) return { kind: 'formula', formula: `=${input}`, ast };
    return { kind: 'value', value: input };
  }
  const upper = input.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'value', value: upper === 'TRUE' };
  if (isErrorCode(input)) return { kind: 'value', value: XlError.of(input.toUpperCase() as ErrorCode) };
  return { kind: 'value', value: input };
}

// ---------------------------------------------------------------------------------------------------
// Display text (Range.text) for a value and a number format. A small subset of Excel's format language.

export function generalText(n: number): string {
  if (n === 0) return '0';
  const abs = Math.abs(n);
  if (abs >= 1e11 || abs < 1e-9) {
    const [mant = '0', exp = '0'] = n.toExponential(5).split('e');
    const m = mant.includes('.') ? mant.replace(/0+$/, '').replace(/\.$/, '') : mant;
    const e = Number(exp);
    return `${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (Number.isInteger(n)) return String(n);
  const intDigits = Math.max(1, Math.floor(Math.log10(abs)) + 1);
  const room = Math.max(0, 10 - intDigits - (n < 0 ? 1 : 0));
  return String(Number(n.toFixed(Math.min(room, 99))));
}

function isDateFormat(nf: string): boolean {
  const bare = nf.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  return /[yd]/i.test(bare) || /m{3,}/i.test(bare);
}

function formatDate(serial: number, nf: string): string {
  const { y, m, d } = serialToDate(serial);
  return nf
    .replace(/"([^"]*)"/g, '$1')
    .replace(/yyyy/gi, String(y))
    .replace(/yy/gi, String(y % 100).padStart(2, '0'))
    .replace(/mm/gi, String(m).padStart(2, '0'))
    .replace(/(^|[^a-z])m(?![a-z])/gi, `$1${m}`)
    .replace(/dd/gi, String(d).padStart(2, '0'))
    .replace(/(^|[^a-z])d(?![a-z])/gi, `$1${d}`);
}

function formatNumber(n: number, section: string): string {
  const literal = (s: string) => s.replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1').replace(/[_*]./g, '');
  const codeMatch = /[#0?][#0?,]*(\.[#0?]+)?(%|E[+-]0+)?/.exec(section.replace(/"[^"]*"/g, (q) => ' '.repeat(q.length)));
  if (!codeMatch) return literal(section);
  const code = codeMatch[0];
  const prefix = literal(section.slice(0, codeMatch.index));
  const suffix = literal(section.slice(codeMatch.index + code.length));
  const decimals = /\.([#0?]+)/.exec(code)?.[1]?.length ?? 0;
  if (/E[+-]/.test(code)) return prefix + n.toExponential(decimals).toUpperCase().replace(/E([+-])(\d)$/, 'E$10$2') + suffix;
  let v = n;
  const pct = code.endsWith('%');
  if (pct) v *= 100;
  const fixed = Math.abs(v).toFixed(decimals);
  const [intPart = '0', frac] = fixed.split('.');
  let int = intPart;
  if (code.includes(',')) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const body = frac ? `${int}.${frac}` : int;
  return `${prefix}${body}${pct ? '%' : ''}${suffix}`;
}

export function formatValue(v: Scalar, numberFormat: string): string {
  if (v === null) return '';
  if (v instanceof XlError) return v.code;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  const nf = numberFormat || 'General';
  if (nf === 'General' || nf === '@') return generalText(v);
  const sections = nf.split(';');
  if (isDateFormat(nf) && v >= 0) return formatDate(v, sections[0] as string);
  if (v < 0 && sections.length > 1) return formatNumber(-v, sections[1] as string);
  if (v === 0 && sections.length > 2) return formatNumber(0, sections[2] as string);
  const out = formatNumber(Math.abs(v), sections[0] as string);
  return v < 0 ? `-${out}` : out;
}
