import { makeStyles, tokens } from '@fluentui/react-components';

export const usePlaygroundStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', height: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, flexWrap: 'wrap', backgroundColor: tokens.colorNeutralBackground1 },
  grow: { flexGrow: 1 },
  main: { display: 'flex', flexGrow: 1, minHeight: 0 },
  pane: { width: '380px', flexShrink: 0, overflowY: 'auto', borderLeft: `1px solid ${tokens.colorNeutralStroke1}` },
  hidden: { display: 'none' },
});
