/**
 * The ribbon's ExecuteFunction handlers (shared runtime). A click must always end with something the
 * user sees, which Office does not make easy:
 *
 * - **Registered at load.** Office.actions.associate is called while the page's script is evaluated
 *   (registerAtLoad.ts is the entries' first import), not after Office.onReady or after React has
 *   rendered: with a shared runtime the first click after opening Excel starts the runtime, and a
 *   handler that is not there yet misses it (office-js #5176). A handler waits for Office.onReady
 *   itself (bounded) before it touches Excel.
 * - **Always completed.** event.completed() is called exactly once, when the run has settled — after an
 *   error too, and when the engine had to be loaded first; opening the pane is bounded in time.
 * - **The pane opens for the result** (runRibbonCommand.ts), unless Office said it is showing.
 * - **A lost first click still shows something.** When Office is ready and no click has arrived within
 *   COLD_START_MS while the pane is not known to be showing, the runtime was most likely started by a
 *   click that never reached us: the pane is opened (a no-op when it is already open), so the user sees
 *   the add-in and can click again.
 */
import type { AddinHost } from '../addin/host';
import { trackPaneVisibility } from './paneVisibility';
import { RIBBON_FUNCTIONS } from './ribbonFunctions';
import { runRibbonCommand } from './runRibbonCommand';
import { showPane, type ShowPaneOptions } from './showPane';

export { RIBBON_FUNCTIONS } from './ribbonFunctions';
export { runRibbonCommand } from './runRibbonCommand';

interface CommandEvent { completed(options?: unknown): void }
interface OfficeActions { associate(name: string, handler: (event: CommandEvent) => unknown): void }
type RibbonOffice = AddinHost['Office'] & { actions?: OfficeActions; onReady?: () => Promise<unknown> };

/** How long a runtime may sit without a click, the pane not known to show, before the pane is opened. */
export const COLD_START_MS = 3000;
/** The longest a click waits for Office.onReady before it tries anyway. */
export const READY_TIMEOUT_MS = 10_000;

export interface RegisterOptions {
  /** 0 turns the lost-first-click fallback off. */
  coldStartMs?: number;
  readyTimeoutMs?: number;
  show?: ShowPaneOptions;
}

const registered = new WeakSet<object>();

function officeReady(office: RibbonOffice, timeoutMs: number): Promise<void> {
  if (typeof office.onReady !== 'function') return Promise.resolve();
  const ready = Promise.resolve().then(() => office.onReady!()).then(() => undefined, () => undefined);
  return Promise.race([ready, new Promise<void>((resolve) => setTimeout(resolve, timeoutMs))]);
}

/**
 * Associates the ribbon's functions with their handlers, once per Office object. `host` may be a getter:
 * at load only `Office` exists for certain, `Excel` is read when a click runs. Returns false where
 * there is nothing to associate with (no shared runtime, the playground).
 */
export function registerCommands(host: AddinHost | (() => AddinHost), options: RegisterOptions = {}): boolean {
  const hostNow = typeof host === 'function' ? host : () => host;
  const office = hostNow().Office as RibbonOffice | undefined;
  const actions = office?.actions;
  if (!office || typeof actions?.associate !== 'function') return false;
  if (registered.has(office)) return true;
  registered.add(office);

  const visibility = trackPaneVisibility(office);
  const ready = officeReady(office, options.readyTimeoutMs ?? READY_TIMEOUT_MS);
  let clicked = false;
  for (const [name, { action, options: runOptions }] of Object.entries(RIBBON_FUNCTIONS)) {
    actions.associate(name, (event) => {
      clicked = true;
      let completed = false;
      const complete = () => {
        if (completed) return;
        completed = true;
        try {
          event.completed();
        } catch {
          // Office has already closed the command: nothing left to tell it
        }
      };
      void (async () => {
        try {
          await ready;
          let current: AddinHost;
          try {
            current = hostNow();
          } catch {
            current = { Office: office } as AddinHost; // no Excel: the run fails, and says so on the card
          }
          await runRibbonCommand(current, action, { visibility, show: options.show, run: runOptions });
        } finally {
          complete();
        }
      })();
    });
  }

  const coldStartMs = options.coldStartMs ?? COLD_START_MS;
  if (coldStartMs > 0) {
    void ready.then(() => setTimeout(() => {
      if (!clicked && !visibility.showing()) void showPane(office.addin, options.show);
    }, coldStartMs));
  }
  return true;
}
