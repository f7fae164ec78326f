import { chineseInteger } from '../../src/core/chineseNumerals';

describe('chineseInteger', () => {
  it.each([
    ['十', 10], ['十七', 17], ['二十', 20], ['三十一', 31], ['一百零五', 105], ['两千', 2000],
    ['三万五千', 35000], ['一亿二千万', 120000000], ['十万', 100000],
  ])('%s → %d', (text, n) => {
    expect(chineseInteger(text)).toBe(n);
  });

  it('rejects runs of digits and other text', () => {
    expect(chineseInteger('一二')).toBeNull();
    expect(chineseInteger('')).toBeNull();
    expect(chineseInteger('十x')).toBeNull();
  });
});
