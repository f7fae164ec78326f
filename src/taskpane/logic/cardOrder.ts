/**
 * The first screen's order, one list: for a user with a ledger, the sheet and its columns first, then
 * the everyday steps (check, duplicates, tiers, summary, whom to call), then the occasional ones
 * (template, masked copy), then backups and settings. Without a ledger the template leads.
 */
import type { ActionId } from '../../i18n/pane';

export type CardId = ActionId | 'mapping' | 'today' | 'import' | 'export' | 'protect' | 'backups' | 'settings';

export const CARD_ORDER: readonly CardId[] = [
  'mapping', 'checkContacts', 'findDuplicates', 'computeTiers', 'buildSummary', 'today', 'import', 'export', 'installTemplate', 'exportMasked', 'protect', 'removeAdded', 'backups', 'settings',
];

/** Actions run from another card's buttons (protect & share, whom to call), so they get no card of their own. */
export const HOSTED_ACTIONS: readonly ActionId[] = ['protectLedger', 'unprotectLedger', 'hideColumns', 'showColumns', 'callListSheet'];

/** The steps the pane suggests in turn, each once per session. */
const STEPS: readonly ActionId[] = ['checkContacts', 'findDuplicates', 'computeTiers', 'buildSummary'];

/**
 * The cards in order. An action the list does not name (one added since) comes after the listed
 * actions, before backups and settings: every action gets its card.
 */
export function paneCards(actionIds: readonly ActionId[], hasLedger: boolean): CardId[] {
  const listed = CARD_ORDER.filter((id) => !isAction(id) || (actionIds as readonly CardId[]).includes(id));
  const extra = actionIds.filter((id) => !CARD_ORDER.includes(id) && !HOSTED_ACTIONS.includes(id));
  const at = listed.indexOf('backups');
  const cards = [...listed.slice(0, at), ...extra, ...listed.slice(at)];
  return hasLedger ? cards : ['installTemplate', ...cards.filter((id) => id !== 'installTemplate')];

  function isAction(id: CardId): boolean {
    return id !== 'mapping' && id !== 'today' && id !== 'import' && id !== 'export' && id !== 'protect' && id !== 'backups' && id !== 'settings';
  }
}

/**
 * The next useful step, opened on the first screen: the template without a ledger; otherwise the first
 * step not yet run in this session (the check is skipped when the sheet has its columns already).
 */
export function nextStep(view: { kind: string; checkColumns?: boolean } | null, ran: (id: ActionId) => boolean): ActionId | null {
  if (!view) return null;
  if (view.kind !== 'ready') return 'installTemplate';
  return STEPS.find((id) => !ran(id) && !(id === 'checkContacts' && view.checkColumns)) ?? null;
}
