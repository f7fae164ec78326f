/**
 * Restore from backup: the backup sheets the add-in made (newest first), each with a Restore button
 * whose confirmation opens in place and says what the restore brings back and what it leaves: the
 * current sheet is backed up first (so the restore can be undone), the archive keeps its rows.
 */
import type { BackupsCardProps } from './BackupsCard.types';
import { renderBackupsCard } from './renderBackupsCard';
import { useBackupsCard } from './useBackupsCard';
import { useBackupsCardStyles } from './useBackupsCardStyles.styles';

export function BackupsCard(props: BackupsCardProps) {
  const card = useBackupsCard(props.pane);
  const styles = useBackupsCardStyles();
  return renderBackupsCard(props, card, styles);
}
