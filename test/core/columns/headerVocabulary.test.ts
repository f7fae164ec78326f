import { headerCandidates, isVocabularyWord, VOCABULARY } from '../../../src/core/columns/headerVocabulary';
import { matchHeader } from '../../../src/core/columns';
import { FIELDS } from '../../../src/core/fields';

const top = (h: string) => headerCandidates(h)[0]?.field;

describe('headerCandidates', () => {
  it.each([
    // CRM import templates and Chinese CRM exports
    ['Mailing Zip', 'postcode'], ['Billing Street', 'address'], ['Contact Owner', 'owner'], ['Lead Source', 'channel'],
    ['客户经理', 'owner'], ['跟单员', 'owner'], ['最后跟进时间', 'lastContact'], ['下次跟进', 'nextFollowUp'],
    ['跟进日期', 'lastContact'], ['最近跟进', 'lastContact'], ['Next follow-up', 'nextFollowUp'], ['Last Activity', 'lastContact'],
    ['出生年月日', 'birthDate'], ['date_of_birth', 'birthDate'], ['given_name', 'firstName'], ['surname', 'lastName'],
    ['soc_sec_id', undefined], ['電子郵件地址', 'email'], ['聯絡電話', 'phone'], ['客戶名稱', 'name'],
  ] as const)('%s → %s', (header, field) => {
    expect(top(header)).toBe(field);
  });

  it('lets a specific word beat a shared one of the same length (邮件 over 地址, 邮箱 over 公司)', () => {
    expect(top('客户邮件地址')).toBe('email');
    expect(top('公司邮箱')).toBe('email');
    expect(top('Customer E-mail Address')).toBe('email');
  });

  it('never lets a shared word alone decide a header row: 地址 inside a long header is weak', () => {
    const c = headerCandidates('收件人所在地址');
    expect(c.find((x) => x.field === 'address')?.strength ?? 0).toBeLessThan(0.95);
    expect(matchHeader('某某人')).toBeNull();
  });

  it('reads date hints when no word matches whole', () => {
    expect(top('第一次下单时间')).toBe('firstPurchase');
    expect(top('上回进货日期')).toBe('lastPurchase');
    expect(top('上回沟通日期')).toBe('lastContact');
    expect(top('Date of birth (dd/mm/yyyy)')).toBe('birthDate');
    expect(headerCandidates('64796元')).toEqual([]); // a value, not a header with a hint
  });

  it('gives exact words full strength and anything else less', () => {
    expect(headerCandidates('手机号码')[0]).toMatchObject({ field: 'phone', strength: 1, code: 'header-exact' });
    expect(headerCandidates('手机号码（必填）')[0]!.strength).toBe(1); // the brackets are dropped: exact
    expect(headerCandidates('主要客户手机号码')[0]!.strength).toBeLessThan(1);
  });

  it('holds every field label and synonym, each under its own field', () => {
    for (const f of FIELDS) {
      expect(isVocabularyWord(f.label['zh-CN'])).toBe(true);
      expect(isVocabularyWord(f.label['en-US'])).toBe(true);
    }
    expect(VOCABULARY.length).toBeGreaterThan(800);
    const words = VOCABULARY.map((v) => v.word);
    expect(new Set(words).size).toBe(words.length);
  });
});
