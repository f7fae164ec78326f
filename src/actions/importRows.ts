/**
 * Import without duplicates: rows from another list are matched against the ledger and each other
 * (core/importRows), then — after a backup — new customers are added below the ledger and, where the
 * user says so, a known customer's blank cells are filled from the incoming row. Nothing of the
 * ledger's is overwritten: only blank cells are filled, and a formula is never replaced.
 */
import { isoToExcelSerial } from '../core/calendar';
import { columnIndex } from '../core/columns';
import { parseAmount } from '../core/amounts';
import { parseCount } from '../core/counts';
import { inferDateOrder } from '../core/dateOrderVotes';
import { parseDate } from '../core/dates';
import { FIELDS, type FieldId } from '../core/fields';
import { planImportSteps, type ImportPlan, type ImportRow } from '../core/importRows';
import { isBlankCell } from '../core/text';
import type { CellInput, WriteOp, WritePlan } from '../workbook/port';
import { cellInputOf } from './cellInput';
import { applyPlan, hostTurns, loadLedger, userWidth, withTurns, type ActionContext } from './context';
import { formulaCellsAmong } from './formulaCells';
import { backupMadeText, backupSheetName, type OwnedColumn } from './names';
import { checkContacts } from './checkContacts';
import { computeTiers } from './computeTiers';
import { recordBackup, settingsOps } from './settingsSheet';

/** What to do with one incoming row: add it as a customer, fill a known customer's blanks from it, or leave it out. */
export type ImportChoice = 'add' | 'update' | 'skip';

export interface ImportOptions {
  /** The rows to bring in, as read (a sheet's values or a parsed CSV), header included. */
  incoming: readonly (readonly unknown[])[];
  /** Per incoming source row; unset rows follow `defaults`. */
  choices?: Readonly<Record<number, ImportChoice>>;
  /** new → add, same → update, repeat and possible → skip, unless changed here. */
  defaults?: Partial<Record<ImportRow['kind'], ImportChoice>>;
  /**
   * After rows were added or filled, bring the add-in's own columns up to date where the ledger has them
   * (the tiers, and RFM with them; the phone and email checks): the new rows would otherwise stand
   * there without. Only the add-in's columns are written; no cell of the user's is fixed.
   */
  refresh?: boolean;
}

export interface ImportSummary {
  sheet: string;
  plan: ImportPlan;
  added: number;
  /** Ledger rows whose blank cells were filled, and how many cells. */
  updated: number;
  cellsFilled: number;
  /** Blank cells left as they were because they hold a formula. */
  formulasKept: number;
  backupSheet: string | null;
  /** 1-based sheet row of the first added row. */
  firstAddedRow: number | null;
  /** Other sheets that looked as much like the customer list (the first was used). */
  alternatives: string[];
  /** The add-in's columns brought up to date after the import (`refresh`). */
  refreshed: ('tiers' | 'checks')[];
  /** Those that could not be (the import itself stands, its backup on record): run them again. */
  refreshFailed: ('tiers' | 'checks')[];
}

export class ImportRowsError extends Error {
  constructor(readonly code: 'totals-below', message: string) {
    super(message);
    this.name = 'ImportRowsError';
  }
}

/** Incoming rows typed between two host turns (dates and amounts parsed per cell). */
const ROWS_PER_TURN = 1024;

const DEFAULTS: Record<ImportRow['kind'], ImportChoice> = { new: 'add', same: 'update', repeat: 'skip', possible: 'skip' };
const FIELD_TYPE = new Map(FIELDS.map((f) => [f.id, f.type]));

/** Blank rows at the ledger's bottom looked at for a formula before new rows are written there (more are left as they are). */
const MAX_BLANK_ROWS_REUSED = 10000;

/** The last 1-based row (the header row at least) with a non-blank cell among the first `width` columns. */
function lastUserRow(values: readonly (readonly unknown[])[], width: number, headerRow: number): number {
  for (let r = values.length; r > headerRow; r--) {
    const row = values[r - 1] ?? [];
    for (let c = 0; c < width && c < row.length; c++) if (!isBlankCell(row[c])) return r;
  }
  return headerRow;
}

/** Every cell of rows from..to (1-based) in the first `width` columns. */
function blankRowCells(from: number, to: number, width: number): { row: number; col: number }[] {
  const cells: { row: number; col: number }[] = [];
  for (let row = from; row <= to; row++) for (let col = 0; col < width; col++) cells.push({ row, col });
  return cells;
}

