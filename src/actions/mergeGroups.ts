/**
 * Merge for findDuplicates: each group's other rows folded into its kept row (core/mergeRows decides
 * the values), as single-cell writes planned before the rows move to the archive. A kept cell holding
 * a formula is never replaced: the formula stays and the merge says which cells it left.
 */
import { columnIndex } from '../core/columns';
import { inferDateOrder } from '../core/dateOrderVotes';
import { FIELDS, type FieldId } from '../core/fields';
import { mergeGroup, mergeRuleOf, joinSeparator, type MergeColumn, type MergedCell, type MergeRule } from '../core/mergeRows';
import { isBlankCell } from '../core/text';
import type { Locale } from '../i18n/strings';
import type { WriteOp } from '../workbook/port';
import { cellInputOf } from './cellInput';
import { formulaCellsAmong } from './formulaCells';
import type { ActionContext, Ledger } from './context';

export interface MergeOutcome {
  ops: WriteOp[];
  /** Cells of kept rows that change. */
  cells: number;
  /** Kept cells left as they are because they hold a formula. */
  formulasKept: number;
  /** Columns whose rule could not be applied in some group (a value that is not a number or date). */
  unreadable: number;
  /** The rule each of the user's columns follows, for the confirmation. */
  rules: { column: number; header: string; rule: MergeRule }[];
}

const DATE_FIELDS = new Set<FieldId>(FIELDS.filter((f) => f.type === 'date').map((f) => f.id));

/** The columns to merge: the user's own (left of the add-in's), each with its field and date order. */
function mergeColumns(ledger: Ledger, userWidth: number): MergeColumn[] {
  const fieldOf = new Map<number, FieldId>();
  for (const [field, letter] of Object.entries(ledger.report.columns) as [FieldId, string][]) fieldOf.set(columnIndex(letter), field);
  const owned = new Set(Object.values(ledger.owned));
  const dataRows = ledger.values.slice(ledger.headerIndex + 1);
  const columns: MergeColumn[] = [];
  for (let col = 0; col < userWidth; col++) {
    if (owned.has(col)) continue;
    const field = fieldOf.get(col) ?? null;
    const column: MergeColumn = { col, field };
    if (field && DATE_FIELDS.has(field)) column.dateOrder = inferDateOrder(dataRows.map((r) => r[col]));
    columns.push(column);
  }
  return columns;
}

/** How full a row is: the others fill the kept row's blanks in this order, fullest first. */
function filled(cells: readonly unknown[]): number {
  let n = 0;
  for (const v of cells) if (!isBlankCell(v)) n++;
  return n;
}

export async function planMerges(ctx: ActionContext, ledger: Ledger, groups: readonly { rows: readonly number[]; keep: number }[],
  userWidth: number, locale: Locale): Promise<MergeOutcome> {
  const columns = mergeColumns(ledger, userWidth);
  const header = ledger.values[ledger.headerIndex] ?? [];
  const rules = columns.map((c) => ({ column: c.col, header: String(header[c.col] ?? ''), rule: mergeRuleOf(c.field) }));
  const separator = joinSeparator(locale);
  const planned: { row: number; cell: MergedCell }[] = [];
  let unreadable = 0;
  for (const g of groups) {
    const others = g.rows.filter((r) => r !== g.keep)
      .map((row) => ({ row, cells: ledger.values[row - 1] ?? [] }))
      .sort((a, b) => filled(b.cells) - filled(a.cells) || a.row - b.row);
    const plan = mergeGroup([{ row: g.keep, cells: ledger.values[g.keep - 1] ?? [] }, ...others], columns, separator);
    unreadable += plan.skipped.length;
    for (const cell of plan.changed) planned.push({ row: g.keep, cell });
  }
  const formulas = await formulaCellsAmong(ctx.port, ledger.sheet, planned.map((p) => ({ row: p.row, col: p.cell.col })));
  const ops: WriteOp[] = [];
  let formulasKept = 0;
  for (const { row, cell } of planned) {
    if (formulas.has(`${row}:${cell.col}`)) { formulasKept++; continue; }
    const date = cell.rule === 'earliest' || cell.rule === 'latest';
    const value = cellInputOf(cell.value);
    // A date copied as a serial into a General cell would show as 45000: give it a date format.
    const numberFormats = date && typeof value === 'number' ? ['yyyy-mm-dd'] : undefined;
    ops.push({ op: 'writeBlock', sheet: ledger.sheet, row: row - 1, col: cell.col, values: [[value]], ...(numberFormats ? { numberFormats } : {}) });
  }
  return { ops, cells: ops.length, formulasKept, unreadable, rules };
}
