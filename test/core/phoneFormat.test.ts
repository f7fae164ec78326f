/** Fixed phones are written the way the ledger's region writes them, and never lose part of a cell. */
import { MAINLAND_MOBILE_PREFIXES, LIBRARY_LAGGING_PREFIXES, checkPhone } from '../../src/core/phone';
import { getCountries, getExampleNumber, isValidPhoneNumber } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/examples.mobile.json';
import { formatPhone, phoneFixKeepsEverything } from '../../src/core/phoneFormat';

describe('formatPhone', () => {
  it.each([
    ['+8613812345678', 'CN', '138 1234 5678'],
    ['+8657188886666', 'CN', '0571-8888 6666'],
    ['+861088886666', 'CN', '010-8888 6666'],
    ['+14155550123', 'US', '(415) 555-0123'],
    ['+442079460958', 'GB', '020 7946 0958'],
    // Another country's number keeps its country code: the national form would read as a local one.
    ['+14155550123', 'CN', '+1 415 555 0123'],
    ['+8613812345678', 'US', '+86 138 1234 5678'],
  ])('%s in %s → %s', (e164, region, want) => {
    expect(formatPhone(e164, region)).toBe(want);
  });

  it("'e164' writes the bare E.164 whatever the region", () => {
    expect(formatPhone('+8657188886666', 'CN', 'e164')).toBe('+8657188886666');
    expect(formatPhone('+14155550123', 'CN', 'e164')).toBe('+14155550123');
  });

  it('the local form reads back as the same number in its region', () => {
    for (const e164 of ['+8613812345678', '+8657188886666', '+861088886666', '+8675588886666']) {
      expect(checkPhone(formatPhone(e164, 'CN'), 'CN').e164).toBe(e164);
    }
    expect(checkPhone(formatPhone('+14155550123', 'CN'), 'CN').e164).toBe('+14155550123');
  });
});

it('the mainland mobile fast path writes what the library writes, in every region', () => {
  const prefixes = MAINLAND_MOBILE_PREFIXES.filter((p) => !LIBRARY_LAGGING_PREFIXES.includes(p));
  for (const prefix of prefixes) {
    for (const tail of ['00000000', '12345678', '99999999']) {
      const e164 = `+86${prefix}${tail}`;
      if (checkPhone(e164, 'CN').status !== 'valid') continue;
      for (const region of ['CN', 'US', 'HK']) expect([e164, region, formatPhone(e164, region)]).toEqual([e164, region, formatPhone(e164, region, 'local', false)]);
    }
  }
});

it('numbers written from a shared prefix read exactly as the library writes them, in every country', () => {
  let compared = 0;
  for (const country of getCountries()) {
    const example = getExampleNumber(country, examples)?.number;
    if (!example) continue;
    // The example, then numbers sharing its first digits (the memo's key), valid ones only.
    const numbers = [example, ...['0', '3', '7', '9'].map((d) => example.slice(0, -2) + d + example.slice(-1))].filter((n) => isValidPhoneNumber(n));
    for (const e164 of numbers) {
      for (const region of [country, 'CN', 'US']) {
        expect([e164, region, formatPhone(e164, region)]).toEqual([e164, region, formatPhone(e164, region, 'local', false)]);
        compared++;
      }
    }
  }
  expect(compared).toBeGreaterThan(500);
});

describe('phoneFixKeepsEverything', () => {
  it.each([
    ['13812345678', '+8613812345678'],
    ['+86 138-1234-5678', '+8613812345678'],
    ['0086 13812345678', '+8613812345678'],
    ['手机：１３８１２３４５６７８', '+8613812345678'],
    ['(0571)88886666', '+8657188886666'],
    ['+44 (0)20 7946 0958', '+442079460958'],
    ['88886666', '+8657188886666'], // completed by the default area code: nothing lost
  ])('%s may become %s', (raw, e164) => {
    expect(phoneFixKeepsEverything(raw, e164)).toBe(true);
  });

  it.each([
    ['0571-88886666 转 123', '+8657188886666'], // an extension
    ['13812345678 / 13912345678', '+8613812345678'], // a second number
    ['13812345678（2024年换号）', '+8613812345678'], // a note with digits
  ])('%s is never replaced by %s', (raw, e164) => {
    expect(phoneFixKeepsEverything(raw, e164)).toBe(false);
  });
});
