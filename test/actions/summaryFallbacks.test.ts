/**
 * Where a PivotTable cannot be made (Excel refuses a source without a data row or with a headerless
 * column), the summary is still built, as value tables, and says why; a sheet whose data starts at C5
 * gets its pivots from its own columns; formulas quote a sheet name holding an apostrophe.
 */
import { buildSummary } from '../../src/actions';
import { simWith } from '../helpers/simLedger';
import { openXlsx } from '../helpers/exceljsRead';
import ExcelJS from 'exceljs';

const NOW = new Date('2026-11-23T09:00:00Z');
const HEADER = ['姓名', '手机', '地区', '累计消费', '最近购买日期'];
const rows = (): unknown[][] => [
  HEADER,
  ['张伟', '13800138000', '北京', 1200, 46000],
  ['李娜', '13900139000', '上海', 800, 45500],
  ['王芳', '13700137000', '北京', 300, 45900],
];
const ctx = (port: never) => ({ port, locale: 'zh-CN' as const, now: NOW, settings: { asOf: '2026-11-22' } });

describe('buildSummary fallbacks', () => {
  it('header only: value tables of zeros, no PivotTable, and the reason', async () => {
    const { host, port } = simWith({ 客户信息: [HEADER] });
    const r = await buildSummary(ctx(port as never));
    expect(r).toMatchObject({ mode: 'values', fallback: 'no-data-rows', pivots: [] });
    expect(host.workbook.pivots).toHaveLength(0);
    expect(host.workbook.sheetNames()).toContain('客户汇总');
  });

  it('a headerless column inside the data: value tables with the engine’s numbers', async () => {
    const values = rows().map((r, i) => [...r.slice(0, 2), i === 0 ? null : `x${i}`, ...r.slice(2)]);
    const { host, port } = simWith({ 客户信息: values });
    const r = await buildSummary(ctx(port as never));
    expect(r).toMatchObject({ mode: 'values', fallback: 'headerless-column' });
    expect(host.workbook.sheet('客户汇总').values().flat()).toContain(2300);
  });

  it('data starting at C5: PivotTables over C5 onwards', async () => {
    const shifted = [[], [], [], [], ...rows().map((r) => [null, null, ...r])];
    const { host, port } = simWith({ 客户信息: shifted });
    const r = await buildSummary(ctx(port as never));
    expect(r.mode).toBe('pivot');
    expect(r.fallback).toBeUndefined();
    expect(host.workbook.pivots.length).toBeGreaterThan(0);
    expect(host.workbook.sheet('客户汇总').values().flat()).toContain(2300);
  });

  it("xlsx: COUNTIFS/SUMIFS quote a sheet name with an apostrophe", async () => {
    const wb = new ExcelJS.Workbook();
    const name = "O'Brien 客户";
    const ws = wb.addWorksheet(name);
    for (const r of rows()) ws.addRow(r);
    const x = await openXlsx(wb);
    const r = await buildSummary(ctx(x.port as never));
    expect(r.mode).toBe('formulas');
    const formulas: string[] = [];
    (await x.reload()).getWorksheet('客户汇总')!.eachRow((row) => row.eachCell((cell) => { if (cell.formula) formulas.push(cell.formula); }));
    const refs = formulas.filter((f) => /IFS\(/.test(f));
    expect(refs.length).toBeGreaterThan(0);
    for (const f of refs) expect(f).toContain("'O''Brien 客户'!");
  });
});
