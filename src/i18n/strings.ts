/**
 * User-facing words in zh-CN and en-US. The engine speaks in stable English codes (report status
 * words, reason codes); every front end turns them into the user's language here.
 */
export type Locale = 'zh-CN' | 'en-US';
export type ReasonKind = 'phone' | 'email';

/** How a kept row's note begins once its duplicates are archived: a later run keeps such a note. */
const KEPT_PREFIX = { en: 'kept; ', zh: '已保留；' } as const;

/** Is this a kept row's note written after archiving (either language)? */
export function isKeptNote(text: string): boolean {
  return text.startsWith(KEPT_PREFIX.en) || text.startsWith(KEPT_PREFIX.zh);
}

const en = {
  valueTier: { high: 'High', medium: 'Medium', low: 'Low' },
  statusTier: { active: 'Active', dormant: 'Dormant', lost: 'Lost', unknown: 'Unknown' },
  lifecycle: { prospect: 'Prospect', new: 'New', returning: 'Returning' },
  phoneStatus: { valid: 'valid', invalid: 'invalid', empty: 'empty' },
  emailStatus: { valid: 'valid', suspect: 'suspect', invalid: 'invalid', empty: 'empty' },
  duplicateReason: {
    'same mobile': 'same mobile', 'same email': 'same email',
    'same phone and name': 'same phone and name', 'same name and company': 'same name and company',
  },
  reason: (kind: ReasonKind, code: string): string => EN_REASONS[kind][code] ?? code.replace(/-/g, ' '),
  sheetLine: (sheet: string, headerRow: number, rows: number) => `Sheet "${sheet}": header on row ${headerRow}, ${rows} customers.`,
  asOfLine: (asOf: string, region: string) => `As of ${asOf}; numbers without a country code are read as ${region}.`,
  columnsLine: (list: string) => `Columns: ${list}`,
  unmappedLine: (list: string) => `Not used: ${list}`,
  totalsLine: (rows: string) => `Totals rows skipped: ${rows}`,
  phonesHeading: (invalid: number, total: number) => `Phones: ${invalid} invalid of ${total}`,
  emailsHeading: (invalid: number, suspect: number, total: number) =>
    `Emails: ${invalid} invalid, ${suspect} suspect of ${total}`,
  didYouMean: (s: string) => `did you mean ${s}?`,
  duplicatesHeading: (groups: number, rows: number) => `Duplicates: ${groups} groups (${rows} rows)`,
  groupLine: (id: number, rows: string, keep: number, reasons: string) => `group ${id}: rows ${rows} · keep row ${keep} · ${reasons}`,
  /** The duplicate note of a group's row (the group column holds the id). */
  duplicateNote: (id: number, keep: number, reasons: string) => `group ${id} · keep row ${keep} · ${reasons}`,
  /** On the archive sheet: the customer sheet's row kept, numbered as it is after the move. */
  archivedNote: (id: number, keep: number, sheet: string, reasons: string) => `group ${id} · kept row ${keep} of "${sheet}" · ${reasons}`,
  /** The kept row's note once its duplicates moved to the archive (rows as numbered there). */
  keptNote: (count: number, archive: string, rows: string, reasons: string) =>
    `${KEPT_PREFIX.en}${count} duplicate ${count === 1 ? 'row' : 'rows'} moved to "${archive}" ${rows.includes('–') ? 'rows' : 'row'} ${rows} · ${reasons}`,
  possibleHeading: (n: number) => `Possible duplicates to review: ${n}`,
  tiersHeading: 'Tiers',
  valueTierLabel: 'Value',
  statusTierLabel: 'Status',
  lifecycleLabel: 'Lifecycle',
  more: (n: number) => `… and ${n} more`,
  row: 'row',
  noColumn: (what: string) => `no ${what} column`,
};

type Strings = typeof en;