/**
 * An incoming cell as the ledger's column holds such values: text dates and amounts from a CSV become
 * dates and numbers in date and amount columns; anything else stays as it is (text stays text).
 */
function typedCell(value: unknown, field: FieldId | undefined, dateOrder: 'ymd' | 'mdy' | 'dmy'): { value: CellInput; format?: string } {
  const type = field ? FIELD_TYPE.get(field) : undefined;
  if (typeof value === 'string' && type === 'date') {
    const iso = parseDate(value, dateOrder);
    if (iso) return { value: isoToExcelSerial(iso), format: 'yyyy-mm-dd' };
  }
  if (typeof value === 'string' && type === 'amount') {
    const n = parseAmount(value);
    if (n !== null) return { value: n };
  }
  if (typeof value === 'string' && type === 'integer') {
    const n = parseCount(value);
    if (n !== null) return { value: n };
  }
  return { value: cellInputOf(value) };
}

export async function planImportRows(ctx: ActionContext, options: ImportOptions) {
  const ledger = await loadLedger(ctx);
  const { report, sheet, locale } = ledger;
  const width = userWidth(ledger);
  const turn = hostTurns(ctx);
  const plan = await withTurns(planImportSteps({ values: ledger.values, report, width }, options.incoming), turn);
  const choiceOf = (r: ImportRow): ImportChoice => options.choices?.[r.source] ?? options.defaults?.[r.kind] ?? DEFAULTS[r.kind];
  const adds = plan.rows.filter((r) => choiceOf(r) === 'add');
  const updates = plan.rows.filter((r) => choiceOf(r) === 'update' && r.match !== null && (r.kind === 'same' || r.kind === 'possible'));

  const fieldOf = new Map<number, FieldId>();
  for (const [field, letter] of Object.entries(report.columns) as [FieldId, string][]) fieldOf.set(columnIndex(letter), field);
  const dateOrders = new Map<number, 'ymd' | 'mdy' | 'dmy'>();
  for (const [col, field] of fieldOf) {
    if (FIELD_TYPE.get(field) === 'date') dateOrders.set(col, inferDateOrder(plan.rows.map((r) => r.cells[col])));
  }
  const typed = (v: unknown, col: number) => typedCell(v, fieldOf.get(col), dateOrders.get(col) ?? 'ymd');
  await turn();

  // Rows go below the ledger: a totals row there would not count them, so say so instead.
  const lastData = report.rows.reduce((m, r) => Math.max(m, r.row), report.headerRow);
  if (adds.length > 0 && report.totalsRows.some((t) => t > lastData)) {
    throw new ImportRowsError('totals-below', `Sheet "${sheet}" has a totals row below its customers (row ${report.totalsRows.find((t) => t > lastData)}): new rows would be left out of it. Move or remove the totals row, then import again.`);
  }

  const ops: WriteOp[] = [];
  const fills: { row: number; col: number; value: CellInput; format?: string }[] = [];
  for (let i = 0; i < updates.length; i++) {
    if (i % ROWS_PER_TURN === ROWS_PER_TURN - 1) await turn();
    const r = updates[i]!;
    const current = ledger.values[r.match! - 1] ?? [];
    for (let c = 0; c < width; c++) {
      if (isBlankCell(current[c]) && !isBlankCell(r.cells[c])) fills.push({ row: r.match!, col: c, ...typed(r.cells[c], c) });
    }
  }
  // New rows go after the last row holding anything of the user's: blank rows left at the bottom (a
  // table's empty first row in the template) are used, unless a formula sits there (asked in the same read).
  const lastUsed = lastUserRow(ledger.values, width, report.headerRow);
  const trailing = adds.length > 0 && ledger.values.length - lastUsed <= MAX_BLANK_ROWS_REUSED
    ? blankRowCells(lastUsed + 1, ledger.values.length, width) : [];
  const formulas = await formulaCellsAmong(ctx.port, sheet, [...fills, ...trailing]);
  const kept = fills.filter((f) => !formulas.has(`${f.row}:${f.col}`));
  const lastFormula = trailing.reduce((m, c) => (formulas.has(`${c.row}:${c.col}`) ? Math.max(m, c.row) : m), lastUsed);
  let backupSheet: string | null = null;
  if (adds.length > 0 || kept.length > 0) {
    // The backup comes first in the plan: nothing of the user's changes before it exists.
    backupSheet = backupSheetName(sheet, ctx.now, locale, ledger.sheets.map((s) => s.name));
    ops.push({ op: 'copySheet', from: sheet, to: backupSheet });
  }
  for (const f of kept) {
    ops.push({ op: 'writeBlock', sheet, row: f.row - 1, col: f.col, values: [[f.value]], ...(f.format ? { numberFormats: [f.format] } : {}) });
  }
  const firstAddedRow = adds.length === 0 ? null : trailing.length > 0 ? lastFormula + 1 : ledger.values.length + 1;
  if (adds.length > 0) {
    const block: CellInput[][] = [];
    const formats: (string | undefined)[] = new Array<string | undefined>(width).fill(undefined);
    for (let i = 0; i < adds.length; i++) {
      if (i % ROWS_PER_TURN === ROWS_PER_TURN - 1) await turn();
      const r = adds[i]!;
      block.push(r.cells.slice(0, width).map((v, c) => {
        const t = typed(v, c);
        if (t.format) formats[c] = t.format;
        return t.value;
      }));
    }
    ops.push({ op: 'writeBlock', sheet, row: firstAddedRow! - 1, col: 0, values: block, numberFormats: formats });
  }
  if (backupSheet) {
    ops.push(...settingsOps(ledger.stored, locale, {
      customerSheet: sheet,
      backups: recordBackup(ledger.stored, ledger.sheets.map((s) => s.name), backupSheet, { of: sheet, made: backupMadeText(ctx.now), before: 'import' }),
    }).ops);
  }
  if (firstAddedRow !== null) {
    // A ledger that is an Excel table takes the rows in (its style, filter, sorting and formulas cover
    // them) — last, so the backup is on record whatever Excel says to the resize.
    ops.push({ op: 'growTable', sheet, headerRow: report.headerRow - 1, firstCol: 0, lastCol: width - 1, fromRow: firstAddedRow - 1, lastRow: firstAddedRow - 2 + adds.length });
  }
  const summary: ImportSummary = {
    sheet, plan, added: adds.length, updated: new Set(kept.map((f) => f.row)).size, cellsFilled: kept.length,
    formulasKept: fills.length - kept.length, backupSheet, firstAddedRow, alternatives: ledger.alternatives, refreshed: [], refreshFailed: [],
  };
  const description = locale === 'zh-CN'
    ? `备份后向「${sheet}」添加 ${adds.length} 位新客户，补全 ${summary.updated} 位已有客户的空白单元格`
    : `Back up "${sheet}", then add ${adds.length} new customers and fill blanks of ${summary.updated} existing ones`;
  const writePlan: WritePlan = { description, ops };
  return { plan: writePlan, summary, ledger };
}

