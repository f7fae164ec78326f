/** What every result render gets from the pane, and the "go to" link they all draw (results and the duplicate review alike). */
import { Link } from '@fluentui/react-components';
import type { PaneStrings } from '../../i18n/pane';
import type { Locale } from '../../i18n/strings';
import type { FilterState } from '../paneState';
import type { PaneStyles } from '../usePaneStyles';

export interface ResultContext {
  s: PaneStrings;
  locale: Locale;
  styles: PaneStyles;
  busy: boolean;
  goTo: (sheet: string, address: string) => void;
  /** Write every fix the check proposes, after a backup (the user confirmed what it does). */
  fixAll: () => void;
  /** Write the fix of one cell alone (its suggestion), after a backup. */
  fixOne: (cell: string) => void;
  applyReview: (choices: { notDuplicates: number[]; keep: Record<number, number>; merge?: boolean; archive?: boolean }) => void;
  /** "Show only rows with problems" on the check's result. */
  filter: FilterState;
  /** Remove what the add-in added, as the preview listed it (after a backup), with the sheets the user ticked. */
  removeAdded: (choice: { archives: boolean; backups: boolean }) => void;
}

export function renderGoTo(ctx: ResultContext, sheet: string, cell: string, text: string = cell, label: string = ctx.s.goToCell(cell)) {
  return <Link as="button" aria-label={label} onClick={() => ctx.goTo(sheet, cell)}>{text}</Link>;
}
