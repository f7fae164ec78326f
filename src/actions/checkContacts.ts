/**
 * Check phones & emails: adds (or updates) check columns beside the customer data, highlights bad
 * cells through conditional formats keyed on those columns (one rule per range, never one call per
 * cell), and — only when asked — writes the normalized values into the user's cells after a backup.
 */
import { columnIndex, columnLetter } from '../core/columns';
import { parseRange, type ParsedRange } from '../core/grid/a1';
import { cellText } from '../core/text';
import type { ReportRow } from '../core/report';
import { strings } from '../i18n/strings';
import type { CellInput, WritePlan, WriteOp } from '../workbook/port';
import { inSteps } from '../core/steps';
import { formatPhone, phoneFixKeepsEverything, type PhoneStyle } from '../core/phoneFormat';
import { applyPlan, hostTurns, reportRowOf, lastRowIndexOf, loadLedger, outputColumns, registerColumns, withTurns, type ActionContext, type Ledger } from './context';
import { columnBlocksInSlices, contiguousRuns, dataAddress } from './blocks';
import { OWNED_COLUMNS, backupMadeText, backupSheetName } from './names';
import { reusableFixBackup } from './fixBackup';
import { recordBackup, settingsOps } from './settingsSheet';
import { contactValidationOp } from './contactValidation';
import { PALETTE } from './palette';

export interface CheckContactsOptions {
  /** Write valid numbers typed differently in the chosen style (`phoneStyle`) into their cells (after a backup). */
  fixPhones?: boolean;
  /**
   * How fixed phones are written: 'local' (default) in the region's national format ("138 1234 5678",
   * "0571-8888 6666"), another country's numbers in international format; 'e164' as +8613812345678.
   */
  phoneStyle?: PhoneStyle;
  /** Write cleaned-up addresses into the email cells of valid addresses (after a backup). */
  fixEmails?: boolean;
  /** Also replace suspect addresses with the suggestion (the user confirmed them). */
  acceptSuggestions?: boolean;
  /**
   * A1 addresses or ranges, with or without their sheet ("B7", "客户!B3:C9", the ribbon's selection): the
   * fixes apply to these cells alone ("fix this one"); every other cell of the user's stays as it is.
   * Addresses on another sheet are left out; when all are, the run refuses (`selection-elsewhere`).
   */
  only?: readonly string[];
}

export interface CheckContactsSummary {
  sheet: string;
  /** The region numbers without a country code were read in, and whether it was detected ('auto') or set. */
  region: string;
  regionSource: 'auto' | 'setting';
  phones: Record<string, number>;
  emails: Record<string, number>;
  /** Cells the fixes would change (or changed). */
  fixes: number;
  /** The cells the fixes were limited to, as asked (`only`): "nothing to fix there" is then worth saying. */
  fixedIn?: readonly string[];
  /** Cells "fix all" (phones in the run's style, tidied emails, every suggestion) would still change after this run. */
  fixable: number;
  backupSheet: string | null;
  /** The backup is the one an earlier fix made, still holding these cells as they were (no new copy). */
  backupReused?: boolean;
  /** The worst rows first, for "go to cell" links. */
  problems: { cell: string; kind: 'phone' | 'email'; status: string; reason: string | null; suggestion: string | null }[];
}

export const FILL = { invalid: PALETTE.invalid, suspect: PALETTE.suspect } as const;

/** Status words are written in the user's language; rules match both, so switching language keeps one rule. */
export function statusRule(col: number, firstRow: number, status: 'invalid' | 'suspect'): string {
  const ref = `$${columnLetter(col)}${firstRow}`;
  const zh = status === 'invalid' ? '无效' : '可疑';
  return `=OR(LEFT(${ref},${zh.length})="${zh}",LEFT(${ref},${status.length})="${status}")`;
}

/**
 * The phone check column and the E.164 column of one row, in the user's language (live checking writes
 * the same). A valid number's check cell stays blank: only problems are worth reading.
 */
export function phoneCells(row: Pick<ReportRow, 'phone'>, locale: 'zh-CN' | 'en-US'): CellInput[] {
  const s = strings(locale);
  const p = row.phone;
  if (!p) return [null, null];
  if (p.status === 'valid') return [null, p.e164];
  const word = s.phoneStatus[p.status];
  const sep = locale === 'zh-CN' ? '：' : ': ';
  return [p.reason ? `${word}${sep}${s.reason('phone', p.reason)}` : word, p.e164];
}

/**
 * The email check column and the suggestion column of one row. A valid address says nothing, and its
 * cleaned-up form is offered only where it differs from what is typed (`raw`).
 */
