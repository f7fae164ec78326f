/** Turning port cells into what Range.values / Range.formulas accept, and measuring request sizes. */
import { needsTextGuard, type CellInput } from '../port';
import { jsonBytes } from '../../core/grid/bytes';

const MONTH_WORD = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s\-/.,]*\d/i;

/**
 * Whether Excel could read this string as something other than the same text: a formula or a sign
 * (=, +, -, @), a leading apostrophe (Excel would eat it), or text that parses as a number, date, time,
 * percentage, currency amount, boolean or error ("00123", "2024-01-05", "1/2", "TRUE", "#N/A", "Jan 5").
 * It errs on the side of guarding: a guarded plain text stays the same text.
 */
export function excelWouldCoerce(s: string): boolean {
  if (needsTextGuard(s) || s.startsWith("'")) return true;
  const t = s.trim();
  if (t === '') return false;
  if (/^[\d.,(（$¥￥€£%]/.test(t)) return true;
  if (/^(true|false)$/i.test(t)) return true;
  if (t.startsWith('#')) return true;
  return MONTH_WORD.test(t);
}

export function formulaText(f: string): string {
  return f.startsWith('=') ? f : `=${f}`;
}

/** A cell for Range.values / formulas; null leaves the cell as it is. */
export type ExcelCell = string | number | boolean | null;

/**
 * A port cell other than text (text is writeBlock's: it depends on the column's format) for
 * Range.values / Range.formulas: null becomes '' (a block empties every cell it covers), { formula } "=…".
 */
export function valueCell(v: Exclude<CellInput, string>): ExcelCell {
  if (v === null) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return formulaText(v.formula);
}

export function isFormulaCell(v: CellInput): boolean {
  return v !== null && typeof v === 'object';
}

/** Size of one row inside a JSON 2-D array, with its separating comma. */
export function rowBytes(row: readonly unknown[]): number {
  return jsonBytes(row) + 1;
}

