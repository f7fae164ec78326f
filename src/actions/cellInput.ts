/**
 * A value as either host reads it, as the value to write back so the cell holds the same thing: dates as
 * serial numbers (text would stop being a date), formula cells as their results, rich text as its text.
 */
import { isoToExcelSerial } from '../core/calendar';
import type { CellInput } from '../workbook/port';

/** An exceljs Date (a UTC instant of the serial) → Excel's serial: days since 1899-12-30, the time as the fraction. */
export function dateToSerial(value: Date): number {
  const day = isoToExcelSerial(value.toISOString().slice(0, 10));
  const ms = value.getTime() % 86_400_000;
  return ms === 0 ? day : day + (ms < 0 ? ms + 86_400_000 : ms) / 86_400_000;
}

/** The value to write for a value read; an error value becomes a formula giving it (#N/A as NA()). */
export function cellInputOf(value: unknown): CellInput {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : dateToSerial(value);
  if (typeof value === 'object') {
    const v = value as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: unknown };
    if ('result' in v) return cellInputOf(v.result);
    if (Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if (v.text !== undefined) return String(v.text);
    if (typeof v.error === 'string') return { formula: `=${v.error === '#N/A' ? 'NA()' : `"${v.error}"`}` };
  }
  return null;
}
