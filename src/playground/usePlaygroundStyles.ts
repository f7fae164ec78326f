import { makeStyles, tokens } from '@fluentui/react-components';

export const usePlaygroundStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', height: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, flexWrap: 'wrap', backgroundColor: tokens.colorNeutralBackground1 },
  grow: { flexGrow: 1 },
  main: { display: 'flex', flexGrow: 1, minHeight: 0,
    // A phone-wide window has no room for the pane beside the grid: the pane goes below it.
    '@media (max-width: 700px)': { flexDirection: 'column' } },
  pane: { width: '380px', flexShrink: 0, overflowY: 'auto', borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    '@media (max-width: 700px)': { width: 'auto', flexShrink: 1, flexBasis: '50%', borderLeft: 'none', borderTop: `1px solid ${tokens.colorNeutralStroke1}` } },
  hidden: { display: 'none' },
});
