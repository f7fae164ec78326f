import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { findUnsupportedParts, saveWorkbook } from '../../../src/workbook/xlsx/fileParts';
import { SAMPLES, cleanTemp, ledger, sheet, tempPath } from './helpers';

afterAll(cleanTemp);

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const TEXT_BOX = '<xdr:twoCellAnchor><xdr:from><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>5</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>'
  + '<xdr:to><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>7</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>'
  + '<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="9" name="TextBox 1"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr/>'
  + '<xdr:txBody><a:bodyPr/><a:p><a:r><a:t>hello</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor>';

/** An exceljs-written workbook with a picture and a note, then extra parts zipped in. */
async function crafted(name: string, extra: Record<string, string>, textBox = false): Promise<string> {
  const wb = ledger();
  const ws = sheet(wb, '客户');
  ws.getCell('A2').note = 'a note';
  ws.addImage(wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' }), 'F2:G4');
  const base = tempPath(`${name}.base.xlsx`);
  await saveWorkbook(wb, base);
  const zip = await JSZip.loadAsync(fs.readFileSync(base));
  for (const [part, text] of Object.entries(extra)) zip.file(part, text);
  if (textBox) {
    const drawing = await zip.file('xl/drawings/drawing1.xml')!.async('string');
    zip.file('xl/drawings/drawing1.xml', drawing.replace('</xdr:wsDr>', `${TEXT_BOX}</xdr:wsDr>`));
  }
  const file = tempPath(`${name}.xlsx`);
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
  return file;
}

async function partsAfterRoundTrip(file: string): Promise<{ names: string[]; drawing: string; wb: ExcelJS.Workbook }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = `${file}.rt.xlsx`;
  await saveWorkbook(wb, out);
  const zip = await JSZip.loadAsync(fs.readFileSync(out));
  const again = new ExcelJS.Workbook();
  await again.xlsx.readFile(out);
  return { names: Object.keys(zip.files), drawing: (await zip.file('xl/drawings/drawing1.xml')?.async('string')) ?? '', wb: again };
}

describe('findUnsupportedParts', () => {
  it('finds nothing in the samples or in a workbook with only pictures and notes', async () => {
    expect(await findUnsupportedParts(path.join(SAMPLES, 'customers-zh.xlsx'))).toEqual([]);
    expect(await findUnsupportedParts(await crafted('plain', {}))).toEqual([]);
  });

  it('names each part exceljs would drop', async () => {
    const file = await crafted('all', {
      'xl/pivotTables/pivotTable1.xml': '<pivotTableDefinition/>',
      'xl/pivotCache/pivotCacheDefinition1.xml': '<pivotCacheDefinition/>',
      'xl/charts/chart1.xml': '<c:chartSpace/>',
      'xl/vbaProject.bin': 'binary',
      'xl/slicers/slicer1.xml': '<slicers/>',
      'xl/timelines/timeline1.xml': '<timelines/>',
      'xl/externalLinks/externalLink1.xml': '<externalLink/>',
      'xl/connections.xml': '<connections/>',
      'xl/ctrlProps/ctrlProp1.xml': '<formControlPr/>',
      'xl/threadedComments/threadedComment1.xml': '<ThreadedComments/>',
      'xl/embeddings/oleObject1.bin': 'binary',
      'xl/richData/rdrichvalue.xml': '<rvData/>',
    }, true);
    expect(await findUnsupportedParts(file)).toEqual([
      'PivotTables', 'charts', 'macros', 'slicers', 'timelines', 'links to other workbooks', 'data connections and queries',
      'shapes and text boxes', 'form controls', 'embedded objects', 'threaded comments', 'pictures in cells and linked data types',
    ]);
  });

  it('is empirically right: exceljs keeps pictures and notes, drops text boxes and the listed parts', async () => {
    const file = await crafted('rt', {
      'xl/pivotTables/pivotTable1.xml': '<pivotTableDefinition/>',
      'xl/charts/chart1.xml': '<c:chartSpace/>',
      'xl/vbaProject.bin': 'binary',
      'xl/ctrlProps/ctrlProp1.xml': '<formControlPr/>',
    }, true);
    const { names, drawing, wb } = await partsAfterRoundTrip(file);
    expect(names.filter((n) => /pivot|charts|vbaProject|ctrlProps/.test(n))).toEqual([]);
    expect(drawing).toContain('<xdr:pic>');
    expect(drawing).not.toContain('TextBox');
    expect(sheet(wb, '客户').getImages()).toHaveLength(1);
    expect(sheet(wb, '客户').getCell('A2').note).toBe('a note');
  });

  it('leaves files that are not zips to the reader', async () => {
    const file = tempPath('not-a-zip.xlsx');
    fs.writeFileSync(file, 'hello');
    expect(await findUnsupportedParts(file)).toEqual([]);
  });
});

describe('saveWorkbook', () => {
  it('writes a file Excel recalculates on open and leaves no temporary file', async () => {
    const out = tempPath('saved.xlsx');
    await saveWorkbook(ledger(), out);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    expect(await zip.file('xl/workbook.xml')!.async('string')).toMatch(/fullCalcOnLoad="1"/);
    expect(fs.readdirSync(path.dirname(out)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
