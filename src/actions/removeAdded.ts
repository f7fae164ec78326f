/**
 * Remove what the add-in added: its columns beside the customer data (with their conditional formats and
 * validation), its summary and settings sheets, and — only when asked — its archive and backup sheets,
 * which hold the user's own rows. Planned first as a list the user confirms; applied after a backup of
 * every sheet that loses columns. The add-in's columns are known by the registry on the settings sheet,
 * its sheets by their markers (ownSheets.ts), never by a name alone.
 */
import { columnLetter } from '../core/columns';
import { cellText } from '../core/text';
import type { Locale } from '../i18n/strings';
import { WorkbookError, throwIfStopped, type SheetInfo, type WriteOp, type WritePlan } from '../workbook/port';
import { statusRule } from './checkContacts';
import { tierRuleVariants } from './computeTiers';
import { cellInputOf } from './cellInput';
import { CONTACT_RULE_TITLES } from './contactValidation';
import { analyzeInSlices, applyPlan, isoDay, lastRowIndexOf, type ActionContext } from './context';
import { backupMadeText, backupSheetName, ownedColumnOf, type OwnedColumn } from './names';
import { ownSheets, type OwnSheetKind } from './ownSheets';
import { readWorkbookSettings, settingsOps, type SettingKey, type WorkbookSettings } from './settingsSheet';

export interface RemoveAddedOptions {
  /** Also delete the duplicate archive sheets (they hold the user's archived rows). Default: kept. */
  archives?: boolean;
  /** Also delete the backup sheets the add-in made. Default: kept. */
  backups?: boolean;
}

export interface AddedColumn {
  sheet: string;
  header: string;
  /** Column letter before the removal. */
  letter: string;
  /** Non-blank cells below the header. */
  filled: number;
}

export interface AddedColumnsOnSheet {
  sheet: string;
  columns: AddedColumn[];
  /**
   * 'delete': whole columns go (their formats, rules and validation with them). 'clear': the add-in's
   * cells are cleared and the columns stay, because something of the user's lies right of them
   * ('cells-right') or in them above the header or below the data ('cells-outside').
   */
  how: 'delete' | 'clear';
  why: 'cells-right' | 'cells-outside' | null;
}

export type AddedSheetKind = Exclude<OwnSheetKind, 'template'>;

/** Every kind a removal lists: a Record, so a new kind of own sheet fails to compile here until it is worded. */
const KIND_SET: Record<AddedSheetKind, true> = { settings: true, summary: true, archive: true, backup: true, masked: true, callList: true };
export const ADDED_SHEET_KINDS = Object.keys(KIND_SET) as AddedSheetKind[];

export interface AddedSheet {
  name: string;
  kind: AddedSheetKind;
  rows: number;
  /** Whether this run removes it. */
  remove: boolean;
  /**
   * Why it stays: not asked for (archives, backups); the template's formulas read it (settings); or it
   * records backups and archives that stay, this run's backups among them (settings) — the pane lists
   * and restores backups from that record, so removing it would take the way back with it.
   */
  keptBecause: 'not-asked' | 'template' | 'records' | null;
}

export interface RemoveAddedSummary {
  columns: AddedColumnsOnSheet[];
  sheets: AddedSheet[];
  /** Backups made of the sheets that lose columns (planned names in a preview). */
  backupSheets: string[];
  /** Nothing the add-in added is left to remove (a second run). */
  nothing: boolean;
  /** False for a preview. */
  applied: boolean;
}

/** Columns whose conditional formats the actions key on them, and the words of each rule. */
function ownRules(id: OwnedColumn, col: number, first: number): string[] {
  const ref = `$${columnLetter(col)}${first}`;
  switch (id) {
    case 'phoneCheck':
    case 'emailCheck':
      return [statusRule(col, first, 'invalid'), statusRule(col, first, 'suspect')];
    case 'valueTier':
      return tierRuleVariants(ref, 'valueTier', 'high'); // in either term (沉睡 or 休眠): whichever a run wrote
    case 'statusTier':
      return [...tierRuleVariants(ref, 'statusTier', 'dormant'), ...tierRuleVariants(ref, 'statusTier', 'lost')];
    case 'duplicateGroup':
      return [`=AND(ISNUMBER(${ref}),ISODD(${ref}))`, `=AND(ISNUMBER(${ref}),ISEVEN(${ref}))`];
    default:
      return [];
  }
}

/** The columns computeTiers may fill with formulas over the settings sheet. */
const LIVE = new Set<OwnedColumn>(['valueTier', 'statusTier', 'lifecycle']);

const blank = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

interface SheetColumnsPlan extends AddedColumnsOnSheet {
  ops: WriteOp[];
  backup: string;
  ids: OwnedColumn[];
}

