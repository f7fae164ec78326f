/**
 * What the cell parsers (dates, amounts, counts) read: any value a reader hands over, made plain
 * without throwing, and text cleaned once with the costly steps skipped where they cannot matter.
 */
import { cellValue, cleanText, isExcelError, isMissingText } from './text';

/** cellValue, shielded from objects whose getters or prototypes throw. */
export function safeCellValue(value: unknown): ReturnType<typeof cellValue> {
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
export function prepareText(raw: string): string | null {
  const s = ALREADY_CLEAN.test(raw) ? raw : cleanText(raw);
  if (s === '') return null;
  if (s.charCodeAt(0) === 35 /* # */ && isExcelError(s)) return null;
  if (!ANY_DIGIT.test(s) && isMissingText(s)) return null;
  return s;
}
