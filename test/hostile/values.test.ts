/**
 * Hostile cell contents through both adapters: formulas and errors in every column, numbers where text
 * belongs and the reverse, very wide sheets and very long cells, hidden rows and filters, tables, a
 * column without a header.
 */
import type ExcelJS from 'exceljs';
import { HEADER, error, formula, seedSim, seedXlsx, smallLedger, type Cell } from './cells';
import {
  ACTION_NAMES, cleanTemp, expectCliOk, expectOk, runEach, simSnapshot, simWorkbook, xlsxSnapshot, xlsxWorkbook,
} from './harness';
import { worksheetValues } from '../helpers/exceljsRead';
import { cellText } from '../../src/core/text';
import { columnLetter } from '../../src/core/columns';

afterAll(cleanTemp);

function sim(rows: Cell[][], name = '客户信息') {
  const c = simWorkbook({});
  c.host.workbook.addSheet(name);
  seedSim(c.host, name, rows);
  return c;
}
function xlsx(rows: Cell[][], more?: (ws: ExcelJS.Worksheet) => void, name = '客户信息') {
  return xlsxWorkbook((wb) => {
    const ws = wb.addWorksheet(name);
    seedXlsx(ws, rows);
    more?.(ws);
  });
}

const texts = (values: unknown[][]) => values.map((r) => r.map((v) => cellText(v)));
/** The column under a header written by the add-in, as text. */
function column(values: unknown[][], header: string, headerRow = 1): string[] {
  const c = values[headerRow - 1]!.findIndex((v) => cellText(v) === header);
  expect(c).toBeGreaterThanOrEqual(0);
  return values.slice(headerRow).map((r) => cellText(r[c]));
}

/**
 * A tier cell: the sim computes the live formula; exceljs writes formulas without results (Excel computes
 * them on opening), so there the cell must hold a formula.
 */
function expectTier(values: unknown[][], where: string, dataRow: number, word: string, header = '价值分层') {
  const c = values[0]!.findIndex((v) => cellText(v) === header);
  const v = values[dataRow + 1]?.[c];
  if (where === 'sim') expect(cellText(v)).toBe(word);
  else expect(cellText(v) === word || (typeof v === 'object' && v !== null && 'formula' in v)).toBe(true);
}

/** Every action on the sim and on the xlsx port (and the CLI); `check` sees the customer sheet's values after. */
async function everywhere(rows: Cell[][], check: (values: unknown[][], where: string) => void,
  more?: { xlsx?: (ws: ExcelJS.Worksheet) => void; sim?: (c: ReturnType<typeof sim>) => Promise<void> | void }) {
  const s = sim(rows);
  await more?.sim?.(s);
  const simOut = await runEach(s.port, () => simSnapshot(s.host));
  for (const name of ACTION_NAMES) expectOk(simOut[name]);
  check(s.host.workbook.sheet('客户信息').values(), 'sim');

  const x = await xlsx(rows, more?.xlsx);
  const xOut = await runEach(x.port, () => xlsxSnapshot(x.port));
  for (const name of ACTION_NAMES) expectOk(xOut[name]);
  check(worksheetValues((await x.refresh()).getWorksheet('客户信息')!), 'xlsx');
  const { wb } = await expectCliOk(x.file);
  check(worksheetValues(wb.getWorksheet('客户信息')!), 'cli');
  return { sim: s, xlsx: x, cliOut: wb };
}

