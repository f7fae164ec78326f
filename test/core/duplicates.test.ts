import { POSITIONS_PER_STEP, candidateColumns, candidatePairs, findDuplicates, findDuplicatesSteps, type DuplicateCandidate } from '../../src/core/duplicates';
import { companyKey, nameKey } from '../../src/core/matchKeys';

let nextRow = 2;
function row(p: { name?: string; company?: string; mobile?: string; landline?: string; email?: string; completeness?: number; last?: string }): DuplicateCandidate {
  return {
    row: nextRow++,
    name: nameKey(p.name ?? ''),
    company: companyKey(p.company ?? ''),
    phone: p.mobile ? { e164: p.mobile, mobile: true } : p.landline ? { e164: p.landline, mobile: false } : null,
    email: p.email ?? null,
    completeness: p.completeness ?? 5,
    lastActivity: p.last ?? null,
  };
}
beforeEach(() => { nextRow = 2; });

const groupsOf = (rows: DuplicateCandidate[]) => findDuplicates(rows).groups.map((g) => g.rows);

describe('findDuplicates', () => {
  it('joins rows sharing a mobile when the names agree', () => {
    const rows = [row({ name: '许娜斌', mobile: '+8615275369427' }), row({ name: '许 娜斌', mobile: '+8615275369427' })];
    const result = findDuplicates(rows);
    expect(result.groups).toHaveLength(1);
    expect(result.groups[0]!.reasons).toEqual(['same mobile']);
    expect(result.groups[0]!.pairs).toEqual([{ rows: [2, 3], reason: 'same mobile' }]);
  });

  // 欧阳小明 / 欧阳晓明 (one sound, xiao ming) were once here; issue 16 asks homophones on one mobile to join (below).
  it('does not join a shared mobile with conflicting names, but offers it for review when similar', () => {
    const rows = [row({ name: '欧阳小明', mobile: '+8613800138000' }), row({ name: '欧阳小敏', mobile: '+8613800138000' })];
    const result = findDuplicates(rows);
    expect(result.groups).toEqual([]);
    expect(result.possible).toHaveLength(1);
    expect(result.possible[0]!.rows).toEqual([2, 3]);
  });

  it('joins a row without a name to the one named owner of a mobile', () => {
    expect(groupsOf([row({ name: '王伟', mobile: '+8613800138000' }), row({ mobile: '+8613800138000' })])).toEqual([[2, 3]]);
  });

  it('joins rows sharing an email when names agree', () => {
    expect(groupsOf([row({ name: 'Wood, John', email: 'john.wood@sina.com' }), row({ name: 'John Wood', email: 'john.wood@sina.com' })]))
      .toEqual([[2, 3]]);
  });

  it('does not treat a shared switchboard as one customer', () => {
    const rows = [
      row({ name: '王伟', company: '远航医疗', landline: '+862174344991' }),
      row({ name: '李静', company: '远航医疗', landline: '+862174344991' }),
      row({ name: '张敏', company: '远航医疗', landline: '+862174344991' }),
    ];
    expect(groupsOf(rows)).toEqual([]);
  });

  it('joins a shared landline when the names agree', () => {
    const rows = [row({ name: '万娥', landline: '+8657134775499' }), row({ name: '万娥', landline: '+8657134775499' })];
    expect(findDuplicates(rows).groups[0]?.reasons).toEqual(['same phone and name']);
  });

  it('never joins a landline row that has no name', () => {
    expect(groupsOf([row({ name: '万娥', landline: '+8657134775499' }), row({ landline: '+8657134775499' })])).toEqual([]);
  });

  it('does not join a common name alone', () => {
    const rows = [row({ name: '王伟', company: '远航医疗' }), row({ name: '王伟', company: '启明科技' }), row({ name: '王伟' })];
    expect(groupsOf(rows)).toEqual([]);
  });

  it('joins the same name at the same company, whatever the legal form and place', () => {
    const rows = [row({ name: 'Chloe Taylor', company: 'Huaxin Trading Co., Ltd.' }), row({ name: 'chloe taylor', company: 'Huaxin Trading Co Ltd' })];
    expect(findDuplicates(rows).groups[0]?.reasons).toEqual(['same name and company']);
  });

  it('groups transitively and keeps the most complete row', () => {
    const rows = [
      row({ name: '韦浩伟', mobile: '+8615082898054', completeness: 8 }),
      row({ name: '韦浩伟', email: 'kehu7793@gmail.com', mobile: '+8615082898054', completeness: 12 }),
      row({ name: '韦 浩伟', email: 'kehu7793@gmail.com', completeness: 9 }),
      row({ name: '其他人', mobile: '+8613900000000' }),
    ];
    const [group, ...rest] = findDuplicates(rows).groups;
    expect(rest).toEqual([]);
    expect(group!.rows).toEqual([2, 3, 4]);
    expect(group!.keep).toBe(3);
    expect(group!.pairs).toHaveLength(2);
  });

  it('breaks keep ties by the latest activity, then the latest row', () => {
    const a = findDuplicates([row({ name: 'A', mobile: '+8613800000001', last: '2026-01-01' }), row({ name: 'A', mobile: '+8613800000001', last: '2025-01-01' })]);
    expect(a.groups[0]!.keep).toBe(2);
    nextRow = 2;
    const b = findDuplicates([row({ name: 'A', mobile: '+8613800000001' }), row({ name: 'A', mobile: '+8613800000001' })]);
    expect(b.groups[0]!.keep).toBe(3);
  });

  it('treats a mobile shared by many names as a placeholder', () => {
    const placeholder = '+8613800000000';
    const rows = [
      row({ name: '甲', mobile: placeholder }), row({ name: '乙', mobile: placeholder }), row({ name: '丙', mobile: placeholder }),
      row({ mobile: placeholder }), row({ name: '甲', mobile: placeholder }),
    ];
    expect(groupsOf(rows)).toEqual([[2, 6]]);
  });

  // A placeholder held by every row says nothing, so each customer's rows also share a company (a name alone never joins).
  it('numbers groups by their first row and stays near-linear on a large block', () => {
    const many = Array.from({ length: 20000 }, (_, i) => row({ name: `客户${i % 5000}`, company: `公司${i % 5000}`, mobile: '+8613800000000' }));
    const result = findDuplicates(many);
    expect(result.groups).toHaveLength(5000);
    expect(result.groups[0]!.id).toBe(1);
    expect(result.groups[0]!.rows[0]).toBe(2);
  });
});

