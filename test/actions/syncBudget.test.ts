/**
 * DESIGN's round-trip budget: an action uses at most ceil(bytes read / budget) + ceil(bytes written /
 * budget) + 4 syncs, and no request or response above Excel's payload limit. Counts, not timings.
 * Excel on the web's sizes are a 5 MB limit and a 4 MB budget at 100,000 rows; the rule is the same at
 * a sixteenth of every size (limit, budget, rows), where each action still reads and writes several
 * budgets' worth, so the chunking is exercised just as much.
 */
import { buildSummary, checkContacts, computeTiers, findDuplicates, importRows, type ActionContext } from '../../src/actions';
import { columnLetter } from '../../src/core/grid/a1';
import { createSimHost } from '../../src/sim';
import { ExcelWorkbookPort } from '../../src/workbook/excel/excelPort';
import { generateLedger } from '../helpers/generateLedger';

const SCALE = 16;
const LIMIT = (5 * 1024 * 1024) / SCALE;
const BUDGET = (4 * 1024 * 1024) / SCALE;
const ROWS = 100_000 / SCALE;

const actions: [string, (ctx: ActionContext) => Promise<unknown>][] = [
  ['checkContacts', (ctx) => checkContacts(ctx)],
  ['computeTiers', (ctx) => computeTiers(ctx)],
  ['findDuplicates', (ctx) => findDuplicates(ctx)],
  ['buildSummary', (ctx) => buildSummary(ctx)],
];

const values = generateLedger(ROWS);

/** Runs one action on a fresh simulated Excel with the lowered limit, the port chunking by `portBudget`. */
async function measure(run: (ctx: ActionContext) => Promise<unknown>, portBudget = BUDGET, asTable = false) {
  const host = createSimHost({ now: () => new Date('2026-11-23T09:00:00Z'), payloadLimitBytes: LIMIT });
  host.workbook.addSheet('客户信息').seed('A1', values);
  if (asTable) {
    await host.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('客户信息').tables.add(`A1:${columnLetter(values[0]!.length - 1)}${values.length}`, true);
      await context.sync();
    });
  }
  const port = new ExcelWorkbookPort(host as never, { maxRequestBytes: portBudget });
  host.resetStats();
  await run({ port, locale: 'zh-CN', now: new Date('2026-11-23T09:00:00Z'), settings: { asOf: '2026-11-22' } });
  const s = host.stats();
  return { ...s, budget: Math.ceil(s.bytesRead / BUDGET) + Math.ceil(s.bytesWritten / BUDGET) + 4, host };
}

describe(`sync budget at ${ROWS} rows, ${LIMIT / 1024} KB limit, ${BUDGET / 1024} KB budget`, () => {
  it.each(actions)('%s', async (name, run) => {
    const s = await measure(run);
    console.log(`${name}: ${s.syncs} syncs (budget ${s.budget}), read ${(s.bytesRead / 1024).toFixed(0)} KB, wrote ${(s.bytesWritten / 1024).toFixed(0)} KB, largest request ${(s.largestRequestBytes / 1024).toFixed(0)} KB, largest response ${(s.largestResponseBytes / 1024).toFixed(0)} KB`);
    // Several budgets' worth moved, or the rule would hold whatever the chunking did.
    expect(s.bytesRead + s.bytesWritten).toBeGreaterThan(4 * BUDGET);
    expect(s.largestRequestBytes).toBeLessThanOrEqual(LIMIT);
    expect(s.largestResponseBytes).toBeLessThanOrEqual(LIMIT);
    expect(s.syncs).toBeLessThanOrEqual(s.budget);
  }, 60_000);

  it('importRows into a ledger that is an Excel table: one sync more for the blank cells\' formulas, one for where the table is', async () => {
    const incoming = generateLedger(ROWS / 10, 7, { companies: 'many' });
    const s = await measure((ctx) => importRows(ctx, { incoming }), BUDGET, true);
    console.log(`importRows (table): ${s.syncs} syncs (budget ${s.budget} + 2)`);
    expect(s.largestRequestBytes).toBeLessThanOrEqual(LIMIT);
    expect(s.syncs).toBeLessThanOrEqual(s.budget + 2);
    // The table did grow: the count above includes the resize.
    expect(s.host.workbook.tables[0]!.address).not.toBe(`客户信息!A1:${columnLetter(values[0]!.length - 1)}${values.length}`);
  }, 60_000);

  it('is a count that fails: a port chunking by half the budget needs more syncs than the rule allows', async () => {
    const s = await measure(actions[0]![1], BUDGET / 2);
    expect(s.syncs).toBeGreaterThan(s.budget);
  }, 60_000);
});
