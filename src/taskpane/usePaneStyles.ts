/**
 * Styles of the pane (Griffel via Fluent's makeStyles; colours from the theme's tokens). The pane must
 * fit 320 px: flex children may shrink (minWidth 0), rows wrap, long sheet names break anywhere.
 */
import { makeStyles, tokens } from '@fluentui/react-components';

export const usePaneStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: '100%',
    minWidth: 0,
    maxWidth: '100%',
    boxSizing: 'border-box',
    overflowWrap: 'anywhere',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, minWidth: 0 },
  cardBody: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  group: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS, display: 'flex',
    flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  grow: { flexGrow: 1 },
  /** A flex child that may shrink below its content (a Field holding a Select). */
  shrink: { minWidth: 0, maxWidth: '100%' },
  /** A Select or Input as wide as its container, never wider (a native select is as wide as its longest option). */
  fill: { width: '100%', minWidth: 0, maxWidth: '100%' },
  /** A list of checkboxes that may be long (a ledger's columns): scrolls inside the card instead of lengthening it. */
  checkList: { display: 'flex', flexDirection: 'column', maxHeight: '10rem', overflowY: 'auto', minWidth: 0,
    border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalXS },
  /** Text with long unbroken names (sheets, addresses, e-mails). */
  wrap: { overflowWrap: 'anywhere', minWidth: 0 },
});

export type PaneStyles = ReturnType<typeof usePaneStyles>;