describe('findDuplicates: blocking only skips rows that share nothing', () => {
  // Rows with few distinct keys (many blocks), then thousands of rows whose keys are all unique: the
  // unique keys fall into the same hash buckets as the shared ones, and must change nothing.
  const base = (seed: number) => {
    const pick = (xs: readonly string[], i: number) => xs[(i * 7 + seed * 3 + (i >> 2)) % xs.length]!;
    const names = ['许娜斌', '王伟', '', 'John Wood', '李娜'];
    const companies = ['卓越制造有限公司', '', 'Acme Co., Ltd.'];
    const mobiles = ['+8613800138000', '+8613900139000', '', '', '+8615275369427'];
    const landlines = ['+862088881234', '', ''];
    const emails = ['a@qq.com', '', 'b@163.com', '', ''];
    return Array.from({ length: 40 }, (_, i) => row({
      name: pick(names, i), company: pick(companies, i + 1), mobile: pick(mobiles, i + 2) || undefined,
      landline: pick(landlines, i + 3) || undefined, email: pick(emails, i + 4) || undefined, completeness: i % 4,
    }));
  };
  const noise = (n: number) => Array.from({ length: n }, (_, i) => row({
    name: `客户${i}`, company: `公司${i}有限公司`, mobile: `+86139${String(i).padStart(8, '0')}`, email: `k${i}@x.com`,
  }));

  // The scores depend on the whole ledger (term frequencies, EM), so what must not change is what is compared.
  it.each([0, 1, 2, 3])('proposes the same candidate pairs with 20,000 unrelated rows added (seed %i)', (seed) => {
    nextRow = 2;
    const alone = candidatePairs(candidateColumns(base(seed)));
    nextRow = 2;
    const withNoise = candidatePairs(candidateColumns([...base(seed), ...noise(20_000)]));
    expect(alone.length).toBeGreaterThan(0);
    expect(withNoise).toEqual(alone);
    nextRow = 2;
    expect(findDuplicates(base(seed)).groups.length).toBeGreaterThan(0);
  });
});

describe('findDuplicatesSteps: a pass over many rows is cut into steps', () => {
  it('yields inside each pass, and keys shared across a step boundary still join', () => {
    const n = 3 * POSITIONS_PER_STEP;
    const half = n / 2;
    // Row i and row i + n/2 have one name and share a mobile (every 1,000th row), an email (every
    // 1,500th) or a company (every 1,700th): each pair straddles at least one step boundary.
    const paired = (i: number) => i % 1000 === 0 || i % 1500 === 0 || i % 1700 === 0;
    const rows = Array.from({ length: n }, (_, k) => {
      const i = k % half;
      return row({
        name: paired(i) ? `同名${i}` : `客户${k}`,
        company: i % 1700 === 0 ? `卓越${i}有限公司` : `公司${k}`,
        mobile: i % 1000 === 0 ? `+86138${String(i).padStart(8, '0')}` : `+86139${String(k).padStart(8, '0')}`,
        email: i % 1500 === 0 ? `same${i}@qq.com` : `k${k}@x.com`,
      });
    });
    const steps = findDuplicatesSteps(candidateColumns(rows));
    let yields = 0;
    let next = steps.next();
    for (; !next.done; next = steps.next()) yields++;
    // Four passes (three keys, then the name with the company), each four loops over the rows in three
    // steps: two yields inside each loop (the passes alone would be four).
    expect(yields).toBeGreaterThanOrEqual(4 * 4 * 2);
    const pairs = [...Array(half).keys()].filter(paired);
    expect(next.value.groups.map((g) => g.rows)).toEqual(pairs.map((i) => [i + 2, i + half + 2]));
    // The first pass that joins a pair names it: mobile, then email, then name and company.
    const reason = (i: number) => (i % 1000 === 0 ? 'same mobile' : i % 1500 === 0 ? 'same email' : 'same name and company');
    expect(next.value.groups.map((g) => g.reasons)).toEqual(pairs.map((i) => [reason(i)]));
  });
});
