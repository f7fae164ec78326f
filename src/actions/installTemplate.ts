/**
 * Create template: a new sheet holding an Excel table of the standard fields — header style, frozen
 * header, widths, number formats, data validation with input messages and error alerts, tier columns as
 * live formulas reading thresholds from the settings sheet, conditional formats for tiers. Clicking it
 * again does not make a second template unless asked (`force`).
 */
import { columnLetter } from '../core/columns';
import { FIELDS, type FieldDef } from '../core/fields';
import { STRINGS, strings, type Locale } from '../i18n/strings';
import type { CellInput, ValidationMessages, ValidationRule, WritePlan, WriteOp } from '../workbook/port';
import { applyPlan, type ActionContext } from './context';
import { OWNED_COLUMNS, SHEETS, uniqueSheetName } from './names';
import { readWorkbookSettings, settingRef, settingsOps, settingsSheetName } from './settingsSheet';
import { TIER_STYLES } from './computeTiers';
import { overdueRule } from './followUpFormat';

export interface TemplateOptions {
  /** Make another template even when one exists. */
  force?: boolean;
  /** Rows prepared with validation and formats below the header. */
  rows?: number;
}

export interface TemplateSummary { sheet: string; created: boolean; table: string | null }

const TYPE_FORMAT: Partial<Record<FieldDef['type'], string>> = {
  date: 'yyyy-mm-dd', amount: '#,##0.00', integer: '0', phone: '@', email: '@', text: '@', enum: '@',
};

const q = (text: string) => `"${text.replace(/"/g, '""')}"`;

function validationFor(field: FieldDef, locale: Locale, cell: string): ({ rule: ValidationRule } & ValidationMessages) | null {
  const zh = locale === 'zh-CN';
  const stop = (title: string, message: string) => ({ title, message, style: 'stop' as const });
  const warn = (title: string, message: string) => ({ title, message, style: 'warning' as const });
  switch (field.type) {
    case 'enum':
      return { rule: { type: 'list', items: field.choices![locale] },
        prompt: { title: field.label[locale], message: zh ? '请从下拉列表中选择' : 'Pick a value from the list' },
        error: stop(field.label[locale], zh ? '请从下拉列表中选择一个值' : 'Please pick one of the listed values') };
    case 'date':
      return { rule: { type: 'date', min: '1900-01-01' },
        prompt: { title: field.label[locale], message: zh ? '日期，例如 2026-11-22' : 'A date, e.g. 2026-11-22' },
        error: stop(field.label[locale], zh ? '请输入日期，例如 2026-11-22' : 'Please enter a date, e.g. 2026-11-22') };
    case 'integer':
      return { rule: { type: 'wholeNumber', min: 0, max: field.id === 'age' ? 150 : undefined },
        prompt: { title: field.label[locale], message: zh ? '不小于 0 的整数' : 'A whole number, 0 or more' },
        error: stop(field.label[locale], zh ? '请输入不小于 0 的整数' : 'Please enter a whole number, 0 or more') };
    case 'amount':
      return { rule: { type: 'decimal', min: 0 },
        prompt: { title: field.label[locale], message: zh ? '金额（数字，不含货币符号）' : 'An amount (a number, no currency sign)' },
        error: stop(field.label[locale], zh ? '请输入数字金额，不要带 ¥ 或“元”' : 'Please enter the amount as a number') };
    case 'phone':
      // Excel cannot run libphonenumber: a length check here, the full check on every edit in the pane.
      return { rule: { type: 'custom', formula: `=AND(LEN(${cell})>=7,LEN(${cell})<=20)` },
        prompt: { title: field.label[locale], message: zh ? '手机或座机，例如 13800138000、021-12345678、+852 9123 4567' : 'Mobile or landline, e.g. +1 415 555 2671' },
        error: warn(field.label[locale], zh ? '号码长度不对，请检查' : 'This does not look like a phone number') };
    case 'email':
      return { rule: { type: 'custom', formula: `=AND(ISNUMBER(FIND("@",${cell})),ISERROR(FIND(" ",${cell})))` },
        prompt: { title: field.label[locale], message: zh ? '例如 name@qq.com' : 'e.g. name@example.com' },
        error: warn(field.label[locale], zh ? '邮箱需要包含 @，且不能有空格' : 'An email address has an @ and no spaces') };
    default:
      return null;
  }
}

/** The template's fields in their order: the next follow-up beside the last contact it follows. */
export function templateFields(): FieldDef[] {
  const fields = FIELDS.filter((f) => f.inTemplate && f.id !== 'nextFollowUp');
  const next = FIELDS.find((f) => f.id === 'nextFollowUp')!;
  fields.splice(fields.findIndex((f) => f.id === 'lastContact') + 1, 0, next);
  return fields;
}

