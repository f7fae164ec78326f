/**
 * "Protect & share": protect or unprotect the customer sheet (an optional password, said plainly to be
 * unrecoverable), hide or show the amount columns before a shared screen, and how to undo each.
 */
import type { ProtectCardProps } from './ProtectCard.types';
import { renderProtectCard } from './renderProtectCard';
import { useProtectCard } from './useProtectCard';

export function ProtectCard(props: ProtectCardProps) {
  const card = useProtectCard(props.pane);
  return renderProtectCard(props, card);
}
