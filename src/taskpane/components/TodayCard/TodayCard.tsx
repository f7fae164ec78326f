/** "Whom to call": overdue and due follow-ups, high-value customers going quiet, new ones not contacted — each a go-to link. */
import { errorMessage } from '../../../addin/errorWording';
import type { TodayCardProps } from './TodayCard.types';
import { renderTodayCard } from './renderTodayCard';
import { useTodayCard } from './useTodayCard';
import { useTodayCardStyles } from './useTodayCardStyles.styles';

export function TodayCard(props: TodayCardProps) {
  const { pane } = props;
  const today = useTodayCard(pane.loadCalls, (err) => errorMessage(err, pane.locale));
  const styles = useTodayCardStyles();
  return renderTodayCard(props, today, styles);
}
