/**
 * Find duplicates: a group column and a note per row ("group 3 · keep row 57 · same mobile"), group
 * colouring through two conditional formats (odd/even groups), and — only when asked — moving the
 * rows not kept to an archive sheet after a backup. Rows are moved, never just deleted.
 *
 * After a move every note names rows as they are then: an archived row's note the kept row's new
 * number, the kept row's note (group cells emptied: the group is resolved) the archive's rows. A later
 * run keeps such a note, so running again on the result changes nothing.
 */
import { columnIndex, columnLetter } from '../core/columns';
import { FIELDS } from '../core/fields';
import { companyKey, nameKey } from '../core/matchKeys';
import type { Report } from '../core/report';
import { cellText } from '../core/text';
import { isKeptNote, strings, type Locale } from '../i18n/strings';
import type { CellInput, SheetVisibility, WritePlan, WriteOp } from '../workbook/port';
import { applyPlan, hostTurns, reportRowOf, lastRowIndexOf, loadLedger, outputColumns, registerColumns, userWidth, type ActionContext, type Ledger } from './context';
import { columnBlocksInSlices } from './blocks';
import { cellInputOf } from './cellInput';
import { OWNED_COLUMNS, SHEETS, backupMadeText, backupSheetName, uniqueSheetName } from './names';
import { planMerges, type MergeOutcome } from './mergeGroups';
import { ownArchiveSheet } from './ownSheets';
import { archiveCopies, type ArchiveCopies } from './archiveCopies';
import { jsonDroppingOldest, recordBackup, settingsOps, settingsSheetName } from './settingsSheet';
import { PALETTE } from './palette';

export interface FindDuplicatesOptions {
  /**
   * Group ids (of this analysis) the user marked "not a duplicate". The choice is stored in the settings
   * sheet as the group's identity, so later runs leave the group out too — until its members change.
   */
  notDuplicates?: readonly number[];
  /** Group id → the row the user chose to keep. */
  keep?: Readonly<Record<number, number>>;
  /** Move every row not kept to the archive sheet (after a backup). */
  archive?: boolean;
  /**
   * Fold each group into its kept row first (blanks filled, amounts and orders added, earliest first and
   * latest last purchase, notes joined), then archive the others as `archive` does.
   */
  merge?: boolean;
}

export interface DuplicatesSummary {
  sheet: string;
  groups: Report['duplicateGroups'];
  possible: Report['possibleDuplicates'];
  /** Rows moved (or to be moved) to the archive. */
  archived: number[];
  archiveSheet: string | null;
  backupSheet: string | null;
  /**
   * Groups left out because the user said they are not duplicates: on an earlier run (stored in the
   * settings sheet) or in this run's `notDuplicates`. A group that gained or lost a member is shown again.
   */
  dismissed: number;
  /** With `merge`: kept cells changed, formulas left, and the rule of each column. */
  merged: Omit<MergeOutcome, 'ops'> | null;
  /** What the review shows of each row of a group (as the sheet held it before this run). */
  rowDetails: Record<number, RowDetail>;
}

export interface RowDetail { name: string; phone: string; email: string; total: number | null; last: string | null }

/** The review's columns for the rows of the groups: who, how to reach them, how much, how recent. */
function rowDetailsOf(ledger: Ledger, rows: Iterable<number>, rowAt: (row: number) => Report['rows'][number] | undefined): Record<number, RowDetail> {
  const col = (f: 'name' | 'company' | 'phone' | 'email') => (ledger.report.columns[f] ? columnIndex(ledger.report.columns[f]) : null);
  const nameCol = col('name') ?? col('company');
  const phoneCol = col('phone');
  const emailCol = col('email');
  const out: Record<number, RowDetail> = {};
  for (const row of rows) {
    const cells = ledger.values[row - 1] ?? [];
    const r = rowAt(row);
    const text = (c: number | null) => (c === null ? '' : cellText(cells[c]).trim());
    out[row] = { name: text(nameCol), phone: text(phoneCol), email: text(emailCol), total: r?.total ?? null, last: r?.lastActivity ?? null };
  }
  return out;
}

