/**
 * The playground's Excel: the simulator, installed as the pane's host, with a listener after every
 * Excel.run so the grid re-renders when an action (or "go to cell") has changed the workbook. A new
 * workbook (Excel.createWorkbook: the masked copy) is downloaded.
 */
import { createSimHost, installSimGlobals, type SimHost } from '../sim/host';
import type { AddinHost } from '../addin/host';
import { columnLetter } from '../core/grid/a1';
import { downloadWorkbook } from './download';
import type { SheetData } from './xlsx';

export interface Playground {
  sim: SimHost;
  host: AddinHost;
  subscribe(listener: () => void): () => void;
  /** The user clicks a cell: it becomes Excel's selection (and its sheet the active one). */
  select(sheet: string, address: string): Promise<void>;
  /**
   * The user types into a cell: the text goes in as Excel takes typed input (Range.values), then
   * Worksheet.onChanged fires as after a user edit (the pane's watch sees it).
   */
  edit(sheet: string, address: string, text: string): Promise<void>;
  /** Makes every Excel.run wait this long first, as Excel on the web over a slow network does (0: none). */
  setLatency(ms: number): void;
}

export function createPlayground(sheets: readonly SheetData[], displayLanguage: string): Playground {
  const sim = createSimHost({ displayLanguage });
  for (const s of sheets) {
    const sheet = sim.workbook.addSheet(s.name);
    sheet.seed('A1', s.values);
    for (const [col, r0, r1, format] of s.formats ?? []) sheet.setNumberFormat(`${columnLetter(col)}${r0 + 1}:${columnLetter(col)}${r1 + 1}`, format);
    // The reader already left the covered cells empty, so merging clears nothing.
    for (const area of s.merges ?? []) {
      try {
        sheet.merge(area);
      } catch {
        // An area overlapping one merged before it (Excel never writes such a file) stays plain cells.
      }
    }
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
  let latency = 0;
  // Every form of Excel.run is passed on (Excel.run(context, batch) is how an event handler is removed).
  const forward = sim.Excel.run as (...args: unknown[]) => Promise<unknown>;
  const run = (async (...args: unknown[]) => {
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    try {
      return await forward(...args);
    } finally {
      notify();
    }
  }) as SimHost['Excel']['run'];
  const Excel = { ...sim.Excel, run };
  const Office = sim.Office;
  installSimGlobals({ ...sim, Excel }, window as unknown as Record<string, unknown>);
  // A new workbook (the masked copy) cannot open beside this one in a page: it is downloaded instead.
  sim.onCreateWorkbook = (file) => void downloadWorkbook(file);
  const host: AddinHost = { Excel: Excel as unknown as AddinHost['Excel'], Office: Office as unknown as AddinHost['Office'], newWorkbook: 'download' };
  return {
    sim,
    host,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async select(sheet, address) {
      await host.Excel.run(async (context) => {
        context.workbook.worksheets.getItem(sheet).getRange(address).select();
        await context.sync();
      });
    },
    setLatency(ms) {
      latency = Math.max(0, ms);
    },
    async edit(sheet, address, text) {
      const target = sim.workbook.sheet(sheet);
      const before = target.cell(address).value;
      target.write(address, [[text]]);
      notify();
      await sim.fireChanged(sheet, address, { valueBefore: before ?? '' });
    },
  };
}