it('formulas and error values (#N/A, #DIV/0!) in every column: errors count as missing, formula results are used', async () => {
  const rows = smallLedger();
  // Row 2: every cell a formula with a result; row 3: every cell an error; row 4: alternating errors.
  rows[1] = rows[1]!.map((v) => (v === null ? formula('NA()', '#N/A') : formula(`"${String(v)}"&""`, v)));
  rows[2] = HEADER.map((_, c) => (c === 0 ? '李四' : error(c % 2 ? '#DIV/0!' : '#N/A')));
  rows[3] = rows[3]!.map((v, c) => (c % 2 ? error('#VALUE!') : v));
  await everywhere(rows, (values, where) => {
    const phone = column(values, '电话检查');
    const email = column(values, '邮箱检查');
    expect({ where, phone: phone[0] }).toEqual({ where, phone: '' }); // a formula's result is checked
    expect({ where, phone: phone[1], email: email[1] }).toEqual({ where, phone: '空', email: '空' }); // an error is no phone
    expectTier(values, where, 1, '低价值');
    // The user's error cells are still errors (never overwritten with text).
    expect(cellText(values[2]![2]) === '' || /#/.test(String(values[2]![2]))).toBe(true);
  });
});

it('numbers where text is expected and text where numbers are expected', async () => {
  const rows = smallLedger();
  rows[1]![2] = 13800138000; // a phone typed as a number
  rows[1]![0] = 12345; // a name that is a number
  rows[2]![3] = 42; // an email that is a number
  rows[2]![6] = '八百元'; // an amount in words
  rows[3]![5] = '三次'; // a count in words
  rows[3]![4] = '去年'; // a date in words
  rows[4]![6] = '¥56,000.00';
  rows[4]![4] = '2026年10月7日';
  rows[5]![1] = 404; // a company that is a number
  await everywhere(rows, (values, where) => {
    const phone = column(values, '电话检查');
    const email = column(values, '邮箱检查');
    expect({ where, phone: phone[0], email: email[1] }).toEqual({ where, phone: '', email: expect.stringMatching(/^无效/) });
    expectTier(values, where, 3, '高价值'); // ¥56,000.00 is the largest amount
    expectTier(values, where, 3, '活跃', '客户状态'); // 2026年10月7日: 46 days before the as-of date
  });
});

it('200 columns and 5,000-character cells', async () => {
  const wide = (row: Cell[], r: number): Cell[] => [...row, ...Array.from({ length: 192 }, (_, c) => (r === 0 ? `附加${c + 1}` : `${'长'.repeat(c === 5 ? 5000 : 3)}${r}`))];
  const rows = smallLedger().map(wide);
  rows[1]![7] = `备注${'很长'.repeat(2500)}`; // 5,002 characters in the notes column
  rows[2]![3] = `${'a'.repeat(5000)}@qq.com`; // an absurd email
  rows[3]![2] = '1'.repeat(5000); // an absurd phone
  const r = await everywhere(rows, (values, where) => {
    expect(values[0]!.length).toBeGreaterThan(200);
    const phone = column(values, '电话检查');
    expect({ where, p0: phone[0], p2: phone[2] }).toEqual({ where, p0: '', p2: expect.stringMatching(/^无效/) });
    expect(column(values, '邮箱检查')[1]).toMatch(/^无效/);
    // The long cells are unchanged.
    expect(cellText(values[1]![7]).length).toBe(5002);
    expect(cellText(values[1]![13]).length).toBe(5001);
  });
  // The check columns come after the 200th column, never over user data.
  const header = texts(r.sim.host.workbook.sheet('客户信息').values())[0]!;
  expect(header.indexOf('电话检查')).toBe(200);
});

it('hidden rows, hidden columns and an active filter: every row is checked, hidden ones too, nothing unhidden or lost', async () => {
  const rows = smallLedger();
  const r = await everywhere(rows, (values) => {
    const phone = column(values, '电话检查');
    expect(phone.slice(0, 6)).toEqual(['', '', expect.stringMatching(/^无效/), '', '', '空']);
  }, {
    xlsx: (ws) => {
      ws.getRow(3).hidden = true;
      ws.getRow(4).hidden = true;
      ws.getColumn(2).hidden = true;
      ws.autoFilter = 'A1:H7';
    },
    // The same in the simulator, through Office.js (layout.test.ts has more: a filter that hides rows).
    sim: async ({ host }) => {
      await host.Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('客户信息');
        ws.getRange('3:4').rowHidden = true;
        ws.getRange('B:B').columnHidden = true;
        ws.autoFilter.apply('A1:H7');
        await context.sync();
      });
    },
  });
  const simSheet = r.sim.host.workbook.sheet('客户信息');
  expect({ rows: simSheet.hiddenRows(), columns: simSheet.hiddenColumns(), filter: simSheet.autoFilter()?.address }).toEqual({ rows: [3, 4], columns: ['B'], filter: 'A1:H7' });
  const ws = r.cliOut.getWorksheet('客户信息')!;
  expect(ws.getRow(3).hidden).toBe(true);
  expect(ws.getRow(4).hidden).toBe(true);
  expect(ws.getColumn(2).hidden).toBe(true);
  expect(ws.autoFilter).toBeTruthy();
});

it('an Excel table over the data vs the same data as a plain range give the same checks', async () => {
  const plain = await everywhere(smallLedger(), () => undefined);
  const table = await everywhere(smallLedger(), () => undefined, {
    xlsx: (ws) => {
      const rows = smallLedger();
      for (let r = 1; r <= rows.length; r++) for (let c = 1; c <= HEADER.length; c++) ws.getCell(r, c).value = null;
      ws.addTable({ name: 'Kehu', ref: 'A1', headerRow: true, columns: HEADER.map((name) => ({ name })),
        rows: rows.slice(1).map((row) => row.map((v) => (v as ExcelJS.CellValue))) });
    },
    sim: async ({ host }) => {
      await host.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('客户信息').tables.add(`A1:${columnLetter(HEADER.length - 1)}7`, true).name = 'Kehu';
        await context.sync();
      });
    },
  });
  const checks = (values: unknown[][]) => ['电话检查', '邮箱检查', '价值分层', '重复组'].map((h) => column(values, h));
  expect(checks(table.sim.host.workbook.sheet('客户信息').values())).toEqual(checks(plain.sim.host.workbook.sheet('客户信息').values()));
  expect(checks(worksheetValues(table.cliOut.getWorksheet('客户信息')!))).toEqual(checks(worksheetValues(plain.cliOut.getWorksheet('客户信息')!)));
  expect(table.sim.host.workbook.tables.map((t) => t.name)).toContain('Kehu');
});

describe('a column with no header between the customer columns', () => {
  const rows = (): Cell[][] => smallLedger().map((row, r) => [...row.slice(0, 3), r === 0 ? null : `x${r}`, ...row.slice(3)]);
  it('sim: every action works; the summary is value tables (Excel needs a header on every pivot source column)', async () => {
    const { host, port } = sim(rows());
    const out = await runEach(port, () => simSnapshot(host));
    for (const name of ACTION_NAMES) expectOk(out[name]);
    expect(expectOk(out.buildSummary)).toMatchObject({ mode: 'values', fallback: 'headerless-column' });
  });
  it('xlsx: every action works (formula tables need no PivotTable)', async () => {
    const x = await xlsx(rows());
    const out = await runEach(x.port, () => xlsxSnapshot(x.port));
    for (const name of ACTION_NAMES) expectOk(out[name]);
  });
});
