import { makeStyles } from '@fluentui/react-components';

export const useTodayCardStyles = makeStyles({
  // Names, numbers and reasons break rather than widen the pane.
  item: { overflowWrap: 'anywhere' },
});

export type TodayCardStyles = ReturnType<typeof useTodayCardStyles>;
