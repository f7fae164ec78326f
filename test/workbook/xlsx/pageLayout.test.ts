/**
 * The 'pageLayout' op in a file: <pageSetup> in CT_Worksheet's order, fitToPage merged into the sheet's
 * one <sheetPr>, print titles as the sheet's one _xlnm.Print_Titles name; what the user set stays.
 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { SheetFrame } from '../../../src/workbook/xlsx/sheet/sheetFrame';
import { WorkbookXml } from '../../../src/workbook/xlsx/package/workbookXml';
import { openXlsx } from '../../helpers/exceljsRead';
import { sheet } from './helpers';

const LANDSCAPE = { op: 'pageLayout', sheet: '客户', orientation: 'landscape', fitToWidth: true, printTitleRows: '$1:$3' } as const;

function part(bytes: Uint8Array, path: string): string {
  return strFromU8(unzipSync(bytes, { filter: (f) => f.name === path })[path]!);
}

describe('SheetFrame.setPageSetup', () => {
  const frame = (head: string, tail: string) => new SheetFrame(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${head}<sheetData>`, `</sheetData>${tail}</worksheet>`, '');
  const order = (f: SheetFrame) => f.elements().map((e) => e.local);

  it('puts <pageSetup> after pageMargins and before headerFooter and drawing, and a new <sheetPr> first', () => {
    const f = frame('<dimension ref="A1"/>', '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><headerFooter/><drawing r:id="rId1"/>');
    f.setPageSetup({ orientation: 'landscape', fitToWidth: true });
    expect(order(f)).toEqual(['sheetPr', 'dimension', 'sheetData', 'pageMargins', 'pageSetup', 'headerFooter', 'drawing']);
    const { head, tail } = f.split();
    expect(head).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(tail).toContain('<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
  });

  it('merges into the sheet\'s own <sheetPr> and <pageSetup>, keeping what the user set there', () => {
    const f = frame('<sheetPr codeName="Sheet1"><tabColor rgb="FFFF0000"/><outlinePr summaryBelow="0"/></sheetPr>', '<pageMargins left="1" right="1" top="1" bottom="1" header="0" footer="0"/><pageSetup paperSize="9" orientation="portrait" r:id="rId2"/>');
    f.setPageSetup({ orientation: 'landscape', fitToWidth: true });
    f.setPageSetup({ orientation: 'landscape', fitToWidth: true });
    expect(order(f).filter((n) => n === 'sheetPr' || n === 'pageSetup')).toEqual(['sheetPr', 'pageSetup']);
    const all = f.elements().map((e) => e.text).join('');
    expect(all).toContain('<sheetPr codeName="Sheet1"><tabColor rgb="FFFF0000"/><outlinePr summaryBelow="0"/><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(all).toContain('<pageSetup paperSize="9" orientation="landscape" r:id="rId2" fitToWidth="1" fitToHeight="0"/>');
    f.setPageSetup({ fitToWidth: false });
    const after = f.elements().map((e) => e.text).join('');
    expect(after).toContain('<pageSetup paperSize="9" orientation="landscape" r:id="rId2"/>');
    expect(after).toContain('<pageSetUpPr/>');
  });
});

describe('WorkbookXml.setPrintTitleRows', () => {
  const wb = (names: string) => new WorkbookXml(`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="A" sheetId="1" r:id="rId1"/><sheet name="Calls today" sheetId="2" r:id="rId2"/></sheets>${names}<calcPr/></workbook>`);

  it('adds <definedNames> where CT_Workbook puts it, quoting the sheet name', () => {
    const w = wb('');
    w.setPrintTitleRows(1, 'Calls today', '$1:$3');
    expect(w.text).toContain(`</sheets><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">'Calls today'!$1:$3</definedName></definedNames><calcPr/>`);
  });

  it('replaces the sheet\'s own Print_Titles (its title columns kept, a duplicate dropped); other names untouched', () => {
    const names = '<definedNames><definedName name="Keep">A!$A$1</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">A!$1:$1</definedName>' +
      `<definedName name="_xlnm.Print_Titles" localSheetId="1">'Calls today'!$A:$B,'Calls today'!$1:$9</definedName><definedName name="_xlnm.Print_Titles" localSheetId="1">'Calls today'!$2:$2</definedName></definedNames>`;
    const w = wb(names);
    w.setPrintTitleRows(1, 'Calls today', '$1:$3');
    expect(w.definedNames()).toEqual([
      { name: 'Keep', localSheetId: null, hidden: false, formula: 'A!$A$1' },
      { name: '_xlnm.Print_Titles', localSheetId: 0, hidden: false, formula: 'A!$1:$1' },
      { name: '_xlnm.Print_Titles', localSheetId: 1, hidden: false, formula: `'Calls today'!$A:$B,'Calls today'!$1:$3` },
    ]);
  });
});

describe("'pageLayout' through the .xlsx port", () => {
  it('exceljs reads what was set; the user\'s tab colour, paper size, names and other sheets stay', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户', { properties: { tabColor: { argb: 'FF00FF00' } } });
    ws.addRows([['标题'], ['共 3 位'], ['姓名', '电话'], ['张三', '138']]);
    ws.pageSetup.paperSize = 9;
    const other = wb.addWorksheet('Other');
    other.pageSetup.printTitlesRow = '1:2';
    wb.definedNames.add("'客户'!$A$4", 'FirstCustomer');
    const { port, reload } = await openXlsx(wb);
    await port.apply({ description: 't', ops: [LANDSCAPE] });
    await port.apply({ description: 't', ops: [LANDSCAPE] });
    const out = await reload();
    const setup = sheet(out, '客户').pageSetup;
    expect(setup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:3', paperSize: 9 });
    expect(sheet(out, '客户').properties.tabColor).toEqual({ argb: 'FF00FF00' });
    expect(sheet(out, 'Other').pageSetup.printTitlesRow).toBe('1:2');
    expect(sheet(out, 'Other').pageSetup.orientation).not.toBe('landscape');
    expect(out.definedNames.getRanges('FirstCustomer').ranges).toEqual(["'客户'!$A$4"]);
    const sheetXml = part(port.toBytes(), 'xl/worksheets/sheet1.xml');
    expect(sheetXml.match(/<sheetPr\b/g)).toHaveLength(1);
    expect(sheetXml.match(/<pageSetup\b/g)).toHaveLength(1);
    expect(part(port.toBytes(), 'xl/workbook.xml').match(/_xlnm\.Print_Titles/g)).toHaveLength(2);
  });

  it('refuses print title rows that are not whole rows, before writing anything', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('客户').addRow(['x']);
    const { port } = await openXlsx(wb);
    const before = port.toBytes();
    await expect(port.apply({ description: 't', ops: [{ op: 'format', sheet: '客户', address: 'A1', bold: true }, { ...LANDSCAPE, printTitleRows: 'A1:C3' }] }))
      .rejects.toMatchObject({ code: 'unsupported' });
    expect(part(port.toBytes(), 'xl/workbook.xml')).toBe(part(before, 'xl/workbook.xml'));
    expect(part(port.toBytes(), 'xl/worksheets/sheet1.xml')).toBe(part(before, 'xl/worksheets/sheet1.xml'));
  });
});
