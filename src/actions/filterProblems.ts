/**
 * "Show only rows with problems": the sheet's AutoFilter on a check column, showing the rows whose
 * check cell says something (a valid value leaves it blank). Values are never touched, only which rows
 * show. A filter the user set is never replaced or removed: the action refuses and says why.
 */
import { columnIndex, columnLetter } from '../core/columns';
import { cellText } from '../core/text';
import { WorkbookError, type AutoFilterState, type WriteOp } from '../workbook/port';
import { parseRange } from '../core/grid/a1';
import { applyPlan, lastRowIndexOf, loadLedger, type ActionContext, type Ledger } from './context';

export interface FilterProblemsOptions {
  /** true: show only the rows with problems; false: show every row again (removes the add-in's filter). */
  on: boolean;
  /** Which check column decides (Excel's filters on two columns would show rows bad in both): phone by default. */
  kind?: 'phone' | 'email';
}

export interface FilterProblemsSummary {
  sheet: string;
  on: boolean;
  /** The check column filtered on ("R"), null when turning off. */
  column: string | null;
  /** Data rows the filter shows (their check cell is not blank); 0 when turning off. */
  rows: number;
  /** Whether the workbook changed (off without a filter changes nothing). */
  changed: boolean;
}

/**
 * 'no-check-column': the check columns are not there yet (run Check phones & emails first);
 * 'users-filter': the sheet has a filter the add-in did not set, which is left as it is.
 */
export class FilterError extends Error {
  constructor(readonly code: 'no-check-column' | 'users-filter', message: string) {
    super(message);
    this.name = 'FilterError';
  }
}

/** The filter's range: the ledger's header row down to its last data row, its first column to the last one on the sheet. */
function filterRect(ledger: Ledger, checkCol: number | null): { r0: number; r1: number; c0: number; c1: number } {
  const cols = Object.values(ledger.report.columns).filter((l): l is string => typeof l === 'string').map(columnIndex);
  const c0 = cols.length > 0 ? Math.min(...cols) : 0;
  const c1 = Math.max(ledger.nextColumn - 1, checkCol ?? 0, c0);
  return { r0: ledger.headerIndex, r1: Math.max(ledger.headerIndex + 1, lastRowIndexOf(ledger)), c0, c1 };
}

/**
 * The add-in's own filter: it starts on the ledger's header row and first column, and filters on one of
 * the check columns alone. A filter with no criteria (just the buttons) or on other columns is the user's.
 */
function isOurs(current: AutoFilterState, ledger: Ledger, c0: number): boolean {
  const rect = parseRange(current.address);
  if (!rect || rect.r0 !== ledger.headerIndex || rect.c0 !== c0) return false;
  const checks = [ledger.owned.phoneCheck, ledger.owned.emailCheck].filter((c): c is number => c !== undefined);
  return current.filtering.length === 1 && checks.includes(rect.c0 + current.filtering[0]!);
}

export async function filterProblems(ctx: ActionContext, options: FilterProblemsOptions): Promise<FilterProblemsSummary> {
  const capabilities = await ctx.port.capabilities();
  if (!capabilities.autoFilter || !ctx.port.autoFilterOf) {
    throw new WorkbookError('unsupported', 'Showing only the rows with problems needs Excel: a filter written into a file would show every row. Nothing was changed.');
  }
  const ledger = await loadLedger(ctx);
  const { sheet } = ledger;
  const kind = options.kind ?? (ledger.owned.phoneCheck !== undefined ? 'phone' : 'email');
  const checkCol = ledger.owned[kind === 'phone' ? 'phoneCheck' : 'emailCheck'] ?? null;
  const rect = filterRect(ledger, checkCol);
  const current = await ctx.port.autoFilterOf(sheet);
  if (current && !isOurs(current, ledger, rect.c0)) {
    throw new FilterError('users-filter', `Sheet "${sheet}" already has a filter (${current.address}) that the add-in did not set; it is left as it is. Remove it (Data ▸ Filter) to let the add-in filter. Nothing was changed.`);
  }
  if (!options.on) {
    if (!current) return { sheet, on: false, column: null, rows: 0, changed: false };
    await applyPlan(ctx, { description: ctx.locale === 'zh-CN' ? `显示「${sheet}」的全部行` : `Show every row of "${sheet}"`, ops: [{ op: 'clearAutoFilter', sheet }] });
    return { sheet, on: false, column: null, rows: 0, changed: true };
  }
  if (checkCol === null) {
    throw new FilterError('no-check-column', `Sheet "${sheet}" has no ${kind} check column yet: run "Check phones & emails" first. Nothing was changed.`);
  }
  let rows = 0;
  for (let r = rect.r0 + 1; r <= rect.r1; r++) if (cellText(ledger.values[r]?.[checkCol]).trim() !== '') rows++;
  const address = `${columnLetter(rect.c0)}${rect.r0 + 1}:${columnLetter(rect.c1)}${rect.r1 + 1}`;
  const op: WriteOp = { op: 'autoFilter', sheet, address, column: checkCol - rect.c0, show: 'nonBlank' };
  await applyPlan(ctx, { description: ctx.locale === 'zh-CN' ? `「${sheet}」只显示有问题的行` : `Show only the rows of "${sheet}" with problems`, ops: [op] });
  return { sheet, on: true, column: columnLetter(checkCol), rows, changed: true };
}
