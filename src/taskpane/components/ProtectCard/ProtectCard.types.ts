import type { PaneState } from '../../paneState';
import type { PaneStyles } from '../../usePaneStyles';
import type { useProtectCard } from './useProtectCard';

export interface ProtectCardProps {
  pane: PaneState;
  styles: PaneStyles;
}

export type ProtectCardState = ReturnType<typeof useProtectCard>;
