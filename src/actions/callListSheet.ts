/**
 * The call list as a sheet to print: "今日联系" / "Calls today", the add-in's own, known by its title
 * cell A1 (never by its name: a user's sheet called 今日联系 is the user's and gets a free name beside it).
 * A re-run replaces the sheet it wrote before; the ledger itself is only read. It prints landscape, one
 * page wide, with its header rows repeated on every page.
 */
import { callList, type CallItem } from '../core/callList';
import { isoToExcelSerial } from '../core/calendar';
import { columnIndex, columnLetter } from '../core/columns';
import { callReasonText } from '../i18n/callList';
import { strings, type Locale } from '../i18n/strings';
import type { CellInput, WritePlan, WriteOp } from '../workbook/port';
import { applyPlan, loadLedger, type ActionContext, type Ledger } from './context';
import { sheetPrefix, textLiteral } from './formulaText';
import { callListTitle, isCallListTitle, SHEETS, uniqueSheetName } from './names';

export interface CallListSheetOptions {
  /** Days without contact after which a high-value customer is listed; the settings sheet's otherwise. */
  quietDays?: number;
}

export interface CallListSheetSummary {
  /** The sheet written. */
  sheet: string;
  /** The customer sheet the list was made from. */
  customerSheet: string;
  asOf: string;
  count: number;
  /** A sheet of ours was replaced (false: a new one was added). */
  replaced: boolean;
}

const HEADERS: Record<Locale, readonly string[]> = {
  'zh-CN': ['原因', '客户', '公司', '电话', '价值分层', '最近联系', '下次跟进', '转到'],
  'en-US': ['Reason', 'Customer', 'Company', 'Phone', 'Value tier', 'Last contact', 'Next follow-up', 'Go to'],
};
const WIDTHS = [26, 16, 24, 18, 10, 12, 12, 10];
const FORMATS = ['@', '@', '@', '@', '@', 'yyyy-mm-dd', 'yyyy-mm-dd', undefined];
/** Rows above the list: title, a count line, the header. */
const HEADER_ROWS = 3;

/** The sheet's name and the ops that make room for it, as the summary does: ours replaced under its own name. */
function sheetOps(ledger: Ledger, locale: Locale): { name: string; replaced: boolean; ops: WriteOp[] } {
  const own = ledger.sheets.find((s) => isCallListTitle(s.a1))?.name ?? null;
  const taken = ledger.sheets.map((s) => s.name);
  if (!own) {
    const name = uniqueSheetName(SHEETS.callList[locale], taken);
    return { name, replaced: false, ops: [{ op: 'addSheet', name, activate: true }] };
  }
  // Excel refuses to delete the last visible sheet: then the new one comes first, under a free name.
  if (ledger.sheets.some((s) => s.visible && s.name !== own)) {
    return { name: own, replaced: true, ops: [{ op: 'deleteSheet', name: own }, { op: 'addSheet', name: own, activate: true }] };
  }
  const name = uniqueSheetName(SHEETS.callList[locale], taken);
  return { name, replaced: true, ops: [{ op: 'addSheet', name, activate: true }, { op: 'deleteSheet', name: own }] };
}

function serial(iso: string | null): number | null {
  return iso === null ? null : isoToExcelSerial(iso);
}

/** One printed line; the link selects the customer's row on the ledger (our own words as its text). */
function lineOf(item: CallItem, ledger: Ledger, locale: Locale, linkColumn: string): CellInput[] {
  const s = strings(locale);
  const target = textLiteral(`#${sheetPrefix(ledger.sheet)}${linkColumn}${item.row}`);
  const label = textLiteral(locale === 'zh-CN' ? `第 ${item.row} 行` : `Row ${item.row}`);
  return [
    callReasonText(item, locale), item.name, item.company, item.phone,
    item.valueTier ? s.valueTier[item.valueTier] : '',
    serial(item.lastContact), serial(item.nextFollowUp),
    { formula: `=HYPERLINK(${target},${label})` },
  ];
}

export async function planCallListSheet(ctx: ActionContext, options: CallListSheetOptions = {}) {
  const ledger = await loadLedger(ctx);
  const locale = ledger.locale;
  const { report } = ledger;
  const items = callList(ledger.values, report, { asOf: report.asOf, quietDays: options.quietDays ?? ledger.settings.thresholds.quietDays });
  const target = sheetOps(ledger, locale);
  const sheet = target.name;
  const nameLetter = report.columns.name ?? report.columns.company ?? report.columns.lastName;
  const linkColumn = nameLetter ? columnLetter(columnIndex(nameLetter)) : 'A';
  const headers = HEADERS[locale];
  const lastCol = columnLetter(headers.length - 1);
  const count = locale === 'zh-CN' ? `共 ${items.length} 位客户，截至 ${report.asOf}` : `${items.length} customer${items.length === 1 ? '' : 's'}, as of ${report.asOf}`;
  const ops: WriteOp[] = [...target.ops,
    { op: 'writeBlock', sheet, row: 0, col: 0, values: [[callListTitle(locale, ledger.sheet, report.asOf)], [count], headers] },
    { op: 'format', sheet, address: 'A1', bold: true },
    { op: 'format', sheet, address: `A${HEADER_ROWS}:${lastCol}${HEADER_ROWS}`, bold: true, fill: '#DDEBF7' },
    { op: 'freeze', sheet, rows: HEADER_ROWS },
    // Printed: landscape, every column on one page wide, the title, count and header on every page.
    { op: 'pageLayout', sheet, orientation: 'landscape', fitToWidth: true, printTitleRows: `$1:$${HEADER_ROWS}` },
    { op: 'columnWidths', sheet, widths: WIDTHS.map((width, col) => ({ col, width })) },
  ];
  if (items.length > 0) {
    ops.push({ op: 'writeBlock', sheet, row: HEADER_ROWS, col: 0, values: items.map((i) => lineOf(i, ledger, locale, linkColumn)), numberFormats: FORMATS });
  } else {
    ops.push({ op: 'writeBlock', sheet, row: HEADER_ROWS, col: 0, values: [[locale === 'zh-CN' ? '今天没有需要联系的客户。' : 'Nobody to call today.']] });
  }
  const summary: CallListSheetSummary = { sheet, customerSheet: ledger.sheet, asOf: report.asOf, count: items.length, replaced: target.replaced };
  const description = locale === 'zh-CN' ? `写入联系清单「${sheet}」` : `Write the call list "${sheet}"`;
  return { plan: { description, ops } as WritePlan, summary };
}

/** Write (or rewrite) the printable call list sheet. */
export async function writeCallListSheet(ctx: ActionContext, options: CallListSheetOptions = {}): Promise<CallListSheetSummary> {
  const { plan, summary } = await planCallListSheet(ctx, options);
  await applyPlan(ctx, plan);
  return summary;
}
