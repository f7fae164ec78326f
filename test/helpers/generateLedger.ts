/**
 * Messy ledgers of any size, with the same kinds of mess as the shared samples: phones typed many ways,
 * emails with typos, mixed date forms, amounts with currency signs, some duplicates. Deterministic.
 */
import { seededRandom } from '../../src/core/random';

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞斌宇浩凯晨欣怡佳琪雪梅婷颖子涵思雨'];
const CITIES = ['北京', '上海', '广州', '深圳', '杭州', '南京', '苏州', '武汉', '成都'];
const TRADES = ['贸易', '科技', '餐饮', '物流', '医疗', '教育', '制造'];
const BRANDS = ['华信', '鼎盛', '新锐', '恒通', '启明', '远航', '金桥', '卓越', '宏图', '瑞丰', '博雅', '智联', '星辰', '蓝海', '天成'];
// Second words of a company name, for ledgers whose companies grow with their customers (`companies: 'many'`).
const BRANDS_2 = ['东方', '明德', '安泰', '嘉禾', '汇通', '永盛', '佳美', '润达', '正和', '兴旺', '聚源', '广厦', '云帆', '锦程', '盛世',
  '和谐', '春晖', '阳光', '海纳', '百川', '中天', '国泰', '万达', '长城', '凯旋', '华美', '同创', '德信', '利民', '华夏', '信诚', '鸿运',
  '新世纪', '宝丰', '金鼎', '诚信', '华丰', '天宇', '恒大', '万通'];
const DOMAINS = ['qq.com', '163.com', '126.com', 'sina.com', 'foxmail.com', 'outlook.com', 'gmail.com', 'hotmail.com', 'qq.con', 'outlok.com'];
const CHANNELS = ['线下活动', '电话咨询', '官网表单', '社交媒体', '电子邮件', '老客户推荐'];
const OWNERS = ['王经理', '李经理', '赵主管', '陈专员'];
const PREFIXES = ['138', '139', '150', '151', '152', '157', '158', '159', '186', '187', '188', '130', '131', '132', '155', '156', '185', '133', '153', '180', '189', '199'];

export const HEADER = ['客户姓名', '性别', '年龄', '公司名称', '职位', '行业', '地区', '联系电话', '电子邮箱', '来源渠道',
  '首次购买日期', '最近购买日期', '购买次数', '累计消费金额', '最近联系日期', '负责人', '备注'];

const rng = seededRandom;

function phoneText(digits: string, style: number): string {
  const [a, b, c] = [digits.slice(0, 3), digits.slice(3, 7), digits.slice(7)];
  switch (style) {
    case 0: return digits;
    case 1: return `${a} ${b} ${c}`;
    case 2: return `${a}-${b}-${c}`;
    case 3: return `+86 ${digits}`;
    case 4: return `(+86)${digits}`;
    case 5: return `+86-${a}-${b}-${c}`;
    case 6: return `0${digits.slice(0, 2)}-${digits.slice(3, 11)}`; // a landline-looking number
    default: return digits.slice(0, 10); // too short
  }
}

export interface LedgerOptions {
  /**
   * 'few' (the default, what the tests were written against): 105 companies whatever the size, so at a
   * million rows a third of the rows share a two-character name and a company by chance and fall into
   * "same name and company" groups — a stress case for the duplicate pass. 'many': 4,200 companies,
   * so groups stay close to the 3 % planted duplicates, as in the samples and a real ledger.
   */
  companies?: 'few' | 'many';
}

/**
 * A row as Office.js hands it over: parsed from the host's JSON, so its text is flat strings (the short
 * ones shared), not the ropes a template literal builds, which the engine's first hash or scan of each
 * cell would have to flatten, a cost no real ledger has. Same values.
 */
function asDelivered(row: unknown[]): unknown[] {
  return JSON.parse(JSON.stringify(row)) as unknown[];
}

/** Rows of values as Excel on the web returns them (dates as serials, text as typed), header first. */
export function generateLedger(rows: number, seed = 42, options: LedgerOptions = {}): unknown[][] {
  const manyCompanies = options.companies === 'many';
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const out: unknown[][] = [HEADER];
  let previous: unknown[] | null = null;
  for (let i = 0; i < rows; i++) {
    if (previous && r() < 0.03) {
      // A duplicate: the same customer typed again with a different phone form.
      const dup = previous.slice();
      dup[7] = typeof dup[7] === 'string' ? dup[7].replace(/\s|-/g, '') : dup[7];
      out.push(asDelivered(dup));
      continue;
    }
    const name = pick(SURNAMES) + pick(GIVEN) + (r() < 0.5 ? pick(GIVEN) : '');
    const city = pick(CITIES);
    const digits = `${pick(PREFIXES)}${String(Math.floor(r() * 1e8)).padStart(8, '0')}`;
    const orders = Math.floor(r() * 30);
    const total = orders === 0 ? null : Math.round(r() * 300000);
    const first = 44500 + Math.floor(r() * 1400);
    const last = first + Math.floor(r() * 400);
    const row: unknown[] = [
      name, r() < 0.5 ? '男' : '女', 20 + Math.floor(r() * 45), `${city}${pick(BRANDS)}${manyCompanies ? pick(BRANDS_2) : ''}${pick(TRADES)}有限公司`, '经理',
      pick(TRADES), city, r() < 0.08 ? null : phoneText(digits, Math.floor(r() * 8)),
      r() < 0.1 ? null : `kehu${i}@${pick(DOMAINS)}`, pick(CHANNELS),
      orders ? first : null, orders ? (r() < 0.3 ? `${2024 + Math.floor(r() * 3)}年${1 + Math.floor(r() * 12)}月${1 + Math.floor(r() * 28)}日` : last) : null,
      orders, total === null ? '' : r() < 0.3 ? `¥${total.toLocaleString('en-US')}` : total,
      r() < 0.2 ? '无' : last + Math.floor(r() * 200), pick(OWNERS), r() < 0.05 ? '+86 请勿外传' : null,
    ];
    const delivered = asDelivered(row);
    out.push(delivered);
    previous = delivered;
  }
  return out;
}
