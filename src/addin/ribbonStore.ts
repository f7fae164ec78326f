/**
 * Pane and ribbon buttons share one JavaScript runtime (SharedRuntime): a ribbon click publishes its
 * outcome here and the pane, when open, shows it.
 */
import type { ActionId } from '../i18n/pane';
import type { ActionResult } from './runAction';

export type RibbonEvent = { action: ActionId; at: number } & ({ ok: true; result: ActionResult } | { ok: false; message: string });

type Listener = (e: RibbonEvent) => void;
const listeners = new Set<Listener>();
let last: RibbonEvent | null = null;

export function publishRibbonEvent(e: RibbonEvent): void {
  last = e;
  for (const l of [...listeners]) l(e);
}

export function lastRibbonEvent(): RibbonEvent | null {
  return last;
}

export function subscribeRibbon(listener: Listener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
