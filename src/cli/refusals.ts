/**
 * The CLI's one-line refusals in the user's language. Errors are raised in English (the pane words
 * them by code); here each known sentence is matched and said again in Chinese, keeping its file and
 * sheet names. A sentence not listed stays English rather than being guessed.
 */
import type { Locale } from '../i18n/strings';

type Rule = [RegExp, (m: RegExpExecArray) => string];

const ZH: readonly Rule[] = [
  [/^File not found: (.+)$/, (m) => `找不到文件：${m[1]}`],
  [/^(.+) is a folder, not a workbook\.$/, (m) => `${m[1]} 是文件夹，不是工作簿。`],
  [/^(.+) is not an \.xlsx workbook \((.*)\)\.$/s, (m) => `${m[1]} 不是 .xlsx 工作簿（${m[2]}）。`],
  [/^(.+) contains (.+), which this tool cannot keep when it writes a copy; use the Excel add-in for this workbook instead\.$/s,
    (m) => `${m[1]} 含有 ${m[2]}，本工具写副本时无法保留；请改用 Excel 加载项处理这个工作簿。`],
  [/^--out must be a new file: apply never writes over its input\.$/, () => '--out 必须是新文件：apply 从不覆盖输入文件。'],
  [/^apply needs --out OUT\.xlsx: it never writes over its input\.$/, () => 'apply 需要 --out OUT.xlsx：它从不覆盖输入文件。'],
  [/^No sheet in (.+) looks like a customer list .*$/, (m) => `${m[1]} 中没有像客户表的工作表（没有含姓名、电话、邮箱等列的表头）。`],
  [/^No sheet looks like a customer list .*$/, () => '没有像客户表的工作表（没有含姓名、电话、邮箱等列的表头）。'],
  [/^There is no sheet named "(.+)"\.$/, (m) => `没有名为「${m[1]}」的工作表。`],
  [/^No sheet named "(.+)" in (.+)\. Sheets: (.*)\.$/, (m) => `${m[2]} 中没有名为「${m[1]}」的工作表。现有工作表：${m[3]}。`],
  [/^The sheet "(.+)" is protected; unprotect it .* Nothing was changed\.$/, (m) => `工作表「${m[1]}」受保护：请先撤销保护（审阅 → 撤消工作表保护）再试。未做任何更改。`],
  [/^Sheet "(.+)" is empty\.$/, (m) => `工作表「${m[1]}」是空的。`],
  [/^No header row with customer columns .* in sheet "(.+)"\.$/, (m) => `工作表「${m[1]}」中没有含客户列（姓名、电话、邮箱…）的表头行。`],
  [/^Sheet "(.+)" has no phone or email column\.$/, (m) => `工作表「${m[1]}」没有电话或邮箱列。`],
  [/^Sheet "(.+)" has no amount, date or order columns to compute tiers from\.$/, (m) => `工作表「${m[1]}」没有可用于分层的金额、日期或购买次数列。`],
  [/^PivotTable "(.+)": its source (.+) has no data rows below the header\. Nothing was changed\.$/,
    (m) => `数据透视表「${m[1]}」：来源 ${m[2]} 的表头下没有数据行。未做任何更改。`],
  [/^PivotTable "(.+)": column (\w+) of sheet "(.+)" has no header, .* Nothing was changed\.$/,
    (m) => `数据透视表「${m[1]}」：工作表「${m[3]}」的 ${m[2]} 列没有表头，Excel 要求来源的每一列都有表头。请补上表头再试。未做任何更改。`],
];

export function refusalText(message: string, locale: Locale): string {
  if (locale !== 'zh-CN') return message;
  for (const [pattern, say] of ZH) {
    const m = pattern.exec(message);
    if (m) return say(m);
  }
  return message;
}
