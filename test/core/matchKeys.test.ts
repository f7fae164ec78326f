import { bigramSimilarity, companyKey, editSimilarity, nameKey, nameSimilarity } from '../../src/core/matchKeys';

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