const TIER_COLUMNS: readonly OwnedColumn[] = ['valueTier', 'statusTier', 'lifecycle', 'rfmScore', 'rfmSegment'];
const CHECK_COLUMNS: readonly OwnedColumn[] = ['phoneCheck', 'phoneE164', 'emailCheck', 'emailFix'];

export async function importRows(ctx: ActionContext, options: ImportOptions): Promise<ImportSummary> {
  const { plan, summary, ledger } = await planImportRows(ctx, options);
  if (plan.ops.length > 0) await applyPlan(ctx, plan);
  if (options.refresh && summary.added + summary.updated > 0) {
    // The same sheet again, read as it is now: each action reads and plans on its own.
    const again: ActionContext = { ...ctx, sheet: summary.sheet };
    const has = (ids: readonly OwnedColumn[]) => ids.some((id) => ledger.owned[id] !== undefined);
    // The import is written and its backup on record: a refresh that fails is said, not thrown.
    const refresh = async (what: 'tiers' | 'checks', run: () => Promise<unknown>) => {
      try {
        await run();
        summary.refreshed.push(what);
      } catch {
        summary.refreshFailed.push(what);
      }
    };
    if (has(TIER_COLUMNS)) await refresh('tiers', () => computeTiers(again)); // RFM columns, once written, are kept current by every run
    if (has(CHECK_COLUMNS)) await refresh('checks', () => checkContacts(again));
  }
  return summary;
}
