import { decideColumns, valueFit } from '../../../src/core/columns/columnEvidence';
import { profileValues } from '../../../src/core/columns/valueShapes';
import { detectLayout } from '../../../src/core/columns';

const decide = (headers: string[], columns: unknown[][]) => {
  const out: Record<string, { column: number; evidence: string[] }> = {};
  for (const d of decideColumns(headers, columns.map((c) => profileValues(c)))) out[d.field] = { column: d.column, evidence: d.evidence };
  return out;
};

const people = ['王伟', '李静', '张敏', '刘洋', '陈杰', '杨帆', '赵磊', '黄蕾'];
const emails = people.map((_, i) => `kehu${i}@qq.com`);
const owners = ['李经理', '王经理', '李经理', '赵主管', '王经理', '李经理', '赵主管', '王经理'];
const dates1 = ['2023-01-05', '2023-03-02', '2024-02-01', '2023-07-09', '2022-11-30', '2024-01-15', '2023-05-05', '2023-09-09'];
const dates2 = ['2025-06-26', '2026-06-15', '2025-05-08', '2025-09-24', '2025/5/17', '2026-01-01', '2024-12-12', '2025-10-10'];
const money = ['¥125,644', '59883', 'RMB 96,469', '¥1,200', '300', '¥45,000', '8000', '¥12,345'];
const orders = [20, 12, 24, 15, 23, 3, 7, 1];

