import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * One field per line: the labels are sentences ("Dormant after this many days without a purchase or
 * contact"), and two columns of inputs overflowed a 320 px pane (a date input will not shrink below its text).
 */
export const useSettingsCardStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  field: { minWidth: 0 },
  input: { width: '100%', minWidth: 0, maxWidth: '100%', boxSizing: 'border-box' },
  inner: { minWidth: 0 },
  words: { overflowWrap: 'anywhere' },
});

export type SettingsCardStyles = ReturnType<typeof useSettingsCardStyles>;
