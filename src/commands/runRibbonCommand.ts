/**
 * One ribbon click: runs the same action as the pane's card and publishes the outcome to the ribbon
 * store, where the pane (same runtime) shows it on that card. A click gives no feedback of its own and
 * add-ins have no toast, so the card is where the result is seen: the pane is opened after a failure
 * always, and after a success unless Office said it is showing (paneVisibility.ts).
 */
import { errorMessage } from '../addin/errorWording';
import { localeOf, type AddinHost } from '../addin/host';
import { publishRibbonEvent } from '../addin/ribbonStore';
import { runAction } from '../addin/runAction';
import type { ActionId } from '../i18n/pane';
import { paneVisibilityOf, type PaneVisibility } from './paneVisibility';
import type { RibbonOptions } from './ribbonFunctions';
import { showPane, type ShowPaneOptions } from './showPane';

export interface RibbonRunOptions {
  visibility?: PaneVisibility;
  show?: ShowPaneOptions;
  /** What the button asks of the action (fix all, merge…); none runs it as the pane's card does. */
  run?: RibbonOptions;
}

/** Never rejects: whatever happens ends in a published outcome and, where needed, the pane opening. */
export async function runRibbonCommand(host: AddinHost, id: ActionId, options: RibbonRunOptions = {}): Promise<void> {
  const locale = localeOf(host);
  const addin = host.Office?.addin;
  try {
    const run = typeof options.run === 'function' ? await options.run(host) : options.run;
    const result = await runAction(id, host, locale, run);
    publishRibbonEvent({ action: id, at: Date.now(), ok: true, result });
  } catch (err) {
    publishRibbonEvent({ action: id, at: Date.now(), ok: false, message: errorMessage(err, locale) });
    await showPane(addin, options.show); // the user must read why, whatever the pane's state
    return;
  }
  const visibility = options.visibility ?? (host.Office ? paneVisibilityOf(host.Office) : null);
  if (!visibility?.showing()) await showPane(addin, options.show);
}
