/**
 * Numbers typed without their area code ("incomplete", completed by a default area code setting, still
 * identifying within the ledger) and '+' numbers split before the end of their country code ("suspect").
 */
import fc from 'fast-check';
import { checkPhone, checkPhoneWithLibrary, phoneMatchKey } from '../../src/core/phone';

describe('local numbers without their area code', () => {
  it.each(['555-0123', '362 8910', '5550123', 'Tel: 555 0123'])('%s is incomplete under US, not invalid', (v) => {
    expect(checkPhone(v, 'US')).toMatchObject({ status: 'incomplete', e164: null, reason: 'missing-area-code' });
  });

  it('a mainland landline without its area code is incomplete too', () => {
    expect(checkPhone('3477549', 'CN')).toMatchObject({ status: 'incomplete', reason: 'missing-area-code' });
    expect(checkPhone('88888888', 'CN')).toMatchObject({ status: 'incomplete', reason: 'missing-area-code' });
  });

  it('is completed by a default area code', () => {
    expect(checkPhone('555-0123', 'US', '415')).toMatchObject({ status: 'valid', e164: '+14155550123' });
    expect(checkPhone('362 8910', 'US', '267')).toMatchObject({ status: 'valid', e164: '+12673628910' });
    expect(checkPhone('3477 5499', 'CN', '0571')).toMatchObject({ status: 'valid', e164: '+8657134775499' });
  });

  it('an area code never changes a number that has its own', () => {
    expect(checkPhone('(212) 555-0187', 'US', '415')).toMatchObject({ status: 'valid', e164: '+12125550187' });
    expect(checkPhone('13800138000', 'CN', '0571')).toMatchObject({ status: 'valid', e164: '+8613800138000' });
  });

  it('identifies by its digits: the same local number typed two ways has one key', () => {
    const a = phoneMatchKey(checkPhone('555-0123', 'US'));
    expect(a).toBe('local:5550123');
    expect(phoneMatchKey(checkPhone('555 0123', 'US'))).toBe(a);
    expect(phoneMatchKey(checkPhone('555-0124', 'US'))).not.toBe(a);
    expect(phoneMatchKey(checkPhone('(415) 555-0123', 'US'))).toBe('+14155550123');
    expect(phoneMatchKey(checkPhone('12345', 'US'))).toBeNull();
    expect(phoneMatchKey(checkPhone(null, 'US'))).toBeNull();
  });

  it('property: completing with an area code is the same as typing the full number', () => {
    const areaCodes = ['212', '267', '303', '312', '415', '617', '650', '718'];
    fc.assert(fc.property(fc.constantFrom(...areaCodes), fc.integer({ min: 2_000_000, max: 9_999_999 }), (areaCode, local) => {
      const typed = `${String(local).slice(0, 3)}-${String(local).slice(3)}`;
      const alone = checkPhoneWithLibrary(typed, 'US');
      // A few 7-digit numbers are whole numbers to the library (310-xxxx): those keep their reading.
      if (alone.status === 'valid') return;
      expect(alone.status).toBe('incomplete');
      const completed = checkPhone(typed, 'US', areaCode);
      const full = checkPhone(`(${areaCode}) ${typed}`, 'US');
      expect({ status: completed.status, e164: completed.e164 }).toEqual({ status: full.status === 'valid' ? 'valid' : 'incomplete', e164: full.e164 });
    }), { numRuns: 300 });
  });
});

describe("'+' numbers whose first group is shorter than the country code", () => {
  it('+2(267)362-8910 is suspect, not a Burkina Faso number', () => {
    const c = checkPhone('+2(267)362-8910', 'US');
    expect(c).toMatchObject({ status: 'suspect', e164: null, reason: 'country-code-split' });
    expect(phoneMatchKey(c)).toBeNull();
  });

  it('a code of no country counts too: +8(00)… is not a +800 freephone number', () => {
    expect(checkPhone('+800 1234 5678', 'US')).toMatchObject({ status: 'valid', e164: '+80012345678' });
    expect(checkPhone('+8(00)1234-5678', 'US')).toMatchObject({ status: 'suspect', reason: 'country-code-split' });
  });

  it('the same number written with its whole country code is valid', () => {
    expect(checkPhone('+226 7362 8910', 'US')).toMatchObject({ status: 'valid', e164: '+22673628910' });
    expect(checkPhone('+1 (267) 362-8910', 'CN')).toMatchObject({ status: 'valid', e164: '+12673628910' });
    expect(checkPhone('+86-138-0013-8000', 'US')).toMatchObject({ status: 'valid', e164: '+8613800138000' });
    expect(checkPhone('(+86)18730569106', 'US')).toMatchObject({ status: 'valid', e164: '+8618730569106' });
  });

  it('property: "+d(…)" is only ever valid for a one-digit country code', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 9 }), fc.stringMatching(/^\d{9,11}$/), (d, rest) => {
      const c = checkPhone(`+${d}(${rest.slice(0, 3)})${rest.slice(3, 6)}-${rest.slice(6)}`, 'US');
      if (c.status === 'valid') expect(d).toBe(7);
    }), { numRuns: 400 });
  });
});
