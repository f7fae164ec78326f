import * as path from 'node:path';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { COMMON_EMAIL_DOMAINS, EMAIL_REASONS, checkEmail, checkEmailWithoutFastPath, osaDistance, type EmailCheck } from '../../src/core/email';
import { SAMPLES_DIR, readTruth } from '../helpers/samples';

function expectValid(value: unknown, normalized: string) {
  expect(checkEmail(value)).toEqual({ status: 'valid', normalized, suggestion: null, reason: null });
}

function expectSuspect(value: unknown, suggestion: string) {
  const normalized = String(value).trim().toLowerCase();
  expect(checkEmail(value)).toEqual({ status: 'suspect', normalized, suggestion, reason: 'domain-typo' });
}

function expectInvalid(value: unknown, reason: EmailCheck['reason']) {
  expect(checkEmail(value)).toEqual({ status: 'invalid', normalized: null, suggestion: null, reason });
}

describe('checkEmail: empty cells', () => {
  it.each([null, undefined, '', '  ', '-', '无', 'n/a', '#N/A', { error: '#N/A' }])('%j is empty', (v) => {
    expect(checkEmail(v)).toEqual({ status: 'empty', normalized: null, suggestion: null, reason: null });
  });
});

describe('checkEmail: harmless cleanup', () => {
  it.each([
    ['li@qq.com', 'li@qq.com'],
    ['  li@qq.com ', 'li@qq.com'],
    ['\u3000li@qq.com\u00A0', 'li@qq.com'],
    ['Li@QQ.com', 'li@qq.com'],
    ['KEHU05@126.COM', 'kehu05@126.com'],
    ['li＠qq．com', 'li@qq.com'], // full-width forms (NFKC)
    ['ｌｉ＠ｑｑ．ｃｏｍ', 'li@qq.com'],
    ['li@qq。com', 'li@qq.com'], // 。 typed with a Chinese IME
    ['li@qq.com。', 'li@qq.com'],
    ['li@qq.com.', 'li@qq.com'],
    ['li@qq.com;', 'li@qq.com'],
    ['li@qq.com,', 'li@qq.com'],
    ['li@qq.com，', 'li@qq.com'],
    ['mailto:li@qq.com', 'li@qq.com'],
    ['MAILTO:Li@qq.com', 'li@qq.com'],
    ['Li Lei <li@qq.com>', 'li@qq.com'],
    ['李雷 <LI@QQ.COM>', 'li@qq.com'],
    ['<li@qq.com>', 'li@qq.com'],
    ['"li@qq.com"', 'li@qq.com'],
    ['(li@qq.com)', 'li@qq.com'],
    ['邮箱：li@qq.com', 'li@qq.com'],
    ['Email: li@qq.com', 'li@qq.com'],
    ['li\u200B@qq.com', 'li@qq.com'], // zero-width space from a chat app
    ['first.last+tag@example.com', 'first.last+tag@example.com'],
    ['o\'brien@example.ie', "o'brien@example.ie"],
    ['a@mail.example.com.cn', 'a@mail.example.com.cn'],
    ['a@例子.中国', 'a@例子.中国'], // internationalized domains are real
  ])('%j → %s', (v, normalized) => {
    expectValid(v, normalized);
  });

  it('reads hyperlink cells by their text', () => {
    expectValid({ text: 'li@qq.com', hyperlink: 'mailto:li@qq.com' }, 'li@qq.com');
  });
});

