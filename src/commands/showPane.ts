/**
 * Opens the pane (Office.addin.showAsTaskpane, SharedRuntime 1.1) so the result card is seen. Tried
 * again when Office refuses or does not answer — a runtime a ribbon click has just started can turn the
 * first call down — and never waits without end: the click must still be completed.
 */
import type { AddinPaneControl } from '../addin/host';

export interface ShowPaneOptions {
  attempts?: number;
  retryDelayMs?: number;
  /** The longest one call may take before it counts as failed. */
  timeoutMs?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`showAsTaskpane did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Resolves true once Office said the pane is shown, false when it could not be (no shared runtime, refused every time). */
export async function showPane(addin: AddinPaneControl | undefined, options: ShowPaneOptions = {}): Promise<boolean> {
  const { attempts = 3, retryDelayMs = 500, timeoutMs = 5000 } = options;
  if (typeof addin?.showAsTaskpane !== 'function') return false;
  for (let i = 0; i < attempts; i++) {
    if (i > 0) await sleep(retryDelayMs);
    try {
      await within(Promise.resolve().then(() => addin.showAsTaskpane!()), timeoutMs);
      return true;
    } catch {
      // refused or silent: try again
    }
  }
  return false;
}
