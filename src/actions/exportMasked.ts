/**
 * Export masked copy: a new sheet holding the customer sheet's header and data rows with phones
 * (138****8000) and emails (l***@qq.com) masked, for sharing outside the team (src/core/mask.ts says
 * exactly what is kept). Values only: no formula of the copy points back at the customer sheet.
 *
 * - Masked: the phone and email columns the engine mapped, and every other column whose header names a
 *   contact (电话, 手机, 传真, 微信, QQ, Tel, Fax, Mobile, E-mail…); names too when asked.
 * - Left out: the add-in's own columns (their E.164 numbers and email suggestions would undo the mask).
 * - Title cell A1 ("脱敏副本 · 客户信息 · 2026-11-23") marks the sheet as the add-in's: a re-run replaces
 *   that sheet, never a user's sheet of a similar name.
 * - The user's sheet is only read. Every string is written as literal text (the port guards = + - @).
 */
import { columnIndex, columnLetter } from '../core/columns';
import { isoToExcelSerial } from '../core/cells';
import { maskEmail, maskName, maskPhone } from '../core/mask';
import { cellText, isExcelError } from '../core/text';
import type { Locale } from '../i18n/strings';
import type { CellInput, WriteOp, WritePlan } from '../workbook/port';
import { applyPlan, isoDay, loadLedger, type ActionContext, type Ledger } from './context';
import { isMaskedSheetName, maskedSheetName, uniqueSheetName } from './names';

export interface ExportMaskedOptions {
  /** Also mask the name column (张三 → 张*). Off by default: the copy is for people who work with the customers. */
  maskNames?: boolean;
}

export interface MaskedSummary {
  sheet: string;
  maskedSheet: string;
  /** Data rows copied. */
  rows: number;
  /** Column letters on the masked sheet, per kind of masking. */
  masked: { phone: string[]; email: string[]; name: string[] };
  /** The earlier masked copy this run replaced, if any. */
  replaced: string | null;
}

const TITLE = { 'zh-CN': '脱敏副本', 'en-US': 'Masked copy' } as const;
const SEP = ' · ';

/** Headers of columns that hold contact details the mapping did not take (a second phone, a fax, a WeChat id). */
const CONTACT_HEADER = /电话|手机|手提|座机|传真|联系方式|微信|qq|whats ?app|wechat|phone|mobile|\btel\b|\bfax\b|\bcell\b/i;
const EMAIL_HEADER = /邮箱|邮件|e-?mail|\bmail\b/i;

type Masker = (v: unknown) => string;

function titleOf(locale: Locale, sheet: string, now: Date): string {
  return `${TITLE[locale]}${SEP}${sheet}${SEP}${isoDay(now)}`;
}

function isOurTitle(text: string, sheet: string): boolean {
  return (['zh-CN', 'en-US'] as const).some((l) => text.startsWith(`${TITLE[l]}${SEP}${sheet}${SEP}`));
}

/** A value read from either host, as a value to write: dates as serials, formulas as their results, errors as their code. */
function plainCell(v: unknown): CellInput {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : isoToExcelSerial(v.toISOString().slice(0, 10));
  if (isExcelError(v)) return String((v as { error?: unknown }).error ?? '#N/A');
  if (typeof v === 'object' && 'result' in (v as object)) return plainCell((v as { result: unknown }).result);
  const text = cellText(v);
  return text === '' ? null : text;
}

/** The earlier masked copy of this sheet: a sheet with a masked-copy name whose A1 is our title for it. */
async function previousCopy(ctx: ActionContext, ledger: Ledger): Promise<string | null> {
  for (const s of ledger.sheets) {
    if (!isMaskedSheetName(s.name) || s.name === ledger.sheet || s.rowCount === 0) continue;
    const [a1] = await ctx.port.readFormulas(s.name, 0, 0, 0);
    if (typeof a1 === 'string' && isOurTitle(a1, ledger.sheet)) return s.name;
  }
  return null;
}

