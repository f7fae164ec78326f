/**
 * Generators of hostile but ordinary workbooks, as users' files are: sheets named like the add-in's,
 * hidden and very hidden sheets, names holding constants and formulas, internal links, protected ranges,
 * ignored errors, spills, shared formulas, merged title rows, the user's own rules and validations,
 * stray values far away, macros and parts nobody here reads — and cell text that starts with = + - @,
 * holds control characters, emoji or 10,000 characters. Built as Excel writes them (test/helpers/xlsxFixture).
 */
import fc from 'fast-check';
import { buildXlsx, type FixtureSheet } from '../helpers/xlsxFixture';

export interface HostileCase {
  bytes: Uint8Array;
  /** The customer sheet's name (it may be named like one of the add-in's). */
  customers: string;
  /** 1-based columns of the customer sheet the user fills (the add-in's go right of them). */
  width: number;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const col = (c: number) => {
  let n = c + 1;
  let out = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
};

const HEADERS = {
  name: ['姓名', '客户名称', 'Name', 'Customer'],
  phone: ['手机', '联系电话', 'Phone', 'Mobile'],
  email: ['邮箱', 'E-mail', 'Email'],
  amount: ['累计消费金额', 'Total spend', '金额'],
  date: ['最近购买日期', 'Last order'],
};

const text: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('=SUM(A1:A9)', '+8613800138000', '-5', '@import', '=HYPERLINK("http://x","y")', '  spaced  ', '_x0041_',
    'a\tb', 'tab\u0001ctl', '😀客户', '<b>&amp;</b>', '无', '#N/A', 'x'.repeat(10_000)),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);

const SHEET_NAMES = ['客户汇总', '台账设置', 'Customer Summary', 'Ledger Settings', '重复客户归档', '备份 客户 1123-0905', 'Backup customers', '客户台账'];