const zh: Strings = {
  valueTier: { high: '高价值', medium: '中价值', low: '低价值' },
  statusTier: { active: '活跃', dormant: '沉睡', lost: '流失', unknown: '未知' },
  lifecycle: { prospect: '潜在客户', new: '新客户', returning: '老客户' },
  phoneStatus: { valid: '有效', invalid: '无效', empty: '空' },
  emailStatus: { valid: '有效', suspect: '可疑', invalid: '无效', empty: '空' },
  duplicateReason: {
    'same mobile': '手机号相同', 'same email': '邮箱相同',
    'same phone and name': '电话和姓名相同', 'same name and company': '姓名和公司相同',
  },
  reason: (kind, code) => ZH_REASONS[kind][code] ?? code,
  sheetLine: (sheet, headerRow, rows) => `工作表「${sheet}」：表头在第 ${headerRow} 行，共 ${rows} 位客户。`,
  asOfLine: (asOf, region) => `统计日期 ${asOf}；未写国家代码的号码按 ${region} 解析。`,
  columnsLine: (list) => `识别的列：${list}`,
  unmappedLine: (list) => `未使用的列：${list}`,
  totalsLine: (rows) => `已跳过合计行：${rows}`,
  phonesHeading: (invalid, total) => `电话：${total} 个中 ${invalid} 个无效`,
  emailsHeading: (invalid, suspect, total) => `邮箱：${total} 个中 ${invalid} 个无效，${suspect} 个可疑`,
  didYouMean: (s) => `是否应为 ${s}？`,
  duplicatesHeading: (groups, rows) => `重复客户：${groups} 组（${rows} 行）`,
  groupLine: (id, rows, keep, reasons) => `第 ${id} 组：第 ${rows} 行 · 保留第 ${keep} 行 · ${reasons}`,
  duplicateNote: (id, keep, reasons) => `第 ${id} 组 · 保留第 ${keep} 行 · ${reasons}`,
  archivedNote: (id, keep, sheet, reasons) => `第 ${id} 组 · 保留「${sheet}」第 ${keep} 行 · ${reasons}`,
  keptNote: (count, archive, rows, reasons) => `${KEPT_PREFIX.zh}另有 ${count} 行重复已移到「${archive}」第 ${rows} 行 · ${reasons}`,
  possibleHeading: (n) => `疑似重复（需人工确认）：${n} 对`,
  tiersHeading: '客户分层',
  valueTierLabel: '价值',
  statusTierLabel: '状态',
  lifecycleLabel: '生命周期',
  more: (n) => `……另有 ${n} 条`,
  row: '行',
  noColumn: (what) => `没有${what}列`,
};

const EN_REASONS: Record<ReasonKind, Record<string, string>> = { phone: {
  'has-letters': 'letters among the digits',
  'not-a-number': 'not a phone number',
  'too-short': 'too few digits',
  'too-long': 'too many digits',
  'invalid-length': 'no number has this many digits',
  'missing-area-code': 'landline without its area code',
  'invalid-for-region': 'not an allocated number',
  'unknown-country': 'unknown country code',
}, email: {
  'missing-at': 'no @',
  'several-at': 'more than one @',
  'several-addresses': 'several addresses, none usable',
  'space-inside': 'a space inside the address',
  'bad-local-part': 'characters not allowed before the @',
  'bad-domain': 'not a valid domain',
  'no-dot-in-domain': 'domain has no ending (such as .com)',
  'double-dot': 'two dots in a row',
  'leading-or-trailing-dot': 'a dot at the start or end',
  'domain-typo': 'domain looks mistyped',
  'too-long': 'too long',
} };

const ZH_REASONS: Record<ReasonKind, Record<string, string>> = { phone: {
  'has-letters': '号码中有字母',
  'too-short': '位数太少',
  'too-long': '位数太多',
  'not-a-number': '不是电话号码',
  'invalid-for-region': '不是有效号码',
  'invalid-length': '没有这种位数的号码',
  'missing-area-code': '座机缺少区号',
  'several-addresses': '一格中有多个地址且都不可用',
  'unknown-country': '国家代码无法识别',
}, email: {
  'missing-at': '缺少 @',
  'several-at': '有多个 @',
  'space-inside': '地址中间有空格',
  'bad-local-part': '@ 前的部分不合法',
  'bad-domain': '域名不合法',
  'no-dot-in-domain': '域名缺少后缀（如 .com）',
  'double-dot': '有连续的点',
  'leading-or-trailing-dot': '开头或结尾有点',
  'domain-typo': '域名疑似拼错',
  'too-long': '太长',
} };

export const STRINGS: Record<Locale, Strings> = { 'en-US': en, 'zh-CN': zh };

/** zh-CN for any Chinese display language (zh, zh-CN, zh-Hans, zh-TW…), otherwise en-US. */
export function pickLocale(language: string | undefined | null): Locale {
  return language && /^zh/i.test(language.replace('_', '-')) ? 'zh-CN' : 'en-US';
}

export function strings(locale: Locale): Strings {
  return STRINGS[locale];
}
