/// <reference types="office-js" />
/** Data validation (ExcelApi 1.8): the rule replaces any on the range; titles and messages cut to Excel's limits. */
import { VALIDATION_LIMITS, clampText, typedListSource, type ValidationRule } from '../../port';
import { jsonBytes } from '../../../core/grid/bytes';
import { formulaText } from '../cells';
import type { Op } from '../planShape';
import { simpleUnit } from '../writeQueue';
import { sheetIn, type OpContext } from './context';

const ALERT_STYLE = { stop: 'Stop', warning: 'Warning', information: 'Information' } as const;

/** Excel's DataValidationRule for a port rule; throws WorkbookError('unsupported') for what Excel cannot hold. */
export function toDataValidationRule(rule: ValidationRule): Excel.DataValidationRule {
  switch (rule.type) {
    case 'list':
      return { list: { inCellDropDown: true, source: typedListSource(rule.items) } };
    case 'listRange':
      return { list: { inCellDropDown: true, source: formulaText(rule.source) } };
    case 'custom':
      return { custom: { formula: formulaText(rule.formula) } };
    case 'date':
      return { date: rule.max === undefined ? { formula1: rule.min, operator: 'GreaterThanOrEqualTo' } : { formula1: rule.min, formula2: rule.max, operator: 'Between' } };
    case 'wholeNumber':
    case 'decimal': {
      const basic: Excel.BasicDataValidation = rule.max === undefined ? { formula1: rule.min, operator: 'GreaterThanOrEqualTo' } : { formula1: rule.min, formula2: rule.max, operator: 'Between' };
      return rule.type === 'wholeNumber' ? { wholeNumber: basic } : { decimal: basic };
    }
  }
}

/**
 * Whether a keepOther op must leave its range alone: the preflight saw a rule there that is not ours
 * (another title; 'Inconsistent': different rules on its cells; 'MixedCriteria': a rule on some cells only).
 */
export function keepsOtherRule(op: Op<'validation'>, now: Excel.DataValidation | undefined): boolean {
  if (!op.keepOther || !now || now.type === 'None') return false;
  if (now.type === 'Inconsistent' || now.type === 'MixedCriteria') return true;
  const title = now.errorAlert?.title ?? '';
  return !op.keepOther.ownTitles.includes(title);
}

export function validation(ctx: OpContext, op: Op<'validation'>, rule: Excel.DataValidationRule, label: string): Promise<void> {
  return ctx.writes.push(simpleUnit(label, (c) => {
    const dv = sheetIn(c, op.sheet).getRange(op.address).dataValidation;
    dv.clear();
    dv.rule = rule;
    if (op.prompt) {
      dv.prompt = { showPrompt: true, title: clampText(op.prompt.title, VALIDATION_LIMITS.title), message: clampText(op.prompt.message, VALIDATION_LIMITS.prompt) };
    }
    if (op.error) {
      dv.errorAlert = {
        showAlert: true,
        style: ALERT_STYLE[op.error.style],
        title: clampText(op.error.title, VALIDATION_LIMITS.title),
        message: clampText(op.error.message, VALIDATION_LIMITS.error),
      };
    }
  }, jsonBytes(rule) + 600, 4));
}
