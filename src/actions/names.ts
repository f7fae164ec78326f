/**
 * Names of the sheets and columns the add-in owns, in both languages. Re-running an action finds its
 * own columns by these headers (in either language), so it updates them instead of adding copies.
 */
import type { Locale } from '../i18n/strings';

export const OWNED_COLUMNS = {
  phoneCheck: { 'zh-CN': '电话检查', 'en-US': 'Phone check' },
  phoneE164: { 'zh-CN': '标准号码', 'en-US': 'Phone (E.164)' },
  emailCheck: { 'zh-CN': '邮箱检查', 'en-US': 'Email check' },
  emailFix: { 'zh-CN': '邮箱建议', 'en-US': 'Email suggestion' },
  valueTier: { 'zh-CN': '价值分层', 'en-US': 'Value tier' },
  statusTier: { 'zh-CN': '客户状态', 'en-US': 'Status' },
  lifecycle: { 'zh-CN': '生命周期', 'en-US': 'Lifecycle' },
  amount: { 'zh-CN': '消费金额（数值）', 'en-US': 'Total (number)' },
  duplicateGroup: { 'zh-CN': '重复组', 'en-US': 'Duplicate group' },
  duplicateNote: { 'zh-CN': '重复说明', 'en-US': 'Duplicate note' },
  rfmScore: { 'zh-CN': 'RFM 评分', 'en-US': 'RFM score' },
  rfmSegment: { 'zh-CN': 'RFM 分群', 'en-US': 'RFM segment' },
} as const;
export type OwnedColumn = keyof typeof OWNED_COLUMNS;

export const SHEETS = {
  settings: { 'zh-CN': '台账设置', 'en-US': 'Ledger Settings' },
  summary: { 'zh-CN': '客户汇总', 'en-US': 'Customer Summary' },
  template: { 'zh-CN': '客户台账', 'en-US': 'Customers' },
  archive: { 'zh-CN': '重复客户归档', 'en-US': 'Duplicate Archive' },
  backup: { 'zh-CN': '备份', 'en-US': 'Backup' },
  callList: { 'zh-CN': '今日联系', 'en-US': 'Calls today' },
} as const;

/** The first words of the summary sheet's title cell A1: "客户汇总 · 客户信息 · 2026-11-22". */
export const SUMMARY_TITLE = { 'zh-CN': '客户汇总', 'en-US': 'Customer summary' } as const;
const TITLE_SEPARATOR = ' · ';

/** The summary sheet's title (cell A1): what marks the sheet as the add-in's, with the registry. */
export function summaryTitle(locale: Locale, sheet: string, asOf: string): string {
  return `${SUMMARY_TITLE[locale]}${TITLE_SEPARATOR}${sheet}${TITLE_SEPARATOR}${asOf}`;
}

const SUMMARY_TITLE_TEXT = new RegExp(`^(?:${SUMMARY_TITLE['zh-CN']}|${SUMMARY_TITLE['en-US']}) · [\\s\\S]+ · \\d{4}-\\d{2}-\\d{2}$`);

/** Is this text a summary title the add-in wrote (in either language)? */
export function isSummaryTitle(text: string | null): boolean {
  return text !== null && SUMMARY_TITLE_TEXT.test(text);
}

/** The first words of the call-list sheet's title cell A1: "今日联系 · 客户信息 · 2026-11-22". */
const CALL_LIST_TITLE = { 'zh-CN': '今日联系', 'en-US': 'Calls today' } as const;

export function callListTitle(locale: Locale, sheet: string, asOf: string): string {
  return `${CALL_LIST_TITLE[locale]}${TITLE_SEPARATOR}${sheet}${TITLE_SEPARATOR}${asOf}`;
}

const CALL_LIST_TITLE_TEXT = new RegExp(`^(?:${CALL_LIST_TITLE['zh-CN']}|${CALL_LIST_TITLE['en-US']}) · [\\s\\S]+ · \\d{4}-\\d{2}-\\d{2}$`);

/** Is this text a call-list title the add-in wrote (in either language)? The sheet is known by it alone. */
export function isCallListTitle(text: string | null): boolean {
  return text !== null && CALL_LIST_TITLE_TEXT.test(text);
}

/**
 * The first words of the title cell A1 of a masked copy that earlier versions wrote into the workbook
 * ("脱敏副本 · 客户信息 · 2026-11-23"; the copy is now a file of its own). Such a sheet is the add-in's.
 */
const MASKED_TITLE = { 'zh-CN': '脱敏副本', 'en-US': 'Masked copy' } as const;

/** Is this text the title of a masked copy the add-in wrote (in either language)? */
export function isMaskedCopyTitle(text: string | null): boolean {
  return text !== null && Object.values(MASKED_TITLE).some((t) => text.startsWith(`${t}${TITLE_SEPARATOR}`));
}

