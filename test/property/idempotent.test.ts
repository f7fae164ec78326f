/**
 * "Apply, then apply again, changes nothing": on generated ledgers of 1–60 rows (random seeds), every
 * action run a second time leaves sheet names, values, formulas, tables, rules and pivots as the first
 * run left them. Through the Office.js adapter on the simulated host, and through the xlsx adapter.
 */
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { buildSummary, checkContacts, computeTiers, findDuplicates, type ActionContext } from '../../src/actions';
import { XlsxWorkbookPort } from '../../src/workbook/xlsx/xlsxPort';
import { generateLedger } from '../helpers/generateLedger';
import { cleanTemp, ctxFor, simSnapshot, simWorkbook, xlsxSnapshot, xlsxWorkbook } from '../hostile/harness';

afterAll(cleanTemp);

const ACTIONS: [string, (ctx: ActionContext) => Promise<unknown>][] = [
  ['checkContacts', (ctx) => checkContacts(ctx)],
  ['findDuplicates', (ctx) => findDuplicates(ctx)],
  ['computeTiers', (ctx) => computeTiers(ctx)],
  ['buildSummary', (ctx) => buildSummary(ctx)],
];

const ledgers = fc.record({ rows: fc.integer({ min: 1, max: 60 }), seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }) });
/** Which actions, in which order: any non-empty selection of the four. */
const selections = fc.shuffledSubarray(ACTIONS, { minLength: 1 });

describe('apply twice = apply once', () => {
  it('sim (Office.js adapter)', async () => {
    await fc.assert(fc.asyncProperty(ledgers, selections, async ({ rows, seed }, actions) => {
      const { host, port } = simWorkbook({ 客户信息: generateLedger(rows, seed) });
      for (const [, run] of actions) await run(ctxFor(port));
      const once = simSnapshot(host);
      for (const [, run] of actions) await run(ctxFor(port));
      expect(simSnapshot(host)).toEqual(once);
    }), { numRuns: 20 });
  }, 60_000);

  it('each action on its own, twice in a row', async () => {
    await fc.assert(fc.asyncProperty(ledgers, fc.constantFrom(...ACTIONS), async ({ rows, seed }, [, run]) => {
      const { host, port } = simWorkbook({ 客户信息: generateLedger(rows, seed) });
      await run(ctxFor(port));
      const once = simSnapshot(host);
      await run(ctxFor(port));
      expect(simSnapshot(host)).toEqual(once);
    }), { numRuns: 20 });
  }, 60_000);

  it('xlsx adapter', async () => {
    await fc.assert(fc.asyncProperty(ledgers, selections, async ({ rows, seed }, actions) => {
      const { port } = await xlsxWorkbook((wb) => {
        const ws = wb.addWorksheet('客户信息');
        for (const row of generateLedger(rows, seed)) ws.addRow(row as ExcelJS.CellValue[]);
      });
      for (const [, run] of actions) await run(ctxFor(port));
      const once = xlsxSnapshot(port);
      for (const [, run] of actions) await run(ctxFor(port));
      expect(xlsxSnapshot(port)).toEqual(once);
      // And in a new session, as the CLI runs on its own output.
      const again = XlsxWorkbookPort.open(port.toBytes());
      for (const [, run] of actions) await run(ctxFor(again));
      expect(xlsxSnapshot(again)).toEqual(once);
    }), { numRuns: 15 });
  }, 60_000);
});
