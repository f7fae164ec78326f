/**
 * What every run of an action needs: the engine (loaded once, on first use), a port over the host whose
 * writes are recorded as the add-in's own (ownWrites.ts), and the run's stop and progress.
 */
import type { ActionContext } from '../actions';
import type { ActionProgress } from '../actions/context';
import type { Locale } from '../i18n/strings';
import type { AddinHost } from './host';

/** Stop and progress of a run (the pane's Cancel button and progress bar, its change watch). */
export interface RunControlOptions {
  /** Aborted by Cancel, or with WorkbookError('edited') by the change watch; ignored once writing started. */
  signal?: AbortSignal;
  onProgress?: (p: ActionProgress) => void;
}

/** The longest the analysis holds the thread before giving the host a turn (paint, clicks, Cancel). */
export const SLICE_MS = 50;

export type Engine = typeof import('./engine');
let engine: Promise<Engine> | null = null;

/** The heavy part, loaded once on first use. */
export function loadEngine(): Promise<Engine> {
  engine ??= import(/* webpackChunkName: "ledger-engine" */ './engine');
  // A failed load (the network dropped) is tried again on the next click, not remembered.
  engine.catch(() => { engine = null; });
  return engine;
}

export async function actionContext(host: AddinHost, locale: Locale, sheet?: string, control: RunControlOptions = {}): Promise<{ e: Engine; ctx: ActionContext }> {
  const e = await loadEngine();
  const port = e.trackOwnWrites(new e.ExcelWorkbookPort(host), e.ownWritesOf(host.Excel));
  const ctx: ActionContext = { port, locale, now: new Date(), sheet, sliceMs: SLICE_MS };
  if (control.signal) ctx.signal = control.signal;
  if (control.onProgress) ctx.onProgress = control.onProgress;
  return { e, ctx };
}
