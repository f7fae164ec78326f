/**
 * The summary sheet worth opening (issues 17 and 18): tiers and statuses in their fixed order, totals
 * that add up to the ledger's own rows and amounts (counted here from the fixture, not from the engine),
 * money in a money format, labels in the ledger's language, a region that appears after the first build
 * listed after a rebuild (and caught live in a file's summary), no user sheet written over, and the RFM
 * block only when the ledger has RFM columns. On the simulated Excel (pivots, values) and in .xlsx files.
 */
import ExcelJS from 'exceljs';
import { buildSummary, computeTiers } from '../../src/actions';
import { PALETTE } from '../../src/actions/palette';
import { isoToExcelSerial } from '../../src/core/calendar';
import type { Capabilities } from '../../src/workbook/port';
import { openXlsx } from '../helpers/exceljsRead';
import { simWith } from '../helpers/simLedger';

const NOW = new Date('2026-11-23T09:00:00Z');
const AS_OF = '2026-11-22';
const NO_PIVOTS: Capabilities = { kind: 'excel', pivotTables: false, dataValidation: true, conditionalFormats: true, charts: true, copySheet: true };
const AS_FILE: Capabilities = { kind: 'xlsx', pivotTables: false, dataValidation: true, conditionalFormats: true, charts: false, copySheet: true };

const ZH_HEADER = ['客户姓名', '联系电话', '电子邮箱', '地区', '来源渠道', '负责人', '累计消费金额', '首次购买日期', '最近购买日期', '购买次数'];
const EN_HEADER = ['Customer name', 'Phone', 'Email', 'Region', 'Channel', 'Owner', 'Total spend', 'First purchase', 'Last purchase', 'Orders'];
const REGIONS = ['北京', '上海', '广州', null, '深圳'];
const CHANNELS = ['线下活动', '官网表单', '老客户推荐'];
const OWNERS = ['王经理', '李经理', null];

/** 37 customers: amounts from 0 to a few thousand (one blank), purchases over 2025–2026, a few gaps. */
function ledgerRows(header: readonly string[], dateAsSerial = true): unknown[][] {
  const rows: unknown[][] = [[...header]];
  for (let i = 0; i < 37; i++) {
    const first = `202${5 + (i % 2)}-${String(1 + (i * 5) % 11).padStart(2, '0')}-0${1 + (i % 9)}`;
    const last = `2026-${String(1 + (i * 7) % 11).padStart(2, '0')}-1${i % 10}`;
    const date = (iso: string) => (dateAsSerial ? isoToExcelSerial(iso) : iso);
    rows.push([
      i === 5 ? null : `客户${i}`,
      i % 11 === 3 ? '123' : `1380013${String(8000 + i).padStart(4, '0')}`,
      i % 13 === 4 ? 'someone@gmial.com' : `c${i}@example.com`,
      REGIONS[i % REGIONS.length], CHANNELS[i % CHANNELS.length], OWNERS[i % OWNERS.length],
      i === 7 ? null : Math.round(((i * 7919) % 5000) * 100) / 100 + 0.5,
      i % 12 === 6 ? null : date(first),
      date(last),
      1 + (i % 6),
    ]);
  }
  return rows;
}

/** What the fixture holds, counted here: rows and the sum of amounts. */
function expected(rows: readonly unknown[][]) {
  const data = rows.slice(1);
  return {
    customers: data.length,
    revenue: Math.round(data.reduce((a: number, r) => a + (typeof r[6] === 'number' ? r[6] : 0), 0) * 100) / 100,
    regions: new Set(data.map((r) => (r[3] as string | null) ?? '（空白）')),
  };
}

type Grid = unknown[][];

/** The number format of a 0-based cell of a simulated sheet. */
const formatAt = (sheet: { cell(a: string): { numberFormat: string } }, row: number, col: number) => sheet.cell(`${String.fromCharCode(65 + col)}${row + 1}`).numberFormat;

/** A block of the summary: the header row after `title` in column A, its lines up to the next empty row. */
function block(values: Grid, title: string): { header: unknown[]; lines: unknown[][]; at: number } {
  const t = values.findIndex((r) => r[0] === title);
  expect({ title, found: t >= 0 }).toEqual({ title, found: true });
  const lines: unknown[][] = [];
  for (let i = t + 2; i < values.length && values[i]?.[0] !== null && values[i]?.[0] !== undefined && values[i]?.[0] !== ''; i++) lines.push(values[i]!);
  return { header: values[t + 1]!, lines, at: t + 1 };
}

const lastLine = (b: { lines: unknown[][] }) => b.lines[b.lines.length - 1]!;

