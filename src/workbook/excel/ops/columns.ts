/// <reference types="office-js" />
/**
 * Taking back what the add-in wrote beside the user's data: whole columns deleted (the columns on their
 * right move left, with their formats, conditional formats and validation, as Excel moves them), cells
 * cleared of everything, and the add-in's own conditional formats found by their formulas.
 */
import { columnLetter } from '../../../core/grid/a1';
import type { Op } from '../planShape';
import { simpleUnit } from '../writeQueue';
import { normalizeFormula, type ExistingFormat } from './conditionalFormat';
import { sheetIn, type OpContext } from './context';

/** Runs of consecutive 0-based columns, rightmost run first, so the letters of the runs left of it stay right. */
export function columnRunsRightToLeft(cols: readonly number[]): [number, number][] {
  const sorted = [...new Set(cols)].filter((c) => Number.isInteger(c) && c >= 0).sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && c === last[1] + 1) last[1] = c;
    else runs.push([c, c]);
  }
  return runs.reverse();
}

export function deleteColumns(ctx: OpContext, op: Op<'deleteColumns'>, label: string): Promise<void> {
  const runs = columnRunsRightToLeft(op.cols);
  if (runs.length === 0) return Promise.resolve();
  return ctx.writes.push(simpleUnit(label, (c) => {
    const ws = sheetIn(c, op.sheet);
    for (const [a, b] of runs) ws.getRange(`${columnLetter(a)}:${columnLetter(b)}`).delete('Left');
  }, 0, runs.length));
}

export function clearRange(ctx: OpContext, op: Op<'clearRange'>, label: string): Promise<void> {
  return ctx.writes.push(simpleUnit(label, (c) => {
    const range = sheetIn(c, op.sheet).getRange(op.address);
    // 'All' takes the formats, conditional ones included, from these cells only; validation is apart.
    range.clear('All');
    range.dataValidation.clear();
  }, 0, 2));
}

/** `existing`: the sheet's custom rules with their formulas, loaded after the preflight. */
export function removeConditionalFormats(ctx: OpContext, op: Op<'removeConditionalFormats'>, existing: readonly ExistingFormat[] | undefined, label: string): Promise<void> {
  const wanted = new Set(op.formulas.map(normalizeFormula));
  const doomed = (existing ?? []).filter(({ rule }) => wanted.has(normalizeFormula(rule.formula)));
  if (doomed.length === 0) return Promise.resolve();
  return ctx.writes.push(simpleUnit(label, () => {
    for (const { cf } of doomed) cf.delete();
  }, 0, doomed.length));
}

/**
 * `now`: the range's validation as the preflight saw it. Cleared only when it is one rule of the
 * add-in's over the whole range; a user's rule, or none, is left as it is.
 */
export function removeValidation(ctx: OpContext, op: Op<'removeValidation'>, now: Excel.DataValidation | undefined, label: string): Promise<void> {
  if (!now || now.type === 'None' || now.type === 'Inconsistent' || !op.ownTitles.includes(now.errorAlert?.title ?? '')) return Promise.resolve();
  return ctx.writes.push(simpleUnit(label, (c) => sheetIn(c, op.sheet).getRange(op.address).dataValidation.clear()));
}
