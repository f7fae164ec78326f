/**
 * One run's stop and phase, without React: Cancel and "the sheet was edited" abort it until the write
 * phase starts; after that a stop is ignored and the run finishes (the adapter does the same after its
 * last check, so the workbook is never left half-written).
 */
import type { ActionProgress } from './runAction';

export class RunControl {
  private readonly controller = new AbortController();
  private phaseNow: ActionProgress['phase'] = 'read';
  private askedToStop = false;

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get phase(): ActionProgress['phase'] {
    return this.phaseNow;
  }

  /** Writing has started: a stop is no longer possible. */
  get writing(): boolean {
    return this.phaseNow === 'write';
  }

  /** Cancel (or an edit) came once writing had started: the run finished anyway. */
  get stopIgnored(): boolean {
    return this.askedToStop && !this.controller.signal.aborted;
  }

  progress(p: ActionProgress): void {
    if (this.phaseNow !== 'write') this.phaseNow = p.phase;
  }

  /** The user's Cancel. Returns whether it stops the run (false once writing). */
  cancel(): boolean {
    return this.stop(undefined);
  }

  /** The sheet was edited: stops the run with `reason` (WorkbookError 'edited') unless it is writing. */
  edited(reason: Error): boolean {
    if (this.writing) return false; // a half-written result would be worse than a finished one
    return this.stop(reason);
  }

  private stop(reason: Error | undefined): boolean {
    if (this.controller.signal.aborted) return true;
    if (this.writing) {
      if (!reason) this.askedToStop = true;
      return false;
    }
    this.controller.abort(reason);
    return true;
  }
}
