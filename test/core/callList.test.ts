import { analyzeSheet } from '../../src/core/analyze';
import { callList } from '../../src/core/callList';
import type { Report } from '../../src/core/report';

const AS_OF = '2026-11-22';

/** A report built by hand: which rows the tiers call high, dormant, new — the call list's inputs. */
function reportOf(rows: Partial<Report['rows'][number]>[], columns: Report['columns']): Pick<Report, 'columns' | 'rows'> {
  return {
    columns,
    rows: rows.map((r, i) => ({ row: i + 2, phone: null, email: null, total: null, orders: null, lastActivity: null,
      valueTier: null, statusTier: null, lifecycle: null, duplicateGroup: null, ...r })),
  };
}

describe('callList', () => {
  const values = [
    ['Name', 'Next follow-up', 'Last contact'],
    ['Ann', '2026-11-20', ''], // overdue by 2 days
    ['Bob', '2026-11-25', ''], // due in 3 days
    ['Cat', '', '2026-08-01'], // high value, quiet for 113 days
    ['Dan', '', ''], // new, never contacted
    ['Eve', '2026-12-30', ''], // high value and quiet, but a follow-up is planned
    ['Fay', '', '2026-11-01'], // new but contacted
    ['Gus', '2026-11-10', ''], // overdue by 12 days, worth more than Ann
  ];
  const report = reportOf([
    { total: 100 }, { total: 50 },
    { total: 9000, valueTier: 'high', statusTier: 'dormant', lastActivity: '2026-08-01' },
    { total: 10, lifecycle: 'new' },
    { total: 8000, valueTier: 'high', statusTier: 'dormant', lastActivity: '2026-07-01' },
    { total: 20, lifecycle: 'new', lastActivity: '2026-11-01' },
    { total: 500 },
  ], { name: 'A', nextFollowUp: 'B', lastContact: 'C' });

  it('lists each customer once under its most urgent reason, the most valuable first within a reason', () => {
    const list = callList(values, report, { asOf: AS_OF, quietDays: 60 });
    expect(list.map((i) => [i.name, i.reason, i.days])).toEqual([
      ['Gus', 'overdue', 12], ['Ann', 'overdue', 2], ['Bob', 'dueThisWeek', 3], ['Cat', 'goingQuiet', 113], ['Dan', 'notContacted', null],
    ]);
  });

  it('lists a customer entered twice once: the row its duplicate group keeps', () => {
    const withGroups = { ...report, duplicateGroups: [{ id: 1, rows: [2, 8], keep: 8, reasons: [], pairs: [] }] };
    const list = callList(values, withGroups, { asOf: AS_OF, quietDays: 60 });
    expect(list.map((i) => i.name)).toEqual(['Gus', 'Bob', 'Cat', 'Dan']);
  });

  it('a high-value active customer is going quiet only past the quiet days', () => {
    const r = reportOf([{ total: 1, valueTier: 'high', statusTier: 'active', lastActivity: '2026-10-01' }], { name: 'A' });
    expect(callList([['Name'], ['Ann']], r, { asOf: AS_OF, quietDays: 60 })).toEqual([]);
    expect(callList([['Name'], ['Ann']], r, { asOf: AS_OF, quietDays: 30 }).map((i) => i.reason)).toEqual(['goingQuiet']);
  });

  it('works on an analyzed ledger with follow-up dates in d/m/y, read in the column\'s own order', () => {
    const ledger = [
      ['客户名称', '手机', '下次跟进日期'],
      ['张伟', '13800138000', '20/11/2026'],
      ['李娜', '13900139000', '03/12/2026'],
      ['王芳', '13700137000', '24/11/2026'],
    ];
    const analyzed = analyzeSheet({ sheet: '客户', values: ledger, settings: { region: 'CN', asOf: AS_OF } });
    expect(analyzed.columns.nextFollowUp).toBe('C');
    const list = callList(ledger, analyzed, { asOf: AS_OF, quietDays: 60 });
    expect(list.map((i) => [i.name, i.reason, i.phone])).toEqual([['张伟', 'overdue', '+8613800138000'], ['王芳', 'dueThisWeek', '+8613700137000']]);
  });
});

describe('callList on an analyzed ledger: every reason, against a fixed as-of date', () => {
  // Dates are relative to AS_OF (2026-11-22), never to the wall clock.
  const ledger = [
    ['客户名称', '公司名称', '手机', '累计消费金额', '购买次数', '最近购买日期', '最近联系日期', '下次跟进日期'],
    ['张伟', '华东贸易', '13800138000', 52000, 9, '2026-06-01', '2026-09-01', '2026-11-15'], // overdue 7 days
    ['李娜', '', '13900139001', 800, 3, '2026-11-01', '2026-11-10', '2026-11-25'], // due in 3 days
    ['王芳', '远航科技', '13700137002', 90000, 12, '2026-05-01', '2026-09-10', ''], // high value, quiet 73 days
    ['刘洋', '', '13600136003', 300, 1, '2026-11-18', '', ''], // new, not contacted
    ['陈静', '', '13500135004', 61000, 7, '2026-11-01', '2026-11-20', ''], // high value, contacted 2 days ago
    ['杨勇', '', '13400134005', 400, 2, '2026-10-01', '2026-10-05', '2026-12-20'], // planned later
    ['赵磊', '星辰物流', '13300133006', 75000, 6, '2026-08-01', '2026-10-10', ''], // high, quiet 43 days: listed at 30, not 60
    ['孙丽', '', '13200132007', 900, 4, '2026-10-20', '2026-10-21', '2026-11-20'], // overdue 2 days
  ];
  const report = analyzeSheet({ sheet: '客户', values: ledger, settings: { region: 'CN', asOf: AS_OF } });

  it('finds the columns and lists overdue, due, going quiet and new, the most valuable first within each', () => {
    expect(report.columns).toMatchObject({ company: 'B', lastContact: 'G', nextFollowUp: 'H' });
    const list = callList(ledger, report, { asOf: AS_OF, quietDays: 30 });
    expect(list.map((i) => [i.name, i.reason, i.days])).toEqual([
      ['张伟', 'overdue', 7], ['孙丽', 'overdue', 2], ['李娜', 'dueThisWeek', 3],
      ['王芳', 'goingQuiet', 73], ['赵磊', 'goingQuiet', 43], ['刘洋', 'notContacted', null],
    ]);
    const first = list[0]!;
    expect(first).toMatchObject({ company: '华东贸易', lastContact: '2026-09-01', nextFollowUp: '2026-11-15', phone: '+8613800138000' });
    expect(list.find((i) => i.name === '刘洋')).toMatchObject({ lastContact: null, nextFollowUp: null });
  });

  it('the quiet days decide who is going quiet', () => {
    const list = callList(ledger, report, { asOf: AS_OF, quietDays: 60 });
    expect(list.filter((i) => i.reason === 'goingQuiet').map((i) => i.name)).toEqual(['王芳']);
  });
});
