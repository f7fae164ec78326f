/**
 * Issue 19's ledger through the whole analysis: header words the old lists did not know (邮件地址 holds 地址,
 * 联系人 and 跟单员 both hold people), and a follow-up date that must count as activity for the status.
 */
import { analyzeSheet } from '../../../src/core/analyze';
import { ReportSchema } from '../../../src/core/report';

const asOf = '2026-11-22';
const people = ['王伟', '李静', '张敏', '刘洋', '陈杰', '杨帆'];
const owners = ['李经理', '王经理', '李经理', '赵主管', '王经理', '赵主管'];
const values: unknown[][] = [
  ['联系人', '邮件地址', '成交总值', '首次进货', '末次进货', '最后跟进时间', '跟单员'],
  ...people.map((p, i) => [p, `kehu${i}@qq.com`, `¥${(i + 1) * 10_000}`, '2024-01-05', '2025-01-05', i < 3 ? '2026-11-01' : '', owners[i]]),
];

describe('an unseen zh ledger', () => {
  const report = ReportSchema.parse(analyzeSheet({ sheet: 'S', values, settings: { asOf } }));

  it('maps every column to its field', () => {
    expect(report.columns).toEqual({ name: 'A', email: 'B', total: 'C', firstPurchase: 'D', lastPurchase: 'E', lastContact: 'F', owner: 'G' });
  });

  it('checks the emails and computes the tiers from the mapped columns', () => {
    expect(report.rows.map((r) => r.email?.status)).toEqual(Array(6).fill('valid'));
    expect(report.rows.map((r) => r.total)).toEqual([10000, 20000, 30000, 40000, 50000, 60000]);
    // The follow-up date is activity: the first three are active, the rest fall back to the last purchase.
    expect(report.rows.map((r) => r.lastActivity)).toEqual([...Array(3).fill('2026-11-01'), ...Array(3).fill('2025-01-05')]);
    expect(report.rows.map((r) => r.statusTier)).toEqual(['active', 'active', 'active', 'lost', 'lost', 'lost']);
  });

  it('says why, in codes the pane words', () => {
    const byField = Object.fromEntries(report.mapping.map((m) => [m.field, m.evidence]));
    expect(byField.email).toContain('values-email');
    expect(byField.owner).toEqual(expect.arrayContaining(['values-person-names', 'values-categories']));
    expect(byField.name).toContain('values-person-names');
  });
});

describe('follow-up dates', () => {
  it.each([['下次跟进', 'nextFollowUp'], ['跟进日期', 'lastContact'], ['最近跟进', 'lastContact'], ['Last contacted', 'lastContact'],
    ['Next follow-up', 'nextFollowUp'], ['Last activity', 'lastContact']])('%s → %s', (header, field) => {
    const report = analyzeSheet({ sheet: 'S', values: [['姓名', '手机', header], ['王伟', '13800138000', '2026-11-01'], ['李静', '13900139000', '2026-10-01'],
      ['张敏', '13700137000', '2026-09-01']], settings: { asOf } });
    expect(report.columns).toMatchObject({ [field]: 'C' });
  });
});
