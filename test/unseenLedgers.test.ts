/**
 * Ledgers unlike the shared samples: other layouts, header words and ways of typing. The engine must
 * generalise from how people keep ledgers, not from two files.
 */
import { analyzeSheet, AnalyzeError } from '../src/core/analyze';
import { ReportSchema } from '../src/core/report';

const asOf = '2026-11-22';
const analyze = (values: unknown[][], settings: Record<string, unknown> = {}) =>
  ReportSchema.parse(analyzeSheet({ sheet: 'S', values, settings: { asOf, ...settings } }));

describe('a zh ledger with a title, a two-row header, 万元 amounts and a totals row', () => {
  const values = [
    ['华东区客户台账（2026年）', null, null, null, null, null, null],
    ['基本信息', null, '联系方式', null, '交易', null, null],
    ['联系人', '单位名称', '手机号', '邮箱', '成交金额（万元）', '成交次数', '最后下单'],
    ['張偉', '上海市鼎盛贸易有限公司', '138-0013-8000', 'zhangwei＠163．com', 1.5, '3次', '2026年10月1日'],
    ['张伟', '鼎盛贸易（上海）有限公司', '', '', '2.5', '1', '2024/1/5'],
    ['李娜', '个人', '0086 139 0000 1111 转 8', 'lina@qq.com。', null, 0, '无'],
    ['合计', null, null, null, 4, 4, null],
  ];
  const report = analyze(values);

  it('finds the header and the data rows', () => {
    expect(report.headerRow).toBe(3);
    expect(report.rows.map((r) => r.row)).toEqual([4, 5, 6]);
    expect(report.totalsRows).toEqual([7]);
    expect(report.columns).toMatchObject({ name: 'A', company: 'B', phone: 'C', email: 'D', total: 'E', orders: 'F', lastPurchase: 'G' });
  });

  it('reads amounts in the unit the header names', () => {
    expect(report.rows.map((r) => r.total)).toEqual([15000, 25000, null]);
  });

  it('cleans full-width emails and phones with an extension', () => {
    expect(report.rows[0]!.email).toMatchObject({ status: 'valid', normalized: 'zhangwei@163.com' });
    expect(report.rows[2]!.phone).toMatchObject({ status: 'valid', e164: '+8613900001111' });
    expect(report.rows[2]!.email).toMatchObject({ status: 'valid', normalized: 'lina@qq.com' });
  });

  it('joins a traditional-script name at the same company in another form', () => {
    expect(report.duplicateGroups).toEqual([expect.objectContaining({ rows: [4, 5], reasons: ['same name and company'] })]);
  });

  it('computes tiers', () => {
    expect(report.rows.map((r) => r.lifecycle)).toEqual(['returning', 'new', 'prospect']);
    expect(report.rows.map((r) => r.statusTier)).toEqual(['active', 'lost', 'unknown']);
    // PERCENTRANK.INC over {15000, 25000, 0 (blank)}: 0.5, 1, 0.
    expect(report.rows.map((r) => r.valueTier)).toEqual(['medium', 'high', 'low']);
  });
});

describe('an en ledger with day-first dates, US phones and no orders column', () => {
  const values = [
    ['Client', 'Organisation', 'Tel', 'E-mail', 'Revenue', 'Customer since', 'Last order', 'Last call'],
    ['Ann Lee', 'Acme Inc.', '(415) 555-2671', 'ann@acme.com', '$1,200.50', '13/01/2024', '25/10/2026', ''],
    ['Lee, Ann', 'ACME', '+1 415 555 2671', 'ANN@ACME.COM', '$300', '02/03/2025', '02/03/2025', '15/11/2026'],
    ['Bo Chen', '', '415-555-26', 'bo@yahooo.com', '', '', '', ''],
  ];
  const report = analyze(values, { region: 'US' });

  it('maps the columns', () => {
    expect(report.columns).toMatchObject({ name: 'A', company: 'B', phone: 'C', email: 'D', total: 'E', firstPurchase: 'F', lastPurchase: 'G', lastContact: 'H' });
  });

  it('reads day-first dates because a day above 12 shows the order', () => {
    expect(report.rows[0]!.lastActivity).toBe('2026-10-25');
    expect(report.rows[1]!.lastActivity).toBe('2026-11-15');
  });

  it('uses the default region for national numbers', () => {
    expect(report.rows[0]!.phone).toMatchObject({ status: 'valid', e164: '+14155552671' });
    expect(report.rows[2]!.phone?.status).toBe('invalid');
    expect(report.rows[2]!.email).toMatchObject({ status: 'suspect', suggestion: 'bo@yahoo.com' });
  });

  it('derives lifecycle from purchase dates without an orders column', () => {
    expect(report.rows.map((r) => r.lifecycle)).toEqual(['returning', 'new', 'prospect']);
  });

  it('joins "Lee, Ann" and "Ann Lee" on the same email', () => {
    expect(report.duplicateGroups.map((g) => g.rows)).toEqual([[2, 3]]);
  });
});

describe('traps', () => {
  it('keeps apart colleagues on one switchboard and namesakes at different companies', () => {
    const report = analyze([
      ['姓名', '公司', '电话', '邮箱'],
      ['王伟', '远航科技', '021-74344991', ''],
      ['李静', '远航科技', '021-74344991', ''],
      ['王伟', '启明医疗', '13800138000', 'a@qq.com'],
      ['王伟', '恒通贸易', '13900139000', 'b@qq.com'],
    ]);
    expect(report.duplicateGroups).toEqual([]);
  });

  it('reports tiers as unknown columns (null) when the sheet lacks them', () => {
    const report = analyze([['姓名', '手机'], ['王伟', '13800138000']]);
    expect(report.rows[0]).toMatchObject({ valueTier: null, statusTier: null, lifecycle: null, email: null });
    expect(report.rows[0]!.phone?.status).toBe('valid');
  });

  it('handles formulas, error values and values of the wrong type', () => {
    const report = analyze([
      ['姓名', '手机', '邮箱', '累计消费', '最近购买日期'],
      [{ formula: 'A9', result: '王伟' }, 13800138000, { error: '#N/A' }, { formula: 'SUM(X1:X3)', result: 500 }, 46000],
      ['李静', '#N/A', 42, 'abc', '#DIV/0!'],
    ]);
    expect(report.rows[0]).toMatchObject({ total: 500, lastActivity: '2025-12-09' });
    expect(report.rows[0]!.phone?.e164).toBe('+8613800138000');
    expect(report.rows[0]!.email?.status).toBe('empty');
    expect(report.rows[1]!.phone?.status).toBe('empty');
    expect(report.rows[1]!.email?.status).toBe('invalid');
    expect(report.rows[1]!.total).toBeNull();
  });

  it('throws a coded error for an empty sheet and for a sheet without a header', () => {
    expect(() => analyzeSheet({ sheet: 'S', values: [] })).toThrow(AnalyzeError);
    expect(() => analyzeSheet({ sheet: 'S', values: [[null, ''], []] })).toThrow(expect.objectContaining({ code: 'empty-sheet' }));
    expect(() => analyzeSheet({ sheet: 'S', values: [['hello'], ['world']] })).toThrow(expect.objectContaining({ code: 'no-header' }));
  });

  it('returns zero rows (not an error) for a header-only sheet', () => {
    const report = analyze([['姓名', '手机', '邮箱']]);
    expect(report.dataRows).toBe(0);
    expect(report.duplicateGroups).toEqual([]);
  });
});
