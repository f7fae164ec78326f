/**
 * The summary's SUMIFS formulas (mode 'formulas', what .xlsx files get) are built from the user's cell
 * values: each must sum exactly its own group, whatever the text holds (wildcards, comparison signs,
 * the escape character, case twins), and a group whose formula Excel could not hold (a text literal over
 * 255 characters, a formula over 8,192) gets the computed number instead. Evaluated by the simulator's
 * formula engine; the exceljs adapter's formula text is checked too.
 */
import ExcelJS from 'exceljs';
import { buildSummary } from '../../src/actions';
import type { Capabilities } from '../../src/workbook/port';
import { openXlsx } from '../helpers/exceljsRead';
import { seedSim } from '../hostile/cells';
import { simWorkbook } from '../hostile/harness';

const NOW = new Date('2026-11-23T09:00:00Z');
/** The simulator's host, but planned as for a file: live COUNTIFS/SUMIFS formulas. */
const AS_FILE: Capabilities = { kind: 'xlsx', pivotTables: false, dataValidation: true, conditionalFormats: true, charts: false, copySheet: true };

const LONG = 'x'.repeat(10_000);
const OVER_LITERAL = `y${'*'.repeat(150)}z`; // 152 characters, 302 once the wildcards are escaped
const REGIONS = ['*', '>0', '=', 'a~b', '?', '=x', '<>', 'a*b', 'abb', 'East', 'EAST', LONG, OVER_LITERAL, '', '~*', '>=5'];

function ledger(): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [['客户姓名', '联系电话', '地区', '累计消费金额']];
  REGIONS.forEach((region, i) => {
    rows.push([`客户${i}`, `1380013${String(8000 + i).padStart(4, '0')}`, region === '' ? null : region, 2 ** i]);
  });
  // A second customer in the '*' region, so its sum is not one amount.
  rows.push(['客户甲', '13900139000', '*', 100_000]);
  return rows;
}

/** The engine's sum per region, from the rows themselves (blank → the blank group). */
function expectedSums(): Map<string, number> {
  const sums = new Map<string, number>();
  for (const [, , region, amount] of ledger().slice(1)) {
    const key = (region as string | null) ?? '';
    sums.set(key, (sums.get(key) ?? 0) + (amount as number));
  }
  return sums;
}

describe('SUMIFS criteria built from cell values (evaluated by the simulator)', () => {
  it('every region sums exactly its own rows; the long ones are plain numbers', async () => {
    const { host, port } = simWorkbook({});
    seedSim(host, '客户', ledger());
    const r = await buildSummary({ port, locale: 'zh-CN', now: NOW, settings: { asOf: '2026-11-22' }, capabilities: AS_FILE });
    expect(r.mode).toBe('formulas');
    const sheet = host.workbook.sheet(r.summarySheet);
    const values = sheet.values();
    const formulas = sheet.formulas();
    // The region table: its title, then its header row (the ledger's own header), label in A, revenue in B.
    const at = values.findIndex((row) => row[0] === '按地区') + 1;
    expect(values[at]?.[0]).toBe('地区');
    const got = new Map<string, { value: unknown; formula: unknown }>();
    let i = at + 1;
    for (; i < values.length && !String(values[i]?.[0]).startsWith('其他（汇总后新增'); i++) {
      const label = String(values[i]![0]);
      got.set(label === '（空白）' ? '' : label, { value: values[i]![1], formula: formulas[i]![1] });
    }
    // The line that catches regions added after the build: nothing yet.
    expect(values[i]![1]).toBe(0);
    const expected = expectedSums();
    expect(new Set(got.keys())).toEqual(new Set(expected.keys()));
    for (const [region, sum] of expected) expect({ region: region.slice(0, 20), sum: got.get(region)!.value }).toEqual({ region: region.slice(0, 20), sum });
    // Text Excel could not hold as a criterion, and case twins Excel would not tell apart: numbers.
    const asValues = new Set([LONG, OVER_LITERAL, 'East', 'EAST']);
    for (const [region, cell] of got) {
      const formula = typeof cell.formula === 'string' && cell.formula.startsWith('=') ? cell.formula : null;
      expect({ region: region.slice(0, 20), formula: asValues.has(region) ? formula : formula?.slice(0, 8) })
        .toEqual({ region: region.slice(0, 20), formula: asValues.has(region) ? null : '=SUMIFS(' });
    }
    // The grand total is still a formula over the whole column.
    const total = values.findIndex((row, k) => k > at && row[0] === '总计');
    expect(formulas[total]![1]).toMatch(/^=SUM\(/);
    expect(values[total]![1]).toBe([...expected.values()].reduce((a, b) => a + b, 0));
  });
});

describe('SUMIFS criteria through the exceljs adapter', () => {
  it('writes "="&"text" with ~ escapes, and the computed number where Excel could not hold the formula', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    for (const row of ledger()) ws.addRow(row);
    const x = await openXlsx(wb);
    const r = await buildSummary({ port: x.port, locale: 'zh-CN', now: NOW, settings: { asOf: '2026-11-22' } });
    expect(r.mode).toBe('formulas');
    const out = (await x.reload()).getWorksheet(r.summarySheet)!;
    const cells = new Map<string, ExcelJS.Cell>();
    out.eachRow((row) => {
      const label = row.getCell(1).value;
      if (typeof label === 'string') cells.set(label, row.getCell(2));
    });
    expect(cells.get('*')!.formula).toMatch(/,"="&"~\*"\)$/);
    expect(cells.get('a~b')!.formula).toMatch(/,"="&"a~~b"\)$/);
    expect(cells.get('?')!.formula).toMatch(/,"="&"~\?"\)$/);
    expect(cells.get('>0')!.formula).toMatch(/,"="&">0"\)$/);
    expect(cells.get('（空白）')!.formula).toMatch(/,""\)$/);
    expect(cells.get(LONG)!.formula).toBeUndefined();
    expect(cells.get(LONG)!.value).toBe(expectedSums().get(LONG));
    expect(cells.get(OVER_LITERAL)!.formula).toBeUndefined();
    expect(cells.get(OVER_LITERAL)!.value).toBe(expectedSums().get(OVER_LITERAL));
  });
});
