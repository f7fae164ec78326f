/**
 * Taking back what the add-in wrote beside the user's data, in the file: whole columns deleted (only
 * where nothing with a value lies right of them, which planCheck makes sure of: formulas elsewhere are
 * not re-pointed), cells cleared of everything, the add-in's conditional formats found by their formulas,
 * and its validation rules by their titles.
 */
import { MAX_COLUMNS } from '../../../core/grid/a1';
import type { WriteOp } from '../../port';
import { parseBoxes, subtractBox, type Box } from '../box';
import type { XlsxSession } from '../session';

type Op<K extends WriteOp['op']> = Extract<WriteOp, { op: K }>;

/** A box's place once the (1-based, sorted) columns are gone; null when all its columns are. */
export function shiftBoxLeft(b: Box, cols: readonly number[]): Box | null {
  const before = (c: number, inclusive: boolean) => cols.filter((d) => d < c || (inclusive && d === c)).length;
  const left = b.left - before(b.left, false);
  const right = b.right === MAX_COLUMNS ? MAX_COLUMNS : b.right - before(b.right, true);
  return right < left ? null : { ...b, left, right };
}

export function deleteColumns(s: XlsxSession, op: Op<'deleteColumns'>): void {
  const cols = [...new Set(op.cols.map((c) => c + 1))].sort((a, b) => a - b);
  if (cols.length === 0) return;
  const ref = s.ref(op.sheet);
  const p = s.pendingOf(ref);
  const bottom = Math.max(1, s.scan(ref).lastRow, p.extent.rows);
  p.cellOps.push({ kind: 'deleteColumns', box: { top: 1, bottom, left: cols[0]!, right: MAX_COLUMNS }, cols });
  p.frame.deleteColumns((b) => shiftBoxLeft(b, cols));
}

export function clearRange(s: XlsxSession, op: Op<'clearRange'>): void {
  const p = s.pendingOf(s.ref(op.sheet));
  const boxes = parseBoxes(op.address);
  for (const box of boxes) p.cellOps.push({ kind: 'clear', box });
  p.frame.clearValidation(boxes);
  p.frame.clearConditionalFormats(boxes);
}

export function removeConditionalFormats(s: XlsxSession, op: Op<'removeConditionalFormats'>): void {
  s.pendingOf(s.ref(op.sheet)).frame.removeConditionalFormatsByFormula(op.formulas);
}

/** Cleared only when one rule of the add-in's (by its title) covers every cell of the range. */
export function removeValidation(s: XlsxSession, op: Op<'removeValidation'>): void {
  const p = s.pendingOf(s.ref(op.sheet));
  const boxes = parseBoxes(op.address);
  const rules = p.frame.validationsOver(boxes);
  const only = rules[0];
  if (rules.length !== 1 || !only || only.errorTitle === null || !op.ownTitles.includes(only.errorTitle)) return;
  let left = [...boxes];
  for (const r of only.boxes) left = left.flatMap((b) => subtractBox(b, r));
  if (left.length === 0) p.frame.clearValidation(boxes);
}
