/** The ribbon's buttons: function names in manifest.xml (<FunctionName>) → the actions they run. */
import type { ActionId } from '../i18n/pane';

export const RIBBON_FUNCTIONS: Record<string, ActionId> = {
  createTemplate: 'installTemplate',
  checkContacts: 'checkContacts',
  findDuplicates: 'findDuplicates',
  buildSummary: 'buildSummary',
};
