import { makeStyles } from '@fluentui/react-components';

export const useExportCardStyles = makeStyles({
  // The format list is a native select: as wide as the card, never as wide as its longest option.
  format: { width: '100%', minWidth: 0, maxWidth: '100%' },
});

export type ExportCardStyles = ReturnType<typeof useExportCardStyles>;
