/**
 * The pane's one watch on the customer sheet (Worksheet.onChanged), in the engine chunk (loaded by
 * loadSheetWatch.ts, so none of this is in the first load). It serves two things:
 *
 * - **Stop on edit**: every user edit is reported with `onEdit(new WorkbookError('edited'))`; the pane
 *   aborts a run that is still reading, analyzing or planning with it, and ignores it once the run is
 *   writing.
 * - **Live checking**: while `live()` holds, edits go to a createLiveChecker (coalesced, one read and
 *   one plan per batch). While `busy()` (an action or a save runs) edits are queued instead and handed
 *   to a fresh checker by `resume()` afterwards: live writes never run alongside an action.
 *
 * Excel raises onChanged for the add-in's own writes too (an action's, a live batch's, a ribbon
 * click's). Those are neither an edit nor something to re-check, and are set aside first:
 * - what src/addin/changeAuthor.ts finds to be the add-in's: marked so by Excel (triggerSource, ExcelApi
 *   1.14+), or lying where the add-in is writing or has just written (every plan goes through a port
 *   that records it: src/addin/ownWrites.ts — the one way on hosts before 1.14);
 * - changes only in the check columns (the add-in's output, whenever their event arrives).
 * Without this, on hosts before 1.14 a live batch's late event stopped the next run as an edit would.
 *
 * Excel's handler only queues (no sync inside it); the checker does its work later in its own batch.
 */
import { createLiveChecker, type LiveChecker, type LiveCheckResult } from '../../actions/liveCheck';
import { changeAuthor } from '../../addin/changeAuthor';
import type { AddinHost } from '../../addin/host';
import { ownWritesOf, trackOwnWrites, type OwnWrites } from '../../addin/ownWrites';
import type { Locale } from '../../i18n/strings';
import { watchSheetChanges } from '../../workbook/excel/events';
import { ExcelWorkbookPort } from '../../workbook/excel/excelPort';
import { WorkbookError } from '../../workbook/port';

export interface PaneWatchOptions {
  locale: Locale;
  sheet: string;
  /** Live checking is wanted now (the switch is on and the sheet has the check columns). */
  live(): boolean;
  /** An action or a save is running: edits wait for it (and may stop it). */
  busy(): boolean;
  /** The user changed the sheet; `stop` is the abort reason for a run that has not started writing. */
  onEdit(stop: WorkbookError, address: string): void;
  onLive?(r: LiveCheckResult): void;
  onLiveError?(e: Error): void;
  /** Edits this close together are one live batch (default 300 ms). */
  delayMs?: number;
  /** Where the add-in's writes are recorded (default: the workbook's registry, which the actions write through). */
  ownWrites?: OwnWrites;
}

export interface PaneWatch {
  readonly sheet: string;
  /** Before a run: runs what the checker has queued and waits for it, so live writes and the run never overlap. */
  pause(): Promise<void>;
  /** After a run or a save: a fresh checker (the check columns may have appeared or moved), then the edits made meanwhile. */
  resume(): void;
  /** Waits until the queued live checks have run. */
  idle(): Promise<void>;
  remove(): Promise<void>;
}

export async function watchPaneSheet(host: AddinHost, options: PaneWatchOptions): Promise<PaneWatch> {
  const registry = options.ownWrites ?? ownWritesOf(host.Excel);
  const port = trackOwnWrites(new ExcelWorkbookPort(host), registry);
  const newChecker = (): LiveChecker => createLiveChecker(port, {
    locale: options.locale, sheet: options.sheet, delayMs: options.delayMs, sliceMs: 50, // the pane must not freeze while it finds the layout
    onResult: (r) => options.onLive?.(r),
    onError: (e) => options.onLiveError?.(e),
  });
  let checker = newChecker();
  let queued: [string, string][] = [];
  let removed = false;

  const watch = await watchSheetChanges(host.Excel, options.sheet, (address, changeType, origin) => {
    if (removed) return;
    if (changeAuthor(options.sheet, address, origin, registry) === 'addin' || checker.isCheckColumnsOnly(address)) return;
    options.onEdit(new WorkbookError('edited', `Sheet "${options.sheet}" was edited during the run.`), address);
    if (options.busy()) queued.push([address, changeType]);
    else if (options.live()) checker.onChanged(address, changeType);
  });

  return {
    sheet: options.sheet,
    pause: () => checker.flush(),
    resume() {
      if (removed) return;
      checker.dispose();
      checker = newChecker();
      const edits = queued;
      queued = [];
      if (options.live()) for (const [address, type] of edits) checker.onChanged(address, type);
    },
    idle: () => checker.idle(),
    async remove() {
      if (removed) return;
      removed = true;
      checker.dispose();
      queued = [];
      await watch.remove().catch(() => undefined); // the sheet may be gone already
    },
  };
}
