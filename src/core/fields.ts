/**
 * The standard customer template: every field the add-in understands, with its labels in both
 * languages, the header words people actually use for it, its type and its column width.
 * The header synonyms are what lets us map a user's own sheet, so they are deliberately generous.
 */

export type FieldType = 'text' | 'enum' | 'integer' | 'date' | 'amount' | 'phone' | 'email';

export const FIELD_IDS = [
  'customerId', 'name', 'gender', 'age', 'title', 'company', 'industry', 'region', 'address',
  'phone', 'email', 'channel', 'firstPurchase', 'lastPurchase', 'orders', 'total', 'lastContact',
  'owner', 'category', 'notes',
  // Recognised in users' sheets, not in the template: a name split over two columns, and what
  // matching needs beside name, phone and email (nextFollowUp, listed late, is in the template).
  'firstName', 'lastName', 'postcode', 'birthDate', 'nextFollowUp',
] as const;
export type FieldId = (typeof FIELD_IDS)[number];

export interface FieldDef {
  id: FieldId;
  type: FieldType;
  label: { 'zh-CN': string; 'en-US': string };
  /** Header words, any language, compared after normalizeHeader(). The labels are added automatically. */
  synonyms: readonly string[];
  /** Column width in Excel character units for the template. */
  width: number;
  /** Part of the standard template sheet (customerId is only recognised in users' sheets). */
  inTemplate: boolean;
  /** List choices for the template's data validation, per language. */
  choices?: { 'zh-CN': readonly string[]; 'en-US': readonly string[] };
}