export async function planInstallTemplate(ctx: ActionContext, options: TemplateOptions = {}) {
  const locale = ctx.locale;
  const s = strings(locale);
  const sheets = await ctx.port.listSheets();
  const names = sheets.map((x) => x.name);
  const stored = await readWorkbookSettings(ctx.port, sheets);
  if (!options.force && stored.templateSheet && names.includes(stored.templateSheet)) {
    const summary: TemplateSummary = { sheet: stored.templateSheet, created: false, table: null };
    return { plan: { description: '', ops: [] } as WritePlan, summary };
  }
  const capabilities = ctx.capabilities ?? await ctx.port.capabilities();
  // Not the name of a settings sheet this plan may add either.
  const sheet = uniqueSheetName(SHEETS.template[locale], [...names, settingsSheetName(stored, locale)]);
  // Table names are workbook-wide; a forced second template gets a numbered one.
  const table = `LedgerCustomers${stored.templateSheet && names.includes(stored.templateSheet) ? `_${names.length + 1}` : ''}`;
  const rows = options.rows ?? 1000;
  const fields = templateFields();
  const tierIds = ['valueTier', 'statusTier', 'lifecycle'] as const;
  const headers = [...fields.map((f) => f.label[locale]), ...tierIds.map((id) => OWNED_COLUMNS[id][locale])];
  const lastCol = columnLetter(headers.length - 1);
  const settings = settingsOps(stored, locale, {
    templateSheet: sheet,
    customerSheet: stored.customerSheet ?? sheet,
    ownedColumns: JSON.stringify([...stored.ownedColumns, ...tierIds.map((id) => `${sheet}|${OWNED_COLUMNS[id][locale]}`)]),
  });
  const ref = (key: Parameters<typeof settingRef>[1]) => settingRef(settings.sheet, key);

  // Tier formulas over whole table columns ([@[…]] is this row): they follow rows the user adds.
  const col = (id: FieldDef['id']) => `${table}[${fields.find((f) => f.id === id)!.label[locale]}]`;
  const at = (id: FieldDef['id']) => `${table}[@[${fields.find((f) => f.id === id)!.label[locale]}]]`;
  const amounts = col('total');
  const x = `N(${at('total')})`;
  const rank = `IF(ROWS(${amounts})<2,1,TRUNC((COUNTIF(${amounts},"<"&${x})+IF(${x}>0,COUNTBLANK(${amounts}),0))/(ROWS(${amounts})-1),3))`;
  const lastActivity = `MAX(N(${at('lastPurchase')}),N(${at('lastContact')}))`;
  const days = `(IF(${ref('asOf')}="",TODAY(),${ref('asOf')})-${lastActivity})`;
  const purchases = `N(${at('orders')})`;
  const formulas: CellInput[] = [
    { formula: `=IF(${at('name')}="","",IF(${rank}>=${ref('highPercentile')},${q(s.valueTier.high)},IF(${rank}>=${ref('mediumPercentile')},${q(s.valueTier.medium)},${q(s.valueTier.low)})))` },
    { formula: `=IF(${at('name')}="","",IF(${lastActivity}=0,${q(s.statusTier.unknown)},IF(${days}<=${ref('activeDays')},${q(s.statusTier.active)},IF(${days}<=${ref('dormantDays')},${q(s.statusTier.dormant)},${q(s.statusTier.lost)}))))` },
    { formula: `=IF(${at('name')}="","",IF(${purchases}<=0,${q(s.lifecycle.prospect)},IF(${purchases}>=${ref('returningOrders')},${q(s.lifecycle.returning)},${q(s.lifecycle.new)})))` },
  ];

  const ops: WriteOp[] = [...settings.ops];
  ops.push({ op: 'addSheet', name: sheet, activate: true });
  // The table, under its final name, before its formulas: Excel checks a structured reference when the
  // formula is entered, and a refused request leaves the sheets half made.
  ops.push({ op: 'writeBlock', sheet, row: 0, col: 0, values: [headers, headers.map(() => null)],
    numberFormats: [...fields.map((f) => TYPE_FORMAT[f.type]), undefined, undefined, undefined] });
  ops.push({ op: 'addTable', sheet, address: `A1:${lastCol}2`, name: table, style: 'TableStyleMedium2' });
  ops.push({ op: 'writeBlock', sheet, row: 1, col: fields.length, values: [formulas] });
  ops.push({ op: 'format', sheet, address: `A1:${lastCol}1`, bold: true });
  ops.push({ op: 'freeze', sheet, rows: 1 });
  ops.push({ op: 'columnWidths', sheet, widths: [...fields.map((f, i) => ({ col: i, width: f.width })), ...tierIds.map((_, i) => ({ col: fields.length + i, width: 12 }))] });
  const dataRange = (c: number) => `${columnLetter(c)}2:${columnLetter(c)}${rows + 1}`;
  if (capabilities.dataValidation) {
    fields.forEach((f, i) => {
      const v = validationFor(f, locale, `${columnLetter(i)}2`);
      if (v) ops.push({ op: 'validation', sheet, address: dataRange(i), ...v });
    });
  }
  if (capabilities.conditionalFormats) {
    const styled: [number, 'valueTier' | 'statusTier', string][] = [
      [fields.length, 'valueTier', 'high'], [fields.length + 1, 'statusTier', 'dormant'], [fields.length + 1, 'statusTier', 'lost'],
    ];
    for (const [c, kind, key] of styled) {
      const words = [...new Set(Object.values(STRINGS).map((l) => (l[kind] as Record<string, string>)[key]!))];
      ops.push({ op: 'conditionalFormat', sheet, address: dataRange(c),
        formula: `=OR(${words.map((w) => `$${columnLetter(c)}2=${q(w)}`).join(',')})`, ...TIER_STYLES[key]! });
    }
    // A next follow-up already past is marked on the sheet, whether or not the pane is open.
    ops.push(overdueRule(sheet, fields.findIndex((f) => f.id === 'nextFollowUp'), 2, rows + 1));
  }
  const summary: TemplateSummary = { sheet, created: true, table };
  const description = locale === 'zh-CN' ? `新建客户台账模板「${sheet}」` : `Create the customer template "${sheet}"`;
  return { plan: { description, ops } as WritePlan, summary };
}

export async function installTemplate(ctx: ActionContext, options: TemplateOptions = {}) {
  const { plan, summary } = await planInstallTemplate(ctx, options);
  if (plan.ops.length) await applyPlan(ctx, plan);
  return summary;
}
