/**
 * Hostile workbook structures through both adapters: nothing to work on, odd headers, merged cells,
 * many sheets. Each gets a correct result or a clear refusal that changes nothing.
 */
import type ExcelJS from 'exceljs';
import { loadLedger } from '../../src/actions';
import { HEADER, seedSim, seedXlsx, smallLedger, type Cell } from './cells';
import {
  ACTION_NAMES, cleanTemp, ctxFor, expectCliOk, expectCliRefusal, expectOk, expectUserError, runEach,
  simSnapshot, simWorkbook, xlsxSnapshot, xlsxWorkbook,
} from './harness';
import { worksheetValues } from '../helpers/exceljsRead';
import { cellText } from '../../src/core/text';

afterAll(cleanTemp);

function sim(sheets: Record<string, Cell[][]>) {
  const c = simWorkbook({});
  for (const [name, rows] of Object.entries(sheets)) {
    c.host.workbook.addSheet(name);
    seedSim(c.host, name, rows);
  }
  return c;
}
function xlsx(sheets: Record<string, Cell[][]>, more?: (wb: ExcelJS.Workbook) => void) {
  return xlsxWorkbook((wb) => {
    for (const [name, rows] of Object.entries(sheets)) seedXlsx(wb.addWorksheet(name), rows);
    more?.(wb);
  });
}

/** Cases where no action has anything to work on: every action refuses with the same clear message. */
const NOTHING: [string, Record<string, Cell[][]>][] = [
  ['an empty workbook (one blank sheet)', { Sheet1: [] }],
  ['a sheet with no customer columns', { 库存: [['产品', '规格', '数量', '单价'], ['螺丝', 'M3', 100, 0.2], ['螺母', 'M3', 200, 0.1]] }],
  ['a title-only sheet', { 客户: [['2026 年客户台账（内部）']] }],
  ['a sheet of numbers only', { Data: [[1, 2, 3], [4, 5, 6]] }],
];

describe.each(NOTHING)('%s', (_label, sheets) => {
  it('sim: every action refuses clearly and writes nothing', async () => {
    const { host, port } = sim(sheets);
    const outcomes = await runEach(port, () => simSnapshot(host));
    for (const name of ACTION_NAMES) expectUserError(outcomes[name], /customer list|customer columns/);
    expect(host.workbook.sheetNames()).toEqual(Object.keys(sheets));
  });
  it('xlsx: every action refuses clearly and writes nothing; the CLI exits 2 with one line', async () => {
    const { port, file } = await xlsx(sheets);
    const outcomes = await runEach(port, () => xlsxSnapshot(port));
    for (const name of ACTION_NAMES) expectUserError(outcomes[name], /customer list|customer columns/);
    await expectCliRefusal(file, /customer list/);
    // analyze too
  });
});

it('a workbook with no sheets at all (exceljs can write one) is refused, not a crash', async () => {
  const { port, file } = await xlsxWorkbook(() => undefined);
  const outcomes = await runEach(port, () => null);
  for (const name of ACTION_NAMES) expectUserError(outcomes[name]);
  await expectCliRefusal(file);
});

describe('header only (no customers yet)', () => {
  const sheets = { 客户信息: [HEADER] as Cell[][] };
  const check = (values: unknown[][]) => {
    const header = values[0]!.map((v) => cellText(v));
    expect(header.slice(0, HEADER.length)).toEqual(HEADER);
    expect(header).toEqual(expect.arrayContaining(['电话检查', '邮箱检查']));
    // Nothing below the header: no row of blanks or stray statuses.
    for (const row of values.slice(1)) expect(row.map((v) => cellText(v)).join('')).toBe('');
  };
  it('sim: check columns get their headers, tiers/duplicates work on zero rows; the summary is value tables', async () => {
    const { host, port } = sim(sheets);
    const outcomes = await runEach(port, () => simSnapshot(host));
    for (const name of ACTION_NAMES) expectOk(outcomes[name]);
    // Excel cannot make a PivotTable from a header alone (it used to fail after writing half the summary).
    expect(expectOk(outcomes.buildSummary)).toMatchObject({ mode: 'values', fallback: 'no-data-rows', pivots: [] });
    check(host.workbook.sheet('客户信息').values());
    expect((outcomes.findDuplicates as { value: { groups: unknown[] } }).value.groups).toEqual([]);
  });
  it('xlsx: the same (formula tables need no data row), and the CLI exits 0', async () => {
    const x = await xlsx(sheets);
    const { port, file } = x;
    const outcomes = await runEach(port, () => xlsxSnapshot(port));
    for (const name of ACTION_NAMES) expectOk(outcomes[name]);
    check(worksheetValues((await x.refresh()).getWorksheet('客户信息')!));
    const { wb: out } = await expectCliOk(file);
    check(worksheetValues(out.getWorksheet('客户信息')!));
  });
});

