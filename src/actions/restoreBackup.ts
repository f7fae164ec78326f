/**
 * Restore from backup: the backup sheets the add-in made (checkContacts' fixes, findDuplicates' archive,
 * a restore's own safety backup), and putting one back into the sheet it copies — after a new dated
 * backup of that sheet as it is now, so a restore can itself be undone.
 *
 * What comes back: the backup's values and formulas, over the whole area the sheet and the backup use
 * (cells the backup leaves empty are emptied: columns and rows added since are in the safety backup).
 * Rows archived since the backup come back (the archive sheet keeps its copies). Cell formats of rows
 * that still exist stay as they are; rows the sheet no longer has get a date format in the columns
 * the analysis reads as dates, nothing else (the port writes values, not cell styles).
 */
import { columnIndex } from '../core/columns';
import type { FieldId } from '../core/fields';
import { analyzeSheet } from '../core/analyze';
import { throwIfStopped, type CellInput, type SheetInfo, type WriteOp, type WritePlan } from '../workbook/port';
import { applyPlan, isoDay, type ActionContext } from './context';
import { cellInputOf } from './cellInput';
import { sheetPrefix } from './formulaText';
import { backupMadeText, backupSheetName, parseBackupSheetName, type BackupName } from './names';
import { ownedSheetNames } from './ownSheets';
import { readWorkbookSettings, recordBackup, settingsOps, type BackupReason, type WorkbookSettings } from './settingsSheet';

export interface BackupInfo {
  /** The backup sheet's name. */
  sheet: string;
  /** The customer sheet it is a copy of, when that can be told (recorded, or the only sheet its name fits). */
  of: string | null;
  /** When it was made: "2026-11-23 15:30" when recorded, "11-23 15:30" when only its name tells. */
  made: string | null;
  /** What the add-in was about to do (recorded), null when not known. */
  before: BackupReason | null;
}

export interface RestoreSummary {
  /** The sheet that was restored. */
  sheet: string;
  /** The backup whose contents it now holds. */
  backupSheet: string;
  /** The new backup of the sheet as it was just before the restore (restore this one to undo). */
  safetyBackup: string;
  /** Rows of the backup written back (its used rows, counted from row 1). */
  rows: number;
}

export type RestoreErrorCode = 'no-backup' | 'not-a-backup' | 'unknown-sheet' | 'sheet-missing';

/**
 * A restore the add-in refuses, nothing changed. 'no-backup': no sheet of that name; 'not-a-backup': a
 * sheet the add-in did not make as a backup; 'unknown-sheet': which sheet it backs up cannot be told
 * (pass ctx.sheet); 'sheet-missing': the sheet it backs up is gone.
 */
export class RestoreError extends Error {
  constructor(readonly code: RestoreErrorCode, message: string) {
    super(message);
    this.name = 'RestoreError';
  }
}

const DATE_FIELDS: readonly FieldId[] = ['firstPurchase', 'lastPurchase', 'lastContact'];

interface Known {
  info: BackupInfo;
  /** For newest-first ordering: "YYYY-MM-DD HH:MM", then the copy number and tab order. */
  sortKey: string;
  copy: number;
  tab: number;
}

/** The customer sheet a backup's name points at, when exactly one sheet fits it (never one of the add-in's own). */
function sheetFromName(parsed: BackupName, sheets: readonly SheetInfo[], owned: ReadonlySet<string>): string | null {
  const fits = sheets.filter((s) => !owned.has(s.name) && (parsed.cut ? s.name.startsWith(parsed.sheetPart) : s.name === parsed.sheetPart));
  return fits.length === 1 ? fits[0]!.name : null;
}

