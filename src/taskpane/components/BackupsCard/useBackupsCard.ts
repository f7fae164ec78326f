/** What each backup's restore confirmation says, and what opens the card (a restore running, done or failed). */
import type { BackupInfo } from '../../../addin/runAction';
import type { PaneState } from '../../paneState';

export function useBackupsCard(pane: PaneState) {
  const { s, view, restoreState: st } = pane;
  const current = view?.kind === 'ready' ? view.sheet : '';
  return {
    /** The sheet a backup copies; when its name cannot tell, the restore goes to the customer sheet shown. */
    of: (b: BackupInfo) => b.of ?? current,
    rules: (b: BackupInfo) => s.restoreRules(b.sheet, b.of ?? current, b.made, b.before),
    attention: st.busy ?? st.result ?? st.error,
  };
}