/** Checks on the small ledger wherever its header sits: statuses on the right rows. */
function expectChecked(values: unknown[][], headerRow: number) {
  const header = values[headerRow - 1]!.map((v) => cellText(v));
  const col = (h: string) => header.indexOf(h);
  const phone = col('电话检查');
  const email = col('邮箱检查');
  const group = col('重复组');
  expect(phone).toBeGreaterThanOrEqual(HEADER.length);
  const at = (offset: number, c: number) => cellText(values[headerRow - 1 + offset]?.[c]);
  expect(at(1, phone)).toBe('');
  expect(at(3, phone)).toMatch(/^无效/);
  expect(at(2, email)).toMatch(/^可疑/);
  expect(at(3, email)).toMatch(/^无效/);
  expect(at(6, phone)).toBe('空');
  expect(at(1, group)).not.toBe('');
  expect(at(1, group)).toBe(at(5, group));
  expect(at(2, group)).toBe('');
}

describe('merged cells in the header and the data, two header rows', () => {
  // Row 1: a banner merged over the whole width; row 2: group headings merged over their columns;
  // row 3: the real header. In the data a company is merged over the two rows of the same customer.
  const rows = (): Cell[][] => {
    const base = smallLedger();
    return [
      ['客户台账 2026', null, null, null, null, null, null, null],
      ['基本信息', null, '联系方式', null, '交易', null, null, null],
      ...base,
    ];
  };
  it('sim with real merges (values as Office.js returns them for merged areas: the top-left cell only)', async () => {
    const { host, port } = sim({ 客户信息: rows() });
    const s = host.workbook.sheet('客户信息');
    for (const a of ['A1:H1', 'A2:B2', 'C2:D2', 'E2:G2', 'B4:B5']) s.merge(a); // B5's company is cleared, as Excel does
    expect(s.values()[4]![1]).toBe('');
    const outcomes = await runEach(port, () => simSnapshot(host));
    for (const name of ACTION_NAMES) expectOk(outcomes[name]);
    const ledger = await loadLedger(ctxFor(port));
    expect(ledger.headerIndex).toBe(2);
    expectChecked(host.workbook.sheet('客户信息').values(), 3);
    // The banner rows are untouched, the merges are still there.
    expect(host.workbook.sheet('客户信息').values()[0]!.slice(1).every((v) => v === '')).toBe(true);
    expect(s.merges()).toEqual(['A1:H1', 'A2:B2', 'C2:D2', 'E2:G2', 'B4:B5']);
  });
  it('xlsx with real merges', async () => {
    const x = await xlsx({ 客户信息: rows() }, (w) => {
      const ws = w.getWorksheet('客户信息')!;
      ws.mergeCells('A1:H1');
      ws.mergeCells('A2:B2');
      ws.mergeCells('C2:D2');
      ws.mergeCells('E2:G2');
      ws.mergeCells('B4:B5'); // a merged data cell (company over two customers)
    });
    const { port, file } = x;
    const outcomes = await runEach(port, () => xlsxSnapshot(port));
    for (const name of ACTION_NAMES) expectOk(outcomes[name]);
    expectChecked(worksheetValues((await x.refresh()).getWorksheet('客户信息')!), 3);
    const { wb: out } = await expectCliOk(file);
    const ws = out.getWorksheet('客户信息')!;
    expectChecked(worksheetValues(ws), 3);
    // The merges are still there.
    expect(ws.getCell('H1').isMerged).toBe(true);
    expect(ws.getCell('B5').isMerged).toBe(true);
  });
});

describe('many sheets', () => {
  const sheets = (): Record<string, Cell[][]> => ({
    说明: [['本工作簿记录客户与订单。'], ['请勿删除。']],
    产品: [['产品', '单价', '库存'], ['A', 1, 2]],
    客户信息: smallLedger(),
    订单: [['订单号', '日期', '金额'], ['D1', 46000, 100]],
  });
  it('sim: the customer sheet is picked, others untouched', async () => {
    const { host, port } = sim(sheets());
    const before = ['说明', '产品', '订单'].map((n) => host.workbook.sheet(n).values());
    const outcomes = await runEach(port, () => simSnapshot(host));
    for (const name of ACTION_NAMES) expectOk(outcomes[name]);
    expectChecked(host.workbook.sheet('客户信息').values(), 1);
    expect(['说明', '产品', '订单'].map((n) => host.workbook.sheet(n).values())).toEqual(before);
  });
  it('xlsx + CLI: the same', async () => {
    const { file } = await xlsx(sheets());
    const { wb } = await expectCliOk(file);
    expectChecked(worksheetValues(wb.getWorksheet('客户信息')!), 1);
    expect(worksheetValues(wb.getWorksheet('产品')!).map((r) => r.map((v) => cellText(v)))).toEqual([['产品', '单价', '库存'], ['A', '1', '2']]);
  });

  const tie = (): Record<string, Cell[][]> => ({ 客户A: smallLedger(), 客户B: smallLedger() });
  it('sim: two equally good customer sheets: the first in tab order, and the ledger says which others tied', async () => {
    const { host, port } = sim(tie());
    const ledger = await loadLedger(ctxFor(port));
    expect(ledger.sheet).toBe('客户A');
    expect(ledger.alternatives).toEqual(['客户B']);
    const outcomes = await runEach(port, () => simSnapshot(host));
    for (const name of ACTION_NAMES) expectOk(outcomes[name]);
    expectChecked(host.workbook.sheet('客户A').values(), 1);
    // Once chosen, the choice is stored: the other sheet is never written to.
    expect(host.workbook.sheet('客户B').values()[0]!.length).toBe(HEADER.length);
  });
  it('xlsx + CLI: the choice is reported in the output', async () => {
    const { file } = await xlsx(tie());
    const { wb, stdout } = await expectCliOk(file);
    expect(stdout).toMatch(/客户A/);
    expect(stdout).toMatch(/客户B/);
    expect(stdout).toMatch(/--sheet/);
    expect(worksheetValues(wb.getWorksheet('客户B')!)[0]!.length).toBe(HEADER.length);
    expectChecked(worksheetValues(wb.getWorksheet('客户A')!), 1);
  });
});