function describeBackups(sheets: readonly SheetInfo[], stored: WorkbookSettings, now: Date): Known[] {
  const recorded = new Map(Object.entries(stored.backups).map(([name, r]) => [name.toLowerCase(), r]));
  const owned = new Set(ownedSheetNames(sheets, stored));
  const pad = (n: number) => String(n).padStart(2, '0');
  const out: Known[] = [];
  sheets.forEach((s, tab) => {
    const record = recorded.get(s.name.toLowerCase());
    const parsed = parseBackupSheetName(s.name);
    if (!record && !parsed) return;
    if (record) {
      out.push({ info: { sheet: s.name, of: record.of, made: record.made, before: record.before ?? null }, sortKey: record.made, copy: parsed?.copy ?? 1, tab });
      return;
    }
    const p = parsed!;
    // The name carries no year: the latest such date not after today.
    const thisYear = now.getFullYear();
    const later = p.month > now.getMonth() + 1 || (p.month === now.getMonth() + 1 && p.day > now.getDate());
    const year = later ? thisYear - 1 : thisYear;
    const when = `${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
    out.push({ info: { sheet: s.name, of: sheetFromName(p, sheets, owned), made: when, before: null }, sortKey: `${year}-${when}`, copy: p.copy, tab });
  });
  return out.sort((a, b) => (a.sortKey !== b.sortKey ? (a.sortKey < b.sortKey ? 1 : -1) : b.copy - a.copy || b.tab - a.tab));
}

/** The backup sheets the add-in made, newest first. */
export async function listBackups(ctx: ActionContext): Promise<BackupInfo[]> {
  const sheets = await ctx.port.listSheets();
  const stored = await readWorkbookSettings(ctx.port, sheets);
  return describeBackups(sheets, stored, ctx.now).map((k) => k.info);
}

/**
 * Excel points a copied sheet's references to itself at the copy ('Backup 客户 1123-0905'!B2 where the
 * original said '客户'!B2): restored formulas are pointed back at the sheet they are restored to, or
 * they would read the backup, and show #REF! once it is deleted. Backup names always hold a space, so
 * Excel always quotes them.
 */
export function retargetFormula(formula: string, backupSheet: string, sheet: string): string {
  const from = sheetPrefix(backupSheet);
  return formula.includes(from) ? formula.split(from).join(sheetPrefix(sheet)) : formula;
}

/** A cell as read (Office.js or exceljs) → what writeBlock writes back as the same content, formulas included. */
function restoredCell(value: unknown, formula: unknown, retarget: (f: string) => string = (f) => f): CellInput {
  if (typeof formula === 'string' && formula.startsWith('=') && formula.length > 1 && formula !== value) return { formula: retarget(formula) };
  return cellInputOf(value);
}

export async function planRestoreBackup(ctx: ActionContext, options: { backupSheet: string }) {
  const sheets = await ctx.port.listSheets();
  const names = sheets.map((s) => s.name);
  const stored = await readWorkbookSettings(ctx.port, sheets);
  const backupInfo = sheets.find((s) => s.name.toLowerCase() === options.backupSheet.toLowerCase());
  if (!backupInfo) throw new RestoreError('no-backup', `There is no sheet named "${options.backupSheet}"; it may have been deleted. Nothing was changed.`);
  const known = describeBackups(sheets, stored, ctx.now).find((k) => k.info.sheet === backupInfo.name);
  if (!known) throw new RestoreError('not-a-backup', `The sheet "${backupInfo.name}" is not a backup this add-in made; only those can be restored. Nothing was changed.`);
  const target = known.info.of ?? ctx.sheet ?? null;
  if (!target) throw new RestoreError('unknown-sheet', `Which sheet "${backupInfo.name}" is a backup of cannot be told from its name; choose the sheet to restore. Nothing was changed.`);
  const sheetInfo = sheets.find((s) => s.name.toLowerCase() === target.toLowerCase());
  if (!sheetInfo) throw new RestoreError('sheet-missing', `The sheet "${target}" that "${backupInfo.name}" backs up no longer exists. Nothing was changed.`);
  // The add-in's own sheets by their markers: a user's customer list called 客户汇总 can be restored.
  if (sheetInfo.name === backupInfo.name || ownedSheetNames(sheets, stored).includes(sheetInfo.name)) {
    throw new RestoreError('not-a-backup', `"${backupInfo.name}" cannot be restored onto the add-in's own sheet "${sheetInfo.name}". Nothing was changed.`);
  }
  const sheet = sheetInfo.name;

  throwIfStopped(ctx.signal);
  const values = await ctx.port.readValues(backupInfo.name);
  const width = values.reduce((w, r) => Math.max(w, r.length), 0);
  // Values give formula results only: the formulas come column by column (one read each), so a
  // restored sheet calculates again instead of holding yesterday's numbers.
  const formulas: unknown[][] = [];
  for (let c = 0; c < width && values.length > 0; c++) {
    throwIfStopped(ctx.signal);
    formulas.push(await ctx.port.readFormulas(backupInfo.name, c, 0, values.length - 1));
    ctx.onProgress?.({ phase: 'read', done: c + 1, total: width });
  }
  throwIfStopped(ctx.signal);

  const retarget = (f: string) => retargetFormula(f, backupInfo.name, sheet);
  const rows = Math.max(values.length, sheetInfo.rowCount);
  const cols = Math.max(width, sheetInfo.columnCount);
  const block: CellInput[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: CellInput[] = new Array<CellInput>(cols).fill(null);
    const src = values[r];
    if (src) for (let c = 0; c < width; c++) row[c] = restoredCell(src[c], formulas[c]?.[r], retarget);
    block.push(row);
  }

  const safetyBackup = backupSheetName(sheet, ctx.now, stored.locale ?? ctx.locale, names);
  const ops: WriteOp[] = [{ op: 'copySheet', from: sheet, to: safetyBackup }];
  // Rows the sheet has now keep their cell formats; rows it no longer has (archived since) come back
  // below them and get a date format where the analysis sees dates.
  const kept = Math.min(sheetInfo.rowCount, rows);
  if (kept > 0) ops.push({ op: 'writeBlock', sheet, row: 0, col: 0, values: block.slice(0, kept) });
  if (rows > kept) {
    ops.push({ op: 'writeBlock', sheet, row: kept, col: 0, values: block.slice(kept), numberFormats: dateFormats(values, cols, ctx) });
  }
  ops.push(...settingsOps(stored, stored.locale ?? ctx.locale, {
    backups: recordBackup(stored, names, safetyBackup, { of: sheet, made: backupMadeText(ctx.now), before: 'restore' }),
  }).ops);

  const description = ctx.locale === 'zh-CN'
    ? `先把「${sheet}」备份到「${safetyBackup}」，再用「${backupInfo.name}」的内容恢复它`
    : `Back up "${sheet}" to "${safetyBackup}", then restore it from "${backupInfo.name}"`;
  const plan: WritePlan = { description, ops };
  const summary: RestoreSummary = { sheet, backupSheet: backupInfo.name, safetyBackup, rows: values.length };
  return { plan, summary };
}

/** 'yyyy-mm-dd' for the columns the analysis reads as dates in the backup, per column of the block. */
function dateFormats(values: unknown[][], cols: number, ctx: ActionContext): (string | undefined)[] | undefined {
  let columns: Partial<Record<FieldId, string>>;
  try {
    columns = analyzeSheet({ sheet: 'backup', values, settings: undefined, today: isoDay(ctx.now) }).columns;
  } catch {
    return undefined; // not a customer list (a header-only sheet, say): no formats
  }
  const out: (string | undefined)[] = new Array<string | undefined>(cols).fill(undefined);
  let any = false;
  for (const f of DATE_FIELDS) {
    const letter = columns[f];
    if (!letter) continue;
    const c = columnIndex(letter);
    if (c < cols) {
      out[c] = 'yyyy-mm-dd';
      any = true;
    }
  }
  return any ? out : undefined;
}

/**
 * Puts the backup's contents back into the sheet it copies, after a new dated backup of that sheet
 * (summary.safetyBackup). One plan: the adapter's checks (protection, names) run before anything is
 * written. Restoring the same backup twice leaves the same sheet; each restore makes its own safety backup.
 */
export async function restoreBackup(ctx: ActionContext, options: { backupSheet: string }): Promise<RestoreSummary> {
  const { plan, summary } = await planRestoreBackup(ctx, options);
  await applyPlan(ctx, plan);
  return summary;
}
