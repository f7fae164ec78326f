/** A port validation rule as a <dataValidation> element, within Excel's limits on its texts. */
import { clampText, typedListSource, VALIDATION_LIMITS, WorkbookError, type ValidationMessages, type ValidationRule } from '../../port';
import { escapeAttr, escapeText } from '../xml/xml';

function stripEquals(formula: string): string {
  const f = formula.trim();
  return f.startsWith('=') ? f.slice(1).trim() : f;
}

/** An ISO date as the serial Excel stores in a validation formula. */
function serialOf(text: string): number {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : new Date(text);
  if (Number.isNaN(d.getTime())) throw new WorkbookError('unsupported', `Validation date "${text}" is not an ISO date.`);
  return Math.round(d.getTime() / 86_400_000) + 25569;
}

function ruleParts(rule: ValidationRule): { type: string; operator?: string; formulas: string[] } {
  const range = (min: number | string, max: number | string | undefined) =>
    max === undefined ? { operator: 'greaterThanOrEqual', formulas: [String(min)] } : { operator: 'between', formulas: [String(min), String(max)] };
  switch (rule.type) {
    case 'list':
      return { type: 'list', formulas: [`"${typedListSource(rule.items).replace(/"/g, '""')}"`] };
    case 'listRange':
      return { type: 'list', formulas: [stripEquals(rule.source)] };
    case 'custom':
      return { type: 'custom', formulas: [stripEquals(rule.formula)] };
    case 'date':
      return { type: 'date', ...range(serialOf(rule.min), rule.max === undefined ? undefined : serialOf(rule.max)) };
    case 'wholeNumber':
      return { type: 'whole', ...range(rule.min, rule.max) };
    case 'decimal':
      return { type: 'decimal', ...range(rule.min, rule.max) };
  }
}

export function validationXml(prefix: string, sqref: string, rule: ValidationRule, messages: ValidationMessages): string {
  const { type, operator, formulas } = ruleParts(rule);
  const attrs: string[] = [`type="${type}"`];
  // Excel's default alert is Stop; a warning or information alert lets the value in.
  if (messages.error && messages.error.style !== 'stop') attrs.push(`errorStyle="${messages.error.style}"`);
  if (operator) attrs.push(`operator="${operator}"`);
  attrs.push('allowBlank="1"');
  if (messages.prompt) attrs.push('showInputMessage="1"');
  attrs.push('showErrorMessage="1"');
  if (messages.error) {
    attrs.push(`errorTitle="${escapeAttr(clampText(messages.error.title, VALIDATION_LIMITS.title))}"`);
    attrs.push(`error="${escapeAttr(clampText(messages.error.message, VALIDATION_LIMITS.error))}"`);
  }
  if (messages.prompt) {
    attrs.push(`promptTitle="${escapeAttr(clampText(messages.prompt.title, VALIDATION_LIMITS.title))}"`);
    attrs.push(`prompt="${escapeAttr(clampText(messages.prompt.message, VALIDATION_LIMITS.prompt))}"`);
  }
  attrs.push(`sqref="${escapeAttr(sqref)}"`);
  const body = formulas.map((f, i) => `<${prefix}formula${i + 1}>${escapeText(f)}</${prefix}formula${i + 1}>`).join('');
  return `<${prefix}dataValidation ${attrs.join(' ')}>${body}</${prefix}dataValidation>`;
}
