/**
 * When a spreadsheet stops being enough. The articles our users read say to move to a CRM when the list
 * outgrows one person and one file — not at a size alone. Each signal is a fact of the user's own ledger
 * with the line it crossed; no signal means "not yet", said as plainly. Rules of thumb, shown as such.
 */

import { columnIndex } from './grid/a1';
import type { Report } from './report';
import { cellText } from './text';

/** Customers beyond which one shared file is slow to open, easy to break and has no history per customer. */
export const MANY_CUSTOMERS = 2000;
/** People the rows are assigned to (负责人) from which each needs their own list and permissions. */
export const MANY_OWNERS = 3;
/** Share of rows that repeat a customer (in %) from which entry needs checking as it happens, not afterwards. */
export const MANY_DUPLICATES_PERCENT = 5;
/** Below this many customers repeats are merged in a minute: no reason to move. */
const DUPLICATES_MATTER_FROM = 100;

export type CrmSignal =
  | { code: 'customers'; customers: number }
  | { code: 'owners'; owners: number }
  | { code: 'duplicates'; percent: number };

export interface CrmFacts {
  customers: number;
  /** Distinct non-blank owners; null when the ledger has no owner column. */
  owners: number | null;
  /** Rows that repeat a customer: every row of a duplicate group but its kept one. */
  repeatedRows: number;
}

export function crmSignals(facts: CrmFacts): CrmSignal[] {
  const out: CrmSignal[] = [];
  if (facts.customers >= MANY_CUSTOMERS) out.push({ code: 'customers', customers: facts.customers });
  if (facts.owners !== null && facts.owners >= MANY_OWNERS) out.push({ code: 'owners', owners: facts.owners });
  const percent = facts.customers > 0 ? Math.round((facts.repeatedRows / facts.customers) * 1000) / 10 : 0;
  if (facts.customers >= DUPLICATES_MATTER_FROM && percent >= MANY_DUPLICATES_PERCENT) out.push({ code: 'duplicates', percent });
  return out;
}

/** The ledger's facts the signals read: its customers, distinct owners, rows that repeat a customer. */
export function crmFacts(values: readonly (readonly unknown[])[], report: Pick<Report, 'columns' | 'rows' | 'duplicateGroups' | 'dataRows'>): CrmFacts {
  const ownerLetter = report.columns.owner;
  let owners: number | null = null;
  if (ownerLetter) {
    const col = columnIndex(ownerLetter);
    const seen = new Set<string>();
    for (const r of report.rows) {
      const name = cellText(values[r.row - 1]?.[col]).trim();
      if (name) seen.add(name);
    }
    owners = seen.size;
  }
  const repeatedRows = report.duplicateGroups.reduce((n, g) => n + g.rows.length - 1, 0);
  return { customers: report.dataRows, owners, repeatedRows };
}
