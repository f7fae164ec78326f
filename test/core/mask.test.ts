import fc from 'fast-check';
import { maskDigits, maskEmail, maskName, maskPhone } from '../../src/core/mask';

describe('maskPhone', () => {
  it.each([
    ['13800138000', '138****8000'],
    [13800138000, '138****8000'],
    ['+86 138-0013-8000', '138****8000'],
    ['(+86)13800138000', '138****8000'],
    ['１３８ ００１３ ８０００', '138****8000'],
    ['手机：13800138000 转 123', '138****8000'],
    ['+8613800138000', '138****8000'],
    ['010-62345678', '********78'], // a Beijing landline: national 1062345678, 10 digits
    ['+1 202-555-0143', '+1 ********43'], // another country keeps its calling code
    ['12345', '***45'],
    ['1234', '****'],
    ['138-0013-8000-9999', '138********9999'], // invalid, 15 digits: still masked by the digit rule
    ['call me', '***'],
    ['', ''],
    [null, ''],
    ['无', ''],
    ['#N/A', ''],
  ])('%p → %p', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });

  it('leaves an already masked value as it is', () => {
    for (const m of ['138****8000', '********78', '+1 ********43', '****', '***']) expect(maskPhone(m)).toBe(m);
  });

  it('never throws, and masking twice is masking once, on any input', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: fc.constantFrom(...'0123456789 +-()*#转ext.＋１２３') }), fc.anything()), (s) => {
      const once = maskPhone(s);
      expect(typeof once).toBe('string');
      expect(maskPhone(once)).toBe(once);
    }), { numRuns: 2000 });
  });

  it('never reveals the middle digits of a mainland mobile, however it is typed', () => {
    const mobile = fc.tuple(fc.constantFrom('13', '15', '17', '18', '19'), fc.stringMatching(/^\d{9}$/)).map(([a, b]) => a + b);
    const style = fc.constantFrom((d: string) => d, (d: string) => `+86 ${d}`, (d: string) => `${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`,
      (d: string) => `${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`, (d: string) => `手机：${d}`, (d: string) => `0086${d}`);
    fc.assert(fc.property(mobile, style, (d, format) => {
      const masked = maskPhone(format(d));
      // Whatever libphonenumber thinks of the number, the output holds at most the first 3 and last 4.
      expect(masked).toBe(`${d.slice(0, 3)}****${d.slice(7)}`);
    }), { numRuns: 500 });
  });

  it('never shows more than 7 digits, and hides at least 4 of any run of 11 or more', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'0123456789 -') }), (s) => {
      const shown = maskPhone(s).replace(/\D/g, '');
      const typed = s.replace(/\D/g, '');
      expect(shown.length).toBeLessThanOrEqual(7);
      if (typed.length >= 11) expect(shown.length).toBeLessThanOrEqual(typed.length - 4);
    }), { numRuns: 1000 });
  });

  it('maskDigits follows the documented shape', () => {
    expect(maskDigits('')).toBe('***');
    expect(maskDigits('12')).toBe('**');
    expect(maskDigits('1234567890')).toBe('********90');
    expect(maskDigits('12345678901')).toBe('123****8901');
    expect(maskDigits('123456789012')).toBe('123*****9012');
  });

  it('does not throw on an unknown default region', () => {
    expect(maskPhone('13800138000', 'ZZ')).toMatch(/\*/);
  });
});

describe('maskEmail', () => {
  it.each([
    ['li@qq.com', 'l***@qq.com'],
    ['LiSi@QQ.com', 'L***@QQ.com'],
    ['李四@163.com', '李***@163.com'],
    ['ｌｉ＠ｑｑ．ｃｏｍ', 'l***@qq.com'],
    ['张三 <zhangsan@qq.com>', 'z***@qq.com'],
    ['a@x.com; b@y.com', 'a***@x.com; b***@y.com'],
    ['@qq.com', '***@qq.com'],
    ['wangwu@', 'w***@'],
    ['no address', '***'],
    ['', ''],
    [null, ''],
    ['n/a', ''],
  ])('%p → %p', (input, masked) => {
    expect(maskEmail(input)).toBe(masked);
  });

  it('never throws, and masking twice is masking once', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: fc.constantFrom(...'ab@.*; <>李') }), fc.anything()), (s) => {
      const once = maskEmail(s);
      expect(typeof once).toBe('string');
      expect(maskEmail(once)).toBe(once);
    }), { numRuns: 2000 });
  });

  it('keeps nothing of the local part but its first character', () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-z0-9._]{2,20}$/), fc.constantFrom('qq.com', '163.com', 'example.org'), (local, domain) => {
      const masked = maskEmail(`${local}@${domain}`);
      expect(masked).toBe(`${local[0]}***@${domain}`);
    }));
  });
});

describe('maskName', () => {
  it.each([
    ['张三', '张*'],
    ['欧阳娜娜', '欧***'],
    ['王', '王*'],
    ['John Smith', 'J*** S****'],
    ['', ''],
  ])('%p → %p', (input, masked) => {
    expect(maskName(input)).toBe(masked);
  });
  it('never throws, and masking twice is masking once', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.anything()), (s) => {
      const once = maskName(s);
      expect(maskName(once)).toBe(once);
    }), { numRuns: 1000 });
  });
});
