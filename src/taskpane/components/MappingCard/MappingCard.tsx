/** The customer sheet and its columns: field, chosen column (editable), confidence, how it was found and the evidence in words. */
import type { MappingCardProps } from './MappingCard.types';
import { renderMappingCard } from './renderMappingCard';
import { useMappingCard } from './useMappingCard';
import { useMappingCardStyles } from './useMappingCardStyles.styles';

export function MappingCard(props: MappingCardProps) {
  const editor = useMappingCard(props.view);
  const styles = useMappingCardStyles();
  return renderMappingCard(props, editor, styles);
}