describe('checkEmail: invalid addresses say why', () => {
  it.each([
    ['ke hu528@foxmail.com', 'space-inside'],
    ['li @qq.com', 'space-inside'],
    ['a@@b.com', 'several-at'],
    ['a@b@c.com', 'several-at'],
    ['x@sina..com', 'double-dot'],
    ['li..lei@qq.com', 'double-dot'],
    ['.kehu@sina.com', 'leading-or-trailing-dot'],
    ['kehu.@sina.com', 'leading-or-trailing-dot'],
    ['a@.sina.com', 'leading-or-trailing-dot'],
    ['kehu52@sina', 'no-dot-in-domain'],
    ['kehu52@sina.', 'no-dot-in-domain'], // the trailing dot goes, then nothing is left
    ['kehu43qq.com', 'missing-at'],
    ['chloe.taylor126.com', 'missing-at'],
    ['@qq.com', 'bad-local-part'],
    ['张三@163.com', 'bad-local-part'], // Chinese providers issue no non-ASCII mailboxes
    ['li(x)@qq.com', 'bad-local-part'],
    ['li@', 'bad-domain'],
    ['li@qq_mail.com', 'bad-domain'],
    ['li@-qq.com', 'bad-domain'],
    ['li@qq.c', 'bad-domain'],
    ['li@1.2.3.4', 'bad-domain'],
    [`${'a'.repeat(65)}@qq.com`, 'too-long'],
    [`a@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(63)}.com`, 'too-long'],
    ['a@@x.com; b@@y.com', 'several-addresses'],
    [13800138000, 'missing-at'],
  ] as const)('%j → %s', (v, reason) => {
    expectInvalid(v, reason);
  });

  it('only uses reasons from the exported list', () => {
    for (const v of ['a b@c.com', 'a@@b.com', 'ab.com', 'a@b', 'a@b..com', '.a@b.com', '@b.com', 'a@b.1', 'li@qq.con']) {
      expect(EMAIL_REASONS).toContain(checkEmail(v).reason);
    }
  });
});

