import type { ReactNode } from 'react';

export interface CollapsibleCardProps {
  /** The heading; also names the card's region. */
  title: string;
  /** The heading's id (unique in the pane): tests and the browser find cards by it. */
  titleId: string;
  /** The toggle's accessible name (never the title alone: a card's primary button often has that name). */
  toggleLabel: string;
  defaultOpen: boolean;
  /**
   * The card opens whenever this changes to a non-null value (a run starts, a result or an error
   * arrives, it becomes the next step): what the card has to say is never hidden behind a click.
   */
  attention?: unknown;
  busy?: boolean;
  /** `data-*` attributes of the card (data-action, data-card). */
  data?: Record<string, string>;
  /** Shown open or collapsed, under the heading: the primary button, a one-line status. */
  summary?: ReactNode;
  /** Shown only when open. Kept mounted while collapsed, so what the user typed or chose in it stays. */
  children?: ReactNode;
}

export interface CollapsibleCardState extends CollapsibleCardProps {
  open: boolean;
  toggle: () => void;
  bodyId: string;
}
