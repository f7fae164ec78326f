/** The ribbon's buttons: function names in manifest.xml (<FunctionName>) → the actions they run, with what options. */
import type { AddinHost } from '../addin/host';
import type { RunOptions } from '../addin/runAction';
import { selectedAddress } from '../addin/selection';
import type { ActionId } from '../i18n/pane';

/** Options fixed by the button, or read from the workbook at the click (the selection). */
export type RibbonOptions = RunOptions | ((host: AddinHost) => Promise<RunOptions>);

export interface RibbonFunction {
  action: ActionId;
  /**
   * The finishing buttons change the user's cells; each takes a backup first (the actions do), and the
   * pane opens on the card with the result and the backup it names, so one click can be undone.
   */
  options?: RibbonOptions;
}

const FIX_EVERYTHING = { fixPhones: true, fixEmails: true, acceptSuggestions: true } as const;

export const RIBBON_FUNCTIONS: Record<string, RibbonFunction> = {
  createTemplate: { action: 'installTemplate' },
  checkContacts: { action: 'checkContacts' },
  findDuplicates: { action: 'findDuplicates' },
  buildSummary: { action: 'buildSummary' },
  fixAll: { action: 'checkContacts', options: { contacts: FIX_EVERYTHING } },
  // The selected cells alone (a cell picked on another sheet is refused, never taken for the ledger's).
  fixSelection: { action: 'checkContacts', options: async (host) => ({ contacts: { ...FIX_EVERYTHING, only: [await selectedAddress(host)] } }) },
  mergeDuplicates: { action: 'findDuplicates', options: { duplicates: { merge: true } } },
  archiveDuplicates: { action: 'findDuplicates', options: { duplicates: { archive: true } } },
  callsToday: { action: 'callListSheet' },
};
