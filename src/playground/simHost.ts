/**
 * The playground's Excel: the simulator, installed as the pane's host, with a listener after every
 * Excel.run so the grid re-renders when an action (or "go to cell") has changed the workbook.
 */
import { createSimHost, installSimGlobals, type SimHost } from '../sim';
import type { PaneHost } from '../taskpane/logic/host';
import { columnLetter } from './a1';
import type { SheetData } from './xlsx';

export interface Playground {
  sim: SimHost;
  host: PaneHost;
  subscribe(listener: () => void): () => void;
}

export function createPlayground(sheets: readonly SheetData[], displayLanguage: string): Playground {
  const sim = createSimHost({ displayLanguage });
  for (const s of sheets) {
    const sheet = sim.workbook.addSheet(s.name);
    sheet.seed('A1', s.values);
    for (const [col, r0, r1, format] of s.formats ?? []) sheet.setNumberFormat(`${columnLetter(col)}${r0 + 1}:${columnLetter(col)}${r1 + 1}`, format);
  }
  if (sheets.length === 0) sim.workbook.addSheet('Sheet1');
  const listeners = new Set<() => void>();
  // One re-render per frame however many Excel.run calls an action makes.
  let scheduled = false;
  const notify = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      listeners.forEach((l) => l());
    });
  };
  const run: SimHost['Excel']['run'] = async (batch) => {
    try {
      return await sim.Excel.run(batch);
    } finally {
      notify();
    }
  };
  const Excel = { ...sim.Excel, run };
  const Office = sim.Office;
  installSimGlobals({ ...sim, Excel }, window as unknown as Record<string, unknown>);
  return {
    sim,
    host: { Excel: Excel as unknown as PaneHost['Excel'], Office: Office as unknown as PaneHost['Office'] },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
