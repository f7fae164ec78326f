import { isAddress, isCompanyName, isPersonName, profileValues } from '../../../src/core/columns/valueShapes';

describe('value shapes', () => {
  it('tells people from places, titles and companies', () => {
    for (const s of ['王伟', '欧阳娜娜', '張偉', '李经理', 'Karen Brown', 'Wood, John', 'Mary J. Walker']) expect([s, isPersonName(s)]).toEqual([s, true]);
    for (const s of ['苏州', '武汉市', '上海', '店长', 'Sales Director', 'Real Estate', 'Hong Kong', '王氏贸易有限公司', 'Acme Ltd']) {
      expect([s, isPersonName(s)]).toEqual([s, false]);
    }
  });

  it('knows company and street shapes', () => {
    expect(isCompanyName('上海鼎盛贸易有限公司')).toBe(true);
    expect(isCompanyName('Huaxin Trading Co., Ltd.')).toBe(true);
    expect(isCompanyName('Müller GmbH')).toBe(true);
    expect(isCompanyName('王伟')).toBe(false);
    expect(isAddress('上海市浦东新区张江路100号')).toBe(true);
    expect(isAddress('12 Wallaby Place')).toBe(true);
    expect(isAddress('上海')).toBe(false);
  });

  it('never reads dates or ID numbers as phones', () => {
    const dob = profileValues(['19560409', '19080419', '19921119', '19991207']);
    expect(dob.date).toBe(1);
    expect(dob.phone).toBe(0);
    const ssn = profileValues(['1804974', '6089216', '2185997', '4314184']);
    expect(ssn.phone).toBe(0);
    expect(ssn.idLike).toBe(1);
    const ids = profileValues(['11010519491231002X', '310101198001010011', '440301199912310022']);
    expect(ids.phone).toBe(0);
    const iso = profileValues(['2024-10-06', '2025-05-08', '2025/5/17', new Date(Date.UTC(2023, 2, 5))]);
    expect(iso).toMatchObject({ date: 1, phone: 0, phoneShaped: 0 });
  });

  it('measures emails, phones, money, counts and categories', () => {
    expect(profileValues(['a@qq.com', 'zhangwei＠163．com', 'b@x.cn', '']).email).toBe(1);
    expect(profileValues(['13800138000', '(415) 555-2671', '+852 9601 6451', '+86-183-5847-4824']).phone).toBe(1);
    const money = profileValues(['¥125,644', 59883, 'RMB 96,469', 1200.5]);
    expect(money.money).toBe(1);
    expect(money.moneyMarked).toBe(0.75);
    expect(profileValues([1, 3, 20, 7, 0]).countMedian).toBe(3);
    expect(profileValues(['南京', '上海', '南京', '北京', '上海', '北京', '南京']).categories).toBe(true);
    expect(profileValues(['a', 'b', 'c', 'd', 'e', 'f', 'g']).categories).toBe(false);
  });
});
