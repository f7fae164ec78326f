/**
 * Warning-style data validation on the user's own phone and email cells: Excel questions a bad entry
 * even with the pane closed, and lets it in if the user says so. Excel cannot run libphonenumber, so the
 * rules are shape checks; the full check stays the pane's. A rule the user made is never replaced.
 */
import { cellAddress } from '../core/grid/a1';
import type { WriteOp } from '../workbook/port';

/** Excel refuses a validation formula longer than this. */
export const MAX_VALIDATION_FORMULA = 255;

/** The error titles that mark a rule as the add-in's, in both languages (a rerun in the other one keeps it ours). */
export const CONTACT_RULE_TITLES = {
  phone: { 'zh-CN': '台账检查：电话', 'en-US': 'Ledger check: phone' },
  email: { 'zh-CN': '台账检查：邮箱', 'en-US': 'Ledger check: email' },
} as const;

const MESSAGES = {
  phone: {
    'zh-CN': '这个号码看起来不对：去掉空格、-、+ 和括号后应为 7 到 15 位数字。仍要保留吗？',
    'en-US': 'This does not look like a phone number: 7 to 15 digits once spaces, -, + and brackets are left out. Keep it anyway?',
  },
  email: {
    'zh-CN': '这个邮箱看起来不对：应有一个 @，@ 后面有点，且没有空格。仍要保留吗？',
    'en-US': 'This does not look like an email address: one @, a dot after it, no spaces. Keep it anyway?',
  },
} as const;

/**
 * Blank, or 7–15 digits once spaces, hyphens, + and brackets are removed. "1"&digits&"e0" is a number
 * only when the rest is digits ("1e5", "1.5" and "1,5" are refused: the dot and comma by FIND, since in
 * some locales they make a number), and its LOG10 counts them. `ref` is the range's top-left cell.
 */
export function phoneRuleFormula(ref: string): string {
  const digits = [' ', '-', '+', '(', ')'].reduce((x, ch) => `SUBSTITUTE(${x},"${ch}","")`, ref);
  return `=OR(LEN(TRIM(${ref}))=0,IFERROR(AND(ISERROR(FIND(".",${ref})),ISERROR(FIND(",",${ref})),ABS(TRUNC(LOG10("1"&${digits}&"e0"))-11)<5),FALSE))`;
}

/** Blank, or exactly one @ with a dot at least one character after it, and no space inside. */
export function emailRuleFormula(ref: string): string {
  return `=OR(LEN(TRIM(${ref}))=0,AND(ISERROR(FIND(" ",TRIM(${ref}))),LEN(${ref})-LEN(SUBSTITUTE(${ref},"@",""))=1,ISNUMBER(FIND(".",${ref},FIND("@",${ref})+2))))`;
}

/** The validation op for one contact column's data rows (0-based column, 1-based first and last sheet rows). */
export function contactValidationOp(kind: 'phone' | 'email', sheet: string, col: number, firstRow: number, lastRow: number, locale: 'zh-CN' | 'en-US'): WriteOp {
  const ref = cellAddress(firstRow - 1, col);
  const titles = CONTACT_RULE_TITLES[kind];
  return {
    op: 'validation', sheet, address: `${ref}:${cellAddress(lastRow - 1, col)}`,
    rule: { type: 'custom', formula: kind === 'phone' ? phoneRuleFormula(ref) : emailRuleFormula(ref) },
    error: { title: titles[locale], message: MESSAGES[kind][locale], style: 'warning' },
    keepOther: { ownTitles: [titles['zh-CN'], titles['en-US']] },
  };
}
