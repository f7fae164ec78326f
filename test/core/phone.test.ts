import * as path from 'node:path';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { parsePhoneNumberWithError } from 'libphonenumber-js/max';
import {
  LIBRARY_LAGGING_PREFIXES,
  MAINLAND_MOBILE_PREFIXES,
  PHONE_REASONS,
  checkPhone,
  checkPhoneWithLibrary,
  type PhoneCheck,
} from '../../src/core/phone';
import { SAMPLES_DIR, readTruth } from '../helpers/samples';

const E164 = /^\+[1-9]\d{6,14}$/;

function expectValid(value: unknown, e164: string, kind: PhoneCheck['kind'], extension: string | null = null, region?: string) {
  expect(checkPhone(value, region)).toEqual({ status: 'valid', e164, kind, extension, reason: null });
}

function expectInvalid(value: unknown, reason: PhoneCheck['reason'], region?: string) {
  expect(checkPhone(value, region)).toEqual({ status: 'invalid', e164: null, kind: null, extension: null, reason });
}

describe('checkPhone: empty cells', () => {
  it.each([null, undefined, '', '   ', '-', '无', 'n/a', 'N/A', '—', '#N/A', { error: '#N/A' }, Number.NaN])('%j is empty', (v) => {
    expect(checkPhone(v)).toEqual({ status: 'empty', e164: null, kind: null, extension: null, reason: null });
  });
});

describe('checkPhone: mainland mobiles as people type them', () => {
  it.each([
    '13800138000',
    '138 0013 8000',
    '138-0013-8000',
    '138.0013.8000',
    ' 138 0013 8000 ',
    '(+86)13800138000',
    '(+86) 138 0013 8000',
    '+86-138-0013-8000',
    '+86 138 0013 8000',
    '+8613800138000',
    '0086 138 0013 8000',
    '008613800138000',
    '8613800138000',
    '86 138 0013 8000',
    '１３８００１３８０００', // full-width digits
    '１３８－００１３－８０００',
    '138\u00A00013\u30008000\u200B', // no-break, ideographic and zero-width spaces
    '手机：13800138000',
    '手机号: 138 0013 8000',
    'mobile: 13800138000',
    'Mobile:+86 138 0013 8000',
    'M: 13800138000',
    '13800138000（微信同号）',
    '13800138000 张经理',
    '张经理 13800138000',
  ])('%j → +8613800138000', (v) => {
    expectValid(v, '+8613800138000', 'mobile');
  });

  it('reads numbers Excel stored as numbers', () => {
    expectValid(13800138000, '+8613800138000', 'mobile');
    expectValid(8613800138000, '+8613800138000', 'mobile');
  });

  it('reads exceljs rich text and formula results', () => {
    expectValid({ richText: [{ text: '138 ' }, { text: '0013 8000' }] }, '+8613800138000', 'mobile');
    expectValid({ formula: 'A1', result: 13800138000 }, '+8613800138000', 'mobile');
  });
});

describe('checkPhone: landlines', () => {
  it.each([
    ['0571-34775499', '+8657134775499'],
    ['(021) 83667979', '+862183667979'],
    ['（021）83667979', '+862183667979'],
    ['057157235118', '+8657157235118'],
    [57157235118, '+8657157235118'], // typed as a number, Excel dropped the trunk 0
    ['010-86942304', '+861086942304'],
    ['+86 21 67948421', '+862167948421'],
    ['+86 (0)21 6794 8421', '+862167948421'],
    ['+86 571 34775499', '+8657134775499'],
    ['Tel: 0571-88888888', '+8657188888888'],
    ['电话 0571 8888 8888', '+8657188888888'],
    ['座机：0755-58365810', '+8675558365810'],
  ])('%j → %s (fixed)', (v, e164) => {
    expectValid(v, e164, 'fixed');
  });

  it('calls non-geographic service numbers "other"', () => {
    expectValid('400-123-4567', '+864001234567', 'other');
  });
});

describe('checkPhone: extensions', () => {
  it.each([
    ['0571-88888888 转 123', '123'],
    ['0571-88888888转123', '123'],
    ['0571-88888888-分机 8', '8'],
    ['0571-88888888 分机号：8001', '8001'],
    ['0571-88888888 ext. 12', '12'],
    ['0571-88888888 EXT 12', '12'],
    ['0571-88888888 extension 12', '12'],
    ['0571-88888888 x12', '12'],
    ['0571-88888888#12', '12'],
    ['0571-88888888（转12）', '12'],
  ])('%j → extension %s', (v, ext) => {
    expectValid(v, '+8657188888888', 'fixed', ext);
  });

  it('validates the main number, not the extension', () => {
    expectValid('+86 138 0013 8000 转 123', '+8613800138000', 'mobile', '123');
    expectInvalid('1895874766 转 12', 'too-short');
  });

  it('does not read a letter stuck inside the digits as an extension', () => {
    expectInvalid('13800138000x12', 'has-letters');
  });
});

