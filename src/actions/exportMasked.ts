/**
 * Export masked copy: a workbook of its own holding the customer sheet's header and data rows with
 * phones (138****8000) and emails (l***@qq.com) masked, for sharing outside the team. Nothing else goes
 * into it — no other sheet, no hidden column, no formula, no note, no document property — and the
 * user's workbook is only read. In Excel the file opens as a new, unsaved workbook (the port's
 * openNewWorkbook); the CLI saves it (buildMaskedCopy). src/core/mask.ts says exactly what is kept.
 *
 * Each column of the sheet is, in this order:
 * - left out when it is one of the add-in's own columns (registered on the settings sheet: E.164 numbers
 *   and email suggestions would undo the mask) or hidden (hidden for a reason; the result counts them);
 * - a phone or email column when most of its filled cells are phones or addresses, whatever its header;
 *   else the engine's phone or email column; else a header that names a contact (电话, 電話, 傳真, 微信,
 *   Tel, E-mail…, and the add-in's own 标准号码 / 邮箱建议 left behind without their registration);
 * - a name column masked only when asked;
 * - any other column: addresses and phone numbers inside its text masked in place, and a mainland mobile
 *   stored as a number masked — unless the engine took the column for an amount, a count or a date.
 */
import { columnIndex, columnLetter } from '../core/grid/a1';
import { isoToExcelSerial } from '../core/calendar';
import { FIELD_BY_ID, type FieldId } from '../core/fields';
import { contactKindOfColumn, isPhoneStoredAsNumber, maskContactsInText, maskEmail, maskName, maskPhone } from '../core/mask';
import { inSteps } from '../core/steps';
import { cellText, isExcelError } from '../core/text';
import type { Locale } from '../i18n/strings';
import { WorkbookError, throwIfStopped } from '../workbook/port';
import { xlsxFileName } from '../workbook/newFile/fileName';
import type { GridColumn, GridValue } from '../workbook/newFile/sheetXml';
import { hostTurns, loadLedger, withTurns, type ActionContext, type Ledger } from './context';
import { ownedColumnOf } from './names';

export interface ExportMaskedOptions {
  /** Also mask the name column (张三 → 张*). Off by default: the copy is for people who work with the customers. */
  maskNames?: boolean;
}

export interface MaskedSummary {
  /** The customer sheet that was copied. */
  sheet: string;
  /** The one sheet of the new workbook. */
  maskedSheet: string;
  /** The file name to save it under ("客户信息（脱敏）.xlsx"). */
  fileName: string;
  /** Data rows copied. */
  rows: number;
  /** Columns in the copy. */
  columns: number;
  /** Column letters in the copy, per kind of masking. */
  masked: { phone: string[]; email: string[]; name: string[] };
  /** Cells of other columns in which an address or a phone number inside the text (or a mobile stored as a number) was masked. */
  maskedInText: number;
  /** Column letters of the customer sheet left out: hidden ones, and the add-in's own check columns. */
  leftOut: { hidden: string[]; addIn: string[] };
  /** true once the host opened it as a new workbook (exportMasked); false when only built (buildMaskedCopy). */
  opened: boolean;
}

/** The masked copy as a file: what the CLI writes, and what exportMasked hands to Excel. */
export interface MaskedCopy {
  file: Uint8Array;
  fileName: string;
  summary: MaskedSummary;
}

const SHEET_SUFFIX: Record<Locale, string> = { 'zh-CN': '（脱敏）', 'en-US': ' (masked)' };

/** Headers of columns that hold phone-like contacts (a second phone, a fax, a WeChat or QQ id), simplified and traditional. */
const PHONE_HEADER = /电话|電話|手机|手機|手提|座机|座機|传真|傳真|联系方式|聯繫方式|聯絡方式|联络电话|微信|qq|whats ?app|wechat|phone|mobile|\btel\b|\bfax\b|\bcell\b/i;
const EMAIL_HEADER = /邮箱|郵箱|邮件|郵件|电邮|電郵|e-?mail|\bmail\b/i;

/** Fields whose columns hold numbers that are not phones: amounts, counts, dates. */
const NUMERIC_TYPES = new Set(['amount', 'integer', 'date']);

