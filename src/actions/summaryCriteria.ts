/**
 * The summary's live SUMIFS formulas group by the cells' own text, the engine by cleaned text: a group
 * gets a formula only where Excel's match gives exactly the engine's group, and its computed number
 * otherwise. Excel matches without case, compares the raw cell (spaces, full-width letters) and reads
 * "100" or "TRUE" as a number or a truth value; a criterion holds at most 255 characters.
 */
import { BLANK_KEY } from '../core/summary';
import { cellText, cleanText } from '../core/text';
import { equalsCriterion } from './formulaText';

/** The criterion for the blank group: empty cells (and formulas giving ""). */
const BLANK_CRITERION = '""';

/** Text Excel would read as a number, a percentage, a date or a truth value when it is a criterion. */
const READ_AS_NON_TEXT = /^\s*[+-]?[\d.,]+\s*%?\s*$|^\s*(?:true|false)\s*$|^\s*\d{1,4}\s*[-/.年]\s*\d{1,2}/i;

/** A read value as Excel's criteria see it: a formula's result, the value otherwise. */
function matchedValue(v: unknown): unknown {
  return v !== null && typeof v === 'object' && 'result' in v ? (v as { result: unknown }).result : v;
}

/**
 * Group key → criterion for COUNTIFS/SUMIFS over the column `col`, or null where the group's computed
 * number must be written instead. `rows` are the 1-based sheet rows of the data; `values` the sheet from A1.
 */
export function groupCriteria(values: readonly (readonly unknown[])[], rows: readonly { row: number }[], col: number,
  keys: readonly string[]): Map<string, string | null> {
  const unmatched = new Set<string>();
  for (const { row } of rows) {
    const v = matchedValue(values[row - 1]?.[col]);
    const key = cleanText(cellText(v)) || BLANK_KEY;
    const blank = v === null || v === undefined || v === '';
    // The raw cell must be exactly the key's text (or empty for the blank group), as Excel compares it.
    if (key === BLANK_KEY ? !blank : typeof v !== 'string' || v !== key) unmatched.add(key);
  }
  const byCase = new Map<string, number>();
  for (const k of keys) byCase.set(k.toLowerCase(), (byCase.get(k.toLowerCase()) ?? 0) + 1);
  const out = new Map<string, string | null>();
  for (const key of keys) {
    if (key === BLANK_KEY) {
      out.set(key, unmatched.has(key) ? null : BLANK_CRITERION);
      continue;
    }
    const twin = (byCase.get(key.toLowerCase()) ?? 0) > 1;
    out.set(key, unmatched.has(key) || twin || READ_AS_NON_TEXT.test(key) ? null : equalsCriterion(key));
  }
  return out;
}