describe('checkPhone: numbers from elsewhere', () => {
  it('validates +-prefixed numbers in their own country', () => {
    expectValid('+852 9601 6451', '+85296016451', 'mobile');
    expectValid('+44 20 7946 0385', '+442079460385', 'fixed');
    expectValid('0044 20 7946 0385', '+442079460385', 'fixed');
  });
  it('calls NANP numbers "other": the metadata cannot tell fixed from mobile there', () => {
    expectValid('+1 212 555 0100', '+12125550100', 'other');
  });
  it('uses the default region for numbers without a country code', () => {
    expectValid('(212) 555-0100', '+12125550100', 'other', null, 'US');
    expectValid('9601 6451', '+85296016451', 'mobile', null, 'hk');
    expectValid('+86 138 0013 8000', '+8613800138000', 'mobile', null, 'US');
    expect(checkPhone('13800138000', 'US').status).toBe('invalid');
  });
  it('flags unknown countries', () => {
    expectInvalid('+999 1234 5678', 'unknown-country');
    expectInvalid('13800138000', 'unknown-country', 'XX');
    expectValid('+86 138 0013 8000', '+8613800138000', 'mobile', null, 'XX');
  });
});

describe('checkPhone: invalid numbers say why', () => {
  it.each([
    ['1873683o857', 'has-letters'], // never "fixed" to 0
    ['1885651O824', 'has-letters'],
    ['abc', 'has-letters'],
    ['电话', 'not-a-number'],
    ['+', 'not-a-number'],
    ['138*0013*8000', 'not-a-number'],
    ['++86 138 0013 8000', 'not-a-number'],
    ['12596357940', 'invalid-for-region'], // 125 is no mobile range
    ['12206698411', 'invalid-for-region'],
    ['153456871313', 'too-long'], // a mobile with one digit too many
    ['150677189478', 'too-long'],
    ['1895874766', 'too-short'], // a mobile with one digit missing
    ['1579656544', 'too-short'],
    ['54512', 'too-short'],
    ['95588', 'too-short'],
  ] as const)('%j → %s', (v, reason) => {
    expectInvalid(v, reason);
  });

  // Issue 16: a landline typed without its area code is incomplete (not invalid), and keeps its digits.
  it.each(['88888888', '3477549'])('%j → incomplete, missing-area-code', (v) => {
    expect(checkPhone(v)).toEqual({ status: 'incomplete', e164: null, kind: null, extension: null, reason: 'missing-area-code', local: v });
  });

  it('rejects numbers that are not whole', () => {
    expectInvalid(13800138000.5, 'not-a-number');
    expectInvalid(-13800138000, 'not-a-number');
  });

  it('only uses reasons from the exported list', () => {
    const reasons = ['1873683o857', '+', '12596357940', '153456871313', '54512', '88888888', '+999 1'].map((v) => checkPhone(v).reason);
    for (const r of reasons) expect(PHONE_REASONS).toContain(r);
  });
});

describe('checkPhone: several numbers in one cell', () => {
  it.each([
    '13800138000 / 13900139000',
    '13800138000/13900139000',
    '13800138000；13900139000',
    '13800138000, 13900139000',
    '13800138000、13900139000',
    '13800138000 或 13900139000',
    '13800138000 13900139000',
  ])('%j: the first number', (v) => {
    expectValid(v, '+8613800138000', 'mobile');
  });
  it('prefers a valid mobile to a landline, and any valid number to an invalid one', () => {
    expectValid('0571-88888888 / 13900139000', '+8613900139000', 'mobile');
    expectValid('12596357940 / 0571-88888888', '+8657188888888', 'fixed');
  });
  it('reports the first failure when none is valid', () => {
    expectInvalid('12596357940 / 1873683o857', 'invalid-for-region');
  });
  it('does not split a grouped number or an extension', () => {
    expectValid('0571 8888 8888, ext 12', '+8657188888888', 'fixed', '12');
  });
});

