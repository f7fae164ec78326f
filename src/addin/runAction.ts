/**
 * The pane's and the ribbon's one way into the actions: builds the port over the host, runs the
 * action, returns its summary tagged with the action's id. No React, no DOM.
 */
import type { BackupInfo, CallListSummary, CheckContactsOptions, CheckContactsSummary, DuplicatesSummary, FindDuplicatesOptions, MaskedSummary, RestoreSummary, SummarySheetSummary, TemplateSummary, TierColumnsSummary } from '../actions';
import type { ActionProgress } from '../actions/context';
import type { ActionId } from '../i18n/pane';
import type { Locale } from '../i18n/strings';
import { actionContext, type RunControlOptions } from './actionContext';
import type { AddinHost } from './host';

export type ActionResult =
  | { action: 'installTemplate'; summary: TemplateSummary }
  | { action: 'checkContacts'; summary: CheckContactsSummary }
  | { action: 'computeTiers'; summary: TierColumnsSummary }
  | { action: 'buildSummary'; summary: SummarySheetSummary }
  | { action: 'findDuplicates'; summary: DuplicatesSummary }
  /** `downloaded`: the host saved the new workbook as a file (the playground) instead of opening it. */
  | { action: 'exportMasked'; summary: MaskedSummary; downloaded: boolean };

export type { ActionProgress, BackupInfo, RestoreSummary, RunControlOptions };

export interface RunOptions extends RunControlOptions {
  /** The customer sheet the user chose (otherwise found). */
  sheet?: string;
  duplicates?: FindDuplicatesOptions;
  /** Fixes to write into the user's phone and email cells (after a backup). */
  contacts?: CheckContactsOptions;
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
      return { action: id, summary: await e.computeTiers(ctx) };
    case 'buildSummary':
      return { action: id, summary: await e.buildSummary(ctx) };
    case 'findDuplicates':
      return { action: id, summary: await e.findDuplicates(ctx, options.duplicates) };
    case 'exportMasked':
      return { action: id, summary: await e.exportMasked(ctx), downloaded: host.newWorkbook === 'download' };
  }
}
