/**
 * "Protect & share": protect or unprotect the customer sheet (an optional password, said plainly to be
 * unrecoverable), hide or show the columns the user ticks (the finance ones to begin with) before the
 * ledger is shown or sent, and how to undo each.
 */
import type { ProtectCardProps } from './ProtectCard.types';
import { renderProtectCard } from './renderProtectCard';
import { useProtectCard } from './useProtectCard';

export function ProtectCard(props: ProtectCardProps) {
  const card = useProtectCard(props.pane);
  return renderProtectCard(props, card);
}
