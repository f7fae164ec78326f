import { makeStyles, tokens } from '@fluentui/react-components';

export const useImportCardStyles = makeStyles({
  // A picked file is read through this input; the visible button opens it (a native file input cannot be styled).
  hiddenInput: { display: 'none' },
  // One incoming row: its gist and what it matches above, the choice under it, all free to wrap at 320 px.
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0, overflowWrap: 'anywhere' },
  choice: { width: '100%', minWidth: 0, maxWidth: '100%' },
  heading: { margin: 0 },
});

export type ImportCardStyles = ReturnType<typeof useImportCardStyles>;