export const FIELDS: readonly FieldDef[] = [
  { id: 'customerId', type: 'text', width: 12, inTemplate: false,
    label: { 'zh-CN': '客户编号', 'en-US': 'Customer ID' },
    synonyms: ['客户编号', '编号', '客户编码', '客户代码', '客户id', '序号', 'id', 'no', 'no.', 'customer no', 'customer id',
      'customer number', 'account number', 'account no', 'client id', 'cust id', '#'] },
  { id: 'name', type: 'text', width: 14, inTemplate: true,
    label: { 'zh-CN': '客户姓名', 'en-US': 'Customer name' },
    synonyms: ['姓名', '客户姓名', '客户名称', '客户名', '客户', '联系人', '联系人姓名', '名字', '称呼', '顾客', '顾客姓名',
      '会员姓名', '会员名称', '买家', '客户全称', '真实姓名', '收货人', 'name', 'full name', 'customer', 'customer name',
      'client', 'client name', 'contact', 'contact name', 'contact person', 'first and last name', 'buyer', 'member name'] },
  { id: 'gender', type: 'enum', width: 8, inTemplate: true,
    label: { 'zh-CN': '性别', 'en-US': 'Gender' },
    synonyms: ['性别', '男/女', 'gender', 'sex'],
    choices: { 'zh-CN': ['男', '女', '其他'], 'en-US': ['Male', 'Female', 'Other'] } },
  { id: 'age', type: 'integer', width: 8, inTemplate: true,
    label: { 'zh-CN': '年龄', 'en-US': 'Age' },
    synonyms: ['年龄', '岁数', 'age'] },
  { id: 'title', type: 'text', width: 14, inTemplate: true,
    label: { 'zh-CN': '职位', 'en-US': 'Job title' },
    synonyms: ['职位', '职务', '职业', '岗位', '头衔', '职称', 'title', 'job title', 'position', 'role', 'occupation', 'job',
      'designation'] },
  { id: 'company', type: 'text', width: 24, inTemplate: true,
    label: { 'zh-CN': '公司名称', 'en-US': 'Company' },
    synonyms: ['公司', '公司名称', '单位', '单位名称', '工作单位', '企业', '企业名称', '所属公司', '客户单位', '机构', '组织',
      'company', 'company name', 'organization', 'organisation', 'employer', 'business', 'business name', 'firm',
      'account', 'account name', 'corporation'] },
  { id: 'industry', type: 'text', width: 12, inTemplate: true,
    label: { 'zh-CN': '行业', 'en-US': 'Industry' },
    synonyms: ['行业', '所属行业', '行业类别', '行业分类', 'industry', 'sector', 'vertical'] },
  { id: 'region', type: 'text', width: 10, inTemplate: true,
    label: { 'zh-CN': '地区', 'en-US': 'Region' },
    synonyms: ['地区', '区域', '城市', '所在地', '所在城市', '所在地区', '省份', '省市', '省/市', '片区', '大区',
      'region', 'city', 'area', 'location', 'province', 'state', 'territory', 'town'] },
  { id: 'address', type: 'text', width: 30, inTemplate: true,
    label: { 'zh-CN': '地址', 'en-US': 'Address' },
    synonyms: ['地址', '详细地址', '联系地址', '通讯地址', '收货地址', '公司地址', '住址', 'address', 'street address',
      'mailing address', 'street', 'postal address'] },
  { id: 'phone', type: 'phone', width: 16, inTemplate: true,
    label: { 'zh-CN': '联系电话', 'en-US': 'Phone' },
    synonyms: ['手机', '手机号', '手机号码', '移动电话', '电话', '电话号码', '联系电话', '联系方式', '联系号码', '座机',
      '固话', '固定电话', '办公电话', '手机/电话', '电话/手机', 'phone', 'phone number', 'mobile', 'mobile phone',
      'mobile number', 'cell', 'cell phone', 'cellphone', 'tel', 'tel.', 'telephone', 'contact number', 'phone no',
      'phone #', 'mobile no', 'whatsapp'] },
  { id: 'email', type: 'email', width: 26, inTemplate: true,
    label: { 'zh-CN': '电子邮箱', 'en-US': 'Email' },
    synonyms: ['邮箱', '电子邮箱', '电子邮件', '邮件', '邮箱地址', 'email', 'e-mail', 'email address', 'e-mail address',
      'mail', 'mail address', 'email id'] },
  { id: 'channel', type: 'enum', width: 12, inTemplate: true,
    label: { 'zh-CN': '来源渠道', 'en-US': 'Channel' },
    synonyms: ['来源', '渠道', '来源渠道', '客户来源', '获客渠道', '获客来源', '渠道来源', '线索来源', 'channel', 'source',
      'lead source', 'acquisition channel', 'referral source', 'how found', 'origin'],
    choices: {
      'zh-CN': ['线下活动', '电话咨询', '官网表单', '社交媒体', '电子邮件', '老客户推荐', '其他'],
      'en-US': ['Event', 'Phone inquiry', 'Web form', 'Social media', 'Email', 'Referral', 'Other'],
    } },
  { id: 'firstPurchase', type: 'date', width: 12, inTemplate: true,
    label: { 'zh-CN': '首次购买日期', 'en-US': 'First purchase' },
    synonyms: ['首次购买日期', '首次购买', '首购日期', '首次下单日期', '首次成交日期', '首次交易日期', '首单日期', '开始合作日期',
      'first purchase', 'first purchase date', 'first order', 'first order date', 'customer since', 'first sale date',
      'first transaction'] },
  { id: 'lastPurchase', type: 'date', width: 12, inTemplate: true,
    label: { 'zh-CN': '最近购买日期', 'en-US': 'Last purchase' },
    synonyms: ['最近购买日期', '最近购买', '最后购买日期', '最近下单日期', '最后下单日期', '最近成交日期', '最后成交日期',
      '最近交易日期', '最近消费日期', '最后消费日期', '上次购买日期', '最后下单', '最近下单', '上次下单', '最后购买',
      '最近成交', '最后成交', '最近交易', '最近消费', 'last purchase', 'last purchase date', 'last order',
      'last order date', 'most recent purchase', 'latest order', 'last sale date', 'last transaction'] },
  { id: 'orders', type: 'integer', width: 10, inTemplate: true,
    label: { 'zh-CN': '购买次数', 'en-US': 'Orders' },
    synonyms: ['购买次数', '订单数', '订单数量', '下单次数', '成交次数', '交易次数', '消费次数', '订单量', '购买频次', 'orders',
      'order count', 'number of orders', '# orders', 'no. of orders', 'purchases', 'purchase count', 'transactions'] },
  { id: 'total', type: 'amount', width: 14, inTemplate: true,
    label: { 'zh-CN': '累计消费金额', 'en-US': 'Total spend' },
    synonyms: ['累计消费金额', '累计消费', '消费金额', '消费总额', '总消费', '累计金额', '成交金额', '累计成交金额', '交易金额',
      '销售额', '总金额', '金额', '订单金额', '累计订单金额', '贡献金额', 'total', 'total spend', 'total spent',
      'total amount', 'amount', 'revenue', 'total revenue', 'sales', 'total sales', 'lifetime value', 'ltv',
      'spend', 'total purchases', 'order value'] },
  { id: 'lastContact', type: 'date', width: 12, inTemplate: true,
    label: { 'zh-CN': '最近联系日期', 'en-US': 'Last contact' },
    synonyms: ['最近联系日期', '最近联系', '最后联系日期', '上次联系日期', '最近跟进日期', '最后跟进日期', '跟进日期',
      '最近回访日期', '回访日期', '最近沟通日期', 'last contact', 'last contacted', 'last contact date', 'last touch',
      'last follow-up', 'last follow up', 'last activity', 'last call'] },
  { id: 'owner', type: 'text', width: 10, inTemplate: true,
    label: { 'zh-CN': '负责人', 'en-US': 'Owner' },
    synonyms: ['负责人', '业务员', '销售', '销售员', '销售负责人', '客户经理', '跟进人', '对接人', '归属人', '经办人', '所属销售',
      'owner', 'account owner', 'sales rep', 'salesperson', 'rep', 'account manager', 'assigned to', 'sales owner',
      'handled by'] },
  { id: 'category', type: 'enum', width: 10, inTemplate: true,
    label: { 'zh-CN': '客户类别', 'en-US': 'Category' },
    synonyms: ['客户类别', '客户类型', '类别', '类型', '客户分类', '分类', '客户级别', '客户等级', 'category', 'type',
      'customer type', 'segment', 'class', 'customer category', 'group'],
    choices: { 'zh-CN': ['企业', '个人', '经销商', '其他'], 'en-US': ['Business', 'Individual', 'Reseller', 'Other'] } },
  { id: 'firstName', type: 'text', width: 12, inTemplate: false,
    label: { 'zh-CN': '名', 'en-US': 'First name' },
    synonyms: ['名', 'first name', 'firstname', 'given name', 'forename'] },
  { id: 'lastName', type: 'text', width: 12, inTemplate: false,
    label: { 'zh-CN': '姓', 'en-US': 'Last name' },
    synonyms: ['姓', '姓氏', 'last name', 'lastname', 'surname', 'family name'] },
  { id: 'postcode', type: 'text', width: 10, inTemplate: false,
    label: { 'zh-CN': '邮编', 'en-US': 'Postcode' },
    synonyms: ['邮编', '邮政编码', 'postcode', 'post code', 'postal code', 'zip', 'zip code', 'zipcode'] },
  { id: 'birthDate', type: 'date', width: 12, inTemplate: false,
    label: { 'zh-CN': '出生日期', 'en-US': 'Date of birth' },
    synonyms: ['出生日期', '生日', '出生年月', 'date of birth', 'birth date', 'birthday', 'dob'] },
  { id: 'nextFollowUp', type: 'date', width: 12, inTemplate: true,
    label: { 'zh-CN': '下次跟进日期', 'en-US': 'Next follow-up' },
    synonyms: ['下次跟进日期', '下次跟进', '下次联系日期', '下次回访日期', '计划跟进日期', 'next follow-up', 'next follow up',
      'next follow-up date', 'next contact', 'next contact date', '提醒日期', 'follow-up due'] },
  { id: 'notes', type: 'text', width: 30, inTemplate: true,
    label: { 'zh-CN': '备注', 'en-US': 'Notes' },
    synonyms: ['备注', '说明', '备注信息', '附注', '其他', '跟进记录', '情况说明', 'notes', 'note', 'remarks', 'remark',
      'comments', 'comment', 'memo', 'description'] },
];

export const FIELD_BY_ID: Readonly<Record<FieldId, FieldDef>> = Object.fromEntries(
  FIELDS.map((f) => [f.id, f]),
) as Record<FieldId, FieldDef>;

/**
 * Header text as compared with synonyms: NFKC (full-width → half-width), lower case, without
 * decorations people add to headers: required-marks (*), colons, units in brackets ("金额（元）"),
 * and inner spaces ("客户 姓名").
 */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u200B-\u200F\uFEFF]/g, '')
    .replace(/[([{（【][^)\]}）】]*[)\]}）】]/g, ' ') // "(元)", "（必填）", "[yyyy-mm-dd]"
    .replace(/[*:：★☆※]/g, ' ')
    .replace(/[_\s]+/g, ' ')
    .trim()
    .replace(/(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])/g, '');
}
