/**
 * Export for a CRM from the pane: the ledger read once and core/crmExport applied; nothing is written to
 * the workbook. The pane hands the text to the user as a file (a download), so customer data leaves
 * only as a file the user asked for and saves themselves.
 */
import { crmContacts, crmCsv, crmVcards, type CrmFormat } from '../core/crmExport';
import { loadLedger, type ActionContext } from './context';

export interface ExportContactsSummary {
  sheet: string;
  format: CrmFormat;
  count: number;
  /** A file name to suggest: the sheet's name and the format ("客户台账-zoho.csv", "Clients.vcf"). */
  fileName: string;
  mime: string;
  text: string;
}

/** Characters Windows and macOS refuse in file names, and control characters. */
const UNSAFE_NAME = /[\\/:*?"<>|]/g;

export function exportFileName(sheet: string, format: CrmFormat): string {
  const safe = [...sheet].map((ch) => (ch.charCodeAt(0) < 0x20 ? '_' : ch)).join('');
  const base = safe.replace(UNSAFE_NAME, '_').trim() || 'customers';
  return format === 'vcard' ? `${base}.vcf` : `${base}-${format}.csv`;
}

export async function exportContacts(ctx: ActionContext, options: { format: CrmFormat }): Promise<ExportContactsSummary> {
  const ledger = await loadLedger(ctx);
  const contacts = crmContacts(ledger.values, ledger.report);
  const { format } = options;
  const text = format === 'vcard' ? crmVcards(contacts) : crmCsv(contacts, format);
  return {
    sheet: ledger.sheet, format, count: contacts.length, fileName: exportFileName(ledger.sheet, format),
    mime: format === 'vcard' ? 'text/vcard;charset=utf-8' : 'text/csv;charset=utf-8', text,
  };
}