export function emailCells(row: Pick<ReportRow, 'email'>, locale: 'zh-CN' | 'en-US', raw?: string): CellInput[] {
  const s = strings(locale);
  const e = row.email;
  if (!e) return [null, null];
  if (e.status === 'valid') return [null, raw !== undefined && raw.trim() === e.normalized ? null : e.normalized];
  const word = s.emailStatus[e.status];
  const sep = locale === 'zh-CN' ? '：' : ': ';
  const check = e.status === 'invalid' && e.reason ? `${word}${sep}${s.reason('email', e.reason)}`
    : e.status === 'suspect' && e.suggestion ? `${word}${sep}${s.didYouMean(e.suggestion)}` : word;
  return [check, e.status === 'suspect' && e.suggestion !== raw?.trim() ? e.suggestion : null];
}

export async function planCheckContacts(ctx: ActionContext, options: CheckContactsOptions = {}) {
  const ledger = await loadLedger(ctx);
  const { report, sheet, headerIndex, locale } = ledger; // the sheet's words follow the ledger's language
  const phoneCol = report.columns.phone ? columnIndex(report.columns.phone) : null;
  const emailCol = report.columns.email ? columnIndex(report.columns.email) : null;
  if (phoneCol === null && emailCol === null) {
    throw new ContactsError('no-contact-columns', `Sheet "${sheet}" has no phone or email column.`);
  }
  const ids = [
    ...(phoneCol !== null ? (['phoneCheck', 'phoneE164'] as const) : []),
    ...(emailCol !== null ? (['emailCheck', 'emailFix'] as const) : []),
  ];
  const cols = outputColumns(ledger, ids);
  const turn = hostTurns(ctx); // between the plan's passes over the rows, as between the analysis's steps
  const rowAt = await reportRowOf(report, turn);
  await turn();
  const lastRowIndex = lastRowIndexOf(ledger);
  const headers = ids.map((id) => OWNED_COLUMNS[id][locale]);
  await turn();

  const ops: WriteOp[] = [];
  let backupSheet: string | null = null;
  const targets = fixTargets(ledger, phoneCol, emailCol, options.phoneStyle ?? 'local');
  const fixOps = await fixes(ledger, options, targets, turn);
  let backupReused = false;
  if (fixOps.count > 0) {
    const changedCells = [...fixOps.changed].map((k) => { const [row, col] = k.split(':').map(Number); return { row: row!, col: col! }; });
    backupSheet = options.only ? await reusableFixBackup(ledger, ctx.port, changedCells, ctx.now) : null;
    backupReused = backupSheet !== null;
    if (!backupSheet) {
      // The backup comes first in the plan: nothing of the user's is overwritten before it exists.
      backupSheet = backupSheetName(sheet, ctx.now, locale, ledger.sheets.map((s) => s.name));
      ops.push({ op: 'copySheet', from: sheet, to: backupSheet });
    }
  }
  // The check columns describe the cells as they are after this run: a fixed address is checked again.
  const emailCellsAfterFix = (row: ReportRow, sheetRow: number): CellInput[] => {
    const fixed = fixOps.emails.get(sheetRow);
    if (fixed !== undefined) return [null, null];
    return emailCells(row, locale, cellText(ledger.values[sheetRow - 1]?.[emailCol!]));
  };
  ops.push(...await columnBlocksInSlices({
    sheet, headerIndex, lastRowIndex,
    columns: ids.map((id, i) => ({ col: cols[id as keyof typeof cols], header: headers[i]!, numberFormat: '@' })),
    cellsOf: (sheetRow) => {
      const row = rowAt(sheetRow);
      if (!row) return null;
      return [...(phoneCol !== null ? phoneCells(row, locale) : []), ...(emailCol !== null ? emailCellsAfterFix(row, sheetRow) : [])];
    },
  }, turn));
  for (const op of fixOps.ops) ops.push(op); // one op per run of changed cells: can be very many

  const capabilities = await ctx.port.capabilities();
  if (capabilities.conditionalFormats && report.rows.length > 0) {
    const first = headerIndex + 2;
    const rules = (checkCol: number, target: number | null, statuses: readonly ('invalid' | 'suspect')[]) => {
      for (const status of statuses) {
        for (const col of [checkCol, target]) {
          if (col === null) continue;
          ops.push({ op: 'conditionalFormat', sheet, address: dataAddress(col, headerIndex, lastRowIndex),
            formula: statusRule(checkCol, first, status), ...FILL[status] });
        }
      }
    };
    if (phoneCol !== null) rules((cols as Record<string, number>).phoneCheck!, phoneCol, ['invalid', 'suspect']);
    if (emailCol !== null) rules((cols as Record<string, number>).emailCheck!, emailCol, ['invalid', 'suspect']);
  }
  if (capabilities.dataValidation && report.rows.length > 0) {
    // On the user's own columns, so only where no rule of the user's is (keepOther): a warning, never a refusal.
    const first = headerIndex + 2;
    const last = Math.max(first, lastRowIndex + 1);
    if (phoneCol !== null) ops.push(contactValidationOp('phone', sheet, phoneCol, first, last, locale));
    if (emailCol !== null) ops.push(contactValidationOp('email', sheet, emailCol, first, last, locale));
  }
  ops.push({ op: 'columnWidths', sheet, widths: ids.map((id) => ({ col: (cols as Record<string, number>)[id]!, width: id.endsWith('Check') ? 22 : 26 })) });
  ops.push({ op: 'format', sheet, address: `${columnLetter(Math.min(...Object.values(cols)))}${headerIndex + 1}:${columnLetter(Math.max(...Object.values(cols)))}${headerIndex + 1}`, bold: true, fill: PALETTE.header.fill });
  // The backup is recorded with the sheet it copies: a long sheet name is cut in the backup's name.
  const backupRecord = backupSheet && !backupReused
    ? { backups: recordBackup(ledger.stored, ledger.sheets.map((s) => s.name), backupSheet, { of: sheet, made: backupMadeText(ctx.now), before: options.only ? 'fix-cells' : 'fix' }) }
    : {};
  ops.push(...settingsOps(ledger.stored, locale, { customerSheet: sheet, ownedColumns: registerColumns(ledger, headers), ...backupRecord }).ops);

  // Like the check columns, the problems describe the cells as this run leaves them.
  const problems = (await problemsOf(report.rows, report.columns.phone, report.columns.email, turn))
    .filter((p) => !fixOps.changed.has(cellKey(Number(/\d+$/.exec(p.cell)![0]), columnIndex(p.cell.replace(/\d+$/, '')))));
  const summary: CheckContactsSummary = {
    sheet,
    region: report.region,
    regionSource: report.regionSource,
    phones: report.counts.phone,
    emails: report.counts.email,
    fixes: fixOps.count,
    ...(options.only ? { fixedIn: options.only } : {}),
    fixable: await fixableCells(ledger, targets, fixOps.changed, turn),
    backupSheet,
    ...(backupReused ? { backupReused } : {}),
    problems,
  };
  const description = locale === 'zh-CN'
    ? `在「${sheet}」右侧写入检查列${fixOps.count ? `，备份后修正 ${fixOps.count} 个单元格` : ''}`
    : `Write check columns beside "${sheet}"${fixOps.count ? `; back it up, then fix ${fixOps.count} cells` : ''}`;
  const plan: WritePlan = { description, ops };
  return { plan, summary, ledger };
}

