/** Data validation rules: Excel's limits and checking a cell against a rule. */
import { tryParseFormula } from './formula';
import { evaluateFormula, toScalar, evalNode } from './evaluate';
import { parseNumericText, XlError, type Scalar } from './values';
import { ModelError, type DataValidationRuleModel, type SheetModel, type ValidationModel } from './workbook';

export const LIMITS = {
  promptTitle: 32,
  promptMessage: 255,
  errorTitle: 32,
  errorMessage: 225,
  listSource: 255,
  /** A validation formula, its "=" counted (stricter than Excel's dialog, which may not count it). */
  formula: 255,
};

const OPERATORS = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqualTo', 'LessThanOrEqualTo'];

function tooLong(what: string, text: unknown, max: number): void {
  if (typeof text === 'string' && text.length > max) {
    throw new ModelError('InvalidArgument', `The ${what} is ${text.length} characters; Excel allows at most ${max}.`);
  }
}

export function checkPrompt(p: { title?: unknown; message?: unknown }): void {
  tooLong('input prompt title', p.title, LIMITS.promptTitle);
  tooLong('input prompt message', p.message, LIMITS.promptMessage);
}

export function checkErrorAlert(e: { title?: unknown; message?: unknown; style?: unknown }): void {
  tooLong('error alert title', e.title, LIMITS.errorTitle);
  tooLong('error alert message', e.message, LIMITS.errorMessage);
  if (e.style !== undefined && !['Stop', 'Warning', 'Information'].includes(String(e.style))) {
    throw new ModelError('InvalidArgument', `"${String(e.style)}" is not a DataValidationAlertStyle`);
  }
}

function checkFormulaArg(v: unknown): string | number {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string' || v === '') throw new ModelError('InvalidArgument', 'A validation formula is required');
  if (v.startsWith('=') && !tryParseFormula(v.slice(1))) throw new ModelError('InvalidArgument', `The formula ${v} is not valid`);
  return v;
}

/** Turns the rule object given to DataValidation.rule into the model, enforcing Excel's limits. */
export function parseRule(rule: unknown): DataValidationRuleModel {
  if (!rule || typeof rule !== 'object') throw new ModelError('InvalidArgument', 'The rule must be an object');
  const o = rule as Record<string, unknown>;
  const keys = ['custom', 'date', 'decimal', 'list', 'textLength', 'time', 'wholeNumber'].filter((k) => o[k] !== undefined && o[k] !== null);
  if (keys.length !== 1) throw new ModelError('InvalidArgument', 'A data validation rule must set exactly one criterion');
  const key = keys[0] as string;
  const body = o[key] as Record<string, unknown>;
  if (key === 'list') {
    const source = body.source;
    let src: string;
    if (typeof source === 'string') src = source;
    else if (source && typeof source === 'object' && '_resolveAddress' in source) src = (source as { _resolveAddress(): string })._resolveAddress();
    else throw new ModelError('InvalidArgument', 'list.source must be a string or a Range');
    if (src === '') throw new ModelError('InvalidArgument', 'list.source is empty');
    if (!src.startsWith('=')) tooLong('list source', src, LIMITS.listSource);
    else if (!tryParseFormula(src.slice(1))) throw new ModelError('InvalidArgument', `The list source ${src} is not valid`);
    return { type: 'List', list: { inCellDropDown: body.inCellDropDown !== false, source: src } };
  }
  if (key === 'custom') {
    const f = String(body.formula ?? '');
    tooLong('validation formula', f.startsWith('=') ? f : `=${f}`, LIMITS.formula);
    if (!tryParseFormula(f.startsWith('=') ? f.slice(1) : f)) throw new ModelError('InvalidArgument', `The formula ${f} is not valid`);
    return { type: 'Custom', custom: { formula: f.startsWith('=') ? f : `=${f}` } };
  }
  const operator = String(body.operator ?? '');
  if (!OPERATORS.includes(operator)) throw new ModelError('InvalidArgument', `"${operator}" is not a DataValidationOperator`);
  const formula1 = checkFormulaArg(body.formula1);
  const between = operator === 'Between' || operator === 'NotBetween';
  if (between && (body.formula2 === undefined || body.formula2 === null)) throw new ModelError('InvalidArgument', 'formula2 is required for Between / NotBetween');
  const type = ({ date: 'Date', decimal: 'Decimal', textLength: 'TextLength', time: 'Time', wholeNumber: 'WholeNumber' } as const)[key as 'date'];
  const basic: { operator: string; formula1: string | number; formula2?: string | number } = { operator, formula1 };
  if (between) basic.formula2 = checkFormulaArg(body.formula2);
  return { type, basic };
}

