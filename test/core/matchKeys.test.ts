import fc from 'fast-check';
import { Locale } from 'opencc-js/t2cn';
import { bigramSimilarity, companyKey, editSimilarity, mayHaveTraditional, nameKey, nameSimilarity, simplified, simplifiedByConverter } from '../../src/core/matchKeys';

describe('nameKey', () => {
  it('ignores spaces inside Chinese names and folds traditional characters', () => {
    expect(nameKey('许 娜斌')).toBe(nameKey('许娜斌'));
    expect(nameKey('許娜斌')).toBe(nameKey('许娜斌'));
    expect(nameKey('　张敏 ')).toBe('张敏');
  });
  it('treats "Last, First", case and titles as the same name', () => {
    expect(nameKey('Wood, John')).toBe(nameKey('John Wood'));
    expect(nameKey('SOPHIE MOORE')).toBe(nameKey('sophie moore'));
    expect(nameKey('Mr. John Wood')).toBe(nameKey('John Wood'));
    expect(nameKey('Robert Green ')).toBe(nameKey('Robert Green'));
  });
  it('keeps different names apart', () => {
    expect(nameKey('张敏')).not.toBe(nameKey('张明'));
    expect(nameKey('John Wood')).not.toBe(nameKey('John Woods'));
  });
  it('is empty for a blank name', () => {
    expect(nameKey('  ')).toBe('');
  });
});

describe('companyKey', () => {
  it.each([
    ['广州卓越制造有限公司', '卓越制造有限公司'],
    ['新锐物流（广州）有限公司', '广州新锐物流有限公司'],
    ['杭州市宏图物流有限公司', '杭州宏图物流有限公司'],
    ['瑞丰科技（成都）有限公司', '成都瑞丰科技有限公司'],
    ['华信科技', '成都华信科技有限公司'],
    ['Hengtong Trading Co Ltd', 'Hengtong Trading Co., Ltd.'],
    ['Grandplan Trading', 'GRANDPLAN TRADING CO., LTD.'],
    ['北京智联股份有限公司', '智联集团'],
  ])('%s = %s', (a, b) => {
    expect(companyKey(a)).toBe(companyKey(b));
    expect(companyKey(a)).not.toBe('');
  });
  it('keeps different companies apart', () => {
    expect(companyKey('广州卓越制造有限公司')).not.toBe(companyKey('广州卓越物流有限公司'));
    expect(companyKey('Boya Trading Co., Ltd.')).not.toBe(companyKey('Bluesea Trading Co., Ltd.'));
  });
  it('treats "individual" markers as no company', () => {
    expect(companyKey('个人')).toBe('');
    expect(companyKey('')).toBe('');
  });
  it('does not strip a place that is the whole name', () => {
    expect(companyKey('北京')).toBe('北京');
  });
});

describe('bigramSimilarity', () => {
  it('is 1 for equal strings and 0 for unrelated ones', () => {
    expect(bigramSimilarity('王小明', '王小明')).toBe(1);
    expect(bigramSimilarity('王小明', '李静')).toBe(0);
  });
  it('is partial for near names', () => {
    const s = bigramSimilarity('欧阳小明', '欧阳晓明');
    expect(s).toBeGreaterThan(0);
    expect(s).toBeLessThan(1);
  });
});

describe('editSimilarity / nameSimilarity', () => {
  it('scores one changed character in a short name', () => {
    expect(editSimilarity('张敏', '张明')).toBe(0.5);
    expect(nameSimilarity('欧阳小明', '欧阳晓明')).toBe(0.75);
    expect(editSimilarity('', 'a')).toBe(0);
    expect(editSimilarity('abc', 'abc')).toBe(1);
  });
});

describe('simplified: skipping the converter when no character can convert', () => {
  it('gives the converter answer for every single ideograph', () => {
    const ranges: [number, number][] = [[0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff], [0x20000, 0x2a6df]];
    const wrong: string[] = [];
    for (const [from, to] of ranges) {
      for (let cp = from; cp <= to; cp++) {
        const ch = String.fromCodePoint(cp);
        if (simplified(ch) !== simplifiedByConverter(ch)) wrong.push(ch);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('folds phrases whose characters alone would stay (乾燥 → 干燥), and mixed text', () => {
    expect(simplified('乾燥')).toBe(simplifiedByConverter('乾燥'));
    expect(simplified('乾燥')).not.toBe('乾燥');
    expect(simplified('許娜斌')).toBe('许娜斌');
    expect(simplified('许娜斌')).toBe('许娜斌');
    expect(simplified('廣州卓越製造有限公司 Ltd.')).toBe(simplifiedByConverter('廣州卓越製造有限公司 Ltd.'));
  });

  it('gives the converter answer for random strings of simplified, traditional and other characters', () => {
    const alphabet = [...'许娜斌张伟王芳李娜乾燥乾坤許張偉廣州製造髮發麵干后後里裡台臺么麼 ·-Ab1（）'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 0, maxLength: 8 }), (chars) => {
        const text = chars.join('');
        expect(simplified(text)).toBe(simplifiedByConverter(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the converter answer for every dictionary entry, alone and inside other text', () => {
    const config = (Locale.configs as unknown as Record<string, { normalizationChain: string[][]; conversionChain: string[][] }>).tw2s!;
    const sources = [...config.normalizationChain, ...config.conversionChain].flat().flatMap((d) => d.split('|').map((l) => l.split(' ')[0]!));
    const wrong = sources.flatMap((k) => [k, `王${k}`, `${k}伟`, `张${k}明`]).filter((t) => simplified(t) !== simplifiedByConverter(t));
    expect(sources.length).toBeGreaterThan(5_000);
    expect(wrong).toEqual([]);
  });

  it('says which strings may hold a traditional character', () => {
    expect(mayHaveTraditional('许娜斌')).toBe(false);
    expect(mayHaveTraditional('許娜斌')).toBe(true);
    expect(mayHaveTraditional('Sophie Moore')).toBe(false);
    // A phrase entry whose characters alone do not change still sends the text to the converter.
    expect(mayHaveTraditional('沈思雨')).toBe(true);
    expect(simplified('沈思雨')).toBe(simplifiedByConverter('沈思雨'));
    expect(mayHaveTraditional('沈伟')).toBe(false);
  });
});

describe('keys are the same however often they are asked for', () => {
  it('companyKey answers from its memo as it computed, also after the memo was cleared', () => {
    const companies = ['广州卓越制造有限公司', '卓越制造（广州）有限公司', 'Acme Co., Ltd.', '個人', '北京市华信科技有限公司'];
    const first = companies.map(companyKey);
    expect(first).toEqual([companyKey('卓越制造有限公司'), companyKey('卓越制造有限公司'), 'acme', '', '华信科技']);
    for (let i = 0; i < 60_000; i++) companyKey(`公司${i}有限公司`); // fills the bounded memo past its limit
    expect(companies.map(companyKey)).toEqual(first);
    expect(companies.map(companyKey)).toEqual(first);
  });

  it('nameKey of an ideographs-only name is the name folded to simplified', () => {
    expect(nameKey('許娜斌')).toBe('许娜斌');
    expect(nameKey('王伟')).toBe('王伟');
    expect(nameKey('王 伟')).toBe('王伟');
    expect(nameKey('王·伟')).toBe('王伟');
  });
});
