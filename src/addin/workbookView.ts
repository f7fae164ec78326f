/** What the pane's first screen shows about the workbook: its sheets, settings, backups and the customer sheet's layout. */
import type { BackupInfo } from '../actions';
import type { Report } from '../core/report';
import { crmFacts, crmSignals, type CrmSignal } from '../core/crmSignals';
import type { Settings } from '../core/settings';
import type { Locale } from '../i18n/strings';
import type { LedgerTerms } from '../i18n/terms';
import { actionContext, type RunControlOptions } from './actionContext';
import type { AddinHost } from './host';

export type WorkbookView =
  | { kind: 'empty'; sheets: string[]; settings: Settings; backups: BackupInfo[] }
  | { kind: 'no-sheet'; sheets: string[]; settings: Settings; backups: BackupInfo[] }
  | { kind: 'ready'; sheets: string[]; settings: Settings; backups: BackupInfo[]; sheet: string; headerRow: number; dataRows: number;
      /** Other sheets that looked just as much like the customer list (found, not chosen): the pane asks. */
      alternatives: string[];
      mapping: Report['mapping']; headers: { column: string; header: string }[];
      /** The region phone numbers are read in: detected when the setting is 'auto'. */
      region: string;
      /** The sheet has the columns "Check phones & emails" adds (live checking can keep them up to date). */
      checkColumns: boolean;
      /** The ledger's own words (休眠 or 沉睡): the pane says them too. */
      terms: LedgerTerms;
      /** What in this ledger says a CRM would now serve better (none: not yet). */
      crmSignals: CrmSignal[];
      /** The sheet has RFM columns (then every tiers run keeps them current). */
      rfmColumns: boolean };

export async function readWorkbook(host: AddinHost, locale: Locale, sheet?: string, control: RunControlOptions = {}): Promise<WorkbookView> {
  const { e, ctx } = await actionContext(host, locale, sheet, control);
  const sheets = await ctx.port.listSheets();
  const names = sheets.map((s) => s.name);
  // The backups the add-in made (Restore lists them); a workbook it cannot list them in still opens.
  const backups = await e.listBackups(ctx).catch((): BackupInfo[] => []);
  if (sheets.every((s) => s.rowCount === 0)) {
    const stored = await e.readWorkbookSettings(ctx.port, sheets);
    return { kind: 'empty', sheets: names, settings: stored.settings, backups };
  }
  try {
    const ledger = await e.loadLedger(ctx);
    const headers = e.userHeaders(ledger);
    return { kind: 'ready', sheets: names, settings: ledger.settings, backups, sheet: ledger.sheet, alternatives: ledger.alternatives, headerRow: ledger.report.headerRow,
      dataRows: ledger.report.dataRows, mapping: ledger.report.mapping, headers, region: ledger.report.region,
      checkColumns: ledger.owned.phoneCheck !== undefined || ledger.owned.emailCheck !== undefined, terms: ledger.terms,
      crmSignals: crmSignals(crmFacts(ledger.values, ledger.report)),
      rfmColumns: ledger.owned.rfmSegment !== undefined || ledger.owned.rfmScore !== undefined };
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    const name = (err as { name?: unknown }).name;
    if ((name === 'WorkbookError' && code === 'not-found' && !sheet) || name === 'AnalyzeError') {
      const stored = await e.readWorkbookSettings(ctx.port, sheets);
      return { kind: 'no-sheet', sheets: names, settings: stored.settings, backups };
    }
    throw err;
  }
}

