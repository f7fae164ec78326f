/// <reference types="office-js" />
/**
 * Ribbon buttons (ExecuteFunction, shared runtime): each runs the same action as the pane's card, and
 * publishes the outcome to the pane's store; on failure it opens the pane so the user reads why.
 */
import type { ActionId } from '../i18n/pane';
import { errorMessage } from '../taskpane/logic/errors';
import { localeOf, type PaneHost } from '../taskpane/logic/host';
import { publishRibbonEvent } from '../taskpane/logic/ribbonStore';
import { runAction } from '../taskpane/logic/runAction';

/** Function names in manifest.xml (<FunctionName>) → actions. */
export const RIBBON_FUNCTIONS: Record<string, ActionId> = {
  createTemplate: 'installTemplate',
  checkContacts: 'checkContacts',
  findDuplicates: 'findDuplicates',
  buildSummary: 'buildSummary',
};

interface CommandEvent { completed(options?: unknown): void }
interface OfficeActions { associate(name: string, handler: (event: CommandEvent) => unknown): void }

export async function runRibbonCommand(host: PaneHost, id: ActionId): Promise<void> {
  const locale = localeOf(host);
  try {
    const result = await runAction(id, host, locale);
    publishRibbonEvent({ action: id, at: Date.now(), ok: true, result });
  } catch (err) {
    publishRibbonEvent({ action: id, at: Date.now(), ok: false, message: errorMessage(err, locale) });
    await host.Office.addin?.showAsTaskpane?.().catch(() => undefined);
  }
}

export function registerCommands(host: PaneHost): void {
  const actions = (host.Office as unknown as { actions?: OfficeActions }).actions;
  if (!actions?.associate) return; // not a shared runtime (or the playground): the pane's buttons do the work
  for (const [name, id] of Object.entries(RIBBON_FUNCTIONS)) {
    actions.associate(name, (event) => {
      void runRibbonCommand(host, id).finally(() => event.completed());
    });
  }
}
