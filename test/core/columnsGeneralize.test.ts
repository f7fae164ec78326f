/**
 * Generalization of column recognition: the sample ledgers with their header words drawn at random from
 * the vocabulary and from a held-out list of words the matcher's lists do not contain (asserted below),
 * so the figures measure what the engine reads from compounds and from the values, not recall of a list.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XlsxWorkbookPort } from '../../src/workbook/xlsx/xlsxPort';
import { detectLayout } from '../../src/core/columns';
import { FIELD_BY_ID, type FieldId } from '../../src/core/fields';
import { isVocabularyWord, VOCABULARY } from '../../src/core/columns/headerVocabulary';
import { SAMPLES_DIR, readTruth } from '../helpers/samples';
import { seededRandom } from '../../src/core/random';

/** The samples' columns, left to right (both ledgers share the layout). */
const TRUE_FIELDS: readonly FieldId[] = ['name', 'gender', 'age', 'company', 'title', 'industry', 'region', 'phone', 'email',
  'channel', 'firstPurchase', 'lastPurchase', 'orders', 'total', 'lastContact', 'owner', 'notes'];

/** Header words people use that the matcher's lists do not hold: compounds, new words, other phrasings. */
const HELD_OUT: Record<'zh' | 'en', Partial<Record<FieldId, readonly string[]>>> = {
  zh: {
    name: ['客户芳名', '联络人名', '对方姓名', '买方姓名', '客户全名', '主要联络人'],
    gender: ['客户性别', '先生女士', '男/女性'],
    age: ['客户年龄', '年岁', '周岁年龄', '当前年龄'],
    company: ['就职单位', '任职公司', '工作的公司', '所属企业名', '所在机构名'],
    title: ['担任职务', '岗位名称', '职位头衔', '现任职位'],
    industry: ['行业领域', '所在行业', '经营行业'],
    region: ['所在城市名', '城市/地区', '客户所在地', '区域城市'],
    phone: ['联络电话', '电话号', '手机联系方式', '移动手机', '联系手机号'],
    email: ['电邮信箱', 'email邮箱', '邮件联系方式', '电子信箱', '客户的邮件地址'],
    channel: ['客户来源途径', '来源途径', '获客方式', '引流渠道'],
    firstPurchase: ['第一次下单时间', '首次进货日', '开始购买时间', '初次成交日'],
    lastPurchase: ['最后一次下单', '上回进货日期', '末次成交时间', '最近一笔订单日期'],
    orders: ['下单总次数', '累计购买次', '交易频次', '成交单数'],
    total: ['消费总值', '成交总值', '累计支付金额', '历史消费合计'],
    lastContact: ['最近一次联络', '上回沟通日期', '最后联络时间', '最新跟进日'],
    owner: ['跟单人', '所属业务员', '对接销售', '维护人'],
    notes: ['备注栏', '附加说明', '其它备注', '补充信息'],
  },
  en: {
    name: ['Full Client Name', 'Contact Person Name', 'Client Contact', 'Patron', 'Buyer Name'],
    gender: ['Gender Identity', 'Customer Gender', 'Sex of Contact'],
    age: ['Customer Age', 'Age of Contact', 'Years Old'],
    company: ['Company Legal Name', 'Employer Company', 'Organization/Company', 'Business Entity'],
    title: ['Job Title/Role', 'Contact Job Title', 'Position Held', 'Role in Company'],
    industry: ['Industry Sector', 'Business Industry', 'Market Vertical'],
    region: ['City/Town', 'Home City', 'Customer City', 'Location City'],
    phone: ['Mobile Phone No', 'Contact Tel', 'Telephone Contact', 'Cell Phone Number'],
    email: ['E-mail Contact', 'Email Addr.', 'Electronic Mail Address', 'Inbox'],
    channel: ['Lead Source Channel', 'Where From', 'Source Channel', 'How They Found Us'],
    firstPurchase: ['First Purchase Made', 'Date of First Purchase', 'First Bought On', 'Initial Order Date'],
    lastPurchase: ['Last Purchase Made', 'Most Recent Purchase Date', 'Latest Purchase Date', 'Previous Order Date'],
    orders: ['Total Number of Orders', 'Orders Placed', 'Purchase Count Total', 'Number Of Purchases Made'],
    total: ['Total Amount Spent', 'Total Spend to Date', 'Money Spent', 'Total Purchase Value'],
    lastContact: ['Last Contact Made', 'Date Last Contacted', 'Most Recent Contact', 'Last Spoke With'],
    owner: ['Account Owner Name', 'Assigned Sales Rep', 'Sales Contact', 'Managed By'],
    notes: ['Notes/Comments', 'Extra Notes', 'Remarks Field', 'Comment Text'],
  },
};

/** A seeded generator, so every run draws the same cases. */
const random = seededRandom;

const HAN = /[\u3400-\u9fff]/;
const vocabularyOf = (field: FieldId, lang: 'zh' | 'en') =>
  VOCABULARY.filter((v) => v.field === field && (lang === 'zh' ? HAN.test(v.word) : !HAN.test(v.word))).map((v) => v.word);

