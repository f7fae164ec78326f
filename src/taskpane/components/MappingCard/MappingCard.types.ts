import type { WorkbookView } from '../../../addin/workbookView';
import type { PaneState } from '../../paneState';
import type { PaneStyles } from '../../usePaneStyles';
import type { useMappingCard } from './useMappingCard';

export type ReadyView = Extract<WorkbookView, { kind: 'ready' }>;

export interface MappingCardProps {
  view: ReadyView;
  pane: PaneState;
  styles: PaneStyles;
}

export type MappingCardState = ReturnType<typeof useMappingCard>;