export async function checkContacts(ctx: ActionContext, options: CheckContactsOptions = {}) {
  const { plan, summary } = await planCheckContacts(ctx, options);
  await applyPlan(ctx, plan);
  return summary;
}

export class ContactsError extends Error {
  constructor(readonly code: 'no-contact-columns' | 'selection-elsewhere', message: string) {
    super(message);
    this.name = 'ContactsError';
  }
}

/** Rows between two turns of the plan's own passes over the report (problems). */
const ROWS_PER_PLAN_STEP = 32768;
/** Rows between two turns of the passes that format phones (fixes, the fixable count): each row costs more. */
const ROWS_PER_FIX_STEP = 8192;

/** Every bad phone and email, in steps: on a large messy ledger one pass would hold the pane too long. */
async function problemsOf(rows: readonly ReportRow[], phoneLetter: string | undefined, emailLetter: string | undefined, turn: () => Promise<void>): Promise<CheckContactsSummary['problems']> {
  const out: CheckContactsSummary['problems'] = [];
  await withTurns(inSteps(rows.length, ROWS_PER_PLAN_STEP, (from, to) => {
    for (let i = from; i < to; i++) {
      const r = rows[i]!;
      const phone = r.phone?.status;
      if ((phone === 'invalid' || phone === 'suspect' || phone === 'incomplete') && phoneLetter) {
        out.push({ cell: `${phoneLetter}${r.row}`, kind: 'phone', status: phone, reason: r.phone!.reason, suggestion: null });
      }
      if ((r.email?.status === 'invalid' || r.email?.status === 'suspect') && emailLetter) {
        out.push({ cell: `${emailLetter}${r.row}`, kind: 'email', status: r.email.status, reason: r.email.reason, suggestion: r.email.suggestion });
      }
    }
  }), turn);
  return out;
}

/** What each fix would write into a user's cell, or null where it writes nothing. */
interface FixTargets {
  phoneCol: number | null;
  emailCol: number | null;
  phone(r: ReportRow): string | null;
  tidyEmail(r: ReportRow): string | null;
  suggestion(r: ReportRow): string | null;
}

