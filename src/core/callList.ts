/**
 * Whom to call today: follow-ups that are overdue or due this week, high-value customers going quiet,
 * and new customers nobody has contacted yet — each once (its most urgent reason), the most valuable
 * first. Pure: the ledger's values and its report in, a list out.
 */
import { daysBetween, excelSerialToIso, isoToExcelSerial, type IsoDate } from './calendar';
import { columnIndex } from './columns';
import { inferDateOrder } from './dateOrderVotes';
import { parseDate } from './dates';
import type { FieldId } from './fields';
import type { Report } from './report';
import { DEFAULT_SETTINGS } from './settings';
import { cellText, isBlankCell } from './text';

export const CALL_REASONS = ['overdue', 'dueThisWeek', 'goingQuiet', 'notContacted'] as const;
export type CallReason = (typeof CALL_REASONS)[number];

export interface CallItem {
  /** 1-based sheet row. */
  row: number;
  name: string;
  phone: string;
  reason: CallReason;
  /** overdue: days late; dueThisWeek: days until; goingQuiet: days since the last activity; notContacted: null. */
  days: number | null;
  total: number | null;
  /** The company cell's text ('' when none or when the name column is the company). */
  company: string;
  valueTier: Report['rows'][number]['valueTier'];
  /** The last contact (the last activity on a sheet without a contact column) and the next follow-up, as ISO dates. */
  lastContact: IsoDate | null;
  nextFollowUp: IsoDate | null;
}

export interface CallListOptions {
  asOf: IsoDate;
  /** A high-value customer with no activity for this many days is going quiet (dormant ones always are). */
  quietDays: number;
}

export const DEFAULT_QUIET_DAYS = DEFAULT_SETTINGS.thresholds.quietDays;

const RANK: Record<CallReason, number> = { overdue: 0, dueThisWeek: 1, goingQuiet: 2, notContacted: 3 };

export function callList(values: readonly (readonly unknown[])[], report: Pick<Report, 'columns' | 'rows'> & Partial<Pick<Report, 'duplicateGroups'>>,
  options: CallListOptions): CallItem[] {
  // A customer entered twice is one call: only the row its duplicate group keeps is listed.
  const notKept = new Set<number>();
  for (const g of report.duplicateGroups ?? []) for (const row of g.rows) if (row !== g.keep) notKept.add(row);
  const col = (f: FieldId) => (report.columns[f] ? columnIndex(report.columns[f]) : null);
  const nextCol = col('nextFollowUp');
  const lastContactCol = col('lastContact');
  const nameCol = col('name') ?? col('company') ?? col('lastName');
  const companyCol = col('company') === nameCol ? null : col('company');
  const lastOrder = lastContactCol === null ? 'ymd' : inferDateOrder(report.rows.map((r) => values[r.row - 1]?.[lastContactCol]));
  const phoneCol = col('phone');
  const order = nextCol === null ? 'ymd' : inferDateOrder(report.rows.map((r) => values[r.row - 1]?.[nextCol]));
  const weekEnd = excelSerialToIso(isoToExcelSerial(options.asOf) + 6) ?? options.asOf;
  const items: CallItem[] = [];
  for (const r of report.rows) {
    if (notKept.has(r.row)) continue;
    const cells = values[r.row - 1] ?? [];
    const next = nextCol === null ? null : parseDate(cells[nextCol], order);
    const base = {
      row: r.row,
      company: companyCol === null ? '' : cellText(cells[companyCol]).trim(),
      valueTier: r.valueTier,
      lastContact: lastContactCol === null ? r.lastActivity : parseDate(cells[lastContactCol], lastOrder),
      nextFollowUp: next,
      name: nameCol === null ? '' : cellText(cells[nameCol]).trim(),
      phone: r.phone?.status === 'valid' && r.phone.e164 ? r.phone.e164 : phoneCol === null ? '' : cellText(cells[phoneCol]).trim(),
      total: r.total,
    };
    if (next !== null && next < options.asOf) {
      items.push({ ...base, reason: 'overdue', days: daysBetween(next, options.asOf) });
    } else if (next !== null && next <= weekEnd) {
      items.push({ ...base, reason: 'dueThisWeek', days: daysBetween(options.asOf, next) });
    } else if (r.valueTier === 'high' && (r.statusTier === 'dormant' || r.statusTier === 'lost' ||
      (r.lastActivity !== null && daysBetween(r.lastActivity, options.asOf) >= options.quietDays))) {
      // A follow-up already planned later covers a quiet customer.
      if (next === null) items.push({ ...base, reason: 'goingQuiet', days: r.lastActivity === null ? null : daysBetween(r.lastActivity, options.asOf) });
    } else if (r.lifecycle === 'new' && next === null && (lastContactCol === null || isBlankCell(cells[lastContactCol]))) {
      items.push({ ...base, reason: 'notContacted', days: null });
    }
  }
  return items.sort((a, b) => RANK[a.reason] - RANK[b.reason] || (b.total ?? -1) - (a.total ?? -1) || a.row - b.row);
}