export async function planExportMasked(ctx: ActionContext, options: ExportMaskedOptions = {}) {
  const ledger = await loadLedger(ctx);
  const { report, sheet, headerIndex, values } = ledger;
  const locale = ctx.locale;
  const region = ledger.settings.region ?? 'CN';
  const header = values[headerIndex] ?? [];

  // Which source columns go into the copy, and how each is masked.
  const owned = new Set(Object.values(ledger.owned));
  const phoneCol = report.columns.phone ? columnIndex(report.columns.phone) : null;
  const emailCol = report.columns.email ? columnIndex(report.columns.email) : null;
  const nameCol = report.columns.name ? columnIndex(report.columns.name) : null;
  const phone: Masker = (v) => maskPhone(v, region);
  const columns: { source: number; mask: Masker | null; kind: 'phone' | 'email' | 'name' | null }[] = [];
  for (let c = 0; c < ledger.nextColumn; c++) {
    if (owned.has(c)) continue;
    const h = cellText(header[c]);
    if (c === phoneCol) columns.push({ source: c, mask: phone, kind: 'phone' });
    else if (c === emailCol) columns.push({ source: c, mask: maskEmail, kind: 'email' });
    else if (c === nameCol && options.maskNames) columns.push({ source: c, mask: maskName, kind: 'name' });
    else if (EMAIL_HEADER.test(h)) columns.push({ source: c, mask: maskEmail, kind: 'email' });
    else if (CONTACT_HEADER.test(h)) columns.push({ source: c, mask: phone, kind: 'phone' });
    else columns.push({ source: c, mask: null, kind: null });
  }
  const dateCols = new Set(['firstPurchase', 'lastPurchase', 'lastContact']
    .map((f) => report.columns[f as keyof typeof report.columns])
    .filter((l): l is string => typeof l === 'string')
    .map(columnIndex));

  const replaced = await previousCopy(ctx, ledger);
  const taken = ledger.sheets.map((s) => s.name).filter((n) => n !== replaced);
  const maskedSheet = uniqueSheetName(maskedSheetName(sheet, locale), taken);

  const block: CellInput[][] = [columns.map((col) => plainCell(header[col.source]))];
  for (const r of report.rows) {
    const row = values[r.row - 1] ?? [];
    block.push(columns.map((col) => {
      const v = row[col.source];
      if (!col.mask) return plainCell(v);
      const masked = col.mask(v);
      return masked === '' ? null : masked;
    }));
  }

  const ops: WriteOp[] = [];
  if (replaced) ops.push({ op: 'deleteSheet', name: replaced });
  ops.push({ op: 'addSheet', name: maskedSheet });
  ops.push({ op: 'writeBlock', sheet: maskedSheet, row: 0, col: 0, values: [[titleOf(locale, sheet, ctx.now)]] });
  if (columns.length > 0) {
    ops.push({
      op: 'writeBlock', sheet: maskedSheet, row: 1, col: 0, values: block,
      numberFormats: columns.map((col) => (col.mask ? '@' : dateCols.has(col.source) ? 'yyyy-mm-dd' : undefined)),
    });
    ops.push({ op: 'format', sheet: maskedSheet, address: `A2:${columnLetter(columns.length - 1)}2`, bold: true, fill: '#DDEBF7' });
    const widths = columns.flatMap((col, i) => (col.mask || dateCols.has(col.source) ? [{ col: i, width: col.kind === 'email' ? 24 : 14 }] : []));
    if (widths.length > 0) ops.push({ op: 'columnWidths', sheet: maskedSheet, widths });
  }
  ops.push({ op: 'format', sheet: maskedSheet, address: 'A1', bold: true });
  ops.push({ op: 'freeze', sheet: maskedSheet, rows: 2 });

  const lettersOf = (kind: 'phone' | 'email' | 'name') => columns.flatMap((col, i) => (col.kind === kind && col.mask ? [columnLetter(i)] : []));
  const summary: MaskedSummary = {
    sheet, maskedSheet, rows: report.rows.length, replaced,
    masked: { phone: lettersOf('phone'), email: lettersOf('email'), name: lettersOf('name') },
  };
  const description = locale === 'zh-CN'
    ? `把「${sheet}」的 ${report.rows.length} 行复制到「${maskedSheet}」，电话与邮箱已脱敏${replaced ? `（替换之前的「${replaced}」）` : ''}`
    : `Copy ${report.rows.length} rows of "${sheet}" to "${maskedSheet}" with phones and emails masked${replaced ? ` (replacing "${replaced}")` : ''}`;
  const plan: WritePlan = { description, ops };
  return { plan, summary, ledger };
}

export async function exportMasked(ctx: ActionContext, options: ExportMaskedOptions = {}): Promise<MaskedSummary> {
  const { plan, summary } = await planExportMasked(ctx, options);
  await applyPlan(ctx, plan);
  return summary;
}
