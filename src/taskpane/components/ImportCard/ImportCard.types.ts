import type { PaneState } from '../../paneState';
import type { PaneStyles } from '../../usePaneStyles';
import type { ResultContext } from '../goTo';
import type { useImportCard } from './useImportCard';

export interface ImportCardProps {
  pane: PaneState;
  styles: PaneStyles;
  ctx: ResultContext;
}

export type ImportCardState = ReturnType<typeof useImportCard>;
