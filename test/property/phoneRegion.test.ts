/**
 * Properties of the region chosen from the ledger (phoneRegion.ts) on generated phone columns: mainland
 * mobiles are CN and NANP numbers written the US way are US whatever the user's language (English for
 * the US), blanks change nothing, and the order of the rows does not matter.
 */
import fc from 'fast-check';
import { detectRegion } from '../../src/core/phoneRegion';
import { checkPhone, MAINLAND_MOBILE_PREFIXES, LIBRARY_LAGGING_PREFIXES } from '../../src/core/phone';

const LANGUAGES = ['zh-CN', 'zh', 'en-US', 'en-GB', 'en', 'de-DE', 'ja', 'fr-FR', undefined];
const prefixes = MAINLAND_MOBILE_PREFIXES.filter((p) => !LIBRARY_LAGGING_PREFIXES.includes(p));
const mobile = fc.tuple(fc.constantFrom(...prefixes), fc.stringMatching(/^\d{8}$/), fc.constantFrom('', ' ', '-'))
  .map(([p, rest, sep]) => `${p}${sep}${rest.slice(0, 4)}${sep}${rest.slice(4)}`);
// Area codes in use across the US; exchanges 2xx–9xx (NANP's rule for the first digit).
const AREA_CODES = ['201', '212', '213', '305', '312', '415', '512', '617', '646', '702', '713', '808', '917'];
const usNumber = fc.tuple(fc.constantFrom(...AREA_CODES), fc.integer({ min: 200, max: 999 }), fc.integer({ min: 0, max: 9999 }))
  .map(([a, e, x]) => `(${a}) ${e}-${String(x).padStart(4, '0')}`)
  .filter((n) => checkPhone(n, 'US').status === 'valid'); // a few exchanges are not in service
const blanks = fc.array(fc.constantFrom(null, '', '  ', '无', 'N/A'), { maxLength: 20 });

describe('detectRegion on generated columns', () => {
  // An 11-digit mobile can also be a NANP number with its trunk 1 (13074000000): a column of a few is a tie
  // the language breaks, so the columns here hold at least ten.
  it('mainland mobiles are CN for every language', () => {
    fc.assert(fc.property(fc.array(mobile, { minLength: 10, maxLength: 60 }), fc.constantFrom(...LANGUAGES), (numbers, language) => {
      expect(detectRegion(numbers, language).region).toBe('CN');
    }), { numRuns: 60 });
  });

  it('US numbers written the US way are US for an English-speaking user', () => {
    // One number can be valid in several regions ((201) 200-0000 is a London number too): ten or more.
    fc.assert(fc.property(fc.array(usNumber, { minLength: 10, maxLength: 60 }), fc.constantFrom('en-US', 'en', 'en-GB', 'en-AU'), (numbers, language) => {
      expect(detectRegion(numbers, language).region).toBe('US');
    }), { numRuns: 60 });
  });

  it('blanks and missing markers change nothing; neither does the order of the rows', () => {
    fc.assert(fc.property(fc.array(fc.oneof(mobile, usNumber), { minLength: 1, maxLength: 60 }), blanks, fc.constantFrom(...LANGUAGES), fc.integer(),
      (numbers, empty, language, seed) => {
        const base = detectRegion(numbers, language);
        const shuffled = [...numbers, ...empty].map((v, i) => ({ v, k: (i * 2654435761 + seed) % 1000003 })).sort((a, b) => a.k - b.k).map((x) => x.v);
        const again = detectRegion(shuffled, language);
        expect(again.region).toBe(base.region);
        expect(again.sampled).toBe(numbers.length);
      }), { numRuns: 60 });
  });
});