describe('mainland mobile prefixes', () => {
  // Every prefix accepted (MAINLAND_MOBILE_PREFIXES, allocated by MIIT) must be valid, and the library
  // must agree except for the ranges it is known to lag on. When a library update accepts one of those,
  // this test fails: drop it from LIBRARY_LAGGING_PREFIXES.
  const suffixes = ['00000000', '12345678', '99999999', '50718263'];

  it.each([...MAINLAND_MOBILE_PREFIXES])('%s is a valid mobile prefix', (prefix) => {
    for (const suffix of suffixes) {
      const number = `${prefix}${suffix}`;
      expect(checkPhone(number)).toEqual({ status: 'valid', e164: `+86${number}`, kind: 'mobile', extension: null, reason: null });
      expect(checkPhoneWithLibrary(number).kind).toBe('mobile');
      const libraryType = parsePhoneNumberWithError(number, 'CN').getType();
      if (LIBRARY_LAGGING_PREFIXES.includes(prefix)) expect(libraryType).toBeUndefined();
      else expect(libraryType).toBe('MOBILE');
    }
  });

  it.each(['140', '141', '142', '143', '144', '154', '160', '163', '164', '168', '169', '179', '194', '100', '110', '120'])(
    '%s is not a mobile prefix',
    (prefix) => {
      expect(checkPhone(`${prefix}12345678`).status).toBe('invalid');
    },
  );

  it('lagging prefixes are a subset of the accepted ones', () => {
    for (const p of LIBRARY_LAGGING_PREFIXES) expect(MAINLAND_MOBILE_PREFIXES).toContain(p);
  });
});

