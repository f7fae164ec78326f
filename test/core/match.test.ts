/**
 * The scored matcher (issue 16): comparison levels, and ledgers the old hand-written rules got wrong.
 */
import { candidateColumns, findDuplicates, findDuplicatesInColumns, type DuplicateCandidate } from '../../src/core/duplicates';
import { companyKey, nameKey } from '../../src/core/matchKeys';
import { editDistance, jaroWinkler } from '../../src/core/match/jaroWinkler';
import { compareCompanies, compareEmails, compareNames, NAME, SIMPLE } from '../../src/core/match/comparisons';
import { MATCH_CODES } from '../../src/core/match/reasons';
import { strings } from '../../src/i18n/strings';

let nextRow = 2;
type Row = Partial<Omit<DuplicateCandidate, 'row' | 'name' | 'company' | 'phone'>> & { name?: string; company?: string; mobile?: string; landline?: string };
function row(p: Row): DuplicateCandidate {
  const { name, company, mobile, landline, ...rest } = p;
  return {
    completeness: 5, lastActivity: null, email: null, ...rest,
    row: nextRow++,
    name: nameKey(name ?? ''),
    company: companyKey(company ?? ''),
    phone: mobile ? { e164: mobile, mobile: true } : landline ? { e164: landline, mobile: false } : null,
  };
}
beforeEach(() => { nextRow = 2; });
const groupsOf = (rows: DuplicateCandidate[]) => findDuplicates(rows).groups.map((g) => g.rows);

