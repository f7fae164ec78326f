/** The simulator's Excel.createWorkbook: validated as Excel does, the current workbook never changed, the host's hook called. */
import { zipSync, strToU8 } from 'fflate';
import { createSimHost } from '../../src/sim';
import { decodeBase64 } from '../../src/sim/api/createWorkbook';
import { bytesToBase64 } from '../../src/workbook/newFile/base64';
import { buildXlsxFile } from '../../src/workbook/newFile/xlsxFile';

const FILE = buildXlsxFile({ sheetName: 'S', header: ['a'], rows: [['b']] });

function host(ExcelApi = '1.17') {
  const h = createSimHost({ requirementSets: { ExcelApi } });
  h.workbook.addSheet('Mine').seed('A1', [['x']]);
  return h;
}

describe('Excel.createWorkbook in the simulator', () => {
  it('opens the file as another workbook and hands it to the host\'s hook; the current workbook is untouched', async () => {
    const h = host();
    const seen: Uint8Array[] = [];
    h.onCreateWorkbook = (f) => seen.push(f);
    await h.Excel.createWorkbook(bytesToBase64(FILE));
    expect(h.createdWorkbooks()).toEqual([FILE]);
    expect(seen).toEqual([FILE]);
    expect(h.workbook.sheetNames()).toEqual(['Mine']);
    expect(h.workbook.sheet('Mine').values()).toEqual([['x']]);
  });

  it('with no file: a blank workbook', async () => {
    const h = host();
    await h.Excel.createWorkbook();
    expect(h.createdWorkbooks()).toEqual([new Uint8Array(0)]);
  });

  it.each([
    ['not base64', '@@@@'],
    ['base64 with whitespace', `${bytesToBase64(FILE).slice(0, 8)}\n${bytesToBase64(FILE).slice(8)}`],
    ['unpadded base64', bytesToBase64(FILE).replace(/=+$/, '') + (bytesToBase64(FILE).endsWith('=') ? '' : 'A')],
    ['not a zip', bytesToBase64(strToU8('hello, this is not a workbook'))],
    ['a zip without a workbook', bytesToBase64(zipSync({ 'readme.txt': strToU8('hi') }))],
  ])('refuses %s with InvalidArgument, opening nothing', async (_, base64) => {
    const h = host();
    await expect(h.Excel.createWorkbook(base64)).rejects.toMatchObject({ name: 'RichApi.Error', code: 'InvalidArgument' });
    expect(h.createdWorkbooks()).toEqual([]);
  });

  it('needs ExcelApi 1.8 (ApiNotFound below)', async () => {
    const h = host('1.7');
    await expect(h.Excel.createWorkbook(bytesToBase64(FILE))).rejects.toMatchObject({ code: 'ApiNotFound' });
    expect(h.createdWorkbooks()).toEqual([]);
  });

  it('decodes what the builder\'s encoder writes', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 1000]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37) % 256);
      expect(decodeBase64(bytesToBase64(bytes))).toEqual(bytes);
    }
  });
});
