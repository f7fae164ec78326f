/**
 * The CLI's one-line refusals in the user's language. Errors are raised in English (the pane words
 * them by code); here each known sentence is matched and said again in Chinese, keeping its file and
 * sheet names. A sentence not listed stays English rather than being guessed.
 */
import type { Locale } from '../i18n/strings';

type Rule = [RegExp, (m: RegExpExecArray) => string];

const SAVE_AS = /open it in Excel and save it as "Excel Workbook \(\.xlsx\)", then try again/.source;
const SAVE_AS_ZH = '请在 Excel 中打开它，另存为“Excel 工作簿 (.xlsx)”后再试';
const REASONS_ZH: Record<string, string> = {
  'permission denied': '权限不足',
  'input/output error': '输入/输出错误',
  'too many symbolic links': '符号链接层数过多',
  'the name is too long': '名称太长',
  'the disk is read-only': '磁盘只读',
};
const WHAT_ZH: Record<string, string> = {
  'a Word document': 'Word 文档',
  'a PowerPoint presentation': 'PowerPoint 演示文稿',
  'an OpenDocument file': 'OpenDocument 文件',
  'a zip file with no workbook inside': '不含工作簿的 zip 压缩文件',
};

const ZH: readonly Rule[] = [
  // The input file (inputFile.ts).
  [/^File not found: (.+)$/, (m) => `找不到文件：${m[1]}`],
  [/^(.+) is a folder, not a workbook\.$/, (m) => `${m[1]} 是文件夹，不是工作簿。`],
  [/^(.+) is not a regular file \(a device, pipe or socket\), so it cannot be a workbook\.$/, (m) => `${m[1]} 不是普通文件（而是设备、管道或套接字），不可能是工作簿。`],
  [/^Cannot read (.+) \((.+)\)\.$/, (m) => `无法读取 ${m[1]}（${REASONS_ZH[m[2]!] ?? m[2]}）。`],
  [/^(.+) is empty \(0 bytes\): it is not a workbook, or it was damaged\.$/, (m) => `${m[1]} 是空文件（0 字节）：它不是工作簿，或已损坏。`],
  [/^(.+) is password-protected: open it in Excel, remove the password \(File → Info → Protect Workbook\), save, and try again\.$/,
    (m) => `${m[1]} 受密码保护：请在 Excel 中打开它，删除密码（文件 → 信息 → 保护工作簿），保存后再试。`],
  [new RegExp(`^(.+) is in the old Excel 97–2003 format \\(\\.xls\\): ${SAVE_AS}\\.$`), (m) => `${m[1]} 是旧版 Excel 97–2003 格式（.xls）：${SAVE_AS_ZH}。`],
  [new RegExp(`^(.+) is an old-format Office file, not an \\.xlsx workbook: if it is a spreadsheet, ${SAVE_AS}\\.$`),
    (m) => `${m[1]} 是旧版 Office 文件，不是 .xlsx 工作簿：如果它是电子表格，${SAVE_AS_ZH}。`],
  [new RegExp(`^(.+) is a binary Excel workbook \\(\\.xlsb\\): ${SAVE_AS}\\.$`), (m) => `${m[1]} 是 Excel 二进制工作簿（.xlsb）：${SAVE_AS_ZH}。`],
  [new RegExp(`^(.+) is saved as "Strict Open XML Spreadsheet", which this tool cannot read: ${SAVE_AS}\\.$`),
    (m) => `${m[1]} 保存为“Strict Open XML 电子表格”格式，本工具无法读取：${SAVE_AS_ZH}。`],
  [/^(.+) is an OpenDocument spreadsheet \(\.ods\): .*$/, (m) => `${m[1]} 是 OpenDocument 电子表格（.ods）：请在 Excel、WPS 或 LibreOffice 中打开它，另存为“Excel 工作簿 (.xlsx)”后再试。`],
  [/^(.+) is not an \.xlsx workbook: it is damaged, or not a workbook at all\.$/, (m) => `${m[1]} 不是 .xlsx 工作簿：文件已损坏，或根本不是工作簿。`],
  [/^(.+) is not an \.xlsx workbook: it is (.+)\.$/, (m) => `${m[1]} 不是 .xlsx 工作簿：它是${WHAT_ZH[m[2]!] ?? m[2]}。`],
  [/^(.+) is damaged: it ends too soon .*$/, (m) => `${m[1]} 已损坏：文件不完整（可能在复制或下载时被截断）。`],
  [/^(.+) is damaged: it could not be read as an \.xlsx workbook\.$/, (m) => `${m[1]} 已损坏：无法作为 .xlsx 工作簿读取。`],
  [/^(.+) is damaged: its workbook part \(xl\/workbook\.xml\) is missing\.$/, (m) => `${m[1]} 已损坏：缺少工作簿部件（xl/workbook.xml）。`],
  [/^(.+) is not an \.xlsx workbook \((.*)\)\.$/s, (m) => `${m[1]} 不是 .xlsx 工作簿（${m[2]}）。`],
  // --out (outFile.ts).
  [/^--out is the input file: apply never writes over its input\.$/, () => '--out 就是输入文件：apply 从不覆盖输入文件。'],
  [/^(.+) already exists: apply writes a new file\. Choose another --out, or add --force to replace it\.$/,
    (m) => `${m[1]} 已存在：apply 只写新文件。请换一个 --out，或加 --force 覆盖它。`],
  [/^(.+) is a folder: give --out a file name, such as (.+)\.$/, (m) => `${m[1]} 是文件夹：请给 --out 一个文件名，例如 ${m[2]}。`],
  [/^(.+) is not a regular file \(a device, pipe or socket\): give --out the name of a new file\.$/, (m) => `${m[1]} 不是普通文件（而是设备、管道或套接字）：请给 --out 一个新文件名。`],
  [/^The folder (.+) does not exist\.$/, (m) => `文件夹 ${m[1]} 不存在。`],
  [/^(.+) is a file, not a folder: cannot write (.+)\.$/, (m) => `${m[1]} 是文件，不是文件夹：无法写入 ${m[2]}。`],
  [/^Cannot write in (.+) \((.+)\)\.$/, (m) => `无法在 ${m[1]} 中写入（${REASONS_ZH[m[2]!] ?? m[2]}）。`],
  [/^The disk is full; nothing was written to (.+)\.$/, (m) => `磁盘已满；没有写入 ${m[1]}。`],
  [/^Could not write (.+) \(input\/output error\); nothing was written\.$/, (m) => `无法写入 ${m[1]}（输入/输出错误）；没有写入任何内容。`],
  [/^(.+) is too large for this disk's file system; nothing was written\.$/, (m) => `${m[1]} 超出此磁盘文件系统的大小上限；没有写入任何内容。`],
  [/^The name (.+) is too long\.$/, (m) => `名称 ${m[1]} 太长。`],
  [/^--out needs a file name, such as checked\.xlsx\.$/, () => '--out 需要一个文件名，例如 checked.xlsx。'],
  // Options (main.ts, apply.ts).
  [/^--as-of must be a date like 2026-11-22, not "(.*)"\.$/s, (m) => `--as-of「${m[1]}」不是日期；请用 2026-11-22 这样的日期。`],
  [/^--as-of must be a real date like 2026-11-22, not "(.*)" \(there is no such day\)\.$/s, (m) => `--as-of「${m[1]}」不是真实存在的日期；请用 2026-11-22 这样的日期。`],
  [/^--as-of must be between 1900-01-01 and 9999-12-31, not "(.*)"\.$/s, (m) => `--as-of 必须在 1900-01-01 到 9999-12-31 之间，「${m[1]}」不在此范围内。`],
  [/^--region must be a country code such as CN, US or HK, not "(.*)"\.$/s, (m) => `--region「${m[1]}」不是已知的国家或地区代码；请用 CN、US、HK 这样的两字母代码。`],
  [/^--area-code must be 1 to 5 digits such as 415 or 0571, not "(.*)"\.$/s, (m) => `--area-code「${m[1]}」不是区号；请用 415、0571 这样 1 到 5 位的数字。`],
  [/^--lang must be zh-CN or en-US \(also zh, en, zh_CN, en_US\), not "(.*)"\.$/s, (m) => `--lang 只能是 zh-CN 或 en-US（也可写 zh、en、zh_CN、en_US），不能是「${m[1]}」。`],
  [/^--only takes a list of (.+) \(not "(.*)"\)\.$/s, (m) => `--only 只接受 ${m[1]} 组成的列表（不能是「${m[2]}」）。`],
  [/^(analyze|apply) needs exactly one FILE\.xlsx \(see --help\)\.$/, (m) => `${m[1]} 需要且只需要一个 FILE.xlsx（见 --help）。`],
  [/^Unknown command "(.*)"\. Try: customer-ledger --help$/s, (m) => `未知命令「${m[1]}」。用法见 customer-ledger --help`],
  [/^(.+) contains (.+), which this tool cannot keep when it writes a copy; use the Excel add-in for this workbook instead\.$/s,
    (m) => `${m[1]} 含有 ${m[2]}，本工具写副本时无法保留；请改用 Excel 加载项处理这个工作簿。`],
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
