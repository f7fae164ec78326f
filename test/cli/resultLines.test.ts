/** The CLI's result lines: counts with English plurals, tiers in the sheet's words, never engine names. */
import { plural, tiersLine } from '../../src/cli/resultLines';
import type { TierColumnsSummary } from '../../src/actions';
import { OUR_TERMS } from '../../src/i18n/terms';

const summary = (live: TierColumnsSummary['live']): TierColumnsSummary => ({
  sheet: 'Clients', live, asOf: '2026-12-07', terms: OUR_TERMS,
  counts: { valueTier: { high: 1, medium: 0, low: 3 }, statusTier: { active: 2, dormant: 2 }, lifecycle: { new: 4 } },
});

describe('CLI result lines', () => {
  it('says 1 group and 2 groups', () => {
    expect([plural(1, 'group'), plural(2, 'group'), plural(0, 'row'), plural(1, 'suspect email')]).toEqual(['1 group', '2 groups', '0 rows', '1 suspect email']);
  });

  it('words tiers as counts in the ledger\'s labels, leaving out empty buckets, with what updates itself', () => {
    const en = tiersLine(summary({ valueTier: true, statusTier: false, lifecycle: true }), 'en-US');
    expect(en).toBe('tiers: 1 high, 3 low value; 2 active, 2 dormant; 4 new (as of 2026-12-07); value and lifecycle update as you type');
    const zh = tiersLine(summary({ valueTier: true, statusTier: false, lifecycle: true }), 'zh-CN');
    expect(zh).toBe('客户分层：高价值 1，低价值 3；活跃 2，沉睡 2；新客户 4（截至 2026-12-07）；价值、生命周期随输入自动更新');
    expect(`${en}${zh}`).not.toMatch(/valueTier|statusTier|formula/);
    // In the ledger's own word, when its cells say 休眠.
    expect(tiersLine({ ...summary({ statusTier: false }), terms: { dormant: '休眠' } }, 'zh-CN')).toBe('客户分层：活跃 2，休眠 2（截至 2026-12-07）');
  });

  it('leaves out a tier whose inputs are missing, and says so when none could be computed', () => {
    expect(tiersLine(summary({ statusTier: false }), 'en-US')).toBe('tiers: 2 active, 2 dormant (as of 2026-12-07)');
    expect(tiersLine(summary({}), 'en-US')).toMatch(/lacks the columns/);
  });
});