/** The add-in's columns on one sheet, and how they go. Null when the sheet has none of them. */
async function planColumnsOn(ctx: ActionContext, sheet: SheetInfo, stored: WorkbookSettings, taken: string[]): Promise<SheetColumnsPlan | null> {
  const ledger = await ownColumnsOn(ctx, sheet.name, stored);
  if (!ledger) return null;
  const owned = Object.entries(ledger.owned) as [OwnedColumn, number][];
  if (owned.length === 0) return null;
  if (sheet.protected) {
    throw new WorkbookError('protected', `The sheet "${sheet.name}" is protected; unprotect it (Review → Unprotect Sheet) and try again. Nothing was changed.`);
  }
  owned.sort((a, b) => a[1] - b[1]);
  const cols = owned.map(([, c]) => c);
  const ours = new Set(cols);
  const top = ledger.headerIndex;
  const bottom = Math.max(top, lastRowIndexOf(ledger));
  const values = ledger.values;
  const columns: AddedColumn[] = owned.map(([, c]) => {
    let filled = 0;
    for (let r = top + 1; r <= bottom; r++) if (!blank(values[r]?.[c])) filled++;
    return { sheet: sheet.name, header: cellText(values[top]?.[c]).trim(), letter: columnLetter(c), filled };
  });
  let why: AddedColumnsOnSheet['why'] = null;
  const leftmost = cols[0]!;
  for (let r = 0; r < values.length && why !== 'cells-right'; r++) {
    const row = values[r] ?? [];
    for (let c = leftmost; c < row.length; c++) {
      if (blank(row[c])) continue;
      if (!ours.has(c)) {
        why = 'cells-right';
        break;
      }
      if (r < top || r > bottom) why = 'cells-outside';
    }
  }
  const first = top + 2;
  const formulas = owned.flatMap(([id, c]) => ownRules(id, c, first));
  const backup = backupSheetName(sheet.name, ctx.now, stored.locale ?? ctx.locale, taken);
  taken.push(backup);
  const ops: WriteOp[] = [{ op: 'copySheet', from: sheet.name, to: backup }];
  // Live tier formulas read the settings sheet, which goes: the backup keeps what they showed.
  for (const [id, c] of owned) {
    if (!LIVE.has(id)) continue;
    const cells = [];
    for (let r = top; r <= bottom; r++) cells.push([cellInputOf(values[r]?.[c])]);
    ops.push({ op: 'writeBlock', sheet: backup, row: top, col: c, values: cells });
  }
  if (formulas.length > 0) ops.push({ op: 'removeConditionalFormats', sheet: sheet.name, formulas });
  // checkContacts' warning rules on the user's own phone and email cells: removed only where they are still ours.
  const contact = (letter: string | undefined, kind: 'phone' | 'email', id: OwnedColumn) => {
    if (!letter || ledger.owned[id] === undefined || bottom <= top) return;
    const ownTitles = Object.values(CONTACT_RULE_TITLES[kind]);
    ops.push({ op: 'removeValidation', sheet: sheet.name, address: `${letter}${top + 2}:${letter}${bottom + 1}`, ownTitles });
  };
  contact(ledger.report.columns.phone, 'phone', 'phoneCheck');
  contact(ledger.report.columns.email, 'email', 'emailCheck');
  if (why === null) {
    ops.push({ op: 'deleteColumns', sheet: sheet.name, cols });
  } else {
    for (const run of runsOf(cols)) {
      ops.push({ op: 'clearRange', sheet: sheet.name, address: `${columnLetter(run[0]!)}${top + 1}:${columnLetter(run[run.length - 1]!)}${bottom + 1}` });
    }
  }
  return { sheet: sheet.name, columns, how: why === null ? 'delete' : 'clear', why, ops, backup, ids: owned.map(([id]) => id) };
}

/**
 * The sheet read once and analyzed as loadLedger does (its header row and last data row), with the
 * add-in's registered columns on it; the sheets and settings already read are not asked for again.
 */
async function ownColumnsOn(ctx: ActionContext, name: string, stored: WorkbookSettings) {
  throwIfStopped(ctx.signal);
  const values = await ctx.port.readValues(name);
  ctx.onProgress?.({ phase: 'read', done: values.length, total: values.length });
  const registered = new Set(stored.ownedColumns);
  const owned: Partial<Record<OwnedColumn, number>> = {};
  for (let r = 0; r < Math.min(values.length, 30); r++) {
    (values[r] ?? []).forEach((v, c) => {
      const id = ownedColumnOf(v);
      if (id && registered.has(`${name}|${String(v).trim()}`)) owned[id] = c; // the rightmost, as loadLedger
    });
  }
  if (Object.keys(owned).length === 0) return null;
  const report = await analyzeInSlices(ctx, {
    sheet: name, values, settings: stored.settings, today: isoDay(ctx.now), language: ctx.locale,
    mapping: stored.customerSheet === name && stored.mapping ? stored.mapping : undefined,
    ignoreColumns: Object.values(owned),
  });
  const headerIndex = report.headerRow - 1;
  return { values, owned, headerIndex, report };
}

function runsOf(cols: readonly number[]): number[][] {
  const runs: number[][] = [];
  for (const c of cols) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1]! + 1 === c) last.push(c); else runs.push([c]);
  }
  return runs;
}

