/**
 * One measurement per process (`node dist/bench/scripts/bench/tasks.js TASK ARGS…`), so each peak
 * memory figure is that task's own. Prints one JSON line. Run through `npm run bench` (scripts/bench.js).
 */
import * as fs from 'node:fs';
import ExcelJS from 'exceljs';
import { analyzeSheet } from '../../src/core/analyze';
import { buildSummary, checkContacts, computeTiers, findDuplicates, importRows, type ActionContext } from '../../src/actions';
import { main as cliMain } from '../../src/cli/main';
import { generateLedger } from '../../test/helpers/generateLedger';
import { createSimHost } from '../../src/sim/host';
import { SimContext } from '../../src/sim/api/base';
import { ExcelWorkbookPort } from '../../src/workbook/excel/excelPort';
import type { WorkbookPort, WritePlan } from '../../src/workbook/port';
import { XlsxWorkbookPort } from '../../src/workbook/xlsx/xlsxPort';
import { useCodec } from '../../src/workbook/xlsx/zip/codec';
import { nodeCodec } from '../../src/workbook/xlsx/zip/nodeCodec';

const NOW = new Date('2026-11-23T09:00:00Z');
const AS_OF = '2026-11-22';
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;

const ACTIONS: Record<string, (ctx: ActionContext) => Promise<unknown>> = {
  checkContacts: (ctx) => checkContacts(ctx),
  computeTiers: (ctx) => computeTiers(ctx),
  findDuplicates: (ctx) => findDuplicates(ctx),
  buildSummary: (ctx) => buildSummary(ctx),
  // 10,000 rows of another list (another seed: some customers shared by chance, most new) into the ledger.
  importRows: (ctx) => importRows(ctx, { incoming: generateLedger(10_000, 7, { companies: 'many' }) }),
  // The same into a ledger that is an Excel table, which then grows over the new rows.
  importRowsTable: (ctx) => importRows(ctx, { incoming: generateLedger(10_000, 7, { companies: 'many' }) }),
};

/** Actions whose ledger is an Excel table (made before the count starts). */
const AS_TABLE = new Set(['importRowsTable']);

/**
 * The longest stretch without a turn for the event loop, as the pane has it (sliceMs 50), until `end()`
 * (the plan handed to the adapter): the add-in's own code only. From the start with `fromStart`, else
 * from the first progress report, the sheet being read: the simulated host does Excel's side of each
 * sync in this thread without a turn, so the read is not counted.
 */
