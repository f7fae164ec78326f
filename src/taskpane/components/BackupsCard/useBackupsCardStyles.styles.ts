import { makeStyles, tokens } from '@fluentui/react-components';

export const useBackupsCardStyles = makeStyles({
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  // Backup names run to 31 characters with no space to break at in Chinese: they break anywhere.
  name: { flexGrow: 1, flexBasis: '10em', minWidth: 0, overflowWrap: 'anywhere' },
});

export type BackupsCardStyles = ReturnType<typeof useBackupsCardStyles>;
