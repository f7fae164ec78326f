/**
 * The .xlsx writer keeps what it does not write: a ledger made by hand with every part the issue found
 * dropped (defined names holding constants and formulas, sheet-scoped names, internal hyperlinks,
 * protected ranges, ignored errors, a header image, a dynamic-array spill, macros, a pivot cache under
 * another name, custom XML, hidden and very hidden sheets) goes through every action, and every part the
 * actions do not change comes out byte for byte; the parts they change keep every element of the user's.
 */
import { buildSummary, checkContacts, computeTiers, findDuplicates, type ActionContext } from '../../../src/actions';
import { XlsxWorkbookPort } from '../../../src/workbook/xlsx/xlsxPort';
import { buildXlsx, row, unzipText } from '../../helpers/xlsxFixture';

const NOW = new Date('2026-11-23T09:00:00Z');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const HEADER = row(1, ['姓名', '电话', '邮箱', '消费金额', '最近购买日期', '备注', '含税', '双倍']);
const PEOPLE: [string, string, string, number, number, string][] = [
  ['张三', '13800138000', 'zhang@qq.com', 100, 46000, '老客户'],
  ['李四', '13900139000', 'li@163.com', 200, 46100, ''],
  ['王五', '13700137000', 'wang@qq.con', 50, 45000, ''],
  ['赵六', '13600136000', 'zhao@126.com', 80, 46200, ''],
  ['张三', '138-0013-8000', 'zhang@qq.com', 30, 45000, ''],
  ['孙七', '13500135000', 'sun@sina.com', 10, 44000, ''],
  ['周八', '13400134000', 'zhou@qq.com', 999, 46310, ''],
];

function customerRows(): string {
  const rows = [HEADER];
  PEOPLE.forEach(([name, phone, email, amount, date, note], i) => {
    const r = i + 2;
    const cells = [
      `<c r="A${r}" t="inlineStr"><is><t>${name}</t></is></c>`,
      `<c r="B${r}" t="inlineStr"><is><t>${phone}</t></is></c>`,
      `<c r="C${r}" t="inlineStr"><is><t>${email}</t></is></c>`,
      `<c r="D${r}"><v>${amount}</v></c>`,
      `<c r="E${r}" s="1"><v>${date}</v></c>`,
      note ? `<c r="F${r}" t="inlineStr"><is><t>${note}</t></is></c>` : '',
      // A formula using a defined name that holds a constant.
      `<c r="G${r}"><f>D${r}*(1+TaxRate)</f><v>${amount * 1.13}</v></c>`,
      // A shared formula: the first cell holds it, the others follow it.
      r === 2 ? `<c r="H2"><f t="shared" ref="H2:H8" si="0">D2*2</f><v>${amount * 2}</v></c>` : `<c r="H${r}"><f t="shared" si="0"/><v>${amount * 2}</v></c>`,
      // A dynamic-array spill (cm="1" points at the metadata part).
      r === 7 ? '<c r="J7" cm="1"><f t="array" ref="J7:J8">_xlfn.UNIQUE(D7:D8)</f><v>10</v></c>' : r === 8 ? '<c r="J8"><v>999</v></c>' : '',
    ];
    rows.push(`<row r="${r}">${cells.join('')}</row>`);
  });
  return rows.join('');
}

const FRAME_AFTER = [
  '<protectedRanges><protectedRange name="金额区" sqref="D2:D8"/></protectedRanges>',
  '<conditionalFormatting sqref="D2:D8"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>500</formula></cfRule></conditionalFormatting>',
  '<dataValidations count="1"><dataValidation type="textLength" operator="lessThanOrEqual" allowBlank="1" showErrorMessage="1" sqref="B2:B8"><formula1>20</formula1></dataValidation></dataValidations>',
  '<hyperlinks><hyperlink ref="A2" location="\'其他\'!A1" display="去其他"/></hyperlinks>',
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
  '<headerFooter><oddHeader>&amp;L&amp;G</oddHeader></headerFooter>',
  '<ignoredErrors><ignoredError sqref="B2:B8" numberStoredAsText="1"/></ignoredErrors>',
  '<legacyDrawingHF r:id="rId1"/>',
];