/** cyrb53: a 53-bit string hash (non-cryptographic), as base-36 text. */
function digest(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * Duplicate groups' identities for one analysis (the row lookup is built once). An identity does not
 * depend on row numbers (sorting, inserting or archiving rows keeps it): a digest of its members'
 * sorted digests, each member being its matching keys — E.164 phone, normalized email, name key,
 * company key. The settings sheet stores only these digests, never the keys themselves: no customer
 * data is copied there, and a customer deleted from the sheet leaves nothing readable behind. Any
 * change in membership (a new member, one fewer, a member's keys edited) gives another identity, so
 * the group is shown again.
 */
function groupIdentities(ledger: Pick<Ledger, 'report' | 'values'>, rowAt: (sheetRow: number) => Report['rows'][number] | undefined): (rows: readonly number[]) => string {
  const { report, values } = ledger;
  const col = (field: 'name' | 'company') => (report.columns[field] ? columnIndex(report.columns[field]) : null);
  const nameCol = col('name');
  const companyCol = col('company');
  return (rows) => {
    const members = rows.map((row) => {
      const r = rowAt(row);
      const cells = values[row - 1] ?? [];
      return digest([
        r?.phone?.status === 'valid' ? r.phone.e164 ?? '' : '',
        r?.email && r.email.status !== 'invalid' ? r.email.normalized ?? '' : '',
        nameCol === null ? '' : nameKey(cellText(cells[nameCol])),
        companyCol === null ? '' : companyKey(cellText(cells[companyCol])),
      ].join('\u0001'));
    }).sort();
    return `g${rows.length}-${digest(members.join('|'))}`;
  };
}

export const GROUP_FILLS = [PALETTE.groupOdd.fill, PALETTE.groupEven.fill] as const;

type Group = Report['duplicateGroups'][number];

function reasonsText(locale: Locale, g: Group): string {
  const s = strings(locale);
  return g.reasons.map((r) => s.duplicateReason[r]).join(locale === 'zh-CN' ? '、' : ', ');
}

function note(locale: Locale, g: Group, keep: number): string {
  return strings(locale).duplicateNote(g.id, keep, reasonsText(locale, g));
}

/** Where archived rows go: the add-in's archive (as hidden as the customer sheet at least), else a new one. */
interface ArchivePlace {
  sheet: string;
  isNew: boolean;
  visibility: SheetVisibility;
  /** 1-based row on the archive of the first row archived now. */
  firstRow: number;
}

const HIDDEN_RANK: Record<SheetVisibility, number> = { visible: 0, hidden: 1, veryHidden: 2 };

function placeArchive(ledger: Ledger, locale: Locale, taken: readonly string[]): ArchivePlace {
  const visibility = ledger.sheets.find((s) => s.name === ledger.sheet)?.visibility ?? 'visible';
  const own = ownArchiveSheet(ledger.sheets, ledger.stored);
  const existing = own ? ledger.sheets.find((s) => s.name === own) : undefined;
  // Rows of a hidden sheet never go to a more visible archive: they get an archive of their own.
  if (existing && HIDDEN_RANK[existing.visibility] >= HIDDEN_RANK[visibility]) {
    return { sheet: existing.name, isNew: false, visibility: existing.visibility, firstRow: existing.rowCount + 1 };
  }
  return { sheet: uniqueSheetName(SHEETS.archive[locale], taken), isNew: true, visibility, firstRow: 2 };
}

/** A row's number once the archived rows above it are deleted. */
function rowAfterMove(archived: readonly number[]): (row: number) => number {
  const sorted = [...archived].sort((a, b) => a - b);
  return (row) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < row) lo = mid + 1;
      else hi = mid;
    }
    return row - lo;
  };
}

/** "5", "5–7", or "3、5–7" (en "3, 5–7"): the archive rows of one group, new ones next to each other, earlier copies where they are. */
function rowRange(rows: readonly number[], locale: Locale): string {
  const sorted = [...rows].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return runs.join(locale === 'zh-CN' ? '、' : ', ');
}