describe('checkEmail: domain typos', () => {
  it.each([
    ['li@qq.con', 'li@qq.com'],
    ['li@qq.co', 'li@qq.com'],
    ['li@qq.cmo', 'li@qq.com'],
    ['a@outlok.com', 'a@outlook.com'],
    ['a@gmai.com', 'a@gmail.com'],
    ['a@gmial.com', 'a@gmail.com'],
    ['a@gmail.co', 'a@gmail.com'],
    ['a@gmail.comm', 'a@gmail.com'],
    ['a@hotmai.com', 'a@hotmail.com'],
    ['a@hotmial.com', 'a@hotmail.com'],
    ['a@hotmal.con', 'a@hotmail.com'], // a name slip and a suffix slip together, on a long name
    ['a@163.cm', 'a@163.com'],
    ['a@126.con', 'a@126.com'],
    ['a@136.com', 'a@163.com'], // transposition
    ['a@sian.com', 'a@sina.com'],
    ['a@foxmial.com', 'a@foxmail.com'],
    ['a@yeah.ne', 'a@yeah.net'],
    ['a@vip.qq.con', 'a@vip.qq.com'],
    ['a@sina.com.cm', 'a@sina.com.cn'],
    ['a@yahooo.com', 'a@yahoo.com'],
    ['A@GMIAL.COM', 'a@gmail.com'],
  ])('%j → %s', (v, suggestion) => {
    expectSuspect(v, suggestion);
  });

  it('never corrects a known domain', () => {
    for (const domain of COMMON_EMAIL_DOMAINS) expectValid(`li@${domain}`, `li@${domain}`);
  });

  it.each([
    'sina.cn', // mailcheck says sina.ca
    '126.cn', // mailcheck says 126.ca; not close enough to 126.com either (two edits on a short name)
    'yeah.net', // mailcheck says yahoo.net
    'abc.com', // short company domains one edit from tom.com / aol.com / 163.com
    'tim.com',
    '138.com',
    '169.com',
    'qqq.com',
    'love.com', // one replaced letter from live.com on a four-letter name
    'huawei.com',
    'alibaba-inc.com',
    'live.cn', // real regional provider domains
    'yahoo.ca',
    'hotmail.fr',
    'gmx.de',
    'company.com.cn',
  ])('%s is a valid domain, not a typo', (domain) => {
    expectValid(`li@${domain}`, `li@${domain}`);
  });

  it('measures optimal string alignment distance', () => {
    expect(osaDistance('gmial', 'gmail')).toBe(1);
    expect(osaDistance('136', '163')).toBe(1);
    expect(osaDistance('outlok', 'outlook')).toBe(1);
    expect(osaDistance('ca', 'abc')).toBe(3); // OSA, not unrestricted Damerau–Levenshtein (which says 2)
    expect(osaDistance('', 'abc')).toBe(3);
    expect(osaDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('checkEmail: several addresses in one cell', () => {
  it('takes the first valid address, else the first suspect one', () => {
    expectValid('li@qq.com; wang@163.com', 'li@qq.com');
    expectValid('li@@qq.com, wang@163.com', 'wang@163.com');
    expect(checkEmail('li@qq.con / x@@y.com')).toMatchObject({ status: 'suspect', suggestion: 'li@qq.com' });
  });
});

describe('checkEmail: properties', () => {
  const local = fc.stringMatching(/^[a-z0-9]{1,8}(?:[._+-][a-z0-9]{1,8}){0,3}$/);
  const domain = fc.oneof(
    fc.constantFrom(...COMMON_EMAIL_DOMAINS, 'qq.con', 'outlok.com', 'gmial.com', '136.com', 'sina.ca', 'example.com'),
    fc.stringMatching(/^[a-z0-9]{1,8}\.(?:com|cn|net|com\.cn|org|co|cm|con)$/),
  );
  const decoration = fc.constantFrom('', ' ', '。', '.', ';', ',', '\u3000');
  const address = fc
    .tuple(fc.constantFrom('', 'mailto:', '邮箱：'), local, domain, decoration, fc.boolean())
    .map(([prefix, l, d, tail, upper]) => {
      const a = `${prefix}${l}@${d}${tail}`;
      return upper ? a.toUpperCase() : a;
    });

  it('never throws, whatever the string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => void checkEmail(s)), { numRuns: 1000 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => void checkEmail(s)), { numRuns: 1000 });
    fc.assert(fc.property(address, (s) => void checkEmail(s)), { numRuns: 1000 });
    fc.assert(fc.property(fc.anything(), (v) => void checkEmail(v)), { numRuns: 500 });
  });

  it('is idempotent: checking a normalized address gives it back with the same status', () => {
    const anyText = fc.oneof(address, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary-ascii' }).map((s) => `${s}@qq.com`));
    fc.assert(
      fc.property(anyText, (s) => {
        const first = checkEmail(s);
        if (first.normalized === null) return;
        const again = checkEmail(first.normalized);
        expect(again).toEqual(first);
      }),
      { numRuns: 3000 },
    );
  });

  it('a usable address has no whitespace and exactly one @; invalid ones carry nothing', () => {
    fc.assert(
      fc.property(fc.oneof(address, fc.string()), (s) => {
        const r = checkEmail(s);
        if (r.status === 'valid' || r.status === 'suspect') {
          expect(r.normalized).not.toMatch(/\s/);
          expect(r.normalized?.split('@')).toHaveLength(2);
          expect(r.normalized).toBe(r.normalized?.toLowerCase());
        } else {
          expect([r.normalized, r.suggestion]).toEqual([null, null]);
        }
        expect(r.status === 'suspect').toBe(r.suggestion !== null);
      }),
      { numRuns: 2000 },
    );
  });

  it('the fast path for plain addresses gives the same answer as the full cleanup', () => {
    const atext = fc.constantFrom(...'abcXYZ019.-_+!#$%&*/=?^`{|}~\'@ \u212A\u0130'.split(''));
    const messy = fc.array(atext, { maxLength: 14 }).map((cs) => cs.join(''));
    const anyText = fc.oneof(address, messy.map((l) => `${l}@qq.com`), fc.tuple(local, messy).map(([l, d]) => `${l}@${d}`), fc.string());
    fc.assert(
      fc.property(anyText, (s) => {
        expect(checkEmail(s)).toEqual(checkEmailWithoutFastPath(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('recognises generated addresses as valid or suspect', () => {
    fc.assert(
      fc.property(address, (s) => {
        expect(['valid', 'suspect']).toContain(checkEmail(s).status);
      }),
      { numRuns: 1000 },
    );
  });
});

// Ground truth: the email column of the sample ledgers.

describe('checkEmail on the sample ledgers', () => {
  it.each(['customers-zh', 'customers-en'])('agrees with %s.truth.json on every row', async (name) => {
    const truth = readTruth(name);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(SAMPLES_DIR, `${name}.xlsx`));
    const sheet = workbook.getWorksheet(truth.sheet);
    if (!sheet) throw new Error(`sheet ${truth.sheet} missing`);
    const header = sheet.getRow(truth.headerRow);
    const column = [...Array(header.cellCount).keys()].map((i) => i + 1).find((c) => ['电子邮箱', 'Email Address'].includes(String(header.getCell(c).value)));
    expect(column).toBeDefined();
    const misses = truth.rows
      .map((row) => ({ row: row.row, cell: sheet.getRow(row.row).getCell(column ?? 0).value, want: row.email }))
      .map((r) => ({ ...r, got: checkEmail(r.cell) }))
      .filter(({ want, got }) => want.status !== got.status || want.normalized !== got.normalized || want.suggestion !== got.suggestion);
    expect(misses).toEqual([]);
  });
});