function customerSheet(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<dimension ref="A1:J8"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    `<cols><col min="2" max="2" width="16" customWidth="1"/></cols><sheetData>${customerRows()}</sheetData>${FRAME_AFTER.join('')}</worksheet>`;
}

const DEFINED_NAMES = '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">\'客户\'!$A$1:$H$8</definedName>' +
  '<definedName name="Local" localSheetId="0">\'客户\'!$A$1</definedName><definedName name="TaxRate">0.13</definedName>' +
  '<definedName name="Total">SUM(\'客户\'!$D$2:$D$8)</definedName></definedNames>';

function hostileLedger(): Uint8Array {
  return buildXlsx({
    sheets: [
      { name: '客户', xml: customerSheet(), rels: [['http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing', '../drawings/vmlDrawingHF1.vml']] },
      { name: '其他', xml: row(1, ['说明']) + row(2, ['=不是公式']), state: 'hidden' },
      { name: '秘密', xml: row(1, ['内部电话', '13911112222']), state: 'veryHidden' },
    ],
    workbookExtra: DEFINED_NAMES,
    parts: {
      'xl/drawings/vmlDrawingHF1.vml': '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"><v:shape id="LH" o:spid="_x0000_s1025" type="#_x0000_t75"><v:imagedata o:relid="rId1" o:title="logo"/></v:shape></xml>',
      'xl/drawings/_rels/vmlDrawingHF1.vml.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/image1.png"/></Relationships>',
      'xl/media/image1.png': PNG,
      'xl/vbaProject.bin': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4, 5]),
      'xl/metadata.xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>',
      'xl/pivotCache/custom_cache.xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" refreshOnLoad="1"><cacheSource type="worksheet"><worksheetSource ref="A1:A2" sheet="其他"/></cacheSource></pivotCacheDefinition>',
      'customXml/item1.xml': '<root>document management</root>',
      'docProps/core.xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>店主</dc:creator></cp:coreProperties>',
    },
    overrides: {
      '/xl/metadata.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml',
      '/xl/pivotCache/custom_cache.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml',
    },
    workbookRels: [
      ['http://schemas.microsoft.com/office/2006/relationships/vbaProject', 'vbaProject.bin'],
      ['sheetMetadata', 'metadata.xml'],
      ['pivotCacheDefinition', 'pivotCache/custom_cache.xml'],
    ],
  });
}

function ctxFor(port: XlsxWorkbookPort): ActionContext {
  return { port, locale: 'zh-CN', now: NOW, sheet: '客户', settings: { asOf: '2026-11-22' } };
}

/** Each `<c …>…</c>` / `<c …/>` of a sheet's XML. */
const cellsOf = (xml: string): string[] => xml.match(/<c\b[^>]*?(?:\/>|>.*?<\/c>)/g) ?? [];

