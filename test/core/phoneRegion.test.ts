/**
 * The default region chosen from the ledger itself (phoneRegion.ts): which region makes most numbers
 * valid, the user's language breaking ties, and numbers written with a country code adding candidates.
 */
import { detectRegion, languageRegion, REGION_SAMPLE_LIMIT } from '../../src/core/phoneRegion';

const US_NUMBERS = ['(415) 555-0123', '(212) 555-0187', '415-555-2671', '(650) 253-0000', '(312) 555-0142', '(617) 555-0199', '(202) 555-0110', '(303) 555-0175'];
const CN_NUMBERS = ['13800138000', '139 0013 9000', '186-1234-5678', '0571-34775499', '(021) 83667979', '15022577508', '13912345678', '18730569106'];

describe('languageRegion', () => {
  it.each([
    ['zh', 'CN'], ['zh-CN', 'CN'], ['zh-Hans', 'CN'], ['zh-TW', 'TW'], ['zh-Hant', 'TW'], ['zh-HK', 'HK'],
    ['en-US', 'US'], ['en-GB', 'GB'], ['en', 'US'], ['en_GB.UTF-8', 'GB'], ['de', 'DE'], ['ja-JP', 'JP'], ['fr', 'FR'],
  ])('%s → %s', (language, region) => {
    expect(languageRegion(language)).toBe(region);
  });
  it('falls back to CN for nothing or nonsense', () => {
    expect(languageRegion(undefined)).toBe('CN');
    expect(languageRegion('')).toBe('CN');
    expect(languageRegion('C')).toBe('CN');
    expect(languageRegion('en-XX')).toBe('US'); // a region libphonenumber does not know: the language's usual one
  });
});

describe('detectRegion', () => {
  it('reads an English ledger of US numbers as US, not CN', () => {
    expect(detectRegion(US_NUMBERS, 'en-US').region).toBe('US');
  });

  it('reads US numbers as US even for a Chinese-speaking user, when they are written the US way', () => {
    expect(detectRegion(US_NUMBERS, 'zh-CN').region).toBe('US');
  });

  it('reads a Chinese ledger as CN whatever the language', () => {
    expect(detectRegion(CN_NUMBERS, 'en-US').region).toBe('CN');
    expect(detectRegion(CN_NUMBERS, 'en-GB').region).toBe('CN');
    expect(detectRegion(CN_NUMBERS, 'zh-CN').region).toBe('CN');
  });

  it('takes a region from numbers written with its country code', () => {
    const gb = ['+44 20 7946 0958', '+44 20 7946 0017', '020 7946 0385', '020 7946 0100', '07911 123456'];
    expect(detectRegion(gb, 'zh-CN').region).toBe('GB');
  });

  it('lets the language decide when nothing tells the regions apart (7-digit local numbers)', () => {
    const local = ['555-0123', '362 8910', '555-0187', '4567890'];
    expect(detectRegion(local, 'en-US').region).toBe('US');
    expect(detectRegion(local, 'zh-CN').region).toBe('CN');
    expect(detectRegion([], 'en-GB').region).toBe('GB');
  });

  it('keeps the language region when another one explains only a few numbers', () => {
    // 11-digit numbers starting with 1 that are no mainland mobile: a few happen to be valid NANP numbers.
    const odd = ['12173563747', '12030301595', '12564032673', '1895874766', '153456871313', '1873683o857', '12596357940', '150677189478', '1579656544', '1531516069', '54512'];
    expect(detectRegion(odd, 'zh-CN').region).toBe('CN');
  });

  it('samples at most REGION_SAMPLE_LIMIT non-empty values, spread over the column', () => {
    const values: unknown[] = [];
    for (let i = 0; i < 10_000; i++) values.push(i % 3 === 0 ? null : i < 5_000 ? CN_NUMBERS[i % 8] : US_NUMBERS[i % 8]);
    const result = detectRegion(values, 'zh-CN');
    expect(result.sampled).toBe(REGION_SAMPLE_LIMIT);
    expect(REGION_SAMPLE_LIMIT).toBeLessThanOrEqual(500);
    expect(REGION_SAMPLE_LIMIT).toBeGreaterThanOrEqual(100);
  });

  it('ignores blanks and counts the sample', () => {
    expect(detectRegion([null, '', '  ', undefined, '13800138000'], 'en-US')).toMatchObject({ region: 'CN', sampled: 1 });
  });
});
