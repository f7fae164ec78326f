/** The shapes the pane's hooks hand to its renders: one action's state, live checking, restore, and the whole pane. */
import type { ActionId, PaneStrings } from '../i18n/pane';
import type { Locale } from '../i18n/strings';
import type { CallListSummary } from '../actions';
import type { ActionProgress, ActionResult, RunOptions } from '../addin/runAction';
import type { SettingsInput } from '../addin/workbookSettings';
import type { WorkbookView } from '../addin/workbookView';
import type { AddinHost } from '../addin/host';

export interface ActionState {
  busy: boolean;
  result: ActionResult | null;
  error: string | null;
  /** Stopped before writing anything (Cancel, or the sheet was edited meanwhile): a plain message. */
  stopped: string | null;
  /** Where the run is; null until the progress bar shows (after PROGRESS_DELAY_MS, at once on a large sheet). */
  progress: ActionProgress | null;
  /** Said after a run that was asked to stop once it was writing, and so finished. */
  note: string | null;
}

export interface LiveState {
  /** The customer sheet has the check columns, so live checking can run. */
  available: boolean;
  on: boolean;
  set: (on: boolean) => void;
  /** What the last live batch did (or why it failed). */
  note: string | null;
}

export interface RestoreState {
  /** The backup being restored, while it runs. */
  busy: string | null;
  /** What the last restore did, in words. */
  result: string | null;
  error: string | null;
}

/** "Show only rows with problems" on the check's result. */
export interface FilterState {
  /** The add-in's filter shows only the rows with problems. */
  on: boolean;
  busy: boolean;
  /** What the last switch did, in words. */
  text: string | null;
  error: string | null;
  set: (on: boolean) => void;
}

export interface Notice {
  text: string;
  intent: 'success' | 'info' | 'error';
}

export interface PaneState {
  locale: Locale;
  s: PaneStrings;
  /** null while the workbook is being read. */
  view: WorkbookView | null;
  loadError: string | null;
  /** The sheet the user chose in the pane (undefined: the pane found it); shown by the picker even when it is no customer list. */
  chosenSheet: string | undefined;
  actions: Record<ActionId, ActionState>;
  /** Some action (or save) is running: the other buttons wait. */
  anyBusy: boolean;
  live: LiveState;
  /** "Also RFM segments" on the tiers card: asked for the next run (the sheet's own RFM columns keep it on). */
  rfm: { on: boolean; set: (on: boolean) => void };
  restoreState: RestoreState;
  /** Restores a backup onto the sheet it copies (after backing that sheet up). */
  restore: (backupSheet: string) => Promise<void>;
  /** The customer sheet's change watch is registered (edits stop a run, live checking can run). */
  watching: boolean;
  notice: Notice | null;
  refresh: (sheet?: string) => Promise<void>;
  chooseSheet: (sheet: string) => void;
  run: (id: ActionId, options?: RunOptions) => Promise<void>;
  /** Stops the running action unless it has started writing. */
  cancel: () => void;
  goTo: (sheet: string, address: string) => void;
  saveSettings: (input: SettingsInput) => Promise<boolean>;
  saveMapping: (mapping: Record<string, number>) => Promise<boolean>;
  dismissNotice: () => void;
  /** What the host does with a new workbook (the masked copy): Excel opens it, the playground downloads it. */
  newWorkbook: 'open' | 'download';
  loadCalls: () => Promise<CallListSummary>;
  /** The host, for cards that call the engine themselves (import, export). */
  host: AddinHost;
  filter: FilterState;
}