/** The suffix of a masked copy's sheet name ("客户信息（脱敏）", "Customers (masked)"). */
export const MASKED_SUFFIX = { 'zh-CN': '（脱敏）', 'en-US': ' (masked)' } as const;
const MASKED_NAME = /(?:（脱敏）| \(masked\))(?: \(\d+\))?$/;

/** Could this be a masked copy the add-in wrote (by its name; the title cell A1 tells for sure)? */
export function isMaskedSheetName(name: string): boolean {
  return MASKED_NAME.test(name);
}

/** The masked copy's preferred name: the customer sheet's name, cut to fit Excel's 31 characters, and the suffix. */
export function maskedSheetName(sheet: string, locale: Locale): string {
  const suffix = MASKED_SUFFIX[locale];
  return `${sheet.slice(0, 31 - suffix.length)}${suffix}`;
}

/** Every header the add-in writes, any language → its id. */
const OWNED_BY_HEADER = new Map<string, OwnedColumn>(
  (Object.entries(OWNED_COLUMNS) as [OwnedColumn, Record<Locale, string>][]).flatMap(([id, l]) =>
    [[l['zh-CN'], id], [l['en-US'], id]] as [string, OwnedColumn][]),
);

export function ownedColumnOf(header: unknown): OwnedColumn | null {
  return typeof header === 'string' ? OWNED_BY_HEADER.get(header.trim()) ?? null : null;
}

/**
 * Whether a name is one the add-in gives its sheets. Never decide by it: a user may call a sheet 客户汇总
 * too. The add-in knows its sheets by their markers (ownSheets.ts).
 * @deprecated use ownedSheetNames(sheets, settings) from ./ownSheets; kept until the CLI's workbookLanguage switches.
 */
export function isOwnedSheet(name: string): boolean {
  const all: string[] = [SHEETS.settings, SHEETS.summary, SHEETS.archive].flatMap((s) => [s['zh-CN'], s['en-US']]);
  return all.includes(name) || name.startsWith(`${SHEETS.backup['zh-CN']} `) || name.startsWith(`${SHEETS.backup['en-US']} `) ||
    isMaskedSheetName(name);
}

const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/g;

/** A sheet name Excel accepts (≤ 31 characters, no []:*?/\) that is not in `taken`. */
export function uniqueSheetName(base: string, taken: readonly string[]): string {
  const clean = base.replace(FORBIDDEN_IN_SHEET_NAME, ' ').replace(/^'+|'+$/g, '').trim() || 'Sheet';
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  const fit = (s: string, suffix: string) => `${s.slice(0, 31 - suffix.length)}${suffix}`;
  if (!lower.has(fit(clean, '').toLowerCase())) return fit(clean, '');
  for (let i = 2; ; i++) {
    const name = fit(clean, ` (${i})`);
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** "备份 客户信息 1123-1530": dated so several backups can coexist, within Excel's 31 characters. */
export function backupSheetName(sheet: string, now: Date, locale: Locale, taken: readonly string[]): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
  const prefix = SHEETS.backup[locale];
  const room = 31 - prefix.length - stamp.length - 2;
  return uniqueSheetName(`${prefix} ${sheet.slice(0, Math.max(1, room))} ${stamp}`, taken);
}

/** What a backup sheet's name says: the (possibly cut) sheet name, the stamp, the " (n)" of a second backup in the same minute. */
export interface BackupName {
  locale: Locale;
  /** The customer sheet's name as it appears in the backup's name (cut when it was long). */
  sheetPart: string;
  /** Whether `sheetPart` may be a cut: it fills all the room backupSheetName leaves. */
  cut: boolean;
  month: number;
  day: number;
  hour: number;
  minute: number;
  copy: number;
}

const BACKUP_NAME = /^(备份|Backup) (.+) (\d{2})(\d{2})-(\d{2})(\d{2})(?: \((\d+)\))?$/;

/**
 * Reads a name backupSheetName made ("备份 客户信息 1123-1530", "Backup Customers 1123-1530 (2)"); null
 * for any other name, a user's "Backup 2024" included. A name so long that the " (n)" cut into its stamp
 * does not parse: the settings sheet's record of the backup tells those apart.
 */
export function parseBackupSheetName(name: string): BackupName | null {
  const m = BACKUP_NAME.exec(name);
  if (!m) return null;
  const [, prefix, sheetPart, mo, d, h, mi, copy] = m as unknown as [string, string, string, string, string, string, string, string | undefined];
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const locale: Locale = prefix === SHEETS.backup['zh-CN'] ? 'zh-CN' : 'en-US';
  const room = 31 - prefix.length - 9 - 2;
  return { locale, sheetPart, cut: sheetPart.length >= room, month, day, hour, minute, copy: copy ? Number(copy) : 1 };
}

/** "2026-11-23 15:30" in the caller's local time, the clock the backup's name uses. */
export function backupMadeText(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}`;
}