type ColumnKind = 'phone' | 'email' | 'name' | 'text';

interface CopiedColumn {
  source: number;
  kind: ColumnKind;
  /** Masks mainland mobiles stored as numbers (not in a column of amounts, counts or dates). */
  numbersMayBePhones: boolean;
  isDate: boolean;
}

/** The sheet's name with the masked suffix, within Excel's 31 characters. */
function maskedSheetName(sheet: string, locale: Locale): string {
  const suffix = SHEET_SUFFIX[locale];
  return `${sheet.slice(0, 31 - suffix.length)}${suffix}`;
}

function fieldsByColumn(ledger: Ledger): Map<number, FieldId> {
  const out = new Map<number, FieldId>();
  for (const [field, letter] of Object.entries(ledger.report.columns)) if (letter) out.set(columnIndex(letter), field as FieldId);
  return out;
}

function* columnValues(ledger: Ledger, c: number): Generator<unknown, void, void> {
  for (const r of ledger.report.rows) yield ledger.values[r.row - 1]?.[c];
}

/** A contact column by what the engine mapped, or by its header ("QQ邮箱" is an email column: addresses first). */
function headerKind(field: FieldId | undefined, header: string): 'phone' | 'email' | null {
  const ours = ownedColumnOf(header);
  if (field === 'phone' || ours === 'phoneE164') return 'phone';
  if (field === 'email' || ours === 'emailFix') return 'email';
  if (EMAIL_HEADER.test(header)) return 'email';
  return PHONE_HEADER.test(header) ? 'phone' : null;
}

/** Which columns go into the copy and how each is masked; which are left out. */
function copiedColumns(ledger: Ledger, hidden: ReadonlySet<number>, options: ExportMaskedOptions) {
  const header = ledger.values[ledger.headerIndex] ?? [];
  const owned = new Set(Object.values(ledger.owned));
  const fields = fieldsByColumn(ledger);
  const columns: CopiedColumn[] = [];
  const leftOut = { hidden: [] as string[], addIn: [] as string[] };
  for (let c = 0; c < ledger.nextColumn; c++) {
    if (owned.has(c)) {
      leftOut.addIn.push(columnLetter(c));
      continue;
    }
    if (hidden.has(c)) {
      leftOut.hidden.push(columnLetter(c));
      continue;
    }
    const field = fields.get(c);
    const numeric = field !== undefined && NUMERIC_TYPES.has(FIELD_BY_ID[field].type);
    const h = cellText(header[c]);
    const byContent = contactKindOfColumn(columnValues(ledger, c));
    const kind: ColumnKind = byContent ?? (numeric ? null : headerKind(field, h)) ?? (field === 'name' && options.maskNames ? 'name' : 'text');
    columns.push({ source: c, kind, numbersMayBePhones: !numeric, isDate: field !== undefined && FIELD_BY_ID[field].type === 'date' });
  }
  return { columns, leftOut };
}

/** A value read from either host, as a value of the file: dates as serials, formulas as their results, errors as their code. */
function plainCell(v: unknown): GridValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : isoToExcelSerial(v.toISOString().slice(0, 10));
  if (isExcelError(v)) return String((v as { error?: unknown }).error ?? '#N/A');
  if (typeof v === 'object' && 'result' in (v as object)) return plainCell((v as { result: unknown }).result);
  const text = cellText(v);
  return text === '' ? null : text;
}

interface Counter { inText: number }

function maskedCell(v: unknown, col: CopiedColumn, region: string, count: Counter): GridValue {
  const plain = plainCell(v);
  if (plain === null) return null;
  const masked = col.kind === 'phone' ? maskPhone(plain, region)
    : col.kind === 'email' ? maskEmail(plain)
      : col.kind === 'name' ? maskName(plain)
        : null;
  if (masked !== null) return masked === '' ? null : masked;
  if (typeof plain === 'string') {
    const text = maskContactsInText(plain, region);
    if (text !== plain) count.inText++;
    return text;
  }
  if (col.numbersMayBePhones && isPhoneStoredAsNumber(plain)) {
    count.inText++;
    return maskPhone(plain, region);
  }
  return plain;
}