function stretchMeter(fromStart = false) {
  let counting = fromStart;
  let ended = false;
  let longest = 0;
  let last = performance.now();
  const tick = setInterval(() => {
    const now = performance.now();
    if (counting) longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  return {
    onProgress: () => {
      if (!counting && !ended) { counting = true; last = performance.now(); }
    },
    /** The plan is made: the write's progress does not start the count again (writeStretchMeter's part). */
    end: () => {
      if (counting) longest = Math.max(longest, performance.now() - last);
      counting = false;
      ended = true;
    },
    stop: () => clearInterval(tick),
    longestMs: () => longest,
  };
}

/**
 * The add-in's own work during the write without a turn for the host: a sync is a round trip to the
 * host and the simulated host's work inside it is Excel's, so it is left out; a tick of the timer
 * means the thread was free (the adapter's slicer gave a turn).
 */
function writeStretchMeter() {
  let writing = false;
  let since = 0;
  let longest = 0;
  const mark = (): void => {
    const now = performance.now();
    if (writing) longest = Math.max(longest, now - since);
    since = now;
  };
  const tick = setInterval(mark, 1);
  const sync = SimContext.prototype.sync;
  SimContext.prototype.sync = async function (this: SimContext, passThroughValue?: unknown) {
    mark();
    try {
      return await sync.call(this, passThroughValue);
    } finally {
      since = performance.now();
    }
  } as typeof sync;
  return {
    start: () => { writing = true; since = performance.now(); },
    end: () => { mark(); writing = false; },
    stop: () => { SimContext.prototype.sync = sync; clearInterval(tick); },
    longestMs: () => longest,
  };
}

async function run(task: string, args: string[]): Promise<Record<string, unknown>> {
  switch (task) {
    case 'analyze': {
      // `analyze ROWS [many|few]`: 'many' companies (the realistic ledger, the default), 'few' the stress case.
      const rows = Number(args[0]);
      const companies = args[1] === 'few' ? 'few' : 'many';
      const values = generateLedger(rows, 42, { companies });
      const t0 = process.hrtime.bigint();
      const report = analyzeSheet({ sheet: '客户信息', values, settings: { asOf: AS_OF }, today: AS_OF });
      const s = seconds(t0);
      return { rows, companies, columns: values[0]!.length, dataRows: report.dataRows, duplicateGroups: report.duplicateGroups.length,
        seconds: s, rowsPerSecond: Math.round(rows / s), peakMb: peakMb() };
    }
    case 'action': {
      const [name, rowsText] = args as [string, string];
      const rows = Number(rowsText);
      const host = createSimHost({ now: () => NOW });
      host.workbook.addSheet('客户信息').seed('A1', generateLedger(rows, 42, { companies: 'many' }));
      // The simulator's own set-up call, kept to one line: a larger set-up here (a helper holding the rows,
      // an Excel.run) moved the collector's pauses into the action and doubled checkContacts' longest stretch.
      if (AS_TABLE.has(name)) host.workbook.sheet('客户信息').addTable(host.workbook.sheet('客户信息').usedAddress()!);
      const port = new ExcelWorkbookPort(host as never);
      host.resetStats();
      const stretch = stretchMeter();
      const writing = writeStretchMeter();
      const apply = port.apply.bind(port);
      port.apply = async (plan, options) => { // the plan is made: from here the add-in works between syncs
        stretch.end();
        writing.start();
        await apply(plan, options);
        writing.end();
      };
      const t0 = process.hrtime.bigint();
      try {
        await ACTIONS[name]!({ port, locale: 'zh-CN', now: NOW, settings: { asOf: AS_OF }, sliceMs: 50, onProgress: stretch.onProgress });
      } finally {
        stretch.stop();
        writing.stop();
      }
      const st = host.stats();
      const MB4 = 4 * 1024 * 1024;
      // Import reads once more than the others: the formulas of the blank cells it may fill (never replaced);
      // into a table, once more: where the table is, before it grows.
      const budget = Math.ceil(st.bytesRead / MB4) + Math.ceil(st.bytesWritten / MB4) + 4 + (name.startsWith('importRows') ? 1 : 0) + (AS_TABLE.has(name) ? 1 : 0);
      return { action: name, rows, syncs: st.syncs, budget, bytesRead: st.bytesRead, bytesWritten: st.bytesWritten,
        largestRequestBytes: st.largestRequestBytes, largestResponseBytes: st.largestResponseBytes, simSeconds: seconds(t0),
        longestStretchMs: Math.round(stretch.longestMs()), longestWriteStretchMs: Math.round(writing.longestMs()) };
    }
    case 'plan': {
      // `plan NAME ROWS`: the pane's longest stretch without a turn (sliceMs 50) from the action's start
      // to the finished plan, at any size: the sheet is handed over as read (a port that only
      // holds the values), since the simulated host cannot hold 1,048,576 × 17 cells. Nothing is written.
      // `plan NAME ROWS write`: the plan is then written through the Excel adapter into a simulated host
      // that holds the header row only, the write's longest stretch timed as in 'action'.
      const [name, rowsText, then] = args as [string, string, string | undefined];
      const rows = Number(rowsText);
      const values = generateLedger(rows, 42, { companies: 'many' });
      let planned: WritePlan | null = null;
      const stretch = stretchMeter(true);
      const writing = writeStretchMeter();
      const target = then === 'write' ? createSimHost({ now: () => NOW }) : null;
      target?.workbook.addSheet('客户信息').seed('A1', [values[0]!]);
      const port: WorkbookPort = {
        kind: 'excel',
        capabilities: async () => ({ kind: 'excel', pivotTables: true, dataValidation: true, conditionalFormats: true, charts: true, copySheet: true }),
        listSheets: async () => [{ name: '客户信息', visible: true, visibility: 'visible', protected: false, rowCount: values.length, columnCount: values[0]!.length, a1: String(values[0]![0] ?? '') || null }],
        readValues: async () => values,
        readFormulas: async () => [],
        readAreas: async () => [],
        readFormulaAreas: async () => [],
        apply: async (plan, options) => {
          stretch.end();
          planned = plan;
          if (!target) return;
          writing.start();
          await new ExcelWorkbookPort(target as never).apply(plan, options);
          writing.end();
        },
      };
      const t0 = process.hrtime.bigint();
      try {
        await ACTIONS[name]!({ port, locale: 'zh-CN', now: NOW, settings: { asOf: AS_OF }, sliceMs: 50, onProgress: stretch.onProgress });
      } finally {
        stretch.stop();
        writing.stop();
      }
      return { plan: name, rows, ops: (planned as WritePlan | null)?.ops.length ?? 0, seconds: seconds(t0), longestStretchMs: Math.round(stretch.longestMs()),
        ...(target ? { longestWriteStretchMs: Math.round(writing.longestMs()), syncs: target.stats().syncs, largestRequestBytes: target.stats().largestRequestBytes } : {}), peakMb: peakMb() };
    }
    case 'write-xlsx': {
      // A ledger file for the CLI figures, written with exceljs's streaming writer (dates as Dates).
      const [file, rowsText] = args as [string, string];
      const values = generateLedger(Number(rowsText));
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
      const ws = wb.addWorksheet('客户信息');
      const epoch = Date.UTC(1899, 11, 30);
      for (const [i, row] of values.entries()) {
        ws.addRow(i === 0 ? row : row.map((v, c) => (typeof v === 'number' && [10, 11, 14].includes(c) ? new Date(epoch + v * 86400000) : v))).commit();
      }
      await wb.commit();
      return { file, rows: values.length - 1, bytes: fs.statSync(file).size };
    }
    case 'write-hostile-xlsx': {
      // Stress files from the findings: 'wide' pads every row to COLS columns of extra data;
      // 'one-phone' gives every customer the same mobile (one giant block of candidates).
      const [file, rowsText, shape, colsText] = args as [string, string, 'wide' | 'one-phone', string | undefined];
      const values = generateLedger(Number(rowsText));
      const cols = Number(colsText ?? 200);
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
      const ws = wb.addWorksheet('客户信息');
      for (const [i, row] of values.entries()) {
        let out = [...row];
        if (shape === 'wide') {
          while (out.length < cols) out.push(i === 0 ? `附加${out.length + 1}` : (i * 7 + out.length) % 1000);
        } else if (i > 0) {
          out = out.map((v, c) => (c === 7 ? '13800138000' : v));
        }
        ws.addRow(out).commit();
      }
      await wb.commit();
      return { file, rows: values.length - 1, bytes: fs.statSync(file).size };
    }
    case 'bare-read': {
      // The floor for the CLI: the product's own reader handing every sheet's values over, nothing else.
      const t0 = process.hrtime.bigint();
      useCodec(nodeCodec); // as the CLI does
      const port = XlsxWorkbookPort.open(fs.readFileSync(args[0]!));
      let rows = 0;
      for (const s of port.sheetStates()) rows += (await port.readValues(s.name)).length;
      return { rows, seconds: seconds(t0), peakMb: peakMb() };
    }
    case 'cli': {
      // The CLI in this process, its output discarded: what `customer-ledger analyze|apply` costs.
      const t0 = process.hrtime.bigint();
      const code = await cliMain(args, { out: () => undefined, err: (t) => process.stderr.write(t), env: { LANG: 'en_US.UTF-8' } });
      return { command: args[0], exitCode: code, seconds: seconds(t0), peakMb: peakMb() };
    }
    default:
      throw new Error(`unknown bench task ${task}`);
  }
}

const [task, ...args] = process.argv.slice(2);
run(task ?? '', args).then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
