import type { BackupInfo } from '../../../addin/runAction';
import type { PaneState } from '../../paneState';
import type { PaneStyles } from '../../usePaneStyles';
import type { useBackupsCard } from './useBackupsCard';

export interface BackupsCardProps {
  backups: readonly BackupInfo[];
  pane: PaneState;
  styles: PaneStyles;
}

export type BackupsCardState = ReturnType<typeof useBackupsCard>;
