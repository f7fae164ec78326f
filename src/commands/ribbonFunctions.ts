/** The ribbon's buttons: function names in manifest.xml (<FunctionName>) → the actions they run, with what options. */
import type { RunOptions } from '../addin/runAction';
import type { ActionId } from '../i18n/pane';

export interface RibbonFunction {
  action: ActionId;
  /**
   * The finishing buttons change the user's cells; each takes a backup first (the actions do), and the
   * pane opens on the card with the result and the backup it names, so one click can be undone.
   */
  options?: RunOptions;
}

export const RIBBON_FUNCTIONS: Record<string, RibbonFunction> = {
  createTemplate: { action: 'installTemplate' },
  checkContacts: { action: 'checkContacts' },
  findDuplicates: { action: 'findDuplicates' },
  buildSummary: { action: 'buildSummary' },
  fixAll: { action: 'checkContacts', options: { contacts: { fixPhones: true, fixEmails: true, acceptSuggestions: true } } },
  mergeDuplicates: { action: 'findDuplicates', options: { duplicates: { merge: true } } },
  archiveDuplicates: { action: 'findDuplicates', options: { duplicates: { archive: true } } },
  callsToday: { action: 'callListSheet' },
};
