/** The new-workbook builder: a minimal package that exceljs (and Excel) read back exactly. */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { bytesToBase64 } from '../../src/workbook/newFile/base64';
import { validSheetName } from '../../src/workbook/newFile/packageParts';
import { buildXlsxFile, type SheetGrid } from '../../src/workbook/newFile/xlsxFile';
/** What a cell keeps of a text: control characters travel escaped (_xHHHH_), as Excel writes them; lone surrogates and U+FFFE/U+FFFF cannot be kept. */
const kept = (t: string) => t.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g, '');

async function read(file: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file) as never);
  return wb;
}

function parts(file: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(file)).map(([p, b]) => [p, strFromU8(b)]));
}

const GRID: SheetGrid = {
  sheetName: '客户信息（脱敏）',
  header: ['客户姓名', '联系电话', '电子邮箱', '最近购买日期', '累计消费金额', 'VIP', '备注'],
  rows: [
    ['张三', '138****8000', 'z***@qq.com', 46000, 12000.5, true, '=HYPERLINK("http://evil.example","x")'],
    ['李四', '139****9000', 'l***@163.com', 45500, 800, false, '+86 请勿外传'],
    ['王五', null, null, null, null, null, '@home <b>&"\'</b>'],
    ['-1', '  leading and trailing  ', 'a\nb', 0, -3, null, '_x0041_ 与 \u0001控制\uD800字符'],
  ],
  columns: [{ width: 10 }, { numberFormat: '@', width: 16 }, { numberFormat: '@', width: 26 }, { numberFormat: 'yyyy-mm-dd', width: 12 }, { numberFormat: '#,##0.00' }],
};

describe('buildXlsxFile', () => {
  it('holds exactly the seven parts Excel needs, in Excel\'s order, and nothing that names anyone', () => {
    const file = buildXlsxFile(GRID);
    expect(Object.keys(unzipSync(file))).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels',
      'xl/worksheets/sheet1.xml', 'xl/styles.xml', 'xl/sharedStrings.xml']);
    const all = Object.values(parts(file)).join('\n');
    expect(all).not.toMatch(/docProps|creator|lastModifiedBy|<f[ >]/);
    for (const xml of Object.values(parts(file))) expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')).toBe(true);
  });

  it('reads back with exceljs: one sheet, the values, strings that look like formulas as text, bold frozen header, formats and widths', async () => {
    const wb = await read(buildXlsxFile(GRID));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['客户信息（脱敏）']);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, ...GRID.header]);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A2').font?.bold).toBeFalsy();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
    expect(ws.getCell('B2').value).toBe('138****8000');
    expect(ws.getCell('B2').numFmt).toBe('@');
    expect((ws.getCell('D2').value as Date).toISOString().slice(0, 10)).toBe('2025-12-09');
    expect(ws.getCell('D2').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('E2').value).toBe(12000.5);
    expect(ws.getCell('E2').numFmt).toBe('#,##0.00');
    expect(ws.getCell('F2').value).toBe(true);
    expect(ws.getCell('F3').value).toBe(false);
    for (const [ref, text] of [['G2', GRID.rows[0]![6]], ['G3', '+86 请勿外传'], ['G4', '@home <b>&"\'</b>'], ['A5', '-1']] as const) {
      expect(ws.getCell(ref).type).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell(ref).value).toBe(text);
    }
    expect(ws.getCell('B5').value).toBe('  leading and trailing  ');
    expect(ws.getCell('C5').value).toBe('a\nb');
    expect(ws.getCell('G5').value).toBe('_x0041_ 与 \u0001控制字符');
    expect(ws.getCell('B4').value).toBeNull();
    expect(ws.getColumn(2).width).toBeCloseTo(16.71, 1);
    expect(ws.getColumn(3).width).toBeCloseTo(26.71, 1);
    // Formula-looking text carries Excel's quote prefix, so editing the cell keeps it text.
    expect(parts(buildXlsxFile(GRID))['xl/styles.xml']).toMatch(/quotePrefix="1"/);
  });

  it('is the same file for the same grid (no clock, no randomness inside)', () => {
    expect(bytesToBase64(buildXlsxFile(GRID))).toBe(bytesToBase64(buildXlsxFile(GRID)));
  });

  it('an empty sheet (a header only) and rows wider than the header are valid files', async () => {
    const wb = await read(buildXlsxFile({ sheetName: 'S', header: ['a'], rows: [] }));
    expect(wb.worksheets[0]!.getCell('A1').value).toBe('a');
    const wide = await read(buildXlsxFile({ sheetName: 'S', header: ['a'], rows: [['x', 'y', 'z']] }));
    expect(wide.worksheets[0]!.getCell('C2').value).toBe('z');
  });

  it('any text survives the trip, but for the characters XML 1.0 cannot hold even escaped', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.string({ unit: fc.oneof(fc.constantFrom('_x000D_', '_x005F_', '&amp;', ']]>', '\r\n', '\t', '\u0000', '\uFFFF', '\uD83D'), fc.string({ unit: 'binary' })) }), { minLength: 1, maxLength: 6 }),
      async (texts) => {
        const wb = await read(buildXlsxFile({ sheetName: 'S', header: ['h'], rows: texts.map((t) => [t]) }));
        const ws = wb.worksheets[0]!;
        texts.forEach((t, i) => {
          const expected = kept(t).slice(0, 32767);
          const got = ws.getCell(i + 2, 1).value;
          if (expected === '') expect(got === null || got === '').toBe(true);
          else expect(got).toBe(expected);
        });
      }), { numRuns: 60 });
  });

  it('gives the sheet a name Excel accepts', () => {
    expect(validSheetName('a/b:c*d?e[f]g\\h')).toBe('a b c d e f g h');
    expect(validSheetName("'quoted'")).toBe('quoted');
    expect(validSheetName('')).toBe('Sheet1');
    expect(validSheetName('History')).toBe('History 1');
    expect(validSheetName('x'.repeat(40))).toHaveLength(31);
    expect(validSheetName(`${'x'.repeat(30)}😀`)).toBe('x'.repeat(30));
  });
});

describe('bytesToBase64', () => {
  it('matches Node\'s encoder on any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200_000 }), (bytes) => {
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }), { numRuns: 100 });
  });
});
