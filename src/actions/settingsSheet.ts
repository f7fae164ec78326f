/**
 * Settings persist in the workbook, on a small sheet the add-in owns ("台账设置" / "Ledger Settings"):
 * one key per row at a fixed address, so the template's live formulas can read the thresholds and the
 * user can change them in place. Read back through zod, so a bad edit gives a clear message.
 *
 * The sheet is known by its title cell A1 (SETTINGS_TITLE), never by its name: a user's own 台账设置 is
 * the user's, and ours then has another name. It is also the registry of the add-in's other sheets
 * (template, summary, archive, backups): those are the add-in's only when the registry names them.
 */
import { z } from 'zod';
import { parseSettings, type Settings } from '../core/settings';
import { cellText } from '../core/text';
import { excelSerialToIso } from '../core/calendar';
import { parseDate } from '../core/dates';
import type { Locale } from '../i18n/strings';
import { OUR_TERMS, sayTerms, type LedgerTerms } from '../i18n/terms';
import type { CellInput, SheetInfo, WorkbookPort, WriteOp } from '../workbook/port';
import { OWNED_COLUMNS, SHEETS, isSummaryTitle, uniqueSheetName } from './names';
import { sheetPrefix } from './formulaText';

/** Keys in sheet order; row = index + 3 (row 1 title, row 2 column headings). */
export const SETTING_KEYS = [
  'region', 'asOf', 'highPercentile', 'mediumPercentile', 'activeDays', 'dormantDays', 'returningOrders',
  'customerSheet', 'templateSheet', 'mapping', 'ownedColumns', 'highAmount', 'mediumAmount',
  // Appended, never inserted: the template's formulas point at the rows above by address.
  'dismissedDuplicates', 'backups', 'summarySheet', 'archiveSheet', 'areaCode', 'quietDays',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

/** Cell A1 of the settings sheet, exactly: the marker by which the add-in finds its settings sheet. */
export const SETTINGS_TITLE = 'Customer Ledger settings · 客户台账助手设置';

/** Row 2's headings, by which the sheet's language is told. */
const HEADINGS: Record<Locale, [string, string, string]> = { 'zh-CN': ['设置项', '值', '说明'], 'en-US': ['Key', 'Value', 'Meaning'] };

const DESCRIPTIONS: Record<Locale, Record<SettingKey, string>> = {
  'zh-CN': {
    region: '未写国家代码的电话按此国家/地区解析（如 CN、US）；auto 表示按台账里的号码自动识别',
    asOf: '统计日期；留空表示今天',
    highPercentile: '消费金额百分位 ≥ 此值为高价值',
    mediumPercentile: '消费金额百分位 ≥ 此值为中价值',
    activeDays: '最近活动距今 ≤ 此天数为活跃',
    dormantDays: '最近活动距今 ≤ 此天数为沉睡，超过为流失',
    returningOrders: '购买次数 ≥ 此值为老客户',
    customerSheet: '客户信息所在的工作表',
    templateSheet: '由本加载项创建的客户台账模板',
    mapping: '列对应关系（由加载项维护）',
    ownedColumns: '由加载项添加的列（由加载项维护）',
    highAmount: '高价值的消费金额门槛：高于此金额为高价值（按上面的百分位自动计算）',
    mediumAmount: '中价值的消费金额门槛：高于此金额为中价值（按上面的百分位自动计算）',
    dismissedDuplicates: '标为“不是重复”的组（成员特征的摘要，不含客户资料；由加载项维护，清空即全部重新显示）',
    backups: '由加载项创建的备份表及其对应的工作表（由加载项维护）',
    summarySheet: '由加载项创建的汇总表（由加载项维护）',
    archiveSheet: '由加载项创建的重复客户归档表（由加载项维护）',
    areaCode: '默认区号：没写区号的本地号码（如 8765 4321）前面补上它（如 0571）；留空表示不补',
    quietDays: '高价值客户超过此天数未联系，列入联系清单',
  },
  'en-US': {
    region: 'Country for phone numbers typed without a country code (e.g. CN, US); auto: detected from the ledger\'s numbers',
    asOf: 'Date tiers are computed for; blank means today',
    highPercentile: 'Spend percentile at or above which a customer is high value',
    mediumPercentile: 'Spend percentile at or above which a customer is medium value',
    activeDays: 'Days since last activity up to which a customer is active',
    dormantDays: 'Days up to which a customer is dormant; beyond, lost',
    returningOrders: 'Orders at or above which a customer is returning',
    customerSheet: 'The sheet holding the customers',
    templateSheet: 'The customer template this add-in created',
    mapping: 'Column mapping (kept by the add-in)',
    ownedColumns: 'Columns this add-in added (kept by the add-in)',
    highAmount: 'Spend above which a customer is high value (computed from the percentile above)',
    mediumAmount: 'Spend above which a customer is medium value (computed from the percentile above)',
    dismissedDuplicates: 'Groups marked "not a duplicate" (digests of their members, no customer data; kept by the add-in, clear to show them all again)',
    backups: 'Backup sheets this add-in made and the sheet each one backs up (kept by the add-in)',
    summarySheet: 'The summary sheet this add-in made (kept by the add-in)',
    archiveSheet: 'The duplicate archive sheet this add-in made (kept by the add-in)',
    areaCode: 'Default area code put in front of local numbers typed without one (e.g. 415); blank: none',
    quietDays: 'Days without contact after which a high-value customer goes on the call list',
  },
};

export function settingRow(key: SettingKey): number {
  return SETTING_KEYS.indexOf(key) + 3;
}

/** An absolute reference to a setting's value cell, for formulas: '台账设置'!$B$5. */
export function settingRef(sheet: string, key: SettingKey): string {
  return `${sheetPrefix(sheet)}$B$${settingRow(key)}`;
}

export const StoredSettingsSchema = z.object({
  customerSheet: z.string().nullable(),
  templateSheet: z.string().nullable(),
  mapping: z.record(z.string(), z.number().int().nonnegative()).nullable(),
});

export interface WorkbookSettings {
  /** Name of the settings sheet, null when the workbook has none yet. */
  sheet: string | null;
  settings: Settings;
  customerSheet: string | null;
  templateSheet: string | null;
  mapping: Record<string, number> | null;
  /** "sheet|header" of every column the add-in has added: only those may be updated in place. */
  ownedColumns: string[];
  /** Identities of the duplicate groups the user said are not duplicates (see findDuplicates' groupIdentity). */
  dismissedDuplicates: string[];
  /** Backup sheet name → what it backs up and when it was made, for every backup the add-in made. */
  backups: Record<string, BackupRecord>;
  /** The summary sheet the add-in made (registry), whether or not it still exists. */
  summarySheet: string | null;
  /** The duplicate archive sheet the add-in made (registry), whether or not it still exists. */
  archiveSheet: string | null;
  /** The language the settings sheet was written in (its headings); null without one. */
  locale: Locale | null;
  /** Every sheet's name when the settings were read: a sheet the add-in adds takes a name none has. */
  taken: string[];
  /**
   * Registry rows a settings sheet of the previous version lacks, filled with the sheets it made as that
   * version recognised them: written with the next settings write, after which only the registry counts.
   */
  adopted: Partial<Record<SettingKey, CellInput>>;
}

/** What the add-in was about to do when it took a backup: the pane says so beside the backup. */
/** 'fix-cells': a fix limited to chosen cells (a problem's Fix, Fix selected cells), whose backup later such fixes may share. */
export const BACKUP_REASONS = ['fix', 'fix-cells', 'merge', 'archive', 'import', 'restore', 'remove-added'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export interface BackupRecord {
  /** The customer sheet the backup is a copy of. */
  of: string;
  /** When it was made, "2026-11-23 15:30" (local time, as the stamp in its name). */
  made: string;
  /** What it was taken before (absent in records written before this was kept). */
  before?: BackupReason;
}

// An unknown `before` (a newer add-in's) is dropped, not a reason to forget every backup.
const BackupsSchema = z.record(z.string(), z.object({ of: z.string(), made: z.string(), before: z.enum(BACKUP_REASONS).optional().catch(undefined) }));

/** Excel holds at most 32,767 characters in a cell: JSON settings are kept under this. */
export const SETTING_TEXT_LIMIT = 32_000;

export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

function number(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  const t = cellText(v).trim();
  return t === '' ? undefined : Number(t);
}

/** The settings sheet: the first sheet whose cell A1 is our title (a copy the user made comes later in tab order). */
export function findSettingsSheet(sheets: readonly SheetInfo[]): string | null {
  return sheets.find((s) => s.a1 === SETTINGS_TITLE)?.name ?? null;
}

/** Read the settings sheet if there is one; defaults otherwise. */
export async function readWorkbookSettings(port: WorkbookPort, sheets: readonly SheetInfo[]): Promise<WorkbookSettings> {
  const taken = sheets.map((s) => s.name);
  const sheet = findSettingsSheet(sheets);
  if (!sheet) {
    return { sheet: null, settings: parseSettings({}), customerSheet: null, templateSheet: null, mapping: null, ownedColumns: [], dismissedDuplicates: [],
      backups: {}, summarySheet: null, archiveSheet: null, locale: null, taken, adopted: {} };
  }
  const values = await port.readValues(sheet);
  const byKey = new Map<string, unknown>();
  for (const row of values) {
    const key = cellText(row[0]).trim();
    if ((SETTING_KEYS as readonly string[]).includes(key)) byKey.set(key, row[1]);
  }
  const asOfCell = byKey.get('asOf');
  const asOf = typeof asOfCell === 'number' ? excelSerialToIso(asOfCell) : parseDate(asOfCell, 'ymd');
  const text = (k: SettingKey) => cellText(byKey.get(k)).trim() || null;
  const raw = {
    region: text('region')?.toUpperCase() ?? undefined,
    asOf: asOf ?? null,
    areaCode: text('areaCode'),
    thresholds: {
      highPercentile: number(byKey.get('highPercentile')),
      mediumPercentile: number(byKey.get('mediumPercentile')),
      activeDays: number(byKey.get('activeDays')),
      dormantDays: number(byKey.get('dormantDays')),
      returningOrders: number(byKey.get('returningOrders')),
      quietDays: number(byKey.get('quietDays')),
    },
  };
  let settings: Settings;
  try {
    settings = parseSettings(raw);
  } catch (err) {
    const issues = err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : String(err);
    throw new SettingsError(`The settings on sheet "${sheet}" are not valid (${issues}).`);
  }
  let mapping: Record<string, number> | null = null;
  const mappingText = text('mapping');
  if (mappingText) {
    try {
      mapping = StoredSettingsSchema.shape.mapping.parse(JSON.parse(mappingText));
    } catch {
      mapping = null; // a hand-edited mapping that no longer parses is ignored, detection takes over
    }
  }
  let ownedColumns: string[] = [];
  try {
    ownedColumns = z.array(z.string()).parse(JSON.parse(text('ownedColumns') ?? '[]'));
  } catch {
    ownedColumns = []; // unreadable: the add-in will append fresh columns rather than risk a user's
  }
  let dismissedDuplicates: string[] = [];
  try {
    dismissedDuplicates = z.array(z.string()).parse(JSON.parse(text('dismissedDuplicates') ?? '[]'));
  } catch {
    dismissedDuplicates = []; // unreadable: the groups are shown again, nothing is hidden by mistake
  }
  let backups: Record<string, BackupRecord> = {};
  try {
    backups = BackupsSchema.parse(JSON.parse(text('backups') ?? '{}'));
  } catch {
    backups = {}; // unreadable: backups are still known by their names
  }
  const heading = cellText(values[1]?.[0]).trim();
  const locale: Locale | null = heading === HEADINGS['zh-CN'][0] ? 'zh-CN' : heading === HEADINGS['en-US'][0] ? 'en-US' : null;
  const adopted: WorkbookSettings['adopted'] = {};
  let summarySheet = text('summarySheet');
  let archiveSheet = text('archiveSheet');
  if (!byKey.has('summarySheet')) adopted.summarySheet = summarySheet = previousSummary(sheets);
  if (!byKey.has('archiveSheet')) adopted.archiveSheet = archiveSheet = await previousArchive(port, sheets);
  return { sheet, settings, customerSheet: text('customerSheet'), templateSheet: text('templateSheet'), mapping, ownedColumns, dismissedDuplicates, backups,
    summarySheet, archiveSheet, locale, taken, adopted };
}

/** The previous version's summary (no registry): named as it named it, with its title in A1. */
function previousSummary(sheets: readonly SheetInfo[]): string | null {
  const names: string[] = Object.values(SHEETS.summary);
  return sheets.find((s) => names.includes(s.name) && isSummaryTitle(s.a1))?.name ?? null;
}

/** The previous version's archive (no registry): named as it named it, its first row holding our group column. */
async function previousArchive(port: WorkbookPort, sheets: readonly SheetInfo[]): Promise<string | null> {
  const names: string[] = Object.values(SHEETS.archive);
  const headers: string[] = Object.values(OWNED_COLUMNS.duplicateGroup);
  for (const s of sheets) {
    if (!names.includes(s.name) || s.columnCount === 0) continue;
    const [header] = await port.readAreas(s.name, [{ row: 0, col: 0, rows: 1, cols: s.columnCount }]);
    if ((header?.[0] ?? []).some((v) => headers.includes(cellText(v).trim()))) return s.name;
  }
  return null;
}

/** The settings sheet's name: the existing one, else a free name in the user's language. */
export function settingsSheetName(current: Pick<WorkbookSettings, 'sheet' | 'taken'>, locale: Locale): string {
  return current.sheet ?? uniqueSheetName(SHEETS.settings[locale], current.taken);
}

/** Keys whose meaning names an idea a ledger may word its own way (dormant: 沉睡 or 休眠). */
const TERM_KEYS = SETTING_KEYS.filter((k) => DESCRIPTIONS['zh-CN'][k].includes(OUR_TERMS.dormant));

/**
 * Ops that create the settings sheet (when missing) or update some of its values. Existing user
 * edits to other keys are kept: only the given keys are written. With the ledger's `terms`, the meanings
 * that name a tier are (re)written in them, so the sheet says what the ledger says.
 */
export function settingsOps(
  current: WorkbookSettings,
  locale: Locale,
  updates: Partial<Record<SettingKey, CellInput>>,
  terms?: LedgerTerms,
): { sheet: string; ops: WriteOp[] } {
  const meaning = (key: SettingKey) => sayTerms(DESCRIPTIONS[locale][key], terms);
  if (current.sheet) {
    // Key and meaning are written with the value: a sheet made by an older version may lack the row.
    const written = { ...current.adopted, ...updates };
    const ops: WriteOp[] = Object.entries(written).map(([key, value]) => ({
      op: 'writeBlock', sheet: current.sheet!, row: settingRow(key as SettingKey) - 1, col: 0,
      values: [[key, value ?? null, meaning(key as SettingKey)]],
    }));
    if (terms) {
      for (const key of TERM_KEYS) {
        if (!(key in written)) ops.push({ op: 'writeBlock', sheet: current.sheet, row: settingRow(key) - 1, col: 2, values: [[meaning(key)]] });
      }
    }
    return { sheet: current.sheet, ops };
  }
  const sheet = settingsSheetName(current, locale);
  const s = current.settings;
  const initial: Record<SettingKey, CellInput> = {
    region: s.region,
    asOf: s.asOf,
    highPercentile: s.thresholds.highPercentile,
    mediumPercentile: s.thresholds.mediumPercentile,
    activeDays: s.thresholds.activeDays,
    dormantDays: s.thresholds.dormantDays,
    returningOrders: s.thresholds.returningOrders,
    customerSheet: current.customerSheet,
    templateSheet: current.templateSheet,
    mapping: current.mapping ? JSON.stringify(current.mapping) : null,
    ownedColumns: JSON.stringify(current.ownedColumns),
    dismissedDuplicates: JSON.stringify(current.dismissedDuplicates),
    backups: JSON.stringify(current.backups),
    summarySheet: current.summarySheet,
    archiveSheet: current.archiveSheet,
    areaCode: s.areaCode,
    quietDays: s.thresholds.quietDays,
    highAmount: null,
    mediumAmount: null,
    ...updates,
  };
  const rows: CellInput[][] = [[SETTINGS_TITLE, null, null], HEADINGS[locale], ...SETTING_KEYS.map((k) => [k, initial[k], meaning(k)])];
  const ops: WriteOp[] = [
    { op: 'addSheet', name: sheet },
    // Column B as text only where a value is text: asOf stays a date-capable General cell.
    { op: 'writeBlock', sheet, row: 0, col: 0, values: rows },
    { op: 'format', sheet, address: 'A1:C2', bold: true },
    { op: 'format', sheet, address: `B3:B${SETTING_KEYS.length + 2}`, fill: '#FFF2CC' },
    { op: 'columnWidths', sheet, widths: [{ col: 0, width: 18 }, { col: 1, width: 22 }, { col: 2, width: 60 }] },
  ];
  return { sheet, ops };
}

/**
 * The `backups` setting with one more backup recorded; records of backup sheets that no longer exist
 * are dropped (so the cell stays small), and the oldest go first should it still outgrow a cell.
 */
export function recordBackup(current: WorkbookSettings, sheetNames: readonly string[], backup: string, record: BackupRecord): string {
  const alive = new Set(sheetNames.map((n) => n.toLowerCase()));
  const entries = Object.entries(current.backups).filter(([name]) => alive.has(name.toLowerCase()) && name.toLowerCase() !== backup.toLowerCase());
  entries.push([backup, record]);
  entries.sort((a, b) => (a[1].made < b[1].made ? -1 : a[1].made > b[1].made ? 1 : 0));
  return jsonDroppingOldest(entries, (kept) => Object.fromEntries(kept));
}

/** JSON of `items` (oldest first) that fits a settings cell: the oldest are dropped until it does (one is always kept). */
export function jsonDroppingOldest<T>(items: T[], shape: (kept: readonly T[]) => unknown): string {
  const kept = [...items];
  let text = JSON.stringify(shape(kept));
  while (text.length > SETTING_TEXT_LIMIT && kept.length > 1) {
    kept.shift();
    text = JSON.stringify(shape(kept));
  }
  return text;
}
