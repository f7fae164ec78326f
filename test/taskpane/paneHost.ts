/** A simulated Excel as the pane's host, with a gate to hold Excel.run calls (the "running" state). */
import { createSimHost, type SimOptions } from '../../src/sim';
import type { AddinHost } from '../../src/addin/host';

export const LEDGER: unknown[][] = [
  ['Name', 'Mobile', 'Email', 'Company', 'Total spend', 'Last purchase', 'Orders'],
  ['Ann Lee', '13800138000', 'ann@qq.com', 'Acme Ltd', 1200, 46300, 3],
  ['Bo Chen', '1380013', 'bo@qq.con', 'Beta Inc', 300, 45000, 1],
  ['Cy Wu', '13912345678', 'cy-at-163.com', 'Gamma LLC', 50, 46000, 0],
  ['Ann Lee', '13800138000', 'ann.lee@163.com', 'Acme Ltd', 80, 46200, 1],
];

export function paneHost(sheets: Record<string, unknown[][]>, options: SimOptions = {}) {
  const sim = createSimHost({ displayLanguage: 'en-US', now: () => new Date('2026-11-23T09:00:00Z'), ...options });
  for (const [name, values] of Object.entries(sheets)) sim.workbook.addSheet(name).seed('A1', values);
  let gate: Promise<void> | null = null;
  let open: () => void = () => undefined;
  // Every form of Excel.run is passed on (Excel.run(context, batch) is how an event handler is removed).
  const forward = sim.Excel.run as (...args: unknown[]) => Promise<unknown>;
  const run = (async (...args: unknown[]) => {
    if (gate) await gate;
    return forward(...args);
  }) as typeof sim.Excel.run;
  const host = { Excel: { ...sim.Excel, run }, Office: sim.Office } as unknown as AddinHost;
  return {
    sim,
    host,
    /** Holds every Excel.run from now until release(). */
    hold() {
      gate = new Promise<void>((resolve) => (open = resolve));
    },
    release() {
      gate = null;
      open();
    },
  };
}
