import { makeStyles, tokens } from '@fluentui/react-components';

/** Nothing may push the pane wider than 320 px: every flex child may shrink, long names break. */
export const useCollapsibleCardStyles = makeStyles({
  card: { width: '100%', minWidth: 0, boxSizing: 'border-box' },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  title: { flexGrow: 1, minWidth: 0, margin: 0, overflowWrap: 'anywhere', cursor: 'pointer' },
  toggle: { flexShrink: 0 },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
});

export type CollapsibleCardStyles = ReturnType<typeof useCollapsibleCardStyles>;
