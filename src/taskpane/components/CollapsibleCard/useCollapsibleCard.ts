import { useId, useState } from 'react';
import type { CollapsibleCardProps, CollapsibleCardState } from './CollapsibleCard.types';

export function useCollapsibleCard(props: CollapsibleCardProps): CollapsibleCardState {
  const { attention } = props;
  // Something to say from the start (the result of a ribbon click, a running action) opens it too.
  const [open, setOpen] = useState(() => props.defaultOpen || (attention !== null && attention !== undefined));
  const [seen, setSeen] = useState(attention);
  const bodyId = useId();
  // Opened in the same render the news arrives in (React's state-from-props pattern), never a frame later.
  if (attention !== seen) {
    setSeen(attention);
    if (attention !== null && attention !== undefined) setOpen(true);
  }
  return { ...props, open, bodyId, toggle: () => setOpen((o) => !o) };
}
