/// <reference types="office-js" />
/**
 * Ribbon buttons (ExecuteFunction, shared runtime): each runs the same action as the pane's card, and
 * publishes the outcome to the pane's store. A click gives no feedback of its own, so when the pane is
 * not showing, it is opened (success or failure) and the result is on its card: Office add-ins have no
 * toast, and a dialog for "done" would be worse.
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

interface VisibilityArgs { visibilityMode: string }
interface AddinVisibility {
  showAsTaskpane?: () => Promise<void>;
  onVisibilityModeChanged?: (handler: (e: VisibilityArgs) => void) => Promise<unknown>;
}

/**
 * Whether the pane is showing. The runtime starts with the pane when the user opened it, and hidden
 * when a ribbon click started it; the page's own visibility tells which, then Office's event
 * (SharedRuntime 1.1) keeps it current.
 */
let paneShowing: boolean | null = null;

export function isPaneShowing(): boolean {
  if (paneShowing !== null) return paneShowing;
  return typeof document !== 'undefined' && document.visibilityState === 'visible';
}

function trackPaneVisibility(host: PaneHost): void {
  const addin = host.Office.addin as AddinVisibility | undefined;
  addin?.onVisibilityModeChanged?.((e) => {
    paneShowing = e.visibilityMode === 'Taskpane';
  })?.catch(() => undefined);
}

async function showPane(host: PaneHost): Promise<void> {
  await host.Office.addin?.showAsTaskpane?.().catch(() => undefined);
}

export async function runRibbonCommand(host: PaneHost, id: ActionId): Promise<void> {
  const locale = localeOf(host);
  try {
    const result = await runAction(id, host, locale);
    publishRibbonEvent({ action: id, at: Date.now(), ok: true, result });
  } catch (err) {
    publishRibbonEvent({ action: id, at: Date.now(), ok: false, message: errorMessage(err, locale) });
    await showPane(host); // the user must read why, whatever the pane's state
    return;
  }
  if (!isPaneShowing()) await showPane(host);
}

export function registerCommands(host: PaneHost): void {
  const actions = (host.Office as unknown as { actions?: OfficeActions }).actions;
  if (!actions?.associate) return; // not a shared runtime (or the playground): the pane's buttons do the work
  trackPaneVisibility(host);
  for (const [name, id] of Object.entries(RIBBON_FUNCTIONS)) {
    actions.associate(name, (event) => {
      void runRibbonCommand(host, id).finally(() => event.completed());
    });
  }
}
