/**
 * The header words we know for each field, beyond the synonyms in fields.ts: what CRM import templates
 * (Zoho, HubSpot, Salesforce), Chinese CRM exports (纷享销客, 销售易, 简道云-style forms) and Excel ledger
 * templates call their columns, in simplified and traditional Chinese and English, with compound forms.
 * A header is read as: an exact word, else the most specific word it contains, else a hint (首次, next…).
 * Words shared by many fields (地址, 人, 名称, 日期…) never decide alone: they only rank below a specific word.
 */
import { FIELDS, type FieldId, normalizeHeader } from '../fields';

/** More header words per field (compared after normalizeHeader; the fields' synonyms and labels are added). */
const EXTRA: Partial<Record<FieldId, readonly string[]>> = {
  customerId: ['客户号', '客户序号', '会员编号', '会员号', '会员卡号', '卡号', '档案编号', '记录编号', '记录id', '编码', '客户编碼',
    '客戶編號', '客戶代碼', '序號', '编号id', 'record id', 'record number', 'contact id', 'lead id', 'account id', 'member id',
    'member no', 'customer code', 'client code', 'client no', 'client number', 'ref', 'reference', 'ref no', 'serial no', 's/n', 'sn'],
  name: ['客户名字', '客户联系人', '主联系人', '联系人名称', '联系人名字', '姓名/称呼', '客人姓名', '用户姓名', '用户名称', '会员',
    '学员姓名', '患者姓名', '采购联系人', '对方联系人', '客戶姓名', '客戶名稱', '聯絡人', '聯繫人', '聯絡人姓名', '顧客姓名', '客戶',
    'contact full name', 'full name of contact', 'customer full name', 'client full name', 'person name', 'primary contact',
    'main contact', 'name of customer', 'customer contact', 'patient name', 'student name', 'guest name', 'account contact'],
  gender: ['先生/女士', '男女', '称谓', '性別', 'salutation', 'sex/gender', 'm/f'],
  age: ['周岁', '年纪', '年齡', 'age years', 'age in years'],
  title: ['职务名称', '职位名称', '部门职位', '联系人职位', '联系人职务', '職位', '職務', '職稱', 'job position', 'job role',
    'position title', 'contact title', 'business title'],
  company: ['客户公司名称', '所属客户', '客户主体', '签约主体', '公司全称', '公司名', '企业全称', '单位全称', '所在公司', '所在单位', '客户公司', '客户企业', '合作单位', '采购单位',
    '门店名称', '店铺名称', '商户名称', '商家名称', '公司名稱', '企業名稱', '單位名稱', '公司/单位', 'company/account',
    'organization name', 'organisation name', 'account company', 'company / organization', 'business name', 'firm name',
    'employer name', 'legal name', 'store name', 'shop name', 'merchant', 'merchant name', 'parent account'],
  industry: ['所属行业类别', '行业类型', '产业', '业态', '所屬行業', '行業', 'industry type', 'business type', 'line of business',
    'sic code', 'naics', 'trade'],
  region: ['所在省份', '所在省市', '所在区域', '所属区域', '所属地区', '所属城市', '城市名称', '地域', '省', '市', '区县', '国家',
    '国家/地区', '省份城市', '销售区域', '地區', '區域', '城市名', 'mailing city', 'billing city', 'billing state', 'mailing state',
    'state/province', 'state / province', 'country', 'country/region', 'county', 'district', 'suburb', 'locality', 'sales region',
    'sales territory', 'market', 'geo'],
  address: ['地址详情', '省市区详细地址', '收件地址', '街道地址', '详细住址', '家庭住址', '家庭地址', '住址信息', '单位地址', '办公地址', '注册地址', '经营地址', '邮寄地址',
    '送货地址', '门店地址', '地址1', '地址一', '详细地址信息', '地址詳情', '詳細地址', '聯絡地址', '通訊地址', '地址資訊',
    'street 1', 'street1', 'address 1', 'address line 1', 'address line1', 'address1', 'mailing street', 'billing street',
    'billing address', 'shipping address', 'home address', 'business address', 'street line 1', 'street name', 'full address'],
  phone: ['手机号码1', '联系手机', '客户电话', '客户手机', '联系人电话', '联系人手机', '手机电话', '手机号/电话', '移动号码',
    '电话1', '手机1', '主要电话', '常用电话', '联系电话1', '手機', '手機號碼', '聯絡電話', '聯繫電話', '電話', '行動電話',
    'mobile phone number', 'phone 1', 'phone1', 'primary phone', 'business phone', 'work phone', 'home phone', 'office phone',
    'direct phone', 'direct line', 'contact phone', 'phone/mobile', 'mobile/phone', 'tel no', 'tel no.', 'telephone number', 'cell no',
    'cell number', 'mobile tel'],
  email: ['邮件地址', '电子邮件地址', '电邮', '电邮地址', '邮箱号', '联系邮箱', '客户邮箱', '联系人邮箱', '工作邮箱', '企业邮箱',
    '常用邮箱', 'e-mail地址', 'email地址', '郵箱', '電子郵箱', '電子郵件', '電郵', '郵件地址', '電子郵件地址', 'email 1', 'email1',
    'primary email', 'work email', 'business email', 'personal email', 'contact email', 'e mail', 'emailaddress',
    'email addr', 'mail id', 'electronic mail'],
  channel: ['客户渠道', '来源方式', '获取渠道', '线索渠道', '商机来源', '推广渠道', '进线渠道', '来源類型', '客戶來源', '來源',
    '渠道來源', 'lead channel', 'original source', 'source of lead', 'marketing channel', 'lead origin', 'acquired via',
    'referred by', 'campaign source', 'utm source'],
  firstPurchase: ['首次成交', '首次下单', '首单时间', '首次购买时间', '首次下单时间', '首次成交时间', '首次交易', '首次消费日期',
    '首次消费', '首购', '首購日期', '首次購買日期', '首次購買', '合作开始日期', '开始合作时间', '建档日期', '入会日期', '注册日期',
    'first order date', 'date of first order', 'first purchase on', 'first bought', 'first invoice date', 'first deal date',
    'client since', 'member since', 'customer since date', 'first sale', 'date first purchased', 'became customer'],
  lastPurchase: ['最后购买时间', '最近购买时间', '最近下单时间', '最后下单时间', '最近成交时间', '最后成交时间', '最后交易日期',
    '最后交易时间', '最近交易时间', '最近订单日期', '最后订单日期', '上次购买', '上次下单日期', '上次成交日期', '最近一次购买',
    '最近一次下单', '最近一次成交', '末次购买日期', '最後購買日期', '最近購買日期', '最後下單日期', '最近交易日期',
    'last order on', 'date of last order', 'last purchased', 'last purchase on', 'last bought', 'last invoice date',
    'most recent order', 'most recent order date', 'recent order date', 'last deal date', 'last sale', 'latest purchase',
    'latest order date', 'last closed date', 'last won date'],
  orders: ['number of associated deals', 'deal count', 'closed deals', '成交单数合计', '订单次数', '订单总数', '累计订单数', '累计下单次数', '购买数', '购买次数合计', '成交笔数', '交易笔数', '订单笔数',
    '消费次数合计', '下单数', '复购次数', '訂單數', '購買次數', '成交次數', 'orders count', 'total orders', 'num orders',
    'order qty', 'number of purchases', 'purchase frequency', 'deals won', 'count of orders', 'lifetime orders'],
  total: ['recent deal amount', 'total deal value', 'closed won amount', '合同金额', '回款金额', '累计回款', '累计消费额', '消费总金额', '累计交易金额', '累计成交额', '成交总额', '交易总额', '订单总额', '订单总金额', '累计购买金额',
    '购买金额', '累计销售额', '消费额', '总额', '合计金额', '应收金额', '实收金额', '累計消費金額', '消費金額', '成交金額',
    '總金額', 'total spent amount', 'amount spent', 'total order value', 'lifetime revenue', 'lifetime spend', 'customer value',
    'total value', 'sales amount', 'total paid', 'amount paid', 'gross sales', 'annual revenue', 'deal amount', 'clv'],
  lastContact: ['最新活动记录时间', '最后活动记录时间', '最近活动记录时间', '最新跟进时间', '最近跟进记录时间', '最后一次跟进时间', '最后拜访时间', '最近联系人时间', 'last activity on', 'last engaged', 'last email date', 'last call on', '最后联系时间', '最近联系时间', '上次联系时间', '上次联系', '最后联系', '最近跟进', '最后跟进', '最近跟进时间',
    '最后跟进时间', '跟进时间', '上次跟进', '上次跟进日期', '最新跟进时间', '最近沟通', '最后沟通时间', '最近拜访日期',
    '最近回访', '回访时间', '最后活动时间', '最近活动时间', '最後聯絡日期', '最近聯絡日期', '最後跟進時間', '最近跟進',
    'last contacted date', 'last contact on', 'last activity date', 'last activity', 'last engagement date', 'last touched',
    'last touch date', 'last interaction', 'last call date', 'last visit', 'last meeting', 'date of last contact',
    'last followed up', 'last follow-up date', 'recent contact'],
  nextFollowUp: ['下次跟进时间', '下次联系时间', '下次联系', '下次回访', '下次回访时间', '计划跟进时间', '预约跟进时间', '下次拜访日期',
    '待跟进日期', '跟进计划日期', '下次跟進日期', '下次聯絡日期', 'next follow-up on', 'follow-up date', 'follow up date',
    'next activity date', 'next activity', 'next step date', 'next call', 'next call date', 'callback date', 'call back date',
    'next meeting', 'due date', '提醒日期', '提醒时间', '跟进提醒', '回访提醒', '跟进提醒日期', '回访提醒日期', '预约回访日期',
    'reminder date', 'reminder', 'follow-up due', 'follow up due', 'next callback', 'callback', 'call back'],
  owner: ['客户所有人', '所有人', '销售负责人姓名', '归属销售人员', '跟进销售员', '客户所有者', '负责员工', '客户负责人', '负责销售', '销售人员', '销售代表', '业务负责人', '业务员姓名', '跟单员', '跟进销售', '归属销售', '所属人',
    '客户归属', '跟进负责人', '责任人', '客服', '顾问', '销售顾问', '负责人姓名', '負責人', '業務員', '客戶經理', '銷售',
    'contact owner', 'lead owner', 'record owner', 'deal owner', 'owner name', 'sales person', 'sales representative',
    'sales manager', 'account executive', 'assigned rep', 'assigned salesperson', 'responsible', 'agent', 'advisor', 'consultant'],
  category: ['客户状态', '成交状态', '客户阶段', '客户分组', '标签', '客户标签', 'customer status', 'stage', 'tags', '客户分级', '客户级别分类', '客户性质', '客户类型分类', '会员等级', '会员级别', '客户星级', '等级', '级别', '客戶類別',
    '客戶類型', '客戶等級', 'customer segment', 'customer tier', 'customer class', 'customer level', 'account type', 'contact type',
    'lead status', 'lifecycle stage', 'rating', 'tier', 'level', 'grade', 'membership level'],
  notes: ['最新跟进记录', '跟进记录内容', '客户描述', '客户简介', '备注说明', '客户备注', '备注内容', '沟通记录', '跟进内容', '跟进情况', '跟进备注', '拜访记录', '回访记录', '其他说明',
    '补充说明', '描述', '備註', '說明', '跟進記錄', '溝通記錄', 'additional notes', 'note text', 'comments/notes', 'internal notes',
    'follow-up notes', 'call notes', 'details', 'other info'],
  firstName: ['given', 'given names', 'first', 'fname', 'first_name', 'christian name', 'contact first name'],
  lastName: ['last', 'lname', 'family', 'last_name', 'contact last name', 'sur name'],
  postcode: ['邮政编号', '郵編', '郵政編碼', 'postal', 'postalcode', 'post-code', 'zip/postal code', 'zip / postal code', 'mailing zip',
    'billing zip', 'mailing postal code', 'billing postal code', 'plz', 'pin code', 'pincode'],
  birthDate: ['出生年月日', '生日日期', '出生时间', '出生', '公历生日', '農曆生日', '出生日期(公历)', '生日日期', '出生年月日期',
    'birthdate', 'date-of-birth', 'd.o.b', 'd.o.b.', 'born', 'born on', 'birth'],
};

