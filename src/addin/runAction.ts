/**
 * The pane's and the ribbon's one way into the actions: builds the port over the host, runs the
 * action, returns its summary tagged with the action's id. No React, no DOM.
 */
import type { HideColumnsSummary, ProtectSummary } from '../actions';
import type { BackupInfo, CallListSheetSummary, CallListSummary, CheckContactsOptions, CheckContactsSummary, DuplicatesSummary, FindDuplicatesOptions, MaskedSummary, RestoreSummary, SummarySheetSummary, TemplateSummary, TierColumnsSummary } from '../actions';
import type { ActionProgress } from '../actions/context';
import type { ExportContactsSummary, FilterProblemsOptions, FilterProblemsSummary, ImportOptions, ImportSummary } from '../actions';
import type { RemoveAddedOptions, RemoveAddedSummary } from '../actions/removeAdded';
import type { CrmFormat } from '../core/crmExport';
import type { IncomingFile } from './incomingFile';
import type { ActionId } from '../i18n/pane';
import type { Locale } from '../i18n/strings';
import { actionContext, loadEngine, type RunControlOptions } from './actionContext';
import type { AddinHost } from './host';

export type ActionResult =
  | { action: 'installTemplate'; summary: TemplateSummary }
  | { action: 'checkContacts'; summary: CheckContactsSummary }
  | { action: 'computeTiers'; summary: TierColumnsSummary }
  | { action: 'buildSummary'; summary: SummarySheetSummary }
  | { action: 'findDuplicates'; summary: DuplicatesSummary }
  /** `downloaded`: the host saved the new workbook as a file (the playground) instead of opening it. */
  | { action: 'exportMasked'; summary: MaskedSummary; downloaded: boolean }
  | { action: 'callListSheet'; summary: CallListSheetSummary }
  | { action: 'protectLedger' | 'unprotectLedger'; summary: ProtectSummary }
  | { action: 'hideColumns' | 'showColumns'; summary: HideColumnsSummary }
  /** `summary.applied` false: a preview, the list to confirm (nothing written). */
  | { action: 'removeAdded'; summary: RemoveAddedSummary };

export type { ActionProgress, BackupInfo, RestoreSummary, RunControlOptions };

export interface RunOptions extends RunControlOptions {
  /** The customer sheet the user chose (otherwise found). */
  sheet?: string;
  duplicates?: FindDuplicatesOptions;
  /** Fixes to write into the user's phone and email cells (after a backup). */
  contacts?: CheckContactsOptions;
  /** Protect / unprotect the ledger: the password the user typed, if any (passed on, never stored). */
  protect?: { password?: string };
  /** Compute tiers: also the RFM columns (once written, every run keeps them current). */
  tiers?: { rfm?: boolean };
  /** Hide / show columns: the letters the user ticked (otherwise the finance columns). */
  columns?: readonly string[];
  /**
   * "Remove what the add-in added": without this, or with `preview`, only the list is made (nothing is
   * written), so a click alone never removes anything; the confirmed run passes `{ preview: false }`.
   */
  removeAdded?: RemoveAddedOptions & { preview?: boolean };
}

/** The rows of a file the user picked to import (CSV or .xlsx), read in the pane's runtime. */
export async function readImportFile(bytes: Uint8Array, name: string): Promise<IncomingFile> {
  return (await loadEngine()).readIncomingFile(bytes, name);
}

/** The values of another sheet of this workbook, to import from (read as the ledger is read). */
export async function readWorkbookSheet(host: AddinHost, locale: Locale, sheet: string, options: RunControlOptions = {}): Promise<unknown[][]> {
  const { ctx } = await actionContext(host, locale, undefined, options);
  return ctx.port.readValues(sheet);
}

/** What an import would do (new / same as row N / repeat / possible), without writing anything. */
export async function runImportPreview(host: AddinHost, locale: Locale, incoming: ImportOptions['incoming'], options: { sheet?: string } & RunControlOptions = {}): Promise<ImportSummary> {
  const { e, ctx } = await actionContext(host, locale, options.sheet, options);
  return (await e.planImportRows(ctx, { incoming })).summary;
}

/** The import itself with the user's choices per incoming row: a backup, then rows added and blanks filled. */
export async function runImport(host: AddinHost, locale: Locale, import_: ImportOptions, options: { sheet?: string } & RunControlOptions = {}): Promise<ImportSummary> {
  const { e, ctx } = await actionContext(host, locale, options.sheet, options);
  return e.importRows(ctx, import_);
}

/** The customers as a CRM import file (read only): the pane offers it as a download. */
export async function runExport(host: AddinHost, locale: Locale, format: CrmFormat, options: { sheet?: string } & RunControlOptions = {}): Promise<ExportContactsSummary> {
  const { e, ctx } = await actionContext(host, locale, options.sheet, options);
  return e.exportContacts(ctx, { format });
}

/** "Show only rows with problems" (on) or every row again (off): an AutoFilter on a check column. */
export async function runFilterProblems(host: AddinHost, locale: Locale, filter: FilterProblemsOptions, options: { sheet?: string } & RunControlOptions = {}): Promise<FilterProblemsSummary> {
  const { e, ctx } = await actionContext(host, locale, options.sheet, options);
  return e.filterProblems(ctx, filter);
}

/** The call list (read only): who to call today, for the pane's "Whom to call" card. */
export async function runCallList(host: AddinHost, locale: Locale, options: { sheet?: string } & RunControlOptions = {}): Promise<CallListSummary> {
  const { e, ctx } = await actionContext(host, locale, options.sheet, options);
  return e.listCalls(ctx);
}

export async function runAction(id: ActionId, host: AddinHost, locale: Locale, options: RunOptions = {}): Promise<ActionResult> {
  const { e, ctx } = await actionContext(host, locale, options.sheet, options);
  switch (id) {
    case 'installTemplate':
      return { action: id, summary: await e.installTemplate(ctx) };
    case 'checkContacts':
      return { action: id, summary: await e.checkContacts(ctx, options.contacts) };
    case 'computeTiers':
      return { action: id, summary: await e.computeTiers(ctx, options.tiers) };
    case 'buildSummary':
      return { action: id, summary: await e.buildSummary(ctx) };
    case 'findDuplicates':
      return { action: id, summary: await e.findDuplicates(ctx, options.duplicates) };
    case 'exportMasked':
      return { action: id, summary: await e.exportMasked(ctx), downloaded: host.newWorkbook === 'download' };
    case 'callListSheet':
      return { action: id, summary: await e.writeCallListSheet(ctx) };
    case 'protectLedger':
      return { action: id, summary: await e.protectLedger(ctx, options.protect) };
    case 'unprotectLedger':
      return { action: id, summary: await e.unprotectLedger(ctx, options.protect) };
    case 'hideColumns':
    case 'showColumns':
      return { action: id, summary: await e.hideColumns(ctx, { hidden: id === 'hideColumns', ...(options.columns ? { columns: options.columns } : {}) }) };
    case 'removeAdded': {
      const o = options.removeAdded;
      const summary = !o || o.preview !== false ? (await e.planRemoveAdded(ctx, o)).summary : await e.removeAdded(ctx, o);
      return { action: id, summary };
    }
  }
}
