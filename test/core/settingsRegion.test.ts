/** The region setting: 'auto' for new settings, a saved explicit region kept; the default area code. */
import { parseSettings, DEFAULT_SETTINGS } from '../../src/core/settings';

describe('region setting', () => {
  it('is auto for new settings', () => {
    expect(DEFAULT_SETTINGS.region).toBe('auto');
    expect(parseSettings({}).region).toBe('auto');
    expect(parseSettings(undefined).region).toBe('auto');
  });
  it('keeps a saved explicit region: an old settings object with CN stays CN', () => {
    expect(parseSettings({ region: 'CN' }).region).toBe('CN');
    expect(parseSettings({ region: 'US', asOf: null }).region).toBe('US');
  });
  it('reads auto in any case (the settings sheet upper-cases what it reads)', () => {
    expect(parseSettings({ region: 'AUTO' }).region).toBe('auto');
    expect(parseSettings({ region: 'Auto' }).region).toBe('auto');
  });
  it('still refuses what is neither', () => {
    expect(() => parseSettings({ region: 'china' })).toThrow(/two-letter/);
    expect(() => parseSettings({ region: 'automatic' })).toThrow(/two-letter/);
  });
});

describe('areaCode setting', () => {
  it('is unset by default', () => {
    expect(DEFAULT_SETTINGS.areaCode).toBeNull();
  });
  it('takes digits, typed with or without spaces, brackets or a dash, or as a number', () => {
    expect(parseSettings({ areaCode: '415' }).areaCode).toBe('415');
    expect(parseSettings({ areaCode: ' (0571) ' }).areaCode).toBe('0571');
    expect(parseSettings({ areaCode: 212 }).areaCode).toBe('212');
    expect(parseSettings({ areaCode: '' }).areaCode).toBeNull();
  });
  it('refuses what is no area code', () => {
    expect(() => parseSettings({ areaCode: 'abc' })).toThrow(/area code/);
    expect(() => parseSettings({ areaCode: '1234567' })).toThrow(/area code/);
  });
});