export async function planFindDuplicates(ctx: ActionContext, options: FindDuplicatesOptions = {}) {
  const ledger = await loadLedger(ctx);
  const { report, sheet, headerIndex } = ledger;
  const locale = ledger.locale;
  const excluded = new Set(options.notDuplicates ?? []);
  const stored = new Set(ledger.stored.dismissedDuplicates);
  const newlyDismissed: string[] = [];
  let dismissed = 0;
  const turn = hostTurns(ctx); // between the plan's passes over the rows, as between the analysis's steps
  const rowAt = await reportRowOf(report, turn);
  const identityOf = groupIdentities(ledger, rowAt);
  const groups = report.duplicateGroups
    .filter((g) => {
      const chosenNow = excluded.has(g.id);
      const identity = chosenNow || stored.size > 0 ? identityOf(g.rows) : '';
      if (chosenNow && !stored.has(identity)) newlyDismissed.push(identity);
      if (chosenNow || stored.has(identity)) {
        dismissed++;
        return false;
      }
      return true;
    })
    .map((g) => {
      const chosen = options.keep?.[g.id];
      return { ...g, keep: chosen !== undefined && g.rows.includes(chosen) ? chosen : g.keep };
    });
  const groupOfRow = new Map<number, (typeof groups)[number]>();
  for (const g of groups) for (const r of g.rows) groupOfRow.set(r, g);

  const ids = ['duplicateGroup', 'duplicateNote'] as const;
  const cols = outputColumns(ledger, ids);
  const lastRowIndex = lastRowIndexOf(ledger);
  await turn();
  const headers = ids.map((id) => OWNED_COLUMNS[id][locale]);
  await turn();

  const ops: WriteOp[] = [];
  const archived = options.archive || options.merge ? groups.flatMap((g) => g.rows.filter((r) => r !== g.keep)) : [];
  let backupSheet: string | null = null;
  let archive: ArchivePlace | null = null;
  const taken = ledger.sheets.map((s) => s.name);
  if (archived.length > 0) {
    backupSheet = backupSheetName(sheet, ctx.now, locale, taken);
    ops.push({ op: 'copySheet', from: sheet, to: backupSheet });
    archive = placeArchive(ledger, locale, [...taken, backupSheet, settingsSheetName(ledger.stored, locale)]);
  }
  // The band covers the user's columns and the group columns, not the add-in's other columns to their
  // right: whichever order the actions ran in, a re-run gives the same range.
  const ownWidth = userWidth(ledger);
  // A row the archive already holds word for word (a restore brought it back) points at its copy.
  const copies = archive && !archive.isNew
    ? await archiveCopies(ctx.port, archive.sheet, ledger.values[headerIndex] ?? [], ownWidth,
      { group: Object.values(OWNED_COLUMNS.duplicateGroup), note: Object.values(OWNED_COLUMNS.duplicateNote) })
    : null;
  const copyOf = new Map<number, number>();
  for (const r of archived) {
    const at = copies?.take(ledger.values[r - 1]);
    if (at) copyOf.set(r, at);
  }
  const toWrite = archived.filter((r) => !copyOf.has(r));
  // Archive rows are written group by group: each group's new rows are next to each other there.
  const archiveRowOf = new Map<number, number>(copyOf);
  toWrite.forEach((r, i) => archiveRowOf.set(r, archive!.firstRow + i));
  const keptNote = (g: Group): string => {
    const moved = g.rows.filter((r) => r !== g.keep).map((r) => archiveRowOf.get(r)!);
    return strings(locale).keptNote(moved.length, archive!.sheet, rowRange(moved, locale), reasonsText(locale, g));
  };
  const noteCol = ledger.owned.duplicateNote;
  ops.push(...await columnBlocksInSlices({
    sheet, headerIndex, lastRowIndex,
    columns: [{ col: cols.duplicateGroup, header: headers[0]!, numberFormat: '0' }, { col: cols.duplicateNote, header: headers[1]! }],
    cellsOf: (row) => {
      if (!rowAt(row)) return null;
      const g = groupOfRow.get(row);
      if (g && archive && g.keep === row) return [null, keptNote(g)];
      if (g) return [g.id, note(locale, g, g.keep)];
      // A kept row's note from an earlier archive still tells where its duplicates went.
      const current = noteCol === undefined ? null : ledger.values[row - 1]?.[noteCol];
      return [null, typeof current === 'string' && isKeptNote(current) ? current : null];
    },
  }, turn));

  const capabilities = ctx.capabilities ?? await ctx.port.capabilities();
  const width = Math.max(ownWidth, cols.duplicateGroup + 1, cols.duplicateNote + 1);
  if (capabilities.conditionalFormats && report.rows.length > 0) {
    const first = headerIndex + 2;
    const ref = `$${columnLetter(cols.duplicateGroup)}${first}`;
    const address = `A${first}:${columnLetter(width - 1)}${lastRowIndex + 1}`;
    ops.push({ op: 'conditionalFormat', sheet, address, formula: `=AND(ISNUMBER(${ref}),ISODD(${ref}))`, fill: GROUP_FILLS[0] });
    ops.push({ op: 'conditionalFormat', sheet, address, formula: `=AND(ISNUMBER(${ref}),ISEVEN(${ref}))`, fill: GROUP_FILLS[1] });
  }
  ops.push({ op: 'columnWidths', sheet, widths: [{ col: cols.duplicateGroup, width: 10 }, { col: cols.duplicateNote, width: 36 }] });
  ops.push({ op: 'format', sheet, address: `${columnLetter(cols.duplicateGroup)}${headerIndex + 1}:${columnLetter(cols.duplicateNote)}${headerIndex + 1}`, bold: true, fill: PALETTE.header.fill });

  const merge = options.merge && archived.length > 0 ? await planMerges(ctx, ledger, groups, ownWidth, locale) : null;
  if (merge) ops.push(...merge.ops);
  if (archive) archiveOps(ledger, locale, archive, { all: archived, toWrite, copyOf, copies }, width, groupOfRow, ops, cols);
  const archiveSheet = archive?.sheet ?? null;
  const updates: Parameters<typeof settingsOps>[2] = { customerSheet: sheet, ownedColumns: registerColumns(ledger, headers) };
  if (archive?.isNew) updates.archiveSheet = archive.sheet;
  if (newlyDismissed.length > 0) updates.dismissedDuplicates = dismissedText(ledger.stored.dismissedDuplicates, newlyDismissed);
  if (backupSheet) updates.backups = recordBackup(ledger.stored, taken, backupSheet, { of: sheet, made: backupMadeText(ctx.now), before: options.merge ? 'merge' : 'archive' });
  ops.push(...settingsOps(ledger.stored, locale, updates).ops);

  const summary: DuplicatesSummary = {
    sheet, groups, possible: report.possibleDuplicates, archived, archiveSheet, backupSheet, dismissed,
    merged: merge ? { cells: merge.cells, formulasKept: merge.formulasKept, unreadable: merge.unreadable, rules: merge.rules } : null,
    rowDetails: rowDetailsOf(ledger, groupOfRow.keys(), rowAt),
  };
  const description = locale === 'zh-CN'
    ? `标出 ${groups.length} 组重复客户${merge ? `；合并到保留行（${merge.cells} 个单元格）` : ''}${archived.length ? `；备份后把 ${archived.length} 行移到「${archiveSheet}」` : ''}`
    : `Mark ${groups.length} duplicate groups${merge ? `; merge them into the kept rows (${merge.cells} cells)` : ''}${archived.length ? `; back up, then move ${archived.length} rows to "${archiveSheet}"` : ''}`;
  const plan: WritePlan = { description, ops };
  return { plan, summary, ledger };
}

