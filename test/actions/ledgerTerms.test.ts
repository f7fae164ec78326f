/**
 * One term per idea, the ledger's (issue 17, "Words"): a ledger whose own cells say 休眠 gets 休眠 in
 * the status column, its rule, the summary, the RFM segments and the settings sheet — never 沉睡 beside
 * it; a ledger that says neither keeps 沉睡; an English ledger says Dormant. A workbook the add-in
 * already wrote 沉睡 into is moved to 休眠 with one rule, not two, and "remove what the add-in added"
 * still finds the rule.
 */
import ExcelJS from 'exceljs';
import { buildSummary, computeTiers, planRemoveAdded, removeAdded, type ActionContext } from '../../src/actions';
import { isoToExcelSerial } from '../../src/core/calendar';
import type { Capabilities } from '../../src/workbook/port';
import { openXlsx, worksheetValues } from '../helpers/exceljsRead';
import { simWith } from '../helpers/simLedger';

const NOW = new Date('2026-11-23T09:00:00Z');
const AS_OF = '2026-11-22';
const NO_PIVOTS: Capabilities = { kind: 'excel', pivotTables: false, dataValidation: true, conditionalFormats: true, charts: true, copySheet: true };
const day = (iso: string) => isoToExcelSerial(iso);

/** Last purchases 10, 200 and 800 days before AS_OF: active, dormant, lost under the default 90/365 days. */
function ledger(notes: readonly (string | null)[]): unknown[][] {
  const rows: unknown[][] = [['客户姓名', '联系电话', '负责人', '累计消费金额', '最近购买日期', '购买次数', '备注']];
  const last = [day('2026-11-12'), day('2026-05-06'), day('2024-09-13')];
  for (let i = 0; i < 12; i++) {
    rows.push([`客户${i}`, `1380013${String(8000 + i).padStart(4, '0')}`, i % 2 ? '王经理' : '李经理', 100 * (i + 1), last[i % 3], 1 + (i % 4), notes[i] ?? null]);
  }
  return rows;
}
const SAYS_XIUMIAN = ['休眠客户，月底回访', null, '老客户', '休眠'];

function allText(host: ReturnType<typeof simWith>['host']): string {
  return host.workbook.sheetNames().map((n) => host.workbook.sheet(n).values().flat().map((v) => String(v ?? '')).join('|')).join('\n');
}

const statusColumn = (values: unknown[][]) => values[0]!.indexOf('客户状态');
const dormantRules = (host: ReturnType<typeof simWith>['host'], sheet: string) =>
  host.workbook.conditionalFormats.filter((c) => c.sheet === sheet && /沉睡|休眠/.test(c.formula ?? ''));

