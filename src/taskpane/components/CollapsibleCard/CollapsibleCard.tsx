/**
 * A card whose body collapses under its heading (the disclosure pattern: a button with aria-expanded
 * controls the body). What must stay in reach — the primary button, a one-line status — is its summary.
 */
import type { CollapsibleCardProps } from './CollapsibleCard.types';
import { renderCollapsibleCard } from './renderCollapsibleCard';
import { useCollapsibleCard } from './useCollapsibleCard';
import { useCollapsibleCardStyles } from './useCollapsibleCardStyles.styles';

export type { CollapsibleCardProps } from './CollapsibleCard.types';

export function CollapsibleCard(props: CollapsibleCardProps) {
  const state = useCollapsibleCard(props);
  const styles = useCollapsibleCardStyles();
  return renderCollapsibleCard(state, styles);
}
