import type { PaneState } from '../../paneState';
import type { PaneStyles } from '../../usePaneStyles';
import type { useExportCard } from './useExportCard';

export interface ExportCardProps {
  pane: PaneState;
  styles: PaneStyles;
}

export type ExportCardState = ReturnType<typeof useExportCard>;