/** The stored dismissals with new ones appended; the oldest are forgotten (shown again) should they outgrow a cell. */
function dismissedText(current: readonly string[], added: readonly string[]): string {
  return jsonDroppingOldest([...current, ...added], (kept) => kept);
}

/** The fields whose columns hold dates: their archived cells get a date format. */
const DATE_FIELDS = FIELDS.filter((f) => f.type === 'date').map((f) => f.id);

/**
 * Number formats of the archived block: a date format for date columns (mapped as dates, or holding
 * Date objects), with the time where a value has one, so archived dates stay dates.
 */
function archiveFormats(ledger: Ledger, rows: readonly number[], width: number): (string | undefined)[] {
  const dateCols = new Set(DATE_FIELDS.flatMap((f) => (ledger.report.columns[f] ? [columnIndex(ledger.report.columns[f])] : [])));
  const timed = new Set<number>();
  for (const r of rows) {
    (ledger.values[r - 1] ?? []).forEach((v, c) => {
      if (v instanceof Date) {
        dateCols.add(c);
        if (v.getTime() % 86_400_000 !== 0) timed.add(c);
      } else if (typeof v === 'number' && !Number.isInteger(v)) timed.add(c);
    });
  }
  return Array.from({ length: width }, (_, c) => (dateCols.has(c) ? (timed.has(c) ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd') : undefined));
}

/**
 * Copy the rows to archive (with their group columns filled in) below what the archive sheet already
 * holds, then delete them from the customer sheet. The copy is planned before the deletion.
 */
function archiveOps(ledger: Ledger, locale: Locale, archive: ArchivePlace,
  moving: { all: readonly number[]; toWrite: readonly number[]; copyOf: ReadonlyMap<number, number>; copies: ArchiveCopies | null }, width: number,
  groupOfRow: Map<number, { id: number; keep: number } & Group>, ops: WriteOp[],
  cols: { duplicateGroup: number; duplicateNote: number }): void {
  const rows = moving.toWrite;
  const keptRow = rowAfterMove(moving.all);
  const s = strings(locale);
  const row = (r: number): CellInput[] => {
    const values = ledger.values[r - 1] ?? [];
    const g = groupOfRow.get(r)!;
    return Array.from({ length: width }, (_, c) => {
      if (c === cols.duplicateGroup) return g.id;
      if (c === cols.duplicateNote) return s.archivedNote(g.id, keptRow(g.keep), ledger.sheet, reasonsText(locale, g));
      return cellInputOf(values[c]);
    });
  };
  const block: CellInput[][] = [];
  if (archive.isNew) {
    ops.push({ op: 'addSheet', name: archive.sheet, ...(archive.visibility !== 'visible' ? { visibility: archive.visibility } : {}) });
    const header = ledger.values[ledger.headerIndex] ?? [];
    block.push(Array.from({ length: width }, (_, c) =>
      c === cols.duplicateGroup ? OWNED_COLUMNS.duplicateGroup[locale] : c === cols.duplicateNote ? OWNED_COLUMNS.duplicateNote[locale] : cellInputOf(header[c])));
  }
  for (const r of rows) block.push(row(r)); // a loop: spreading 100,000 rows into push() overflows the stack
  if (block.length > 0) {
    ops.push({ op: 'writeBlock', sheet: archive.sheet, row: archive.firstRow - 1 - (archive.isNew ? 1 : 0), col: 0, values: block,
      numberFormats: archiveFormats(ledger, rows, width) });
  }
  // An earlier copy's group and note now name this run's group and kept row.
  const { copies } = moving;
  for (const [r, at] of moving.copyOf) {
    const g = groupOfRow.get(r)!;
    if (copies?.groupCol != null) ops.push({ op: 'writeBlock', sheet: archive.sheet, row: at - 1, col: copies.groupCol, values: [[g.id]] });
    if (copies?.noteCol != null) {
      ops.push({ op: 'writeBlock', sheet: archive.sheet, row: at - 1, col: copies.noteCol,
        values: [[strings(locale).archivedNote(g.id, keptRow(g.keep), ledger.sheet, reasonsText(locale, g))]] });
    }
  }
  ops.push({ op: 'deleteRows', sheet: ledger.sheet, rows: moving.all });
}

export async function findDuplicates(ctx: ActionContext, options: FindDuplicatesOptions = {}) {
  const { plan, summary } = await planFindDuplicates(ctx, options);
  await applyPlan(ctx, plan);
  return summary;
}