describe('decideColumns', () => {
  it('takes an email column whose header holds 地址 as the email, not the address (issue 19)', () => {
    const got = decide(['联系人', '邮件地址', '累计成交总值', '末次进货', '跟单员'], [people, emails, money, dates2, owners]);
    expect(got.email?.column).toBe(1);
    expect(got.address).toBeUndefined();
    expect(got.name?.column).toBe(0);
    expect(got.owner?.column).toBe(4);
    expect(got.total?.column).toBe(2);
    expect(got.lastPurchase?.column).toBe(3);
  });

  it('gives the name to the column of people when the customer-name column holds companies (B2B ledgers)', () => {
    const companies = people.map((_, i) => `上海鼎盛${i}贸易有限公司`);
    const got = decide(['客户名称', '联系人', '手机'], [companies, people, people.map((_, i) => `1380013800${i}`)]);
    expect(got.name?.column).toBe(1);
    expect(got.company).toMatchObject({ column: 0, evidence: ['values-company'] });
  });

  it('lets values veto the header: a "联系方式" column of emails is the email', () => {
    const got = decide(['姓名', '联系方式'], [people, emails]);
    expect(got.email?.column).toBe(1);
    expect(got.email?.evidence).toContain('vetoed-by-values');
    expect(got.phone).toBeUndefined();
  });

  it('never takes a date column as the phone, whatever its header says', () => {
    const got = decide(['姓名', '电话'], [people, dates1]);
    expect(got.phone).toBeUndefined();
  });

  it('maps columns with words nobody listed from their values alone', () => {
    const got = decide(['客户', 'Col B', 'Col C', 'Col D', 'Col E', 'Col F', 'Col G'], [people, emails, dates1, dates2, orders, money, owners]);
    expect(got.email).toMatchObject({ column: 1, evidence: ['values-email'] });
    expect(got.firstPurchase?.column).toBe(2);
    expect(got.lastPurchase?.column).toBe(3);
    expect(got.lastPurchase?.evidence).toContain('values-date-order');
    expect(got.total?.column).toBe(5);
    expect(got.orders?.column).toBe(4);
    expect(got.owner?.column).toBe(6);
  });

  it('reads dates handed over as Excel serials (as Office.js does) without taking amounts for dates', () => {
    const serial = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000) + 25569;
    const got = decide(['客户', 'Col B', 'Col C', 'Col D'], [people, dates1.map((d) => serial(d.replace(/\//g, '-'))),
      dates2.map((d) => serial(d.replace(/\//g, '-').replace(/-(\d)(?=-|$)/g, '-0$1'))), [125644, 59883, 96469, 1200, 300, 45000, 8000, 12345]]);
    expect(got.firstPurchase?.column).toBe(1);
    expect(got.lastPurchase?.column).toBe(2);
    expect(got.total?.column).toBe(3);
  });

  it('puts dates decades back as the birth date', () => {
    const births = ['1956-04-09', '1980-04-19', '1992-11-19', '1971-12-07', '1965-01-01', '1988-08-08', '1975-05-05', '1990-09-09'];
    const got = decide(['姓名', 'D1', 'D2'], [people, births, dates2]);
    expect(got.birthDate).toMatchObject({ column: 1 });
    expect(got.birthDate?.evidence).toContain('values-birth-dates');
    // Alone, too: dates spread over decades, long past.
    expect(decide(['姓名', 'D1'], [people, births]).birthDate?.column).toBe(1);
    expect(decide(['姓名', 'D1'], [people, dates2]).birthDate).toBeUndefined();
  });

  it('maps both halves of a split name, never one alone', () => {
    expect(decide(['First Name', 'Last Name'], [['Ann', 'Bo'], ['Lee', 'Chen']])).toMatchObject({ firstName: { column: 0 }, lastName: { column: 1 } });
    expect(decide(['名', '姓'], [['伟', '静'], ['王', '李']])).toMatchObject({ firstName: { column: 0 }, lastName: { column: 1 } });
    // "Name" beside "Surname" holds given names: it is the first name, not the whole name.
    const split = decide(['Name', 'Surname'], [['Ann', 'Bo', 'Cy'], ['Lee', 'Chen', 'Wu']]);
    expect(split).toMatchObject({ firstName: { column: 0 }, lastName: { column: 1 } });
    expect(split.name).toBeUndefined();
    expect(split.firstName?.evidence).toContain('split-name');
    // A whole name beside a surname column stays the name.
    expect(decide(['Name', 'Surname'], [['Ann Lee', 'Bo Chen', 'Mary Wu'], ['Lee', 'Chen', 'Wu']]).name?.column).toBe(0);
  });

  it('vetoes fields whose kind the values contradict', () => {
    const emailsProfile = profileValues(emails);
    for (const f of ['address', 'name', 'phone', 'company', 'lastPurchase', 'total'] as const) expect(valueFit(f, emailsProfile)).toBe('veto');
    expect(valueFit('email', emailsProfile)).not.toBe('veto');
    expect(valueFit('phone', profileValues(dates1))).toBe('veto');
  });
});

describe('other people\'s lists (issue 16)', () => {
  it('maps a person list with first_name, surname, dob, city and email', () => {
    const got = decide(['first_name', 'surname', 'dob', 'city', 'email'], [
      ['ann', 'bo', 'cy', 'di'], ['lee', 'chen', 'wu', 'ng'], ['1980-01-02', '1975-03-04', '1990-05-06', '1966-07-08'],
      ['sydney', 'perth', 'sydney', 'perth'], ['a@x.com', 'b@y.com', 'c@z.com', 'd@w.com']]);
    expect(got).toMatchObject({ firstName: { column: 0 }, lastName: { column: 1 }, birthDate: { column: 2 }, region: { column: 3 }, email: { column: 4 } });
  });

  it('keeps a phone column of 7-digit local numbers (incomplete, not IDs) as the phone', () => {
    const got = decide(['name', 'address', 'phone'], [['Acme Ltd', 'Beta Inc', 'Gamma LLC'], ['12 High St', '3 Low Rd', '9 Mid Ave'],
      ['5551234', '555-9876', '5550000']]);
    expect(got.phone?.column).toBe(2);
  });
});

describe('detectLayout with value evidence', () => {
  it('no longer sniffs a phone from a column of dates or IDs', () => {
    const layout = detectLayout([
      ['Given name', 'Surname', 'DOB', 'ID'],
      ['ann', 'lee', '19560409', '1804974'],
      ['bo', 'chen', '19080419', '6089216'],
      ['cy', 'wu', '19921119', '2185997'],
    ]);
    expect(layout?.columns.phone).toBeUndefined();
    expect(layout?.columns.birthDate?.column).toBe(2);
  });

  it('carries the evidence on each mapping', () => {
    const layout = detectLayout([['姓名', '邮箱'], ['王伟', 'a@qq.com'], ['李静', 'b@qq.com']]);
    expect(layout?.columns.email?.evidence).toEqual(['header-exact', 'values-email']);
  });
});
