/** Restore from the pane: a backup's contents back into the sheet it copies. */
import type { RestoreSummary } from '../actions';
import type { Locale } from '../i18n/strings';
import { actionContext } from './actionContext';
import type { AddinHost } from './host';
import type { RunOptions } from './runAction';

/**
 * Puts a backup's contents back into the sheet it copies, after a new backup of that sheet as it is
 * (so the restore can be undone). `sheet`: the sheet to restore when the backup's own record cannot tell.
 */
export async function restoreFromBackup(host: AddinHost, locale: Locale, backupSheet: string, options: RunOptions = {}): Promise<RestoreSummary> {
  const { e, ctx } = await actionContext(host, locale, options.sheet, options);
  return e.restoreBackup(ctx, { backupSheet });
}
