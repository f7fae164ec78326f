import { BLANK_KEY, summarize, totalsBy, type SummaryRow } from '../../src/core/summary';

const base: SummaryRow = { valueTier: 'low', statusTier: 'active', lifecycle: 'new', total: 0, region: '', channel: '', owner: '' };

describe('summary', () => {
  const rows: SummaryRow[] = [
    { ...base, valueTier: 'high', statusTier: 'active', total: 1000.1, region: '北京', owner: '王经理' },
    { ...base, valueTier: 'high', statusTier: 'lost', total: 500.2, region: '北京', owner: '李经理' },
    { ...base, valueTier: 'low', statusTier: 'unknown', total: null, region: '上海', lifecycle: 'prospect' },
    { ...base, valueTier: 'medium', statusTier: 'dormant', total: 300, region: '', lifecycle: 'returning' },
  ];
  const s = summarize(rows);

  it('counts customers by value tier × status', () => {
    expect(s.tierByStatus.rowLabels).toEqual(['high', 'medium', 'low']);
    expect(s.tierByStatus.columnLabels).toEqual(['active', 'dormant', 'lost', 'unknown']);
    expect(s.tierByStatus.counts).toEqual([[1, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 1]]);
  });

  it('sums revenue by region, largest first, blanks labelled', () => {
    expect(s.revenueByRegion).toEqual([
      { key: '北京', customers: 2, revenue: 1500.3 },
      { key: BLANK_KEY, customers: 1, revenue: 300 },
      { key: '上海', customers: 1, revenue: 0 },
    ]);
    expect(s.revenue).toBe(1800.3);
    expect(s.customers).toBe(4);
  });

  it('counts lifecycles', () => {
    expect(s.lifecycleCounts).toEqual({ prospect: 1, new: 2, returning: 1 });
  });

  it('totalsBy orders ties by key', () => {
    expect(totalsBy([{ k: 'b' }, { k: 'a' }], (r) => r.k, () => 1).map((g) => g.key)).toEqual(['a', 'b']);
  });
});
