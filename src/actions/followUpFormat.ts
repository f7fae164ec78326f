/**
 * The overdue mark: a conditional format on the next follow-up column that paints a date already past
 * (before TODAY(), not blank). One rule per range and formula, so a re-run replaces it (the port's
 * conditionalFormat op is idempotent on the pair).
 */
import { columnLetter } from '../core/columns';
import type { WriteOp } from '../workbook/port';
import type { Swatch } from './palette';

/**
 * Light blue, navy text: apart from every fill in the palette (red and orange already mean a bad phone
 * or email); test/actions/palette.test.ts holds it to that.
 */
export const OVERDUE_STYLE: Swatch = { fill: '#BDD7EE', fontColor: '#1F3864' };

/**
 * The overdue rule on a sheet that may hold it already over fewer rows (the ledger grew since): the old
 * rule removed first, so there is one however the rows change.
 */
export function replaceOverdueRule(sheet: string, col: number, first: number, last: number): WriteOp[] {
  const rule = overdueRule(sheet, col, first, last) as Extract<WriteOp, { op: 'conditionalFormat' }>;
  return [{ op: 'removeConditionalFormats', sheet, formulas: [rule.formula] }, rule];
}

/** The overdue rule over rows first..last (1-based) of `col`; text that is no date is never overdue. */
export function overdueRule(sheet: string, col: number, first: number, last: number): WriteOp {
  const letter = columnLetter(col);
  return { op: 'conditionalFormat', sheet, address: `${letter}${first}:${letter}${Math.max(first, last)}`,
    formula: `=AND(ISNUMBER($${letter}${first}),$${letter}${first}<TODAY())`, ...OVERDUE_STYLE };
}
