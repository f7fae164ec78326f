/**
 * Masking by content: addresses and phone numbers inside free text, columns that hold contacts whatever
 * their header says, phones stored as numbers — and what is not a phone (dates, amounts, counts).
 */
import fc from 'fast-check';
import { contactKindOfColumn, isPhoneStoredAsNumber, maskContactsInText } from '../../src/core/mask';

describe('maskContactsInText', () => {
  it.each([
    ['老客户，手机 13800138000，周末别打', '老客户，手机 138****8000，周末别打'],
    ['请联系 138-0013-8000 或 010-62345678', '请联系 138****8000 或 ********78'],
    ['备用 +86 139 1234 5678', '备用 139****5678'],
    ['(+86)13912345678 老板', '139****5678 老板'],
    ['tel:１３８００１３８０００', 'tel:138****8000'],
    ['座机（0755）8888-1234 转 12', '座机755****1234 转 12'], // a Shenzhen landline: 11 digits with its area code
    ['邮件 zhangsan@qq.com 或 Boss.Chen@Example.COM。', '邮件 z***@qq.com 或 B***@Example.COM。'],
    ['请联系张三zhangsan@qq.com', '请联系张三z***@qq.com'],
    ['张三@163.com', '张***@163.com'],
    ['ｌｉｓｉ＠ｑｑ．ｃｏｍ', 'l***@qq.com'],
    ['13800138000@qq.com', '1***@qq.com'],
    ['UK +44 20 7946 0958', 'UK +44 ********58'],
    ['+1 202-555-0143 (NY office)', '+1 ********43 (NY office)'],
    ['身份证 110101199003074578', '身份证 110***********4578'],
    ['138\u200b0013\u200b8000', '138****8000'],
  ])('%p → %p', (input, masked) => {
    expect(maskContactsInText(input)).toBe(masked);
  });

  it.each([
    '2025-12-09 来电，下单 3 件',
    '2025/12/09 签约；09.12.2025 回款',
    '合同金额 1234567.89 元，已付 125,644 元',
    '订单 12 次，邮编 100080',
    '货款 ￥3456789 已结清',
    '共 1234567 元',
    '无',
    '',
    'VIP 客户',
  ])('leaves text without contacts as it is: %p', (text) => {
    expect(maskContactsInText(text)).toBe(text);
  });

  it('returns the cell text of any value and never throws', () => {
    expect(maskContactsInText(null)).toBe('');
    expect(maskContactsInText(12)).toBe('12');
    fc.assert(fc.property(fc.anything(), (v) => {
      expect(typeof maskContactsInText(v)).toBe('string');
    }), { numRuns: 500 });
  });

  // Digits, separators, dates, amounts and address pieces side by side: where tokens meet is where masking could go wrong.
  const noisy = fc.string({ unit: fc.constantFrom(...'0123456789０１ -+()（）.．/@＠_aZ张三元旦¥$,，;：\u3000\u200b\u00a0', '2025-12-09', '13800138000',
    'qq.com', '万元', 'rmb', '.5', '0086', '+86', '(+', '+(', '000', '1.23', '12-31', '＋', '（', '）', '.5元', '３') });

  it('is idempotent: masking masked text changes nothing', () => {
    fc.assert(fc.property(fc.oneof(noisy, fc.string({ unit: 'grapheme' })), (s) => {
      const once = maskContactsInText(s);
      expect(maskContactsInText(once)).toBe(once);
    }), { numRuns: 3000 });
  });

  it('never adds a digit, and leaves no phone-like run of 7 or more digits outside dates and amounts', () => {
    const noDatesOrAmounts = fc.string({ unit: fc.constantFrom(...'0123456789０１２ -+()（）@＠aZ张：;\u3000') });
    fc.assert(fc.property(noDatesOrAmounts, (s) => {
      const out = maskContactsInText(s);
      const digits = (t: string) => t.normalize('NFKC').replace(/\D/g, '').length;
      expect(digits(out)).toBeLessThanOrEqual(digits(s));
      // Runs of digits joined by the separators people type between them (an address keeps its first character: not a run).
      for (const run of out.normalize('NFKC').replace(/\S?\*{3}@\S*/g, ' ').match(/\d(?:[\d\s\-()（）]*\d)?/g) ?? []) expect(run.replace(/\D/g, '').length).toBeLessThan(7);
    }), { numRuns: 3000 });
  });

  it('never reveals the middle of a mobile or the local part of an address, whatever text is around them', () => {
    const mobile = fc.tuple(fc.constantFrom('13', '15', '17', '18', '19'), fc.stringMatching(/^\d{9}$/)).map(([a, b]) => a + b);
    const style = fc.constantFrom((d: string) => d, (d: string) => `+86 ${d}`, (d: string) => `${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`,
      (d: string) => `${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`, (d: string) => `(0086)${d}`,
      (d: string) => d.replace(/\d/g, (c) => String.fromCharCode(0xff10 + Number(c))));
    const words = fc.string({ unit: fc.constantFrom(...'客户老板周末请联系，。:： abcXYZ') });
    const local = fc.stringMatching(/^[a-z][a-z0-9._]{4,15}$/);
    fc.assert(fc.property(words, mobile, style, words, local, words, (before, d, format, middle, user, after) => {
      const out = maskContactsInText(`${before}${format(d)}${middle} ${user}@example.com${after}`);
      expect(out.normalize('NFKC').replace(/\D/g, '')).toBe(`${d.slice(0, 3)}${d.slice(7)}`);
      // The address's whole local part (from the space before it to the @) is its first letter and stars; the rest
      // of the local part may still occur by chance in the words around it or in "example.com", so test the slot.
      expect(out).toMatch(new RegExp(`\\s${user[0]}\\*{3}@example\\.com`));
    }), { numRuns: 500 });
  });
});