/** Characters as Excel's column width counts them: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  return w;
}

const WIDTH_SAMPLE_ROWS = 200;

function columnFormat(col: CopiedColumn, index: number, grid: readonly (readonly GridValue[])[]): GridColumn {
  if (col.isDate) return { numberFormat: 'yyyy-mm-dd', width: 12 };
  const numberFormat = col.kind === 'text' ? undefined : '@';
  let widest = 0;
  for (let r = 0; r < Math.min(grid.length, WIDTH_SAMPLE_ROWS + 1); r++) {
    const v = grid[r]![index];
    if (v !== null && v !== undefined) widest = Math.max(widest, displayWidth(String(v)));
  }
  return { numberFormat, width: Math.min(50, Math.max(8, widest + 2)) };
}

/** Rows masked between two turns of the host. */
const ROWS_PER_STEP = 4096;

/**
 * The masked copy of the customer sheet as an .xlsx file, without writing anything anywhere: the CLI
 * saves it, exportMasked opens it in Excel.
 */
export async function buildMaskedCopy(ctx: ActionContext, options: ExportMaskedOptions = {}): Promise<MaskedCopy> {
  const ledger = await loadLedger(ctx);
  const hidden = new Set(await ctx.port.hiddenColumns?.(ledger.sheet) ?? []);
  throwIfStopped(ctx.signal);
  const region = ledger.report.region; // the setting's, or the one detected when it is 'auto'
  const { columns, leftOut } = copiedColumns(ledger, hidden, options);
  const header = ledger.values[ledger.headerIndex] ?? [];
  const count: Counter = { inText: 0 };
  const headerRow = columns.map((col) => {
    const v = plainCell(header[col.source]);
    return typeof v === 'string' ? maskContactsInText(v, region) : v;
  });

  const turn = hostTurns(ctx);
  const reportRows = ledger.report.rows;
  const rows: GridValue[][] = new Array<GridValue[]>(reportRows.length);
  await withTurns(inSteps(reportRows.length, ROWS_PER_STEP, (from, to) => {
    for (let i = from; i < to; i++) {
      const source = ledger.values[reportRows[i]!.row - 1] ?? [];
      rows[i] = columns.map((col) => maskedCell(source[col.source], col, region, count));
    }
    ctx.onProgress?.({ phase: 'analyze', done: to, total: reportRows.length });
  }), turn);

  const maskedSheet = maskedSheetName(ledger.sheet, ledger.locale);
  const grid = [headerRow, ...rows.slice(0, WIDTH_SAMPLE_ROWS)];
  // The file builder (and fflate) in a chunk of its own: loaded only when a copy is made.
  const { xlsxFileSteps } = await import(/* webpackChunkName: "masked-file" */ '../workbook/newFile/xlsxFile');
  const file = await withTurns(xlsxFileSteps({
    sheetName: maskedSheet, header: headerRow, rows,
    columns: columns.map((col, i) => columnFormat(col, i, grid)),
  }), turn);

  const lettersOf = (kind: ColumnKind) => columns.flatMap((col, i) => (col.kind === kind ? [columnLetter(i)] : []));
  const fileName = xlsxFileName(maskedSheet);
  const summary: MaskedSummary = {
    sheet: ledger.sheet, maskedSheet, fileName, rows: rows.length, columns: columns.length,
    masked: { phone: lettersOf('phone'), email: lettersOf('email'), name: lettersOf('name') },
    maskedInText: count.inText, leftOut, opened: false,
  };
  return { file, fileName, summary };
}

/** Builds the masked copy and hands it to the host as a new workbook; the user's workbook is not changed. */
export async function exportMasked(ctx: ActionContext, options: ExportMaskedOptions = {}): Promise<MaskedSummary> {
  if (!ctx.port.openNewWorkbook) {
    throw new WorkbookError('unsupported', 'This host cannot open a new workbook; save the masked copy as a file instead.', 'new-workbook');
  }
  const { file, fileName, summary } = await buildMaskedCopy(ctx, options);
  throwIfStopped(ctx.signal);
  ctx.onProgress?.({ phase: 'write', done: 0, total: 1 });
  await ctx.port.openNewWorkbook(file, fileName);
  ctx.onProgress?.({ phase: 'write', done: 1, total: 1 });
  return { ...summary, opened: true };
}
