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

/** A region's name in the user's language (US → United States, 美国); the code itself where the runtime has no names. */
export function regionName(region: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(region) ?? region;
  } catch {
    return region;
  }
}

const en = {
  valueTier: { high: 'High', medium: 'Medium', low: 'Low' },
  statusTier: { active: 'Active', dormant: 'Dormant', lost: 'Lost', unknown: 'Unknown' },
  lifecycle: { prospect: 'Prospect', new: 'New', returning: 'Returning' },
  phoneStatus: { valid: 'valid', invalid: 'invalid', incomplete: 'incomplete', suspect: 'suspect', empty: 'empty' },
  emailStatus: { valid: 'valid', suspect: 'suspect', invalid: 'invalid', empty: 'empty' },
  duplicateReason: {
    'same mobile': 'same mobile', 'same email': 'same email',
    'same phone and name': 'same phone and name', 'same name and company': 'same name and company',
    'same name and birth date': 'same name and date of birth', 'same name and address': 'same name and address',
    'similar details': 'similar details',
  },
  /** Why two rows match (match/reasons.ts), joined with " · ". */
  matchCode: {
    'same-mobile': 'same mobile', 'same-phone': 'same phone', 'phone-differs': 'phone differs',
    'same-email': 'same email', 'similar-email': 'email differs by a typo', 'email-differs': 'email differs',
    'same-name': 'same name', 'name-homophone': 'name sounds the same', 'name-typo': 'name differs by one letter',
    'name-initial': 'name matches an initial or part', 'name-differs': 'name differs',
    'same-company': 'same company', 'similar-company': 'company written differently', 'company-differs': 'company differs',
    'same-address': 'same address', 'similar-address': 'address nearly the same', 'street-number-differs': 'street number differs',
    'address-differs': 'address differs', 'same-postcode': 'same postcode', 'similar-postcode': 'postcode differs by one digit',
    'same-city': 'same city', 'same-birth-date': 'same date of birth', 'similar-birth-date': 'date of birth differs by one digit',
    'birth-date-differs': 'date of birth differs',
  },
  reason: (kind: ReasonKind, code: string): string => EN_REASONS[kind][code] ?? code.replace(/-/g, ' '),
  sheetLine: (sheet: string, headerRow: number, rows: number) => `Sheet "${sheet}": header on row ${headerRow}, ${rows} customers.`,
  asOfLine: (asOf: string, region: string) => `As of ${asOf}; numbers without a country code are read as ${region}.`,
  /** The phone region as the user sees it: "United States (detected)" when chosen from the ledger. */
  regionLabel: (region: string, detected: boolean) => `${regionName(region, 'en-US')}${detected ? ' (detected)' : ''}`,
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

export type Strings = typeof en;

const zh: Strings = {
  valueTier: { high: '高价值', medium: '中价值', low: '低价值' },
  statusTier: { active: '活跃', dormant: '沉睡', lost: '流失', unknown: '未知' },
  lifecycle: { prospect: '潜在客户', new: '新客户', returning: '老客户' },
  phoneStatus: { valid: '有效', invalid: '无效', incomplete: '不完整', suspect: '可疑', empty: '空' },
  emailStatus: { valid: '有效', suspect: '可疑', invalid: '无效', empty: '空' },
  duplicateReason: {
    'same mobile': '手机号相同', 'same email': '邮箱相同',
    'same phone and name': '电话和姓名相同', 'same name and company': '姓名和公司相同',
    'same name and birth date': '姓名和出生日期相同', 'same name and address': '姓名和地址相同',
    'similar details': '信息相近',
  },
  matchCode: {
    'same-mobile': '手机号相同', 'same-phone': '电话相同', 'phone-differs': '电话不同',
    'same-email': '邮箱相同', 'similar-email': '邮箱仅差个别字符', 'email-differs': '邮箱不同',
    'same-name': '姓名相同', 'name-homophone': '姓名同音', 'name-typo': '姓名差一个字母',
    'name-initial': '姓名缩写或部分相同', 'name-differs': '姓名不同',
    'same-company': '公司相同', 'similar-company': '公司写法不同', 'company-differs': '公司不同',
    'same-address': '地址相同', 'similar-address': '地址相近', 'street-number-differs': '门牌号不同',
    'address-differs': '地址不同', 'same-postcode': '邮编相同', 'similar-postcode': '邮编差一位',
    'same-city': '城市相同', 'same-birth-date': '出生日期相同', 'similar-birth-date': '出生日期差一位',
    'birth-date-differs': '出生日期不同',
  },
  reason: (kind, code) => ZH_REASONS[kind][code] ?? code,
  sheetLine: (sheet, headerRow, rows) => `工作表「${sheet}」：表头在第 ${headerRow} 行，共 ${rows} 位客户。`,
  asOfLine: (asOf, region) => `统计日期 ${asOf}；未写国家代码的号码按 ${region} 解析。`,
  regionLabel: (region, detected) => `${regionName(region, 'zh-CN')}${detected ? '（自动识别）' : ''}`,
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
  'missing-area-code': 'local number without its area code',
  'country-code-split': 'the digits after + are split before the country code ends: check the country code',
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
  'missing-area-code': '本地号码缺少区号',
  'country-code-split': '+ 后的第一组数字比国家代码短，请核对国家代码',
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

/** Why rows match, in the user's words ("same email · name differs by one letter · same city"); '' without codes. */
export function explainMatch(locale: Locale, codes: readonly string[] | undefined): string {
  const words = STRINGS[locale].matchCode as Record<string, string>;
  return (codes ?? []).map((c) => words[c] ?? c.replace(/-/g, ' ')).join(' · ');
}