/** The sheets named in the registry of the add-in's columns, as they exist now (the template's aside). */
function sheetsWithColumns(sheets: readonly SheetInfo[], stored: WorkbookSettings): SheetInfo[] {
  const named = new Set(stored.ownedColumns.map((k) => k.slice(0, k.lastIndexOf('|')).toLowerCase()));
  const template = stored.templateSheet?.toLowerCase();
  return sheets.filter((s) => named.has(s.name.toLowerCase()) && s.name.toLowerCase() !== template);
}

export async function planRemoveAdded(ctx: ActionContext, options: RemoveAddedOptions = {}) {
  const sheets = await ctx.port.listSheets();
  const stored = await readWorkbookSettings(ctx.port, sheets);
  const taken = sheets.map((s) => s.name);
  const columnPlans: SheetColumnsPlan[] = [];
  for (const s of sheetsWithColumns(sheets, stored)) {
    const p = await planColumnsOn(ctx, s, stored, taken);
    if (p) columnPlans.push(p);
  }
  const template = stored.templateSheet && sheets.some((s) => s.name.toLowerCase() === stored.templateSheet!.toLowerCase());
  const rowsOf = new Map(sheets.map((s) => [s.name, s.rowCount]));
  const added: AddedSheet[] = [];
  for (const [name, kind] of ownSheets(sheets, stored)) {
    if (kind === 'template') continue;
    const asked = kind === 'archive' ? Boolean(options.archives) : kind === 'backup' ? Boolean(options.backups) : true;
    const keptBecause = !asked ? 'not-asked' : kind === 'settings' && template ? 'template' : null;
    added.push({ name, kind, rows: rowsOf.get(name) ?? 0, remove: keptBecause === null, keptBecause });
  }
  const recordsStay = columnPlans.length > 0 || added.some((x) => (x.kind === 'archive' || x.kind === 'backup') && !x.remove);
  for (const x of added) {
    if (x.kind === 'settings' && x.remove && recordsStay) Object.assign(x, { remove: false, keptBecause: 'records' });
  }
  // The settings sheet goes last: it is the registry until then.
  added.sort((a, b) => Number(a.kind === 'settings') - Number(b.kind === 'settings'));

  const ops: WriteOp[] = columnPlans.flatMap((p) => p.ops);
  for (const s of added) if (s.remove) ops.push({ op: 'deleteSheet', name: s.name });
  const settings = added.find((s) => s.kind === 'settings');
  if (settings && !settings.remove && ops.length > 0) ops.push(...settingsOps(stored, stored.locale ?? ctx.locale, registryAfter(stored, columnPlans, added, backupMadeText(ctx.now))).ops);

  const summary: RemoveAddedSummary = {
    columns: columnPlans.map(({ sheet, columns, how, why }) => ({ sheet, columns, how, why })),
    sheets: added,
    backupSheets: columnPlans.map((p) => p.backup),
    nothing: ops.length === 0,
    applied: false,
  };
  const plan: WritePlan = { description: describePlan(ctx.locale, summary), ops };
  return { plan, summary };
}

/** The registry once the removal is done, for a settings sheet that stays: nothing in it points at what is gone. */
function registryAfter(stored: WorkbookSettings, columns: readonly SheetColumnsPlan[], added: readonly AddedSheet[], made: string): Partial<Record<SettingKey, string | null>> {
  const gone = new Set(columns.flatMap((p) => p.columns.map((c) => `${p.sheet}|${c.header}`)));
  const removed = new Set(added.filter((s) => s.remove).map((s) => s.name.toLowerCase()));
  const updates: Partial<Record<SettingKey, string | null>> = {
    ownedColumns: JSON.stringify(stored.ownedColumns.filter((k) => !gone.has(k))),
    backups: JSON.stringify({
      ...Object.fromEntries(Object.entries(stored.backups).filter(([name]) => !removed.has(name.toLowerCase()))),
      ...Object.fromEntries(columns.map((p) => [p.backup, { of: p.sheet, made, before: 'remove-added' as const }])),
    }),
  };
  if (stored.summarySheet && removed.has(stored.summarySheet.toLowerCase())) updates.summarySheet = null;
  if (stored.archiveSheet && removed.has(stored.archiveSheet.toLowerCase())) updates.archiveSheet = null;
  // The spend thresholds read the amount column the add-in added: computeTiers writes them again.
  if (columns.some((p) => p.ids.includes('amount'))) {
    updates.highAmount = null;
    updates.mediumAmount = null;
  }
  return updates;
}

function describePlan(locale: Locale, s: RemoveAddedSummary): string {
  const cols = s.columns.reduce((n, p) => n + p.columns.length, 0);
  const sheets = s.sheets.filter((x) => x.remove).length;
  if (cols === 0 && sheets === 0) return '';
  return locale === 'zh-CN'
    ? `备份后移除助手添加的 ${cols} 列和 ${sheets} 个工作表`
    : `Back up, then remove the ${cols} columns and ${sheets} sheets the add-in added`;
}

export async function removeAdded(ctx: ActionContext, options: RemoveAddedOptions = {}): Promise<RemoveAddedSummary> {
  const { plan, summary } = await planRemoveAdded(ctx, options);
  if (plan.ops.length === 0) return summary;
  await applyPlan(ctx, plan);
  return { ...summary, applied: true };
}