/** Shape handed out by DataValidation.rule. */
export function ruleToApi(rule: DataValidationRuleModel | null): Record<string, unknown> {
  if (!rule) return {};
  if (rule.type === 'List') return { list: { ...rule.list } };
  if (rule.type === 'Custom') return { custom: { ...rule.custom } };
  const key = ({ Date: 'date', Decimal: 'decimal', TextLength: 'textLength', Time: 'time', WholeNumber: 'wholeNumber' } as const)[rule.type];
  return { [key]: { ...rule.basic } };
}

function argValue(v: ValidationModel, f: string | number, r: number, c: number): Scalar {
  if (typeof f === 'number') return f;
  if (!f.startsWith('=')) return parseNumericText(f)?.value ?? f;
  const ast = tryParseFormula(f.slice(1));
  if (!ast) return XlError.of('#NAME?');
  const anchor = v.rects[0] ?? { r0: r, c0: c };
  return evaluateFormula(ast, { wb: v.sheet.wb, sheet: v.sheet, r, c, dr: r - anchor.r0, dc: c - anchor.c0 });
}

function listItems(v: ValidationModel, source: string, r: number, c: number): Scalar[] {
  if (!source.startsWith('=')) return source.split(',').map((s) => s.trim());
  const ast = tryParseFormula(source.slice(1));
  if (!ast) return [];
  const ctx = { wb: v.sheet.wb, sheet: v.sheet, r, c, dr: 0, dc: 0 };
  const val = evalNode(ast, ctx);
  if (val && typeof val === 'object' && 'kind' in val) {
    const out: Scalar[] = [];
    for (let rr = val.rect.r0; rr <= val.rect.r1; rr++) for (let cc = val.rect.c0; cc <= val.rect.c1; cc++) out.push(val.sheet.value(rr, cc));
    return out;
  }
  return [toScalar(ctx, val)];
}

function compareOp(op: string, x: number, a: number, b: number): boolean {
  switch (op) {
    case 'Between':
      return x >= Math.min(a, b) && x <= Math.max(a, b);
    case 'NotBetween':
      return x < Math.min(a, b) || x > Math.max(a, b);
    case 'EqualTo':
      return x === a;
    case 'NotEqualTo':
      return x !== a;
    case 'GreaterThan':
      return x > a;
    case 'LessThan':
      return x < a;
    case 'GreaterThanOrEqualTo':
      return x >= a;
    default:
      return x <= a;
  }
}

/** Whether the value in (r, c) satisfies validation v. */
export function cellIsValid(v: ValidationModel, sheet: SheetModel, r: number, c: number): boolean {
  const value = sheet.value(r, c);
  const rule = v.rule;
  if (!rule) return true;
  if (value === null || value === '') return v.ignoreBlanks;
  if (rule.type === 'List') {
    const text = String(value instanceof XlError ? value.code : value).toLowerCase();
    return listItems(v, rule.list.source, r, c).some((i) => i !== null && String(i instanceof XlError ? i.code : i).toLowerCase() === text);
  }
  if (rule.type === 'Custom') {
    const res = argValue(v, rule.custom.formula, r, c);
    return res === true || (typeof res === 'number' && res !== 0);
  }
  const a = argValue(v, rule.basic.formula1, r, c);
  const b = rule.basic.formula2 === undefined ? 0 : argValue(v, rule.basic.formula2, r, c);
  if (typeof a !== 'number' || typeof b !== 'number') return false;
  let x: number;
  if (rule.type === 'TextLength') x = String(value instanceof XlError ? value.code : value).length;
  else if (typeof value === 'number') x = value;
  else return false;
  if (rule.type === 'WholeNumber' && !Number.isInteger(x)) return false;
  return compareOp(rule.basic.operator, x, a, b);
}