export const hostileCase: fc.Arbitrary<HostileCase> = fc.record({
  customers: fc.constantFrom('客户', '客户信息', '客户汇总', 'Customers', '台账设置'),
  headers: fc.record({ name: fc.constantFrom(...HEADERS.name), phone: fc.constantFrom(...HEADERS.phone), email: fc.constantFrom(...HEADERS.email),
    amount: fc.constantFrom(...HEADERS.amount), date: fc.constantFrom(...HEADERS.date) }),
  rows: fc.array(fc.record({
    name: fc.constantFrom('张三', '李四', '王五', '赵六', 'Ann Lee', 'Bob Hall'),
    phone: fc.constantFrom('13800138000', '138-0013-8000', '+86 139 0013 9000', '(415) 555-0123', '12345', ''),
    email: fc.constantFrom('zhang@qq.com', 'li@163.con', 'bad@', '', 'ann@example.com'),
    amount: fc.oneof(fc.integer({ min: -100, max: 100000 }), fc.constant(null)),
    date: fc.option(fc.integer({ min: 40000, max: 46300 }), { nil: null }),
    note: fc.option(text, { nil: null }),
  }), { minLength: 1, maxLength: 25 }),
  title: fc.boolean(),
  stray: fc.boolean(),
  state: fc.constantFrom('visible', 'hidden', 'veryHidden') as fc.Arbitrary<'visible' | 'hidden' | 'veryHidden'>,
  others: fc.uniqueArray(fc.record({ name: fc.constantFrom(...SHEET_NAMES), state: fc.constantFrom(undefined, 'hidden', 'veryHidden') as fc.Arbitrary<'hidden' | 'veryHidden' | undefined>, cell: text }),
    { maxLength: 3, selector: (o) => o.name }),
  hiddenNote: fc.boolean(),
}).filter((c) => !c.others.some((o) => o.name === c.customers))
  .map((c) => {
    // Needs one visible sheet: Excel cannot open a workbook whose sheets are all hidden.
    const first = c.title ? 2 : 1;
    const cell = (r: number, k: number, v: unknown, style = ''): string => {
      const ref = `${col(k)}${r}`;
      if (v === null || v === undefined || v === '') return '';
      if (typeof v === 'number') return `<c r="${ref}"${style}><v>${v}</v></c>`;
      // Control characters as Excel writes them (_xHHHH_): XML cannot hold them as they are.
      // eslint-disable-next-line no-control-regex -- the control characters are what is escaped
      return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${esc(String(v)).replace(/[\u0001-\u0008]/g, (ch) => `_x000${ch.charCodeAt(0)}_`)}</t></is></c>`;
    };
    const rows: string[] = [];
    if (c.title) rows.push(`<row r="1">${cell(1, 0, '客户台账 2026')}</row>`);
    const h = c.headers;
    rows.push(`<row r="${first}">${[h.name, h.phone, h.email, h.amount, h.date, '备注', '含税', '双倍'].map((v, k) => cell(first, k, v)).join('')}</row>`);
    c.rows.forEach((row, i) => {
      const r = first + 1 + i;
      rows.push(`<row r="${r}">${[
        cell(r, 0, row.name), cell(r, 1, row.phone), cell(r, 2, row.email), cell(r, 3, row.amount),
        cell(r, 4, row.date, ' s="1"'), cell(r, 5, row.note),
        `<c r="G${r}"><f>D${r}*(1+TaxRate)</f></c>`,
        i === 0 ? `<c r="H${r}"><f t="shared" ref="H${r}:H${first + c.rows.length}" si="0">D${r}*2</f></c>` : `<c r="H${r}"><f t="shared" si="0"/></c>`,
      ].join('')}</row>`);
    });
    if (c.stray) rows.push('<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>stray</t></is></c></row>');
    const last = first + c.rows.length;
    const frame = [
      c.title ? '<mergeCells count="1"><mergeCell ref="A1:H1"/></mergeCells>' : '',
      `<conditionalFormatting sqref="D${first + 1}:D${last}"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>500</formula></cfRule></conditionalFormatting>`,
      `<dataValidations count="1"><dataValidation type="textLength" operator="lessThanOrEqual" allowBlank="1" showErrorMessage="1" sqref="B${first + 1}:B${last}"><formula1>20</formula1></dataValidation></dataValidations>`,
      `<hyperlinks><hyperlink ref="A${first + 1}" location="'${c.customers}'!A1" display="top"/></hyperlinks>`,
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
      `<ignoredErrors><ignoredError sqref="B${first + 1}:B${last}" numberStoredAsText="1"/></ignoredErrors>`,
    ].join('');
    const cols = c.hiddenNote ? '<cols><col min="6" max="6" width="0" hidden="1" customWidth="1"/></cols>' : '';
    const customerXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      `<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${rows.join('')}</sheetData>${frame}</worksheet>`;
    const sheets: FixtureSheet[] = [{ name: c.customers, xml: customerXml, ...(c.state !== 'visible' ? { state: c.state } : {}) }];
    for (const o of c.others) sheets.push({ name: o.name, xml: `<row r="1">${cell(1, 0, o.cell)}</row>`, ...(o.state ? { state: o.state } : {}) });
    if (sheets.every((s) => s.state !== undefined)) sheets.push({ name: '说明', xml: '<row r="1"><c r="A1" t="inlineStr"><is><t>说明</t></is></c></row>' });
    const names = '<definedNames><definedName name="TaxRate">0.13</definedName>' +
      `<definedName name="Top" localSheetId="0">'${c.customers}'!$A$1</definedName>` +
      `<definedName name="Spend">SUM('${c.customers}'!$D$${first + 1}:$D$${last})</definedName></definedNames>`;
    const bytes = buildXlsx({
      sheets,
      workbookExtra: names,
      parts: { 'xl/vbaProject.bin': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 9, 9]), 'customXml/item1.xml': '<x>kept</x>' },
      workbookRels: [['http://schemas.microsoft.com/office/2006/relationships/vbaProject', 'vbaProject.bin']],
    });
    return { bytes, customers: c.customers, width: 8 };
  });
