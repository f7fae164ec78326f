/** Whom to call: the ledger read once and core/callList applied; nothing is written. Quiet days: the option, else the settings sheet's. */
import { callList, type CallItem } from '../core/callList';
import { loadLedger, type ActionContext } from './context';

export interface CallListSummary {
  sheet: string;
  asOf: string;
  items: CallItem[];
  /** Other sheets that looked as much like the customer list (the first was used). */
  alternatives: string[];
}

export async function listCalls(ctx: ActionContext, options: { quietDays?: number } = {}): Promise<CallListSummary> {
  const ledger = await loadLedger(ctx);
  const items = callList(ledger.values, ledger.report, { asOf: ledger.report.asOf, quietDays: options.quietDays ?? ledger.settings.thresholds.quietDays });
  return { sheet: ledger.sheet, asOf: ledger.report.asOf, items, alternatives: ledger.alternatives };
}
