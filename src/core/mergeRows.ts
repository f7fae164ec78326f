/**
 * Folding a duplicate group into the row it keeps: which value each column ends with, and by which
 * rule, so the user can read the rules before confirming and the action writes only what changes.
 * Pure: cells in, decisions out; the action decides what may be written (formulas are never replaced).
 */
import type { FieldId } from './fields';
import { parseAmount } from './amounts';
import { parseCount } from './counts';
import { parseDate, type DateOrder } from './dates';
import { cellText, isBlankCell } from './text';

/**
 * - fillBlank: the kept row's value; a blank is filled from the first other row that has one
 * - sum: amounts and order counts add up (every value must read as a number, else the kept value stays)
 * - earliest / latest: the cell of the row with the earliest (latest) date (every value must read as a date)
 * - join: distinct texts joined in row order (notes)
 */
export type MergeRule = 'fillBlank' | 'sum' | 'earliest' | 'latest' | 'join';
export const MERGE_RULES: readonly MergeRule[] = ['fillBlank', 'sum', 'earliest', 'latest', 'join'];

const RULE_OF_FIELD: Partial<Record<FieldId, MergeRule>> = {
  total: 'sum',
  orders: 'sum',
  firstPurchase: 'earliest',
  lastPurchase: 'latest',
  lastContact: 'latest',
  // The next call planned soonest is the one that must not be missed.
  nextFollowUp: 'earliest',
  notes: 'join',
};

export function mergeRuleOf(field: FieldId | null | undefined): MergeRule {
  return (field && RULE_OF_FIELD[field]) || 'fillBlank';
}

export interface MergeColumn {
  col: number;
  field: FieldId | null;
  /** For date columns: the order to read ambiguous numeric dates in (the column's own vote). */
  dateOrder?: DateOrder;
}

export interface MergedCell {
  col: number;
  rule: MergeRule;
  /** The value to write: a cell read from one of the rows (its form kept), a sum, or joined text. */
  value: unknown;
  /** The 1-based sheet row the value comes from, when it is one row's cell. */
  from: number | null;
}

export interface MergeSkip {
  col: number;
  rule: MergeRule;
  /** Why the kept value stays: some row's value cannot be read as a number or a date. */
  reason: 'unreadable';
}

export interface GroupRow {
  /** 1-based sheet row. */
  row: number;
  cells: readonly unknown[];
}

export interface MergePlan {
  changed: MergedCell[];
  skipped: MergeSkip[];
}

/** The separator joined notes get, in the user's language. */
export function joinSeparator(locale: 'zh-CN' | 'en-US'): string {
  return locale === 'zh-CN' ? '；' : '; ';
}

/**
 * The kept row after folding the others in. `rows` has the kept row first, then the others in the order
 * their blanks should be filled from (most complete, most recent first). Returns only cells that change.
 */
export function mergeGroup(rows: readonly GroupRow[], columns: readonly MergeColumn[], separator: string): MergePlan {
  const kept = rows[0];
  if (!kept || rows.length < 2) return { changed: [], skipped: [] };
  const changed: MergedCell[] = [];
  const skipped: MergeSkip[] = [];
  for (const column of columns) {
    const rule = mergeRuleOf(column.field);
    const cells = rows.map((r) => ({ row: r.row, value: r.cells[column.col] }));
    const present = cells.filter((c) => !isBlankCell(c.value));
    if (present.length === 0) continue;
    const keptValue = kept.cells[column.col];
    const keptBlank = isBlankCell(keptValue);
    switch (rule) {
      case 'fillBlank': {
        if (keptBlank) changed.push({ col: column.col, rule, value: present[0]!.value, from: present[0]!.row });
        break;
      }
      case 'join': {
        const seen = new Set<string>();
        const parts: string[] = [];
        for (const c of present) {
          const text = cellText(c.value).trim();
          if (text && !seen.has(text)) { seen.add(text); parts.push(text); }
        }
        const joined = parts.join(separator);
        if (joined !== cellText(keptValue).trim()) changed.push({ col: column.col, rule, value: joined, from: null });
        break;
      }
      case 'sum': {
        const parse = column.field === 'orders' ? parseCount : parseAmount;
        const numbers = present.map((c) => parse(c.value));
        if (numbers.some((n) => n === null)) { skipped.push({ col: column.col, rule, reason: 'unreadable' }); break; }
        if (present.length === 1 && !keptBlank) break;
        // Cents, not float dust: 0.1 + 0.2 is 0.3 in a ledger.
        const sum = Math.round((numbers as number[]).reduce((a, b) => a + b * 100, 0)) / 100;
        changed.push({ col: column.col, rule, value: sum, from: null });
        break;
      }
      case 'earliest':
      case 'latest': {
        const dated = present.map((c) => ({ ...c, iso: parseDate(c.value, column.dateOrder ?? 'ymd') }));
        if (dated.some((c) => c.iso === null)) { skipped.push({ col: column.col, rule, reason: 'unreadable' }); break; }
        let best = dated[0]!;
        for (const c of dated) if (rule === 'earliest' ? c.iso! < best.iso! : c.iso! > best.iso!) best = c;
        if (best.row !== kept.row && (keptBlank || best.iso !== dated.find((c) => c.row === kept.row)?.iso)) {
          changed.push({ col: column.col, rule, value: best.value, from: best.row });
        }
        break;
      }
    }
  }
  return { changed, skipped };
}