describe('the ledger\'s word for a dormant customer', () => {
  it('a ledger that says 休眠: status cells, rule, summary, RFM and settings all say 休眠, none 沉睡', async () => {
    const { host, port } = simWith({ 客户信息: ledger(SAYS_XIUMIAN) });
    const ctx: ActionContext = { port, locale: 'zh-CN', now: NOW, settings: { asOf: AS_OF }, capabilities: NO_PIVOTS };
    const tiers = await computeTiers(ctx, { rfm: true });
    expect(tiers.terms.dormant).toBe('休眠');
    const values = host.workbook.sheet('客户信息').values();
    const col = statusColumn(values);
    expect(col).toBeGreaterThan(6);
    // Counted from the fixture: every third customer bought 200 days ago.
    expect(values.slice(1).filter((r) => r[col] === '休眠')).toHaveLength(4);
    expect(dormantRules(host, '客户信息').map((c) => c.formula)).toEqual([expect.stringContaining('"休眠"')]);

    const summary = await buildSummary(ctx);
    const sheet = host.workbook.sheet(summary.summarySheet).values();
    const header = sheet.find((r) => r[0] === '价值分层' && r.includes('活跃'))!;
    const dormantAt = header.indexOf('休眠');
    expect(dormantAt).toBeGreaterThan(0);
    const totals = sheet[sheet.indexOf(header) + 5]!; // 高 中 低 未知, then the totals
    expect(totals[dormantAt]).toBe(4);
    expect(sheet.flat()).toContain('高价值·休眠或流失');
    expect(allText(host)).not.toContain('沉睡');
    expect(allText(host)).toMatch(/最近活动距今 ≤ 此天数为休眠/);
  });

  it('a ledger that says neither keeps the add-in\'s 沉睡; an English ledger says Dormant', async () => {
    const zh = simWith({ 客户信息: ledger([]) });
    const r = await computeTiers({ port: zh.port, locale: 'zh-CN', now: NOW, settings: { asOf: AS_OF }, capabilities: NO_PIVOTS });
    expect(r.terms.dormant).toBe('沉睡');
    expect(allText(zh.host)).not.toContain('休眠');
    const values = zh.host.workbook.sheet('客户信息').values();
    expect(values.slice(1).filter((row) => row[statusColumn(values)] === '沉睡')).toHaveLength(4);

    const en = simWith({ Clients: [['Name', 'Total spend', 'Last purchase', 'Notes'], ['Ann', 100, day('2026-05-06'), '休眠']] });
    await computeTiers({ port: en.port, locale: 'zh-CN', now: NOW, settings: { asOf: AS_OF }, capabilities: NO_PIVOTS });
    expect(en.host.workbook.sheet('Clients').values()[1]).toContain('Dormant');
  });

  it('moves a workbook already written with 沉睡 to 休眠 with one rule; the add-in\'s own cells do not vote', async () => {
    const { host, port } = simWith({ 客户信息: ledger([]) });
    const ctx: ActionContext = { port, locale: 'zh-CN', now: NOW, settings: { asOf: AS_OF }, capabilities: NO_PIVOTS };
    await computeTiers(ctx);
    expect(dormantRules(host, '客户信息').map((c) => c.formula)).toEqual([expect.stringContaining('"沉睡"')]);
    // Four 沉睡 cells in the add-in's column, one 休眠 in the user's note: the user's word wins.
    host.workbook.sheet('客户信息').write('G2', [['休眠，下月再联系']]);
    await computeTiers(ctx);
    await computeTiers(ctx);
    const rules = dormantRules(host, '客户信息').map((c) => c.formula);
    expect(rules).toEqual([expect.stringContaining('"休眠"')]);
    expect(rules[0]).not.toContain('沉睡');
    const values = host.workbook.sheet('客户信息').values();
    expect(values.slice(1).filter((r) => r[statusColumn(values)] === '休眠')).toHaveLength(4);

    // The removal names the 休眠 rule among the add-in's own (not only the rule in the add-in's first words).
    const { plan } = await planRemoveAdded(ctx);
    const named = plan.ops.flatMap((op) => (op.op === 'removeConditionalFormats' ? op.formulas : []));
    expect(named).toContain(rules[0]);
    await removeAdded(ctx);
    expect(host.workbook.conditionalFormats.filter((c) => c.sheet === '客户信息')).toHaveLength(0);
    expect(host.workbook.sheet('客户信息').values()[0]).toEqual(ledger([])[0]);
  });

  it('in an .xlsx file: the status formulas and the summary\'s live COUNTIFS count 休眠', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户信息');
    for (const row of ledger(SAYS_XIUMIAN)) ws.addRow(row);
    const x = await openXlsx(wb);
    const r = await buildSummary({ port: x.port, locale: 'zh-CN', now: NOW, settings: { asOf: AS_OF } });
    const out = await x.reload();
    const status = worksheetValues(out.getWorksheet('客户信息')!);
    const col = statusColumn(status);
    const formula = (status[1]![col] as { formula: string }).formula;
    expect(formula).toContain('"休眠"');
    expect(formula).not.toContain('沉睡');
    const summary = out.getWorksheet(r.summarySheet)!;
    const formulas: string[] = [];
    summary.eachRow((row) => row.eachCell((c) => { if (c.formula) formulas.push(c.formula); }));
    expect(formulas.filter((f) => f.startsWith('COUNTIFS(') && f.includes('"休眠"')).length).toBeGreaterThan(0);
    expect(formulas.join('\n')).not.toContain('沉睡');
  });
});