describe('odd places and names', () => {
  it("a sheet name with an apostrophe, spaces and brackets: every formula the add-in writes still points at it", async () => {
    const name = "O'Brien 客户 (2026)";
    const { host, port } = sim({ [name]: smallLedger() });
    const outcomes = await runEach(port, () => simSnapshot(host));
    for (const n of ACTION_NAMES) expectOk(outcomes[n]);
    expectChecked(host.workbook.sheet(name).values(), 1);
    // The summary's numbers are computed by the sim from formulas/pivots over that sheet: six customers.
    const summary = host.workbook.sheetNames().find((n) => /汇总|Summary/.test(n))!;
    const text = JSON.stringify(host.workbook.sheet(summary).values());
    expect(text).not.toMatch(/#REF!|#NAME\?|#VALUE!/);
    const { file } = await xlsx({ [name]: smallLedger() });
    const { wb } = await expectCliOk(file);
    expectChecked(worksheetValues(wb.getWorksheet(name)!), 1);
    // Every formula that names the sheet quotes it properly ('O''Brien …'!): tier thresholds, COUNTIFS/SUMIFS.
    const formulas: string[] = [];
    wb.worksheets.forEach((ws) => ws.eachRow((row) => row.eachCell((cell) => { if (cell.formula) formulas.push(cell.formula); })));
    const refs = formulas.filter((f) => f.includes('Brien'));
    expect(refs.some((f) => /^COUNTIFS\(/.test(f))).toBe(true);
    for (const f of refs) expect(f.replace(/'O''Brien 客户 \(2026\)'!/g, '')).not.toContain('Brien');
  });

  it('data that starts at C5 (blank rows above, blank columns to the left)', async () => {
    const shifted = [[], [], [], [], ...smallLedger().map((r) => [null, null, ...r])] as Cell[][];
    const { host, port } = sim({ 客户信息: shifted });
    const outcomes = await runEach(port, () => simSnapshot(host));
    for (const n of ACTION_NAMES) expectOk(outcomes[n]);
    // The PivotTable's source starts at the first headed column (C), not at the blank column A.
    expect(expectOk(outcomes.buildSummary)).toMatchObject({ mode: 'pivot' });
    expect(host.workbook.pivots.length).toBeGreaterThan(0);
    const values = host.workbook.sheet('客户信息').values();
    expectChecked(values.map((r) => r.slice(2)), 5);
    const { file } = await xlsx({ 客户信息: shifted });
    const { wb } = await expectCliOk(file);
    expectChecked(worksheetValues(wb.getWorksheet('客户信息')!).map((r) => r.slice(2)), 5);
  });

  it('two phone-like columns (手机 and 电话): one is checked, the other kept as it was', async () => {
    const rows = smallLedger().map((r, i) => [...r, i === 0 ? '电话' : '010-62345678']) as Cell[][];
    rows[0]![2] = '手机';
    const { host, port } = sim({ 客户信息: rows });
    const outcomes = await runEach(port, () => simSnapshot(host));
    for (const n of ACTION_NAMES) expectOk(outcomes[n]);
    const values = host.workbook.sheet('客户信息').values();
    expect(values.slice(1).map((r) => r[8])).toEqual(Array(6).fill('010-62345678'));
    expect(values[0]!.filter((h) => h === '电话检查')).toHaveLength(1);
  });
});

it('the last-row helper survives a million data rows (Math.max(...rows) overflows the stack there)', async () => {
  const { lastRowIndexOf } = await import('../../src/actions/context');
  const rows = Array.from({ length: 1_048_575 }, (_, i) => ({ row: i + 2 }));
  expect(() => Math.max(...rows.map((r) => r.row))).toThrow(RangeError);
  expect(lastRowIndexOf({ headerIndex: 0, report: { rows } as never })).toBe(1_048_575);
});

it('analyze reports a tie between customer sheets on stderr and keeps stdout for the report', async () => {
  const { file } = await xlsx({ 客户A: smallLedger(), 客户B: smallLedger() });
  const { cli } = await import('./harness');
  const r = await cli(['analyze', file, '--json']);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.out).sheet).toBe('客户A');
  expect(r.err).toMatch(/"客户A" and "客户B".*--sheet/);
});