/** Words many fields share: they show the kind of a header but never decide between fields alone. */
export const SHARED_WORDS: ReadonlySet<string> = new Set([
  '地址', '人', '名', '名称', '名字', '姓名', '日期', '时间', '号码', '号', '编号', '信息', '客户', '联系', '联系人', '客戶', '聯絡',
  '类型', '类别', '分类', '来源', '其他', '说明', '金额', '次数', '公司',
  'name', 'date', 'number', 'no', 'no.', 'id', '#', 'address', 'customer', 'client', 'contact', 'type', 'info', 'amount', 'time',
  'account', 'source', 'total', 'first', 'last', 'given', 'family', 'birth', 'ref', 'agent', 'market', 'trade', 'group', 'class',
  'level', 'grade', 'rating', 'details', 'business', 'job', 'role', 'responsible', 'origin', 'due date', 'mail', 'cell', 'sales',
  'company', 'spend', 'orders', 'purchases', 'transactions', 'state', 'area', 'town', 'street', 'title', 'position', 'member name',
]);

/**
 * Headers that say "follow-up" without saying which one (回访日期 is the last visit in one ledger and the
 * planned one in the next): the column's dates decide (columnEvidence), the header's own field otherwise.
 */
export const UNDIRECTED_FOLLOW_UP: ReadonlySet<string> = new Set(['跟进日期', '回访日期', '跟进时间', '回访时间', '跟进', '回访',
  '跟進日期', '回訪日期', 'follow-up date', 'follow up date', 'follow-up', 'follow up', 'followup', 'followup date'].map(normalizeHeader));

