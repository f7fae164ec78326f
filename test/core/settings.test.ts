import { DEFAULT_SETTINGS, parseSettings } from '../../src/core/settings';

describe('settings', () => {
  it('has DESIGN defaults', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      region: 'auto', areaCode: null, asOf: null, // region: 'auto' since issue 16 (was 'CN')
      thresholds: { highPercentile: 0.8, mediumPercentile: 0.5, activeDays: 90, dormantDays: 365, returningOrders: 2, quietDays: 30 },
    });
  });
  it('fills in defaults for partial input', () => {
    expect(parseSettings({ region: 'US' }).thresholds.activeDays).toBe(90);
    expect(parseSettings(undefined).region).toBe('auto');
  });
  it('rejects nonsense with a message', () => {
    expect(() => parseSettings({ region: 'china' })).toThrow(/two-letter/);
    expect(() => parseSettings({ asOf: '22/11/2026' })).toThrow(/YYYY-MM-DD/);
    expect(() => parseSettings({ thresholds: { highPercentile: 0.4, mediumPercentile: 0.6 } })).toThrow(/mediumPercentile/);
    expect(() => parseSettings({ thresholds: { activeDays: 400, dormantDays: 365 } })).toThrow(/activeDays/);
  });
});
