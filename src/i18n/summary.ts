/** The summary sheet's words in zh-CN and en-US: block titles, column headers, data-quality lines, RFM meanings. */
import type { RfmSegment } from '../core/rfm';
import type { QualityKey, SummaryDimension } from '../core/summaryTables';
import type { Locale } from './strings';

export interface SummaryWords {
  byTier: string;
  byLifecycle: string;
  byOwnerStatus: string;
  revenueBy: Record<SummaryDimension, string>;
  /** Chart titles: revenue by a dimension, or customers by it when the ledger has no amounts. */
  chartRevenue: Record<SummaryDimension, string>;
  chartCustomers: Record<SummaryDimension, string>;
  byMonth: string;
  /** The same without an amount column. */
  byMonthCount: string;
  quality: string;
  rfm: string;
  pivots: string;
  customers: string;
  revenue: string;
  average: string;
  share: string;
  total: string;
  blank: string;
  unknown: string;
  other: (n: number) => string;
  /** The formulas row that catches groups that appeared after the summary was built. */
  notListed: string;
  earlier: string;
  tier: string;
  month: string;
  owner: string;
  highAtRisk: string;
  segment: string;
  meaning: string;
  item: string;
  count: string;
  quality_: Record<QualityKey, string>;
  rfmMeaning: Record<RfmSegment | 'unknown', string>;
}

export const SUMMARY_WORDS: Record<Locale, SummaryWords> = {
  'zh-CN': {
    byTier: '客户数：价值分层 × 客户状态',
    byLifecycle: '客户数：价值分层 × 生命周期',
    byOwnerStatus: '客户数：负责人 × 客户状态',
    revenueBy: { region: '按地区', channel: '按来源渠道', owner: '按负责人', industry: '按行业', category: '按客户类别' },
    chartRevenue: { region: '各地区消费金额', channel: '各来源渠道消费金额', owner: '各负责人消费金额', industry: '各行业消费金额', category: '各客户类别消费金额' },
    chartCustomers: { region: '各地区客户数', channel: '各来源渠道客户数', owner: '各负责人客户数', industry: '各行业客户数', category: '各客户类别客户数' },
    byMonth: '新客户：按首次购买月份（消费金额为这些客户的累计消费）',
    byMonthCount: '新客户：按首次购买月份',
    quality: '数据质量',
    rfm: 'RFM 分群',
    pivots: '数据透视表（右键 ▸ 刷新 可更新）',
    customers: '客户数', revenue: '消费金额', average: '平均消费', share: '金额占比', total: '总计',
    blank: '（空白）', unknown: '未知', other: (n) => `其他（${n} 项）`,
    notListed: '其他（汇总后新增，请重新生成汇总）', earlier: '更早',
    tier: '价值分层', month: '月份', owner: '负责人', highAtRisk: '高价值·沉睡或流失',
    segment: '分群', meaning: '含义', item: '项目', count: '数量',
    quality_: {
      rows: '客户行数', phoneInvalid: '电话无效', phoneSuspect: '电话可疑', phoneIncomplete: '电话不完整（缺区号）', phoneMissing: '电话缺失',
      emailInvalid: '邮箱无效', emailSuspect: '邮箱可疑（可能拼错）', emailMissing: '邮箱缺失', nameMissing: '姓名缺失',
      duplicateGroups: '重复客户组', duplicateExtraRows: '重复的多余行', possibleDuplicates: '疑似重复（待核对的配对）',
    },
    rfmMeaning: {
      champions: '最近买过、买得多、花得多：重点维护',
      loyal: '常来购买：推荐会员或升级产品',
      potentialLoyalists: '近期买过几次：有望成为忠诚客户',
      newCustomers: '刚买过第一次：做好首单后的跟进',
      promising: '最近来过、次数还少：给一个再来的理由',
      needAttention: '一般活跃、一般频次：及时提醒',
      aboutToSleep: '有一阵没来了：趁还没流失联系',
      atRisk: '曾经常买、很久没来：优先挽回',
      cannotLose: '买得最多、却很久没来：务必挽回',
      hibernating: '很久没来、买得也少：低成本唤醒',
      unknown: '没有购买或联系日期，无法评分',
    },
  },
  'en-US': {
    byTier: 'Customers: value tier × status',
    byLifecycle: 'Customers: value tier × lifecycle',
    byOwnerStatus: 'Customers: owner × status',
    revenueBy: { region: 'By region', channel: 'By channel', owner: 'By owner', industry: 'By industry', category: 'By category' },
    chartRevenue: { region: 'Revenue by region', channel: 'Revenue by channel', owner: 'Revenue by owner', industry: 'Revenue by industry', category: 'Revenue by category' },
    chartCustomers: { region: 'Customers by region', channel: 'Customers by channel', owner: 'Customers by owner', industry: 'Customers by industry', category: 'Customers by category' },
    byMonth: 'New customers by first-purchase month (revenue: their total spend to date)',
    byMonthCount: 'New customers by first-purchase month',
    quality: 'Data quality',
    rfm: 'RFM segments',
    pivots: 'PivotTables (right-click ▸ Refresh to update)',
    customers: 'Customers', revenue: 'Revenue', average: 'Average', share: 'Share of revenue', total: 'Total',
    blank: '(blank)', unknown: 'Unknown', other: (n) => `Other (${n} more)`,
    notListed: 'Other (added since this summary; rebuild it)', earlier: 'Earlier',
    tier: 'Value tier', month: 'Month', owner: 'Owner', highAtRisk: 'High value, dormant or lost',
    segment: 'Segment', meaning: 'Meaning', item: 'Item', count: 'Count',
    quality_: {
      rows: 'Customer rows', phoneInvalid: 'Invalid phones', phoneSuspect: 'Suspect phones', phoneIncomplete: 'Phones missing an area code',
      phoneMissing: 'Missing phones', emailInvalid: 'Invalid emails', emailSuspect: 'Suspect emails (likely typos)', emailMissing: 'Missing emails',
      nameMissing: 'Missing names', duplicateGroups: 'Duplicate groups', duplicateExtraRows: 'Extra rows in duplicate groups',
      possibleDuplicates: 'Possible duplicates (pairs to review)',
    },
    rfmMeaning: {
      champions: 'Bought recently, often and the most: look after them',
      loyal: 'Buy regularly: offer loyalty perks or upgrades',
      potentialLoyalists: 'Recent, a few orders: could become loyal',
      newCustomers: 'Just made a first purchase: follow up on it',
      promising: 'Recent but few orders: give them a reason to return',
      needAttention: 'Middling recency and frequency: remind them',
      aboutToSleep: 'Quiet for a while: reach out before they lapse',
      atRisk: 'Used to buy often, long quiet: win them back first',
      cannotLose: 'Top buyers gone quiet: must win back',
      hibernating: 'Long quiet, few orders: low-cost reactivation',
      unknown: 'No purchase or contact date: not scored',
    },
  },
};
