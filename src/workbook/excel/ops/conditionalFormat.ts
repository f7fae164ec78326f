/// <reference types="office-js" />
/**
 * Conditional formats (ExcelApi 1.6), idempotent: a custom rule on the same range with the same formula
 * is replaced. The formulas of the existing custom rules are looked at in one sync after the preflight,
 * only when there are some (a re-run).
 */
import { formulaText } from '../cells';
import type { Op } from '../planShape';
import { simpleUnit } from '../writeQueue';
import { sheetIn, type OpContext } from './context';

export interface ExistingFormat { cf: Excel.ConditionalFormat; rule: Excel.ConditionalFormatRule }
export type CustomFormats = Map<number, ExistingFormat[]>;

export function normalizeFormula(f: string): string {
  return formulaText(f.trim()).replace(/\s+/g, '').toUpperCase();
}

/**
 * The custom rules already on the ops' ranges, their formulas queued for loading: the caller syncs once
 * (with the other second looks) when the map is not empty.
 */
export function queueCustomFormats(found: Map<number, Excel.ConditionalFormatCollection>): CustomFormats {
  const out: CustomFormats = new Map();
  for (const [i, coll] of found) {
    const custom = coll.items.filter((cf) => cf.type === 'Custom').map((cf) => ({ cf, rule: cf.custom.rule.load('formula') }));
    if (custom.length > 0) out.set(i, custom);
  }
  return out;
}

export function conditionalFormat(ctx: OpContext, op: Op<'conditionalFormat'>, existing: readonly ExistingFormat[] | undefined, label: string): Promise<void> {
  const replaced = existing ?? [];
  return ctx.writes.push(simpleUnit(label, (c) => {
    const wanted = normalizeFormula(op.formula);
    for (const { cf, rule } of replaced) if (normalizeFormula(rule.formula) === wanted) cf.delete();
    const cf = sheetIn(c, op.sheet).getRange(op.address).conditionalFormats.add('Custom');
    cf.custom.rule.formula = formulaText(op.formula);
    if (op.fill !== undefined) cf.custom.format.fill.color = op.fill;
    if (op.fontColor !== undefined) cf.custom.format.font.color = op.fontColor;
  }, op.formula.length * 3, 4 + replaced.length));
}
