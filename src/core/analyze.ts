/**
 * One pipeline: sheet values + column map + settings → Report.
 * Everything is computed in memory from one read of the sheet; the actions turn the report into writes.
 */
import { detectLayout, columnLetter, type SheetLayout, type LayoutOptions } from './columns';
import type { FieldId } from './fields';
import { inferDateOrder, parseAmount, parseCount, parseDate, type DateOrder, type IsoDate } from './cells';
import { checkPhone, type PhoneCheck } from './phone';
import { checkEmail, type EmailCheck } from './email';
import { laterDate, lifecycle, percentRanks, statusTier, valueTier } from './tiers';
import { findDuplicates, type DuplicateCandidate } from './duplicates';
import { companyKey, nameKey } from './matchKeys';
import { summarize } from './summary';
import { parseSettings, type Settings } from './settings';
import { cellText, cleanText, isBlankCell } from './text';
import type { Report, ReportRow } from './report';

export type AnalyzeErrorCode = 'empty-sheet' | 'no-header';

/** A sheet the engine cannot read as a customer list; `code` lets each front end word it in the user's language. */
export class AnalyzeError extends Error {
  constructor(readonly code: AnalyzeErrorCode, message: string) {
    super(message);
    this.name = 'AnalyzeError';
  }
}

export interface AnalyzeInput {
  sheet: string;
  /** Cell values as read; values[0] is sheet row `firstRow`, values[r][0] is column A. */
  values: readonly (readonly unknown[])[];
  firstRow?: number;
  settings?: unknown;
  mapping?: LayoutOptions['mapping'];
  /** 0-based columns the engine must not map (the add-in's own output columns). */
  ignoreColumns?: LayoutOptions['ignoreColumns'];
  /** Today's date (ISO) when settings.asOf is not set; the caller's clock, so tests are deterministic. */
  today?: IsoDate;
}

function todayIso(): IsoDate {
  return new Date().toISOString().slice(0, 10);
}

/** Read accessor for one mapped column over the data rows. */
function columnReader(input: AnalyzeInput, layout: SheetLayout) {
  const firstRow = input.firstRow ?? 1;
  return (field: FieldId): ((sheetRow: number) => unknown) | null => {
    const match = layout.columns[field];
    if (!match) return null;
    const c = match.column;
    return (sheetRow) => input.values[sheetRow - firstRow]?.[c];
  };
}

function emailKey(check: EmailCheck | null): string | null {
  if (!check) return null;
  if (check.status === 'valid') return check.normalized;
  if (check.status === 'suspect') return check.suggestion ?? check.normalized;
  return null;
}

/** An invalid address with an obvious slip (a space, "@@", "..", a leading dot) still identifies its owner. */
function repairedEmailKey(raw: unknown): string | null {
  const text = cleanText(cellText(raw)).toLowerCase();
  if (!text) return null;
  const repaired = text.replace(/\s+/g, '').replace(/@{2,}/g, '@').replace(/\.{2,}/g, '.').replace(/^\.+|\.+(?=@)/g, '');
  return emailKey(checkEmail(repaired));
}