describe('summary tables on the simulated Excel', () => {
  it.each([['pivot', undefined], ['values', NO_PIVOTS]] as const)('%s: tiers and statuses in order, totals = rows and amounts, money formatted', async (mode, capabilities) => {
    const rows = ledgerRows(ZH_HEADER);
    const want = expected(rows);
    const { host, port } = simWith({ 客户信息: rows });
    const r = await buildSummary({ port, locale: 'zh-CN', now: NOW, settings: { asOf: AS_OF }, ...(capabilities ? { capabilities } : {}) });
    expect(r.mode).toBe(mode);
    const sheet = host.workbook.sheet(r.summarySheet);
    const values = sheet.values();

    const tiers = block(values, '客户数：价值分层 × 客户状态');
    expect(tiers.header).toEqual(expect.arrayContaining(['价值分层', '活跃', '沉睡', '流失', '未知', '总计']));
    expect(tiers.header.slice(0, 6)).toEqual(['价值分层', '活跃', '沉睡', '流失', '未知', '总计']);
    expect(tiers.lines.map((l) => l[0])).toEqual(['高价值', '中价值', '低价值', '未知', '总计']);
    expect(lastLine(tiers)[5]).toBe(want.customers);
    // Each line's total is the sum of its statuses.
    for (const l of tiers.lines) expect((l.slice(1, 5) as number[]).reduce((a, b) => a + b, 0)).toBe(l[5]);

    const life = block(values, '客户数：价值分层 × 生命周期');
    expect(life.lines.map((l) => l[0])).toEqual(['高价值', '中价值', '低价值', '未知', '总计']);
    expect(lastLine(life)[life.header.indexOf('总计')]).toBe(want.customers);

    const region = block(values, '按地区');
    expect(region.header.slice(0, 5)).toEqual(['地区', '消费金额', '客户数', '平均消费', '金额占比']);
    expect(new Set(region.lines.slice(0, -1).map((l) => l[0]))).toEqual(want.regions);
    expect(lastLine(region)[1]).toBeCloseTo(want.revenue, 2);
    expect(lastLine(region)[2]).toBe(want.customers);
    expect((region.lines.slice(0, -1).map((l) => l[1]) as number[]).reduce((a, b) => a + b, 0)).toBeCloseTo(want.revenue, 2);
    // The blank region is last, after the named ones.
    expect(region.lines[region.lines.length - 2]![0]).toBe('（空白）');
    expect(formatAt(sheet, region.at + 1, 1)).toBe('#,##0.00');
    expect(formatAt(sheet, region.at + 1, 3)).toBe('#,##0.00');
    expect(formatAt(sheet, region.at + 1, 2)).toBe('#,##0');
    expect(formatAt(sheet, region.at + 1, 4)).toBe('0.0%');
    // Header rows in the add-in's header colour; lines plain.
    expect(sheet.cell(`B${region.at + 1}`).fill).toBe(PALETTE.header.fill);
    expect(sheet.cell(`B${region.at + 2}`).fill).toBeNull();
    for (const title of ['按来源渠道', '按负责人']) expect(lastLine(block(values, title))[1]).toBeCloseTo(want.revenue, 2);

    const owners = block(values, '客户数：负责人 × 客户状态');
    expect(owners.header.slice(0, 7)).toEqual(['负责人', '活跃', '沉睡', '流失', '未知', '总计', '高价值·沉睡或流失']);
    expect(lastLine(owners)[5]).toBe(want.customers);

    const months = block(values, '新客户：按首次购买月份（消费金额为这些客户的累计消费）');
    const labels = months.lines.slice(0, -1).map((l) => String(l[0]));
    const listed = labels.filter((l) => /^\d{4}-\d{2}$/.test(l));
    // Months in order, none missing between the first and the last.
    for (let i = 1; i < listed.length; i++) {
      const [y, m] = listed[i - 1]!.split('-').map(Number) as [number, number];
      expect(listed[i]).toBe(m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`);
    }
    expect(labels[labels.length - 1]).toBe('未知'); // the rows without a first purchase date
    expect(lastLine(months)[1]).toBe(want.customers);
    expect(lastLine(months)[2]).toBeCloseTo(want.revenue, 2);
    expect(formatAt(sheet, months.at + 1, 2)).toBe('#,##0.00');

    const quality = block(values, '数据质量');
    const q = new Map(quality.lines.map((l) => [l[0], l[1]]));
    expect(q.get('客户行数')).toBe(want.customers);
    expect(q.get('电话无效')).toBeGreaterThan(0);
    expect(q.get('姓名缺失')).toBe(rows.slice(1).filter((x) => x[0] === null).length);
    expect(r.tables).not.toContain('rfm');
    expect(values.flat()).not.toContain('RFM 分群');
    expect(host.workbook.charts).toHaveLength(1);
  });

  it('a region that appears after the first build is listed after a rebuild; the summary is still one sheet', async () => {
    const rows = ledgerRows(ZH_HEADER);
    const { host, port } = simWith({ 客户信息: rows });
    const ctx = { port, locale: 'zh-CN' as const, now: NOW, settings: { asOf: AS_OF } };
    const first = await buildSummary(ctx);
    expect(block(host.workbook.sheet(first.summarySheet).values(), '按地区').lines.map((l) => l[0])).not.toContain('新疆');
    host.workbook.sheet('客户信息').write(`A${rows.length + 1}`, [['新客户', '13800139999', 'x@example.com', '新疆', '线下活动', '王经理', 123.45, isoToExcelSerial('2026-11-01'), isoToExcelSerial('2026-11-01'), 1]]);
    const again = await buildSummary(ctx);
    expect(again.summarySheet).toBe(first.summarySheet);
    expect(host.workbook.sheetNames().filter((n) => n.startsWith('客户汇总'))).toEqual([first.summarySheet]);
    const region = block(host.workbook.sheet(again.summarySheet).values(), '按地区');
    expect(region.lines.find((l) => l[0] === '新疆')?.[1]).toBe(123.45);
    expect(lastLine(region)[2]).toBe(rows.length);
    // The pivots were replaced, not added to.
    expect(host.workbook.pivots.length).toBe(again.pivots.length);
  });

  it("a file's summary (live formulas) catches a region typed in after the build instead of dropping it", async () => {
    const rows = ledgerRows(ZH_HEADER);
    const { host, port } = simWith({ 客户信息: rows });
    const r = await buildSummary({ port, locale: 'zh-CN', now: NOW, settings: { asOf: AS_OF }, capabilities: AS_FILE });
    expect(r.mode).toBe('formulas');
    const before = block(host.workbook.sheet(r.summarySheet).values(), '按地区');
    const notListed = before.lines.findIndex((l) => String(l[0]).startsWith('其他（汇总后新增'));
    expect(before.lines[notListed]![1]).toBe(0);
    // Row 3 of the ledger (客户1, 上海) moves to a region the table does not list.
    const amount = rows[2]![6] as number;
    host.workbook.sheet('客户信息').write('D3', [['新疆']]);
    const after = block(host.workbook.sheet(r.summarySheet).values(), '按地区');
    expect(after.lines[notListed]![1]).toBeCloseTo(amount, 2);
    expect(lastLine(after)[1]).toBeCloseTo(expected(rows).revenue, 2);
  });

  it("never writes over a user's sheet named like the summary", async () => {
    const rows = ledgerRows(ZH_HEADER);
    const mine = [['我的汇总'], ['北京', 1]];
    const { host, port } = simWith({ 客户信息: rows, 客户汇总: mine });
    const r = await buildSummary({ port, locale: 'zh-CN', now: NOW, settings: { asOf: AS_OF } });
    expect(r.summarySheet).not.toBe('客户汇总');
    expect(host.workbook.sheet('客户汇总').values().map((row) => row.filter((v) => v !== ''))).toEqual(mine);
    await buildSummary({ port, locale: 'zh-CN', now: NOW, settings: { asOf: AS_OF } });
    expect(host.workbook.sheet('客户汇总').values().map((row) => row.filter((v) => v !== ''))).toEqual(mine);
    expect(host.workbook.sheetNames().filter((n) => n.startsWith('客户汇总'))).toHaveLength(2);
  });

  it('English ledger: English labels in the same fixed order', async () => {
    const rows = ledgerRows(EN_HEADER);
    const { host, port } = simWith({ Customers: rows });
    const r = await buildSummary({ port, locale: 'en-US', now: NOW, settings: { asOf: AS_OF } });
    const values = host.workbook.sheet(r.summarySheet).values();
    const tiers = block(values, 'Customers: value tier × status');
    expect(tiers.header.slice(0, 6)).toEqual(['Value tier', 'Active', 'Dormant', 'Lost', 'Unknown', 'Total']);
    expect(tiers.lines.map((l) => l[0])).toEqual(['High', 'Medium', 'Low', 'Unknown', 'Total']);
    const region = block(values, 'By region');
    expect(region.header.slice(0, 5)).toEqual(['Region', 'Revenue', 'Customers', 'Average', 'Share of revenue']);
    expect(region.lines[region.lines.length - 2]![0]).toBe('(blank)');
    expect(block(values, 'Data quality').lines[0]!.slice(0, 2)).toEqual(['Customer rows', expected(rows).customers]);
    // None of the sheet's own words in Chinese (the regions and owners are the ledger's cells).
    for (const zh of ['总计', '未知', '客户数', '消费金额', '（空白）', '高价值', '数据质量']) expect(values.flat()).not.toContain(zh);
  });

  it('the RFM block appears once the ledger has RFM columns: every segment, its count and what it means', async () => {
    const rows = ledgerRows(ZH_HEADER);
    const { host, port } = simWith({ 客户信息: rows });
    const ctx = { port, locale: 'zh-CN' as const, now: NOW, settings: { asOf: AS_OF } };
    await computeTiers(ctx, { rfm: true });
    const r = await buildSummary(ctx);
    expect(r.tables).toContain('rfm');
    const rfm = block(host.workbook.sheet(r.summarySheet).values(), 'RFM 分群');
    expect(rfm.header.slice(0, 4)).toEqual(['分群', '客户数', '消费金额', '含义']);
    expect(rfm.lines.map((l) => l[0])).toEqual(['重要价值客户', '忠诚客户', '潜力客户', '新客户', '有望发展', '需要关注', '即将沉睡', '流失风险', '重要挽留客户', '沉睡客户', '未知', '总计']);
    for (const l of rfm.lines.slice(0, -1)) expect(typeof l[3] === 'string' && l[3].length > 4).toBe(true);
    expect(lastLine(rfm)[1]).toBe(expected(rows).customers);
    // The segment counts are the ones written into the ledger's own RFM column.
    const ledger = host.workbook.sheet('客户信息').values();
    const segCol = ledger[0]!.indexOf('RFM 分群');
    const written = new Map<string, number>();
    for (const row of ledger.slice(1)) if (row[segCol]) written.set(String(row[segCol]), (written.get(String(row[segCol])) ?? 0) + 1);
    for (const l of rfm.lines.slice(0, 10)) expect([l[0], l[1]]).toEqual([l[0], written.get(String(l[0])) ?? 0]);
  });
});

describe('a ledger without an amount column', () => {
  it('counts customers per group and sums nothing', async () => {
    const rows = ledgerRows(ZH_HEADER).map((r) => [...r.slice(0, 6), ...r.slice(7)]);
    const { host, port } = simWith({ 客户信息: rows });
    const r = await buildSummary({ port, locale: 'zh-CN', now: NOW, settings: { asOf: AS_OF } });
    const values = host.workbook.sheet(r.summarySheet).values();
    const region = block(values, '按地区');
    expect(region.header.filter((h) => h !== '')).toEqual(['地区', '客户数']);
    expect(lastLine(region)[1]).toBe(rows.length - 1);
    expect(block(values, '新客户：按首次购买月份').header.filter((h) => h !== '')).toEqual(['月份', '客户数']);
    expect(values.flat()).not.toContain('消费金额');
  });
});

describe('summary tables in an .xlsx file', () => {
  it('money formats, tier order and live formulas; totals = rows', async () => {
    const rows = ledgerRows(ZH_HEADER, false);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户信息');
    for (const row of rows) ws.addRow(row);
    const x = await openXlsx(wb);
    const r = await buildSummary({ port: x.port, locale: 'zh-CN', now: NOW, settings: { asOf: AS_OF } });
    expect(r.mode).toBe('formulas');
    const out = (await x.reload()).getWorksheet(r.summarySheet)!;
    const firstColumn: unknown[] = [];
    out.eachRow({ includeEmpty: true }, (row, n) => { firstColumn[n - 1] = row.getCell(1).value; });
    const t = firstColumn.indexOf('客户数：价值分层 × 客户状态') + 1; // 0-based row of the header
    expect(firstColumn.slice(t + 1, t + 6)).toEqual(['高价值', '中价值', '低价值', '未知', '总计']);
    expect(out.getRow(t + 2).getCell(2).formula).toMatch(/^COUNTIFS\(/);
    const reg = firstColumn.indexOf('按地区') + 2; // 0-based row of the first line
    const revenue = out.getRow(reg + 1).getCell(2);
    expect(revenue.numFmt).toBe('#,##0.00');
    expect(out.getRow(reg + 1).getCell(3).numFmt).toBe('#,##0');
    const qt = firstColumn.indexOf('客户行数');
    expect(out.getRow(qt + 1).getCell(2).value).toBe(rows.length - 1);
  });
});