describe('the .xlsx writer keeps what it does not write', () => {
  const input = hostileLedger();
  const before = unzipText(input);

  it('every action: untouched parts byte for byte, every element and cell of the user kept', async () => {
    const port = XlsxWorkbookPort.open(input);
    const ctx = ctxFor(port);
    await checkContacts(ctx);
    await computeTiers(ctx);
    await findDuplicates(ctx);
    await buildSummary(ctx);
    const after = unzipText(port.toBytes());

    const changed = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/worksheets/sheet1.xml']);
    for (const [name, text] of Object.entries(before)) {
      expect(after[name]).toBeDefined();
      if (!changed.has(name)) expect([name, after[name]]).toEqual([name, text]);
    }
    const sheet = after['xl/worksheets/sheet1.xml']!;
    // checkContacts adds its warning rule on the email column beside the user's rule: the <dataValidations>
    // count changes, the user's rule does not, and the phone column keeps the user's rule alone.
    for (const element of FRAME_AFTER) expect(sheet).toContain(element.replace(/^<dataValidations count="1">(.*)<\/dataValidations>$/, '$1'));
    expect(sheet).not.toMatch(/台账检查：电话|Ledger check: phone/);
    expect(sheet).toMatch(/台账检查：邮箱|Ledger check: email/);
    expect(sheet).toContain('<cols><col min="2" max="2" width="16" customWidth="1"/>');
    for (const cell of cellsOf(before['xl/worksheets/sheet1.xml']!)) expect(sheet).toContain(cell);
    // The user's names, as they were; the styles keep every format of the user's.
    for (const name of DEFINED_NAMES.match(/<definedName\b.*?<\/definedName>/g)!) expect(after['xl/workbook.xml']).toContain(name);
    expect(after['xl/styles.xml']).toContain('<numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/>');
    expect(after['xl/workbook.xml']).toMatch(/<sheet name="其他" sheetId="2" state="hidden" r:id="rId2"\/>/);
    expect(after['xl/workbook.xml']).toMatch(/<sheet name="秘密" sheetId="3" state="veryHidden" r:id="rId3"\/>/);
    // What it added is there: check and tier columns, a settings and a summary sheet.
    expect(sheet).toMatch(/电话检查/);
    expect(Object.keys(after).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).length).toBeGreaterThanOrEqual(5);
  });

  it('moving duplicates to the archive: references follow the rows, the user\'s parts stay', async () => {
    const port = XlsxWorkbookPort.open(input);
    const result = await findDuplicates(ctxFor(port), { archive: true });
    expect(result.archived).toEqual([6]);
    const after = unzipText(port.toBytes());
    const sheet = after['xl/worksheets/sheet1.xml']!;
    // Row 6 (the second 张三) left; rows 7 and 8 moved up.
    expect(sheet).not.toContain('138-0013-8000');
    expect(sheet).toMatch(/<c r="A7" t="inlineStr"><is><t>周八<\/t><\/is><\/c>/);
    // Formulas follow: the defined-name formula, the shared formula written out for each cell.
    expect(sheet).toContain('<c r="G7"><f>D7*(1+TaxRate)</f>');
    expect(sheet).toContain('<c r="H7"><f>D7*2</f>');
    expect(sheet).toContain('<c r="J6" cm="1"><f t="array" ref="J6:J7">_xlfn.UNIQUE(D6:D7)</f>');
    // Ranges shrink by the one row.
    for (const text of ['<protectedRange name="金额区" sqref="D2:D7"/>', 'sqref="B2:B7"', '<conditionalFormatting sqref="D2:D7">', '<hyperlink ref="A2" location="\'其他\'!A1" display="去其他"/>']) {
      expect(sheet).toContain(text);
    }
    expect(after['xl/workbook.xml']).toContain('<definedName name="_xlnm.Print_Area" localSheetId="0">\'客户\'!$A$1:$H$7</definedName>');
    expect(after['xl/workbook.xml']).toContain('<definedName name="Total">SUM(\'客户\'!$D$2:$D$7)</definedName>');
    expect(after['xl/workbook.xml']).toContain('<definedName name="TaxRate">0.13</definedName>');
    // The parts nobody touched.
    for (const name of ['xl/vbaProject.bin', 'xl/metadata.xml', 'xl/media/image1.png', 'xl/pivotCache/custom_cache.xml', 'customXml/item1.xml', 'docProps/core.xml', 'xl/worksheets/sheet3.xml']) {
      expect([name, after[name]]).toEqual([name, before[name]]);
    }
  });

  it('reads back what it wrote, and reads the user\'s cells as Excel would', async () => {
    const port = XlsxWorkbookPort.open(input);
    const values = await port.readValues('客户');
    expect(values[1]!.slice(0, 6)).toEqual(['张三', '13800138000', 'zhang@qq.com', 100, expect.any(Date), '老客户']);
    expect(values[1]![6]).toBeCloseTo(113);
    expect(await port.readFormulas('客户', 7, 1, 3)).toEqual(['=D2*2', '=D3*2', '=D4*2']);
    await checkContacts(ctxFor(port));
    const again = XlsxWorkbookPort.open(port.toBytes());
    const header = (await again.readValues('客户'))[0]!;
    expect(header).toEqual(expect.arrayContaining(['电话检查', '邮箱检查']));
  });
});
