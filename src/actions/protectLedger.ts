/**
 * Protect the ledger: the cells a person types into (the input columns' data cells, and blank rows below
 * for new customers) are unlocked; the header, formula cells and the add-in's own columns stay locked;
 * formatting, sorting and filtering stay allowed. Never a lock-out: the password is not stored anywhere
 * (the result says so), and the sheet opens again with "Unprotect ledger" or Review › Unprotect Sheet.
 * Also: hide and show the money columns, for a ledger shown on a shared screen.
 */
import { columnIndex, columnLetter } from '../core/columns';
import type { FieldId } from '../core/fields';
import { financeColumns } from '../core/financeColumns';
import { lastDataRow } from '../core/report';
import { WorkbookError, type WriteOp } from '../workbook/port';
import { applyPlan, loadLedger, userHeaders, type ActionContext, type Ledger } from './context';

/** Blank rows below the data left unlocked, where new customers go. */
export const NEW_ENTRY_ROWS = 500;

export interface ProtectSummary {
  sheet: string;
  /** false: the sheet was already protected (or, for unprotect, was not), and nothing was changed. */
  changed: boolean;
  /** Column letters whose data cells take input (protect only). */
  inputColumns: string[];
  /** Whether a password was set (protect) or given (unprotect); it is kept nowhere. */
  password: boolean;
}

export interface HideColumnsSummary {
  sheet: string;
  /** Column letters hidden (or shown). */
  columns: string[];
  hidden: boolean;
}

function isFormula(v: unknown): boolean {
  return typeof v === 'string' && v.startsWith('=') && v.length > 1;
}

function sheetInfo(ledger: Ledger) {
  return ledger.sheets.find((s) => s.name === ledger.sheet);
}

/** Per input column, the runs of rows (1-based, inclusive) to unlock: no header, no formula, no totals row. */
async function inputRuns(ctx: ActionContext, ledger: Ledger): Promise<{ col: number; runs: [number, number][] }[]> {
  const { report, headerIndex, values } = ledger;
  const header = values[headerIndex] ?? [];
  const owned = new Set(Object.values(ledger.owned));
  const mapped = new Set(Object.values(report.columns).map((l) => columnIndex(l!)));
  const width = Math.max(header.length, ...[...mapped].map((c) => c + 1));
  const columns: number[] = [];
  for (let c = 0; c < width; c++) {
    const named = typeof header[c] === 'string' ? (header[c] as string).trim() !== '' : header[c] !== null && header[c] !== undefined;
    if (!owned.has(c) && (named || mapped.has(c))) columns.push(c);
  }
  const first = headerIndex + 2;
  const lastData = lastDataRow(report, headerIndex + 1);
  const last = lastData + NEW_ENTRY_ROWS;
  if (columns.length === 0) return [];
  const lo = Math.min(...columns);
  const hi = Math.max(...columns);
  // Formulas of the data block, one read: a formula cell is the workbook's logic, never an input.
  const [formulas] = lastData >= first
    ? await ctx.port.readFormulaAreas(ledger.sheet, [{ row: first - 1, col: lo, rows: lastData - first + 1, cols: hi - lo + 1 }])
    : [[]];
  const totals = new Set(report.totalsRows);
  const formulaRows = (col: number) => (formulas ?? []).filter((row) => isFormula(row?.[col - lo])).length;
  return columns.map((col) => {
    const runs: [number, number][] = [];
    // A column of formulas is the workbook's logic, the blank rows below it too (a new row's formula is
    // filled down after unprotecting): a stray formula in an input column locks only its own cell.
    if (lastData >= first && formulaRows(col) * 2 >= lastData - first + 1) return { col, runs };
    for (let row = first; row <= last; row++) {
      const open = !totals.has(row) && !isFormula(formulas?.[row - first]?.[col - lo]);
      const run = runs[runs.length - 1];
      if (!open) continue;
      if (run && run[1] === row - 1) run[1] = row; else runs.push([row, row]);
    }
    return { col, runs };
  });
}

