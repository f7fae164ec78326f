/**
 * The package layer on its own: the zip container, XML text, the streamed sheet reader, and a round trip
 * of any cell value through the writer — read back by our reader and by exceljs, a parser we did not write.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { crc32 } from '../../../../src/workbook/xlsx/zip/crc32';
import { ZipError, inflateEntry, readZip } from '../../../../src/workbook/xlsx/zip/zipRead';
import { deflatePart, zipBytes } from '../../../../src/workbook/xlsx/zip/zipWrite';
import { XmlError, decodeCellText, decodeXml, encodeCellText } from '../../../../src/workbook/xlsx/xml/xml';
import { fileFormula } from '../../../../src/workbook/xlsx/sheet/patchRows';
import { XlsxWorkbookPort } from '../../../../src/workbook/xlsx/xlsxPort';
import { PackageError } from '../../../../src/workbook/xlsx/package/xlsxPackage';
import type { CellInput } from '../../../../src/workbook/port';
import { buildXlsx, row, worksheet } from '../../../helpers/xlsxFixture';

const text = (s: string) => new TextEncoder().encode(s);

describe('zip', () => {
  it('crc32 of the standard check string', () => {
    expect(crc32(text('123456789'))).toBe(0xcbf43926);
    expect(crc32(text('6789'), crc32(text('12345')))).toBe(0xcbf43926);
  });

  it('reads back what it writes, stored and deflated', () => {
    const parts = [deflatePart('a.xml', '<a>一二三</a>'), { ...deflatePart('b.bin', new Uint8Array([1, 2, 3])) }];
    const entries = readZip(zipBytes(parts));
    expect(entries.map((e) => e.name)).toEqual(['a.xml', 'b.bin']);
    expect(new TextDecoder().decode(inflateEntry(entries[0]!))).toBe('<a>一二三</a>');
    expect([...inflateEntry(entries[1]!)]).toEqual([1, 2, 3]);
  });

  it('says a cut or altered archive is damaged, and random bytes are not a zip', () => {
    const bytes = zipBytes([deflatePart('a.xml', '<a>'.repeat(1000))]);
    expect(() => readZip(bytes.subarray(0, bytes.length - 30))).toThrow(ZipError);
    const altered = bytes.slice();
    altered[40] = altered[40]! ^ 0xff; // inside the compressed data
    expect(() => inflateEntry(readZip(altered)[0]!)).toThrow(/damaged/);
    expect(() => readZip(new Uint8Array(100).fill(7))).toThrow(expect.objectContaining({ code: 'not-zip' }));
  });
});

describe('cell text in XML', () => {
  it('round-trips any string but the characters XML cannot hold at all', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
      const kept = s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g, '');
      expect(decodeCellText(decodeXml(encodeCellText(s)))).toBe(kept);
    }), { numRuns: 2000 });
  });

  it('writes structured references the way a file holds them', () => {
    expect(fileFormula('=IF(T[@[客户 姓名]]="","",T[@Amount]*2)')).toBe('IF(T[[#This Row],[客户 姓名]]="","",T[[#This Row],[Amount]]*2)');
    expect(fileFormula('="[@x]"&T[@[A]:[B]]')).toBe('"[@x]"&T[[#This Row],[A]:[B]]');
    expect(fileFormula('SUM(A1:A3)')).toBe('SUM(A1:A3)');
  });
});

describe('the sheet reader', () => {
  it('reads a prefixed worksheet, rows and cells without references, shared strings and a byte-order mark', async () => {
    const sheet = '\ufeff<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<x:sheetData><x:row><x:c t="s"><x:v>0</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c t="inlineStr"><x:is><x:r><x:t>a</x:t></x:r><x:r><x:t>b</x:t></x:r><x:rPh><x:t>ピン</x:t></x:rPh></x:is></x:c>' +
      '<x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const port = XlsxWorkbookPort.open(buildXlsx({ sheets: [{ name: 'S', xml: sheet }], sharedStrings: ['姓名'] }));
    expect(await port.readValues('S')).toEqual([['姓名', 2], ['ab', true, { error: '#N/A' }]]);
  });

  it('reads an empty sheet (<sheetData/>) as no rows', async () => {
    const port = XlsxWorkbookPort.open(buildXlsx({ sheets: [{ name: 'E', xml: '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>' }] }));
    expect(await port.readValues('E')).toEqual([]);
    expect((await port.listSheets())[0]).toMatchObject({ rowCount: 0, columnCount: 0, a1: null });
  });

  it('reads a merged area as Excel does: its cells other than the top-left are empty', async () => {
    const xml = worksheet(`${row(1, ['标题', '标题', '标题'])}${row(2, ['a', 'b'])}`).replace('</worksheet>', '<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells></worksheet>');
    const port = XlsxWorkbookPort.open(buildXlsx({ sheets: [{ name: 'M', xml }] }));
    expect(await port.readValues('M')).toEqual([['标题', null, null], ['a', 'b']]);
    expect(await port.readFormulas('M', 1, 0, 1)).toEqual(['', 'b']);
  });

  it('never hangs or fails in its own code on a damaged sheet: every cut of one is read or refused as damaged', async () => {
    const good = worksheet(`${row(1, ['姓名', '电话'])}<row r="2"><c r="A2" t="inlineStr"><is><t>张三</t></is></c><c r="B2" s="1"><f>1+1</f><v>2</v></c></row>`);
    for (let cut = 0; cut < good.length; cut += 7) {
      const bytes = buildXlsx({ sheets: [{ name: 'D', xml: good.slice(0, cut) }] });
      try {
        await XlsxWorkbookPort.open(bytes).readValues('D');
      } catch (err) {
        expect([XmlError, PackageError].some((k) => err instanceof k)).toBe(true);
      }
    }
  });
});

describe('any value written is read back as written, by our reader and by exceljs', () => {
  const value: fc.Arbitrary<CellInput> = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.constantFrom('=1+1', '+8613800138000', '-5', '@x', '  spaced  ', '_x0041_', 'a\tb\nc', '客户\u3000姓名', '😀', '<b>&amp;</b>'),
    fc.integer({ min: -1e9, max: 1e9 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
    fc.boolean(), fc.constant(null),
  );
  it('on random blocks', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.array(value, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), async (block) => {
      const port = XlsxWorkbookPort.open(buildXlsx({ sheets: [{ name: 'S', xml: row(1, ['x']) }] }));
      await port.apply({ description: '', ops: [{ op: 'writeBlock', sheet: 'S', row: 2, col: 1, values: block }] });
      const bytes = port.toBytes();
      const back = await XlsxWorkbookPort.open(bytes).readValues('S');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      const ws = wb.getWorksheet('S')!;
      block.forEach((cells, i) => cells.forEach((v, j) => {
        // Excel has no negative zero: -0 is written and read as 0.
        const expected = v === '' || v === null ? null : v === 0 ? 0 : v;
        expect([i, j, back[2 + i]?.[1 + j] ?? null]).toEqual([i, j, expected]);
        // exceljs does not undo Excel's _xHHHH_ escapes: text that looks like one is left to our reader.
        if (typeof v === 'string' && /_x[0-9a-fA-F]{4}_/.test(v)) return;
        const theirs = ws.getCell(3 + i, 2 + j).value;
        expect([i, j, typeof theirs === 'object' && theirs && 'richText' in theirs ? theirs.richText.map((r) => r.text).join('') : theirs ?? null]).toEqual([i, j, expected]);
      }));
    }), { numRuns: 150 });
  });
});

describe("Node's zlib codec (the CLI's)", () => {
  // Loaded here only: the other tests run on the default (fflate) codec, as the browser does.
  const { nodeCodec } = jest.requireActual<typeof import('../../../../src/workbook/xlsx/zip/nodeCodec')>('../../../../src/workbook/xlsx/zip/nodeCodec');
  const { fflateCodec, useCodec } = jest.requireActual<typeof import('../../../../src/workbook/xlsx/zip/codec')>('../../../../src/workbook/xlsx/zip/codec');
  afterEach(() => useCodec(fflateCodec));

  it('writes a part (several megabytes, in sync-flushed pieces) that the other codec reads, and the other way round', () => {
    const big = `<a>${'客户,13800138000,zhang@qq.com;'.repeat(200_000)}</a>`;
    for (const [writer, reader] of [[nodeCodec, fflateCodec], [fflateCodec, nodeCodec]] as const) {
      useCodec(writer);
      const bytes = zipBytes([deflatePart('big.xml', big), deflatePart('small.xml', '<b/>')]);
      useCodec(reader);
      const entries = readZip(bytes);
      expect(new TextDecoder().decode(inflateEntry(entries[0]!))).toBe(big);
      expect(new TextDecoder().decode(inflateEntry(entries[1]!))).toBe('<b/>');
      expect(crc32(text('123456789'))).toBe(0xcbf43926);
    }
  });
});
