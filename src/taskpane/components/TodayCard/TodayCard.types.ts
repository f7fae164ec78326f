import type { PaneState } from '../../paneState';
import type { PaneStyles } from '../../usePaneStyles';
import type { ResultContext } from '../goTo';
import type { useTodayCard } from './useTodayCard';

export interface TodayCardProps {
  pane: PaneState;
  styles: PaneStyles;
  ctx: ResultContext;
}

export type TodayCardState = ReturnType<typeof useTodayCard>;