export async function protectLedger(ctx: ActionContext, options: { password?: string } = {}): Promise<ProtectSummary> {
  const ledger = await loadLedger(ctx);
  const password = options.password ? options.password : undefined;
  if (sheetInfo(ledger)?.protected) return { sheet: ledger.sheet, changed: false, inputColumns: [], password: false };
  const columns = await inputRuns(ctx, ledger);
  const ops: WriteOp[] = [];
  for (const { col, runs } of columns) {
    const letter = columnLetter(col);
    for (const [a, b] of runs) ops.push({ op: 'format', sheet: ledger.sheet, address: `${letter}${a}:${letter}${b}`, locked: false });
  }
  ops.push({ op: 'protectSheet', sheet: ledger.sheet, ...(password ? { password } : {}) });
  const description = ctx.locale === 'zh-CN' ? `保护工作表「${ledger.sheet}」（可在数据列输入）` : `Protect "${ledger.sheet}" (input columns stay editable)`;
  await applyPlan(ctx, { description, ops });
  return { sheet: ledger.sheet, changed: true, inputColumns: columns.filter((c) => c.runs.length > 0).map((c) => columnLetter(c.col)), password: password !== undefined };
}

export async function unprotectLedger(ctx: ActionContext, options: { password?: string } = {}): Promise<ProtectSummary> {
  const ledger = await loadLedger(ctx);
  const password = options.password ? options.password : undefined;
  const summary = { sheet: ledger.sheet, inputColumns: [], password: password !== undefined };
  if (!sheetInfo(ledger)?.protected) return { ...summary, changed: false };
  const description = ctx.locale === 'zh-CN' ? `撤销工作表「${ledger.sheet}」的保护` : `Unprotect "${ledger.sheet}"`;
  try {
    await applyPlan(ctx, { description, ops: [{ op: 'unprotectSheet', sheet: ledger.sheet, ...(password ? { password } : {}) }] });
  } catch (e) {
    // The plan's one op failing in Excel is the password: say so, not "Excel reported an error".
    if (e instanceof WorkbookError && e.code === 'host') {
      throw new WorkbookError('protected', `The password does not unprotect the sheet "${ledger.sheet}". Nothing was changed.`);
    }
    throw e;
  }
  return { ...summary, changed: true };
}

export interface HideColumnsOptions {
  /** Column letters the user chose; unknown letters and the add-in's own columns are left out. */
  columns?: readonly string[];
  /** Or the columns mapped to these fields. */
  fields?: readonly FieldId[];
  /** false: show them again. Default true. */
  hidden?: boolean;
}

/**
 * Hide (or show) columns before the ledger is shown or sent: the ones chosen, else the finance columns
 * (the total spend, headers that name money — core/financeColumns) and the add-in's number copy of the amount.
 */
export async function hideColumns(ctx: ActionContext, options: HideColumnsOptions = {}): Promise<HideColumnsSummary> {
  const ledger = await loadLedger(ctx);
  const hidden = options.hidden ?? true;
  const headers = userHeaders(ledger);
  const cols = new Set<number>();
  if (options.columns) {
    const known = new Set(headers.map((h) => h.column));
    for (const letter of options.columns) if (known.has(letter.toUpperCase())) cols.add(columnIndex(letter.toUpperCase()));
  } else if (options.fields) {
    for (const f of options.fields) {
      const letter = ledger.report.columns[f];
      if (letter) cols.add(columnIndex(letter));
    }
  } else {
    const mapping = Object.entries(ledger.report.columns).map(([field, column]) => ({ field, column: column! }));
    for (const letter of financeColumns(headers, mapping)) cols.add(columnIndex(letter));
  }
  // The add-in's number copy of the total shows the same amounts: it goes (and comes back) with the total.
  const total = ledger.report.columns.total;
  if (total && cols.has(columnIndex(total)) && ledger.owned.amount !== undefined) cols.add(ledger.owned.amount);
  const sorted = [...cols].sort((a, b) => a - b);
  if (sorted.length > 0) {
    const description = ctx.locale === 'zh-CN' ? `${hidden ? '隐藏' : '显示'}「${ledger.sheet}」的 ${sorted.map(columnLetter).join('、')} 列` : `${hidden ? 'Hide' : 'Show'} columns ${sorted.map(columnLetter).join(', ')} of "${ledger.sheet}"`;
    await applyPlan(ctx, { description, ops: [{ op: 'hideColumns', sheet: ledger.sheet, cols: sorted, hidden }] });
  }
  return { sheet: ledger.sheet, columns: sorted.map(columnLetter), hidden };
}
