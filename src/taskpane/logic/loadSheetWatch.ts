/**
 * The pane's change watch, loaded on first use. It needs the Office.js adapter and the live checker, so
 * it goes into the same chunk as the engine (same webpackChunkName): nothing of it is in the first load.
 */
export type SheetWatchModule = typeof import('./sheetWatch');

export function loadSheetWatch(): Promise<SheetWatchModule> {
  return import(/* webpackChunkName: "ledger-engine" */ './sheetWatch');
}