describe('contactKindOfColumn', () => {
  it.each([
    [['zhangsan@qq.com', 'li@163.com', null, 'n/a', 'wang@sina.com'], 'email'],
    [['张三 <zhangsan@qq.com>', 'li@163.com', '没有'], 'email'],
    [['+8613800138000', '+8613912345678', '+12025550143'], 'phone'],
    [['13800138000', 13912345678, '010-62345678', ''], 'phone'],
    [['手机：13800138000', 'Tel 021-61234567', '139 1234 5678 转 8'], 'phone'],
    [[13800138000, 13912345678, 18612345678], 'phone'],
    [['张三', '李四', '王五'], null],
    [['2025-12-09', '2025-11-01', '2024-01-31'], null],
    [[46000, 45500, 46300], null], // dates as serials
    [[125644, 3000, 12000, 56000], null], // amounts
    [[3, 1, 0, 5], null], // counts
    [['老客户，手机 13800138000，周末别打', '已回访，满意', '报价单已发'], null], // notes: masked in the text, not as a phone column
    [[], null],
  ])('%p → %p', (values, kind) => {
    expect(contactKindOfColumn(values)).toBe(kind);
  });

  it('needs most of the filled cells: one address among notes does not make an email column', () => {
    expect(contactKindOfColumn(['a@qq.com', '已回访', '报价', '下周再联系'])).toBeNull();
    expect(contactKindOfColumn(['a@qq.com', 'b@qq.com', '报价'])).toBe('email');
  });
});

describe('isPhoneStoredAsNumber', () => {
  it.each([
    [13800138000, true],
    [8613800138000, true],
    [19912345678, true],
    [125644, false],
    [12000.5, false],
    [46000, false],
    [3, false],
    [10000000000, false], // 11 digits but no mainland mobile prefix: an amount
    ['13800138000', false], // text is masked as text
    [Number.NaN, false],
  ])('%p → %p', (v, phone) => {
    expect(isPhoneStoredAsNumber(v)).toBe(phone);
  });
});