function fixTargets(ledger: Ledger, phoneCol: number | null, emailCol: number | null, style: PhoneStyle): FixTargets {
  const region = ledger.report.region;
  const phones = new Map<number, string | null>(); // by sheet row: the fixes and the fixable count ask alike
  const phone = (r: ReportRow): string | null => {
    if (phoneCol === null || r.phone?.status !== 'valid' || !r.phone.e164) return null;
    const raw = cellText(ledger.values[r.row - 1]?.[phoneCol]);
    return phoneFixKeepsEverything(raw, r.phone.e164) ? formatPhone(r.phone.e164, region, style) : null;
  };
  return {
    phoneCol,
    emailCol,
    phone: (r) => {
      if (!phones.has(r.row)) phones.set(r.row, phone(r));
      return phones.get(r.row)!;
    },
    tidyEmail: (r) => (emailCol !== null && r.email?.status === 'valid' ? r.email.normalized : null),
    suggestion: (r) => (emailCol !== null && r.email?.status === 'suspect' ? r.email.suggestion : null),
  };
}

const cellKey = (row: number, col: number) => `${row}:${col}`;

/**
 * The `only` addresses as a test of a 1-based sheet row and a 0-based column, or null for every cell.
 * A cell picked on another sheet is never taken for the same address on the ledger.
 */
function onlyCells(only: readonly string[] | undefined, sheet: string): ((row: number, col: number) => boolean) | null {
  if (!only) return null;
  const parsed = only.map(parseRange).filter((r): r is ParsedRange => r !== null);
  const here = parsed.filter((r) => r.sheet === undefined || r.sheet.toLowerCase() === sheet.toLowerCase());
  if (here.length === 0 && parsed.length > 0) {
    throw new ContactsError('selection-elsewhere', `The cells to fix (${only.join(', ')}) are not on the customer sheet "${sheet}".`);
  }
  return (row, col) => here.some((b) => row - 1 >= b.r0 && row - 1 <= b.r1 && col >= b.c0 && col <= b.c1);
}

/** How many cells every fix together would still change after this run: what the pane's "fix all" offers. */
async function fixableCells(ledger: Ledger, t: FixTargets, changed: ReadonlySet<string>, turn: () => Promise<void>): Promise<number> {
  let n = 0;
  const rows = ledger.report.rows;
  const counts = (r: ReportRow, col: number | null, next: string | null) =>
    col !== null && next !== null && !changed.has(cellKey(r.row, col)) && cellText(ledger.values[r.row - 1]?.[col]) !== next;
  await withTurns(inSteps(rows.length, ROWS_PER_FIX_STEP, (from, to) => {
    for (let i = from; i < to; i++) {
      const r = rows[i]!;
      if (counts(r, t.phoneCol, t.phone(r))) n++;
      if (counts(r, t.emailCol, t.tidyEmail(r) ?? t.suggestion(r))) n++;
    }
  }), turn);
  return n;
}

/** Writes into the user's own phone/email cells: only cells whose text changes, in contiguous runs. */
async function fixes(ledger: Ledger, options: CheckContactsOptions, t: FixTargets, turn: () => Promise<void>) {
  const ops: WriteOp[] = [];
  let count = 0;
  const rows = ledger.report.rows;
  const only = onlyCells(options.only, ledger.sheet);
  const changed = new Set<string>();
  let emails = new Map<number, string>();
  const plan = async (col: number | null, valueOf: (r: ReportRow) => string | null, numberFormat?: string) => {
    if (col === null) return new Map<number, string>();
    const changes = new Map<number, string>();
    await withTurns(inSteps(rows.length, ROWS_PER_FIX_STEP, (from, to) => {
      for (let i = from; i < to; i++) {
        const r = rows[i]!;
        if (only && !only(r.row, col)) continue;
        const next = valueOf(r);
        if (next !== null && cellText(ledger.values[r.row - 1]?.[col]) !== next) changes.set(r.row, next);
      }
    }), turn);
    count += changes.size;
    for (const row of changes.keys()) changed.add(cellKey(row, col));
    for (const run of contiguousRuns([...changes.keys()])) {
      ops.push({ op: 'writeBlock', sheet: ledger.sheet, row: run[0]! - 1, col, values: run.map((row) => [changes.get(row)!]),
        ...(numberFormat ? { numberFormats: [numberFormat] } : {}) });
    }
    return changes;
  };
  // A phone is text: "0571-8888 6666" or "95588" must not become a number or lose its leading 0.
  if (options.fixPhones) await plan(t.phoneCol, t.phone, '@');
  if (options.fixEmails || options.acceptSuggestions) {
    emails = await plan(t.emailCol, (r) => {
      if (options.fixEmails) {
        const tidy = t.tidyEmail(r);
        if (tidy !== null) return tidy;
      }
      return options.acceptSuggestions ? t.suggestion(r) : null;
    });
  }
  return { ops, count, emails, changed };
}