describe('string similarity', () => {
  it('gives the textbook Jaro–Winkler values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });
  it('counts a transposition as one edit and stops past the limit', () => {
    expect(editDistance('avazquez', 'avazqeuz', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
  });
});

describe('comparison levels', () => {
  it('hears Chinese homophones and reads pinyin as the same name', () => {
    expect(compareNames('姜玮', '姜伟')).toBe(NAME.homophone);
    expect(compareNames('王伟', 'wang wei')).toBe(NAME.homophone);
    expect(compareNames('王伟', '王芳')).toBe(NAME.different);
  });
  it('takes an initial or a typo for the same person, another first name not', () => {
    expect(compareNames(nameKey('J. Turner'), nameKey('James Turner'))).toBe(NAME.partial);
    expect(compareNames(nameKey('Jonathan Smith'), nameKey('Jonathon Smith'))).toBe(NAME.close);
    expect(compareNames(nameKey('Mary Smith'), nameKey('Peter Smith'))).toBe(NAME.different);
  });
  it('finds a place name anywhere in a company', () => {
    expect(companyKey('北京瑞丰制造有限公司')).toBe(companyKey('瑞丰制造（北京）'));
    expect(compareCompanies(companyKey('瑞丰北京制造'), companyKey('瑞丰制造'))).toBe(SIMPLE.close);
    expect(compareCompanies(companyKey('瑞丰制造'), companyKey('启明科技'))).toBe(SIMPLE.different);
  });
  it('takes a typo\'d email for close, another number in the same scheme for different', () => {
    expect(compareEmails('avazquez@banks.com', 'avazquec@bnks.zom')).toBe(SIMPLE.close);
    expect(compareEmails('kehu7793@gmail.com', 'kehu7798@gmail.com')).toBe(SIMPLE.different);
    expect(compareEmails('li@qq.com', 'lu@qq.com')).toBe(SIMPLE.different);
  });
});

describe('scored duplicates', () => {
  it('joins homophone names on one mobile and says why', () => {
    const result = findDuplicates([row({ name: '姜玮', mobile: '+8613912345678' }), row({ name: '姜伟', mobile: '+8613912345678' })]);
    expect(result.groups.map((g) => g.rows)).toEqual([[2, 3]]);
    expect(result.groups[0]!.codes).toEqual(['same-mobile', 'name-homophone']);
  });

  it('joins a city-prefixed company and a typo\'d email under one name', () => {
    expect(groupsOf([
      row({ name: 'Ana Vazquez', company: '北京瑞丰制造', email: 'avazquez@banks.com' }),
      row({ name: 'Ana Vazquez', company: '瑞丰制造（北京）', email: 'avazquec@bnks.zom' }),
    ])).toEqual([[2, 3]]);
  });

  it('joins an initial on one mobile', () => {
    const result = findDuplicates([row({ name: 'J. Turner', mobile: '+14155550123' }), row({ name: 'James Turner', mobile: '+14155550123' })]);
    expect(result.groups[0]?.codes).toContain('name-initial');
  });

  it('lets a different street number veto a join made only through a shared landline', () => {
    const rows = [
      row({ landline: '+862088881234', company: '卓越制造', address: '天河路 12 号' }),
      row({ landline: '+862088881234', company: '卓越制造', address: '天河路 48 号' }),
    ];
    expect(groupsOf(rows)).toEqual([]);
    nextRow = 2;
    expect(groupsOf([
      row({ landline: '+862088881234', company: '卓越制造', address: '天河路 12 号' }),
      row({ landline: '+862088881234', company: '卓越制造', address: '天河路12号' }),
    ])).toEqual([[2, 3]]);
  });

  it('treats a local (7-digit) phone key like any phone', () => {
    expect(findDuplicates([row({ name: 'Acme Hardware', landline: 'local:5550123' }), row({ name: 'Acme Hardware', landline: 'local:5550123' })])
      .groups[0]?.reasons).toEqual(['same phone and name']);
  });

  describe('a name split over two columns, with a date of birth and a postcode (Febrl-like)', () => {
    const person = (given: string, surname: string, birth: string, postcode: string, address = '') =>
      row({ name: `${given} ${surname}`, given: nameKey(given), surname: nameKey(surname), birth, postcode, address });
    const people = () => [
      person('mitchell', 'green', '19560409', '2119', 'wallaby place'),
      person('green', 'mitchell', '19560409', '2119', 'wallaby place'), // swapped parts
      person('mitchel', 'grene', '19560409', '2119', 'wallaby pl'), // typos in both
      person('harley', 'mccarthy', '19080419', '3165', 'pridham street'),
      person('harley', 'mccarthy', '19080491', '3165', 'pridhamstreet'), // a slip in the date
      person('sarah', 'green', '19800102', '2119', 'wallaby place'), // a relative at the same address
      person('tom', 'jones', '19700101', '4000', 'high street'),
      person('tim', 'jones', '19990505', '4000', 'high street'),
    ];
    it('joins swapped parts and typos, and keeps a relative at one address apart', () => {
      // Unrelated people with names of their own (syllables picked by i), so the ledger has a background to measure against.
      const syllables = ['ka', 'lo', 'mi', 'ru', 'te', 'vo', 'shi', 'an', 'del', 'bro', 'win', 'ster'];
      const word = (i: number, k: number) => syllables[(i + 5 * k) % 12]! + syllables[(Math.floor(i / 12) + 7 * k) % 12]! + (k === 1 ? 'a' : 'son');
      const filler = Array.from({ length: 60 }, (_, i) => person(word(i, 1), word(i, 2), `19${String(10 + i).padStart(2, '0')}0${1 + (i % 9)}1${i % 10}`, String(2000 + 37 * i)));
      nextRow = 2;
      const rows = [...people(), ...filler];
      const groups = findDuplicatesInColumns(candidateColumns(rows)).groups.map((g) => g.rows);
      expect(groups).toEqual([[2, 3, 4], [5, 6]]);
    });
  });
});

describe('reason codes', () => {
  it('has words for every code in both languages', () => {
    for (const locale of ['en-US', 'zh-CN'] as const) {
      const words = strings(locale).matchCode as Record<string, string>;
      for (const code of MATCH_CODES) expect(words[code]).toBeTruthy();
    }
  });
});

describe('keys', () => {
  it('reads "&" as "and" in a company, and a word typed twice in a name once', () => {
    expect(companyKey('Smith & Sons Ltd')).toBe(companyKey('Smith and Sons Limited'));
    expect(nameKey('John John Smith')).toBe(nameKey('John Smith'));
    expect(nameKey('Li Li')).not.toBe(nameKey('Li'));
  });
});

describe('a ledger full of namesakes', () => {
  // Every name is held by two customers in one city, each with a phone, email and company of their own:
  // the model fitted to such a ledger must weigh the conflicting phone, email and company, and not take
  // "same name, same city" for one customer.
  it('groups only the rows typed twice', () => {
    const surnames = [...'王李张刘陈杨黄赵吴周'];
    const given = [...'伟芳娜敏静磊强军洋勇艳杰涛明超'];
    const rows: DuplicateCandidate[] = [];
    const planted: number[][] = [];
    for (let i = 0; i < 3000; i++) {
      // Each of 1,500 names twice, in one city: rare names, so a shared one weighs a lot.
      const k = i % 1500;
      const p = {
        name: surnames[k % 10]! + given[Math.floor(k / 10) % 15]! + given[Math.floor(k / 150) % 15]!, city: `城市${k % 30}`, company: `公司${i}号`,
        mobile: `+86139${String(i).padStart(8, '0')}`, email: `kehu${i}@qq.com`,
      };
      rows.push(row(p));
      if (i % 100 === 7) {
        planted.push([rows[rows.length - 1]!.row, nextRow]);
        rows.push(row(p));
      }
    }
    expect(groupsOf(rows)).toEqual(planted);
  });
});