export interface VocabularyWord { word: string; field: FieldId; shared: boolean }

function buildVocabulary(): VocabularyWord[] {
  const seen = new Set<string>();
  const out: VocabularyWord[] = [];
  const add = (raw: string, field: FieldId) => {
    const word = normalizeHeader(raw);
    if (!word || seen.has(word)) return; // a word listed twice keeps its first field
    seen.add(word);
    out.push({ word, field, shared: SHARED_WORDS.has(word) });
  };
  for (const f of FIELDS) {
    for (const w of [...f.synonyms, f.label['zh-CN'], f.label['en-US']]) add(w, f.id);
    for (const w of EXTRA[f.id] ?? []) add(w, f.id);
  }
  return out;
}

/** Every known header word with its field (normalized; the first field listing a word keeps it). */
export const VOCABULARY: readonly VocabularyWord[] = buildVocabulary();

const EXACT = new Map(VOCABULARY.map((v) => [v.word, v]));
// Words that may stand inside a longer header (one Han character alone — 名, 姓, 省 — never does), by their
// first character: a header is read by looking up each of its characters, not by trying every word.
const INSIDE = VOCABULARY.filter((v) => [...v.word].length >= 2 || !/^[\u3400-\u9fff]$/.test(v.word));
const BY_FIRST = new Map<string, VocabularyWord[]>();
for (const v of INSIDE) {
  const k = v.word[0]!;
  const list = BY_FIRST.get(k);
  if (list) list.push(v); else BY_FIRST.set(k, [v]);
}
const IS_LATIN = /^[a-z0-9 #.&/'_-]+$/;

/** True when the normalized header is a known word (the test generator holds out words that are not). */
export function isVocabularyWord(header: string): boolean {
  return EXACT.has(normalizeHeader(header));
}

/**
 * Hints that place a date or a count when no word matches whole: "首次…", "上回…时间", "next …".
 * Checked in order; each needs all of its parts in the header.
 */
const HINTS: readonly { field: FieldId; all: readonly RegExp[] }[] = [
  { field: 'birthDate', all: [/出生|生日|生辰|诞辰|birth|\bdob\b|\bborn\b/] },
  { field: 'nextFollowUp', all: [/下次|下回|下一次|计划|预约|预计|待|\bnext\b|\bplanned\b|\bscheduled\b|\bupcoming\b/, /跟进|跟進|联系|聯絡|回访|拜访|沟通|致电|follow|contact|call|visit|activity|meeting|touch/] },
  { field: 'firstPurchase', all: [/首|第一|初次|最早|开始|開始|起始|\bfirst\b|\bearliest\b|\binitial\b|\bsince\b|\bstart/, /购|購|买|買|单|單|成交|交易|消费|消費|进货|進貨|采购|採購|订|訂|合作|order|purchase|buy|bought|sale|deal|invoice|transaction|customer|client|member/] },
  { field: 'lastContact', all: [/最近|最后|最後|上次|上回|上一次|末次|最新|\blast\b|\blatest\b|\brecent|\bprevious\b|\bprior\b/, /跟进|跟進|联系|聯絡|聯繫|回访|拜访|沟通|溝通|致电|触达|互动|活动|contact|follow|touch|call|visit|activity|interaction|engag|reach|meeting|spoke/] },
  { field: 'lastPurchase', all: [/最近|最后|最後|上次|上回|上一次|末次|最新|\blast\b|\blatest\b|\brecent|\bprevious\b|\bprior\b/, /购|購|买|買|单|單|成交|交易|消费|消費|进货|進貨|采购|採購|订|訂|order|purchase|buy|bought|sale|deal|invoice|transaction/] },
  { field: 'lastContact', all: [/跟进|跟進|回访|回訪|follow.?up|\bcontacted\b/] },
  { field: 'age', all: [/岁|歲|年龄|年齡|年纪|年紀|\bage\b|\byears? old\b/] },
  { field: 'gender', all: [/性别|性別|先生|女士|男|\bsex\b|\bgender\b|\bm\/f\b/] },
  { field: 'region', all: [/^[^\d]{0,4}(?:所在|归属|歸屬)?地$|城市|省份|地区|地區|区域|區域|\bcity\b|\btown\b|\bregion\b|\bprovince\b/] },
  { field: 'channel', all: [/获客|獲客|来源|來源|渠道|途径|途徑|引流|从哪|從哪|哪来|哪來|\bsource\b|\bchannel\b|\bfound us\b|\bwhere from\b|\breferr|\bheard\b|\bcame from\b/] },
  { field: 'notes', all: [/备注|備註|说明|說明|补充|補充|附注|附註|\bcomments?\b|\bremarks?\b|\bnotes?\b|\bmemo\b/] },
  { field: 'orders', all: [/次数|次數|笔数|筆數|单数|單數|频次|頻次|[买買单單购購]次$|\bcount\b|\bnumber of\b|#|\bno\. of\b|\bqty\b|\bfrequency\b/] },
  { field: 'total', all: [/金额|金額|总额|總額|总值|總值|消费额|营业额|\bamount\b|\bvalue\b|\bspend|\bspent\b|\brevenue\b|\bsales\b|\bturnover\b|\$|¥|元/] },
];

export type HeaderCode = 'header-exact' | 'header-partial' | 'header-hint';

export interface HeaderCandidate {
  field: FieldId;
  /** 0..1: 1 for an exact word, less for a word inside the header, least for a hint or a shared word alone. */
  strength: number;
  code: HeaderCode;
  /** The known word (or hint) the header was read by. */
  word: string;
}

function wholeWordAt(h: string, word: string, at: number): boolean {
  if (!IS_LATIN.test(word)) return true; // CJK has no word breaks
  const before = h[at - 1];
  const after = h[at + word.length];
  return !(before && /[a-z0-9]/.test(before)) && !(after && /[a-z0-9]/.test(after));
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * What a header says, best first, at most one candidate per field. Specific words beat shared ones of
 * any length; among specific words the longest wins ("邮件地址" is an email, though it holds 地址).
 */
export function headerCandidates(text: string): HeaderCandidate[] {
  const h = normalizeHeader(text);
  if (!h || h.length > 40) return [];
  const exact = EXACT.get(h);
  const out = new Map<FieldId, HeaderCandidate>();
  const put = (c: HeaderCandidate) => {
    const prev = out.get(c.field);
    if (!prev || c.strength > prev.strength) out.set(c.field, c);
  };
  if (exact) put({ field: exact.field, strength: exact.shared ? 0.9 : 1, code: 'header-exact', word: exact.word });
  for (let at = 0; at < h.length; at++) {
    for (const v of BY_FIRST.get(h[at]!) ?? []) {
      if (v.word.length >= h.length || !h.startsWith(v.word, at) || !wholeWordAt(h, v.word, at)) continue;
      putInside(v, h, put);
    }
  }
  if (!exact && !/\d/.test(h)) { // a cell with digits is a value ("64796元"), not a header to read hints in
    for (const hint of HINTS) {
      if (hint.all.every((re) => re.test(h))) put({ field: hint.field, strength: 0.5, code: 'header-hint', word: h });
    }
    const abbr = abbreviated(h);
    if (abbr) put(abbr);
  }
  return [...out.values()].sort((a, b) => b.strength - a.strength);
}

/** A known word inside a longer header, as a candidate (or none when it covers too little of the header). */
function putInside(v: VocabularyWord, h: string, put: (c: HeaderCandidate) => void): void {
  const coverage = v.word.length / h.length;
  // A short word inside a long header is weak ("sex" in "sex of contact" still counts); a shared word is
  // weaker still and never outranks a specific one.
  if (coverage < (v.shared ? 0.25 : 0.15)) return;
  const strength = v.shared ? 0.3 + 0.2 * coverage : 0.55 + 0.4 * coverage;
  put({ field: v.field, strength: round2(strength), code: 'header-partial', word: v.word });
}

/** A header that is a shortened known word ("最后下单" for "最后下单日期"), when only one field fits. */
function abbreviated(h: string): HeaderCandidate | null {
  if ([...h].length < 2 || h.length > 8 || !/^[\u3400-\u9fff]+$/.test(h)) return null;
  let best: { v: VocabularyWord; coverage: number } | null = null;
  let ambiguous = false;
  for (const v of INSIDE) {
    if (v.word.length <= h.length || !v.word.includes(h)) continue;
    const coverage = h.length / v.word.length;
    if (coverage < 0.6) continue;
    if (!best || coverage > best.coverage) { best = { v, coverage }; ambiguous = false; }
    else if (coverage === best.coverage && v.field !== best.v.field) ambiguous = true;
  }
  if (!best || ambiguous) return null;
  return { field: best.v.field, strength: round2(0.5 + 0.3 * best.coverage), code: 'header-partial', word: best.v.word };
}
