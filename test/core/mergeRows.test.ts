import fc from 'fast-check';
import { mergeGroup, mergeRuleOf, type MergeColumn } from '../../src/core/mergeRows';

const columns: MergeColumn[] = [
  { col: 0, field: 'name' },
  { col: 1, field: 'phone' },
  { col: 2, field: 'email' },
  { col: 3, field: 'total' },
  { col: 4, field: 'orders' },
  { col: 5, field: 'firstPurchase' },
  { col: 6, field: 'lastPurchase' },
  { col: 7, field: 'notes' },
  { col: 8, field: null },
];

describe('mergeGroup', () => {
  it('fills blanks, adds money and orders, keeps the earliest first and latest last purchase, joins notes', () => {
    const plan = mergeGroup([
      { row: 5, cells: ['张伟', '13812345678', '', 1200.5, 3, '2024-03-01', '2025-01-10', '老客户', ''] },
      { row: 9, cells: ['张 伟', '138 1234 5678', 'zw@qq.com', '¥800', '2', '2023-11-20', '2024-12-31', '要发票', 'VIP'] },
      { row: 12, cells: ['', '', 'other@qq.com', 99.5, 1, '2024-05-05', '2025-06-01', '老客户', ''] },
    ], columns, '；');
    const byCol = new Map(plan.changed.map((c) => [c.col, c]));
    expect(byCol.has(0)).toBe(false); // the kept name stays
    expect(byCol.has(1)).toBe(false);
    expect(byCol.get(2)).toEqual({ col: 2, rule: 'fillBlank', value: 'zw@qq.com', from: 9 });
    expect(byCol.get(3)).toEqual({ col: 3, rule: 'sum', value: 2100, from: null });
    expect(byCol.get(4)).toEqual({ col: 4, rule: 'sum', value: 6, from: null });
    expect(byCol.get(5)).toEqual({ col: 5, rule: 'earliest', value: '2023-11-20', from: 9 });
    expect(byCol.get(6)).toEqual({ col: 6, rule: 'latest', value: '2025-06-01', from: 12 });
    expect(byCol.get(7)).toEqual({ col: 7, rule: 'join', value: '老客户；要发票', from: null });
    expect(byCol.get(8)).toEqual({ col: 8, rule: 'fillBlank', value: 'VIP', from: 9 });
    expect(plan.skipped).toEqual([]);
  });

  it('leaves a sum or a date alone when a value cannot be read, and says so', () => {
    const plan = mergeGroup([
      { row: 2, cells: ['A', '', '', '面议', 1, '不详', '', '', ''] },
      { row: 3, cells: ['A', '', '', 500, 2, '2024-01-01', '', '', ''] },
    ], columns, '; ');
    expect(plan.changed.map((c) => c.col)).toEqual([4]);
    expect(plan.skipped).toEqual([
      { col: 3, rule: 'sum', reason: 'unreadable' },
      { col: 5, rule: 'earliest', reason: 'unreadable' },
    ]);
  });

  it('reads ambiguous numeric dates in the column\'s own order', () => {
    const cols: MergeColumn[] = [{ col: 0, field: 'firstPurchase', dateOrder: 'dmy' }];
    // 03/04/2024 is 3 April in a d/m column, earlier than 02/05/2024 (2 May); m/d would say the opposite.
    const plan = mergeGroup([{ row: 2, cells: ['02/05/2024'] }, { row: 3, cells: ['03/04/2024'] }], cols, '; ');
    expect(plan.changed).toEqual([{ col: 0, rule: 'earliest', value: '03/04/2024', from: 3 }]);
    const mdy = mergeGroup([{ row: 2, cells: ['02/05/2024'] }, { row: 3, cells: ['03/04/2024'] }], [{ col: 0, field: 'firstPurchase', dateOrder: 'mdy' }], '; ');
    expect(mdy.changed).toEqual([]);
  });

  it('changes nothing for a single row, and nothing when the others add nothing', () => {
    expect(mergeGroup([{ row: 2, cells: ['A', 1] }], columns, '; ')).toEqual({ changed: [], skipped: [] });
    const plan = mergeGroup([
      { row: 2, cells: ['A', '138', 'a@b.cn', 10, 1, '2024-01-01', '2024-02-01', 'x', 'y'] },
      { row: 3, cells: ['A', '', '', '', '', '', '', 'x', ''] },
    ], columns, '; ');
    expect(plan).toEqual({ changed: [], skipped: [] });
  });

  it('knows the rule of every field the user sees', () => {
    expect(mergeRuleOf('total')).toBe('sum');
    expect(mergeRuleOf('nextFollowUp')).toBe('earliest');
    expect(mergeRuleOf(null)).toBe('fillBlank');
  });

  it('never loses a text: every distinct note of the group is in the joined note', () => {
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 6 }), { minLength: 2, maxLength: 5 }), (notes) => {
      const plan = mergeGroup(notes.map((n, i) => ({ row: i + 2, cells: [n] })), [{ col: 0, field: 'notes' }], '；');
      const joined = plan.changed[0]?.value ?? notes[0];
      for (const n of notes) if (n.trim()) expect(String(joined)).toContain(n.trim());
    }));
  });

  it('sums to the cent whatever the order of the rows', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 2, maxLength: 6 }), (cents) => {
      const rows = cents.map((c, i) => ({ row: i + 2, cells: [c / 100] }));
      const a = mergeGroup(rows, [{ col: 0, field: 'total' }], ';').changed[0]?.value;
      const b = mergeGroup([...rows].reverse(), [{ col: 0, field: 'total' }], ';').changed[0]?.value;
      expect(a).toBe(cents.reduce((x, y) => x + y, 0) / 100);
      expect(b).toBe(a);
    }));
  });
});