/** A header such as "金额（万元）" or "Revenue ('000)" says every plain number in the column is scaled. */
export function amountUnit(header: string): number {
  const h = header.normalize('NFKC').toLowerCase();
  if (/亿/.test(h)) return 1e8;
  if (/万/.test(h)) return 1e4;
  if (/千元|in thousands|\('000\)|\(k\)|k\s*(?:rmb|cny|usd|\$|元)/.test(h)) return 1e3;
  return 1;
}

const PLAIN_NUMBER = /^[\s\d.,+-]+$/;

/** parseAmount, with the column's unit applied to plain numbers (a cell that says "1.5万" carries its own). */
function scaledAmount(value: unknown, unit: number): number | null {
  const amount = parseAmount(value);
  if (amount === null || unit === 1) return amount;
  const plain = typeof value === 'number' || (typeof value === 'string' && PLAIN_NUMBER.test(value));
  return plain ? Math.round(amount * unit * 100) / 100 : amount;
}

function countBy<T extends string>(values: readonly (T | null)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) if (v !== null) out[v] = (out[v] ?? 0) + 1;
  return out;
}

export function analyzeSheet(input: AnalyzeInput): Report {
  const settings: Settings = parseSettings(input.settings);
  if (input.values.length === 0 || input.values.every((r) => r.every((v) => cellText(v).trim() === ''))) {
    throw new AnalyzeError('empty-sheet', `Sheet "${input.sheet}" is empty.`);
  }
  const layout = detectLayout(input.values, { firstRow: input.firstRow, mapping: input.mapping, ignoreColumns: input.ignoreColumns });
  if (!layout) {
    throw new AnalyzeError('no-header', `No header row with customer columns (name, phone, email…) was found in sheet "${input.sheet}".`);
  }
  const asOf = settings.asOf ?? input.today ?? todayIso();
  const t = settings.thresholds;
  const read = columnReader(input, layout);
  const rows = layout.dataRows;

  const dateColumn = (field: FieldId) => {
    const get = read(field);
    if (!get) return null;
    const order: DateOrder = inferDateOrder(rows.map(get));
    return rows.map((r) => parseDate(get(r), order));
  };
  const firstPurchase = dateColumn('firstPurchase');
  const lastPurchase = dateColumn('lastPurchase');
  const lastContact = dateColumn('lastContact');

  const getTotal = read('total');
  const unit = amountUnit(layout.columns.total?.header ?? '');
  const totals = getTotal ? rows.map((r) => scaledAmount(getTotal(r), unit)) : null;
  const getOrders = read('orders');
  const orders = getOrders ? rows.map((r) => parseCount(getOrders(r))) : null;
  const getPhone = read('phone');
  const phones: (PhoneCheck | null)[] = rows.map((r) => (getPhone ? checkPhone(getPhone(r), settings.region) : null));
  const getEmail = read('email');
  const emails: (EmailCheck | null)[] = rows.map((r) => (getEmail ? checkEmail(getEmail(r)) : null));

  // Blank amounts count as 0 in the percent rank, as they do in the sheet's PERCENTRANK.INC formula.
  const ranks = totals ? percentRanks(totals.map((v) => v ?? 0)) : null;
  const hasDates = Boolean(lastPurchase || lastContact);
  const hasLifecycle = Boolean(orders || firstPurchase || lastPurchase);

  const text = (field: FieldId) => {
    const get = read(field);
    return (r: number) => (get ? cleanText(cellText(get(r))) : '');
  };
  const nameOf = text('name');
  const companyOf = text('company');
  const regionOf = text('region');
  const channelOf = text('channel');
  const ownerOf = text('owner');
  const mappedColumns = Object.values(layout.columns).map((m) => m.column);
  const firstRow = input.firstRow ?? 1;

  const reportRows: ReportRow[] = [];
  const candidates: DuplicateCandidate[] = [];
  rows.forEach((sheetRow, i) => {
    const phone = phones[i] ?? null;
    const email = emails[i] ?? null;
    const lastActivity = laterDate(lastPurchase?.[i] ?? null, lastContact?.[i] ?? null);
    const orderCount = orders?.[i] ?? null;
    reportRows.push({
      row: sheetRow,
      phone: phone && { status: phone.status, e164: phone.e164, reason: phone.reason },
      email: email && { status: email.status, normalized: email.normalized, suggestion: email.suggestion, reason: email.reason },
      total: totals?.[i] ?? null,
      orders: orderCount,
      lastActivity,
      valueTier: ranks ? valueTier(ranks[i] ?? 0, t) : null,
      statusTier: hasDates ? statusTier(lastActivity, asOf, t) : null,
      lifecycle: hasLifecycle ? lifecycle(orderCount, firstPurchase?.[i] ?? null, lastPurchase?.[i] ?? null, t) : null,
      duplicateGroup: null,
    });
    const cells = input.values[sheetRow - firstRow] ?? [];
    const filled = mappedColumns.filter((c) => !isBlankCell(cells[c])).length;
    candidates.push({
      row: sheetRow,
      name: nameKey(nameOf(sheetRow)),
      company: companyKey(companyOf(sheetRow)),
      phone: phone?.status === 'valid' && phone.e164 ? { e164: phone.e164, mobile: phone.kind === 'mobile' } : null,
      email: emailKey(email) ?? (email?.status === 'invalid' ? repairedEmailKey(getEmail?.(sheetRow)) : null),
      completeness: filled + (phone?.status === 'valid' ? 2 : 0) + (email?.status === 'valid' ? 2 : email?.status === 'suspect' ? 1 : 0),
      lastActivity,
    });
  });

  const duplicates = findDuplicates(candidates);
  for (const r of reportRows) r.duplicateGroup = duplicates.groupOf.get(r.row) ?? null;

  const summary = summarize(reportRows.map((r, i) => ({
    valueTier: r.valueTier, statusTier: r.statusTier, lifecycle: r.lifecycle, total: r.total,
    region: regionOf(rows[i]!), channel: channelOf(rows[i]!), owner: ownerOf(rows[i]!),
  })));

  const mapping = Object.values(layout.columns)
    .sort((a, b) => a.column - b.column)
    .map((m) => ({ field: m.field, column: columnLetter(m.column), header: m.header, confidence: m.confidence, how: m.how }));

  return {
    sheet: input.sheet,
    headerRow: layout.headerRow,
    asOf,
    region: settings.region,
    columns: Object.fromEntries(mapping.map((m) => [m.field, m.column])),
    mapping,
    unmappedColumns: layout.unmapped.map((u) => ({ column: columnLetter(u.column), header: u.header })),
    dataRows: rows.length,
    totalsRows: layout.totalsRows,
    rows: reportRows,
    duplicateGroups: duplicates.groups.map((g) => ({ id: g.id, rows: g.rows, keep: g.keep, reasons: g.reasons, pairs: g.pairs })),
    possibleDuplicates: duplicates.possible,
    counts: {
      phone: countBy(reportRows.map((r) => r.phone?.status ?? null)),
      email: countBy(reportRows.map((r) => r.email?.status ?? null)),
      valueTier: countBy(reportRows.map((r) => r.valueTier)),
      statusTier: countBy(reportRows.map((r) => r.statusTier)),
      lifecycle: countBy(reportRows.map((r) => r.lifecycle)),
    },
    summary: {
      customers: summary.customers,
      revenue: summary.revenue,
      tierByStatus: summary.tierByStatus,
      revenueByRegion: summary.revenueByRegion,
      revenueByChannel: summary.revenueByChannel,
      revenueByOwner: summary.revenueByOwner,
    },
  };
}