describe('fast path', () => {
  const countryPrefixes = ['', '+86', '+86 ', '+86-', '(+86)', '(+86) ', '0086', '0086 ', '86', '86 '];
  const shapes: ((n: string) => string)[] = [
    (n) => n,
    (n) => `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`,
    (n) => `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`,
  ];

  it('gives the library answer for every 1xx prefix in every common shape', () => {
    for (let p = 100; p <= 199; p++) {
      for (const suffix of ['00000000', '13572468', '99999999']) {
        for (const country of countryPrefixes) {
          for (const shape of shapes) {
            const text = country + shape(`${p}${suffix}`);
            expect([text, checkPhone(text)]).toEqual([text, checkPhoneWithLibrary(text)]);
          }
        }
      }
    }
  });

  it('gives the library answer for random numbers', () => {
    const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
    const text = fc
      .tuple(fc.constantFrom(...countryPrefixes), fc.integer({ min: 100, max: 199 }), digits(8), fc.constantFrom(...shapes), fc.constantFrom('CN', 'US', 'HK'))
      .map(([country, p, rest, shape, region]) => ({ text: country + shape(`${p}${rest}`), region }));
    fc.assert(
      fc.property(text, ({ text, region }) => {
        expect(checkPhone(text, region)).toEqual(checkPhoneWithLibrary(text, region));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the library answer for any text of digits, spaces, dashes, + and brackets', () => {
    const text = fc.array(fc.constantFrom(...'0123456789', '1', '1', '86', '+86', '(+86)', ' ', '-', '+', '(', ')'), { minLength: 1, maxLength: 16 })
      .map((parts) => parts.join(''));
    fc.assert(fc.property(text, (t) => {
      expect(checkPhone(t)).toEqual(checkPhoneWithLibrary(t));
    }), { numRuns: 3000 });
  });

  // Mobile-looking numbers two digits short or long: the fast path answers too-short / too-long.
  const wrongLengthShapes: ((n: string) => string)[] = [
    (n) => n,
    (n) => `0${n}`,
    (n) => `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`,
    (n) => `0${n.slice(0, 2)}-${n.slice(2)}`, // "013-00138000": a landline-looking slip
    (n) => `-${n}-`,
  ];

  it('gives the library answer for every 1xx prefix with 10 or 12 digits', () => {
    for (let p = 100; p <= 199; p++) {
      for (const suffix of ['0000000', '1357246', '9999999', '0000000000', '1357246800', '9999999999', '00000000', '123456789']) {
        for (const shape of wrongLengthShapes) {
          const text = shape(`${p}${suffix}`);
          expect([text, checkPhone(text)]).toEqual([text, checkPhoneWithLibrary(text)]);
        }
      }
    }
  });

  it('says too-short or too-long for the wrong-length shapes, as the library does', () => {
    expect(checkPhone('1381234567').reason).toBe('too-short');
    expect(checkPhone('013-00138000').reason).toBe('too-short');
    expect(checkPhone('138123456789').reason).toBe('too-long');
    expect(checkPhone('0138123456789').reason).toBe('too-long');
    expect(checkPhone(1381234567).reason).toBe('too-short');
  });

  it('gives the library answer for random wrong-length numbers', () => {
    const digits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 6, maxLength: 11 }).map((d) => d.join(''));
    const text = fc
      .tuple(fc.integer({ min: 100, max: 199 }), digits, fc.constantFrom(...wrongLengthShapes, ...shapes))
      .map(([p, rest, shape]) => shape(`${p}${rest}`));
    fc.assert(
      fc.property(text, fc.constantFrom('CN', 'US'), (t, region) => {
        expect(checkPhone(t, region)).toEqual(checkPhoneWithLibrary(t, region));
      }),
      { numRuns: 5000 },
    );
  });

  it('gives the library answer for numbers stored as numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10_000_000_000, max: 19_999_999_999 }), fc.boolean(), (n, withCountry) => {
        const value = withCountry ? 86 * 1e11 + n : n;
        expect(checkPhone(value)).toEqual(checkPhoneWithLibrary(value));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('checkPhone: properties', () => {
  const phoneLike = fc
    .tuple(
      fc.constantFrom('', '+', '+86 ', '(+86)', '0086', '0', '+852 ', '+44 ', '+1 ', '手机：', 'Tel: '),
      fc.array(fc.constantFrom('0', '1', '2', '3', '5', '7', '8', '9', ' ', '-', '.', '(', ')'), { minLength: 0, maxLength: 16 }),
      fc.constantFrom('', ' 转 12', ' ext. 3', ''),
    )
    .map(([a, b, c]) => a + b.join('') + c);

  it('never throws, whatever the string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => void checkPhone(s)), { numRuns: 1000 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => void checkPhone(s)), { numRuns: 1000 });
    fc.assert(fc.property(phoneLike, (s) => void checkPhone(s)), { numRuns: 2000 });
    fc.assert(fc.property(fc.anything(), (v) => void checkPhone(v)), { numRuns: 500 });
  });

  it('a valid result is E.164 and checking it again gives the same number', () => {
    const mobile = fc
      .tuple(fc.constantFrom(...MAINLAND_MOBILE_PREFIXES), fc.integer({ min: 0, max: 99_999_999 }))
      .map(([p, n]) => `${p}${String(n).padStart(8, '0')}`);
    const anyNumber = fc.oneof(phoneLike, mobile, fc.integer({ min: 0, max: 99_999_999_999_999 }).map((n) => `+${n}`));
    let valid = 0;
    fc.assert(
      fc.property(anyNumber, fc.constantFrom('CN', 'US', 'GB'), (s, region) => {
        const first = checkPhone(s, region);
        if (first.status !== 'valid') return;
        valid++;
        expect(first.e164).toMatch(E164);
        expect(first.reason).toBeNull();
        const again = checkPhone(first.e164, region);
        expect(again.status).toBe('valid');
        expect(again.e164).toBe(first.e164);
        expect(again.kind).toBe(first.kind);
      }),
      { numRuns: 3000 },
    );
    expect(valid).toBeGreaterThan(300);
  });

  it('an invalid or empty result carries no number', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = checkPhone(s);
        if (r.status !== 'valid') expect([r.e164, r.kind, r.extension]).toEqual([null, null, null]);
        expect(r.status === 'invalid').toBe(r.reason !== null);
      }),
    );
  });
});

// Ground truth: column H of the sample ledgers.

describe('checkPhone on the sample ledgers', () => {
  it.each(['customers-zh', 'customers-en'])('agrees with %s.truth.json on every row', async (name) => {
    const truth = readTruth(name);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(SAMPLES_DIR, `${name}.xlsx`));
    const sheet = workbook.getWorksheet(truth.sheet);
    if (!sheet) throw new Error(`sheet ${truth.sheet} missing`);
    const header = sheet.getRow(truth.headerRow);
    const column = [...Array(header.cellCount).keys()].map((i) => i + 1).find((c) => ['联系电话', 'Phone'].includes(String(header.getCell(c).value)));
    expect(column).toBeDefined();
    const misses = truth.rows
      .map((row) => ({ row: row.row, cell: sheet.getRow(row.row).getCell(column ?? 0).value, want: row.phone }))
      .map((r) => ({ ...r, got: checkPhone(r.cell) }))
      .filter(({ want, got }) => want.status !== got.status || want.e164 !== got.e164);
    expect(misses).toEqual([]);
  });
});