const CASES = 120;

async function readSample(name: string): Promise<unknown[][]> {
  const truth = readTruth(name);
  return XlsxWorkbookPort.open(fs.readFileSync(path.join(SAMPLES_DIR, `${name}.xlsx`))).readValues(truth.sheet);
}

describe('the held-out header words', () => {
  it.each(['zh', 'en'] as const)('(%s) are not in the vocabulary', (lang) => {
    const listed = Object.values(HELD_OUT[lang]).flat().filter((w) => isVocabularyWord(w));
    expect(listed).toEqual([]);
  });
});

/** Fields the values alone tell apart (titles, industries, regions, channels and notes are all short text). */
const VALUE_DECIDABLE: readonly FieldId[] = ['name', 'gender', 'age', 'company', 'phone', 'email', 'firstPurchase', 'lastPurchase',
  'orders', 'total', 'owner'];

interface Run { right: Map<FieldId, number>; contradictions: string[]; heldOutShare: number; opaqueShare: number }

/**
 * CASES ledgers, each column headed by a vocabulary word of its field, a held-out word (probability `heldOut`)
 * or an opaque "列7" / "Column 7" (probability `opaque`).
 */
function generate(values: unknown[][], lang: 'zh' | 'en', seed: number, heldOut: number, opaque: number, shuffle = false): Run {
  const rand = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const right = new Map<FieldId, number>();
  const contradictions: string[] = [];
  let held = 0;
  let opaqueCount = 0;
  for (let k = 0; k < CASES; k++) {
    // With `shuffle`, the columns come in another order each time: nothing may depend on where a column stands.
    const order = TRUE_FIELDS.map((_, i) => i);
    if (shuffle) for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j]!, order[i]!]; }
    const fields = order.map((i) => TRUE_FIELDS[i]!);
    const headers = fields.map((field, column) => {
      const words = HELD_OUT[lang][field] ?? [];
      const r = rand();
      if (r < opaque) { opaqueCount++; return lang === 'zh' ? `列${column + 1}` : `Column ${column + 1}`; }
      if (words.length && r < opaque + heldOut) { held++; return pick(words); }
      return pick(vocabularyOf(field, lang));
    });
    const rows = values.slice(1).map((row) => order.map((i) => row[i]));
    const layout = detectLayout([headers, ...rows]);
    fields.forEach((field, column) => {
      if (layout?.columns[field]?.column === column) right.set(field, (right.get(field) ?? 0) + 1);
    });
    for (const m of Object.values(layout?.columns ?? {})) {
      const truthType = FIELD_BY_ID[fields[m.column]!].type;
      const mappedType = FIELD_BY_ID[m.field].type;
      // An email, phone or date column mapped as a field of another kind contradicts its values (either way round).
      if ((['email', 'phone', 'date'].includes(truthType) || ['email', 'phone', 'date'].includes(mappedType)) && mappedType !== truthType) {
        contradictions.push(`${headers[m.column]} (${fields[m.column]}) → ${m.field}`);
      }
    }
  }
  const cells = CASES * TRUE_FIELDS.length;
  return { right, contradictions, heldOutShare: held / cells, opaqueShare: opaqueCount / cells };
}

const sharesOf = (run: Run, fields: readonly FieldId[]) => Object.fromEntries(fields.map((f) => [f, (run.right.get(f) ?? 0) / CASES]));

describe.each([['customers-zh', 'zh'], ['customers-en', 'en']] as const)('generated headers over %s', (name, lang) => {
  let values: unknown[][];
  let words: Run;
  let opaque: Run;
  beforeAll(async () => {
    values = await readSample(name);
    expect(values[0]).toHaveLength(TRUE_FIELDS.length);
    words = generate(values, lang, lang === 'zh' ? 19 : 1916, 0.5, 0, true);
    opaque = generate(values, lang, lang === 'zh' ? 1619 : 1916_19, 0.3, 0.4);
  });

  it('draws a real share of held-out and opaque words', () => {
    expect(words.heldOutShare).toBeGreaterThan(0.4);
    expect(opaque.opaqueShare).toBeGreaterThan(0.3);
  });

  it('maps every field to its column in ≥ 95 % of the cases (vocabulary and held-out words, columns in any order)', () => {
    const shares = sharesOf(words, TRUE_FIELDS);
    const low = Object.entries(shares).filter(([, s]) => s < 0.95);
    if (low.length) console.log(name, 'per-field share mapped right', shares);
    expect(low).toEqual([]);
  });

  it('maps the fields the values tell apart in ≥ 95 % of the cases when 40 % of the headers say nothing', () => {
    const shares = sharesOf(opaque, VALUE_DECIDABLE);
    const low = Object.entries(shares).filter(([, s]) => s < 0.95);
    if (low.length) console.log(name, 'per-field share mapped right, opaque headers', shares);
    expect(low).toEqual([]);
  });

  it('never maps a column against its values (no email column as address, no date column as phone)', () => {
    expect(words.contradictions.slice(0, 10)).toEqual([]);
    expect(opaque.contradictions.slice(0, 10)).toEqual([]);
  });
});
