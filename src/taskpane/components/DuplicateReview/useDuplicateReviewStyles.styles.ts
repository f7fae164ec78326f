import { makeStyles, tokens } from '@fluentui/react-components';

export const useDuplicateReviewStyles = makeStyles({
  // The row detail ("Ann Lee · 138… · ann@qq.com · spent 1,200") breaks anywhere rather than widen the pane.
  detail: { overflowWrap: 'anywhere' },
  keep: { minWidth: 0, maxWidth: '100%' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
});

export type DuplicateReviewStyles = ReturnType<typeof useDuplicateReviewStyles>;
