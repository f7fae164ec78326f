/**
 * Red team: `customer-ledger apply` on generated hostile workbooks, and a whole-workbook diff after it.
 * Nothing of the user's may change: every part the add-in does not write is byte for byte the same; in
 * the parts it does write (the workbook, its relationships and content types, the styles, the customer
 * sheet) every element of the user's — sheets and their visibility, defined names, cells, merges, rules,
 * validations, links, ignored errors — is still there as it was, and every cell reads back the same
 * through our reader and through exceljs.
 */
import * as fs from 'node:fs';
import fc from 'fast-check';
import { main } from '../../src/cli/main';
import { XlsxWorkbookPort } from '../../src/workbook/xlsx/xlsxPort';
import ExcelJS from 'exceljs';
import { worksheetValues } from '../helpers/exceljsRead';
import { unzipText } from '../helpers/xlsxFixture';
import { cleanTemp, tempPath } from '../workbook/xlsx/helpers';
import { hostileCase } from './hostileWorkbooks';

afterAll(cleanTemp);

let n = 0;
async function apply(bytes: Uint8Array, extra: readonly string[] = []) {
  const file = tempPath(`in${++n}.xlsx`);
  const out = tempPath(`out${n}.xlsx`);
  fs.writeFileSync(file, bytes);
  let err = '';
  const code = await main(['apply', file, '--out', out, '--as-of', '2026-11-22', ...extra], { out: () => undefined, err: (t) => { err += t; }, env: { LANG: 'en_US.UTF-8' } });
  return { code, err, out };
}

async function exceljsWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

const elements = (xml: string, local: string): string[] => xml.match(new RegExp(`<${local}\\b[^>]*?(?:/>|>[\\s\\S]*?</${local}>)`, 'g')) ?? [];
const cells = (xml: string): string[] => xml.match(/<c\b[^>]*?(?:\/>|>.*?<\/c>)/g) ?? [];

/** Every value the user's sheets held, by sheet, row and column, as a reader gives them. */
async function userValues(read: (name: string) => Promise<unknown[][]>, names: readonly string[]) {
  const out: Record<string, unknown[][]> = {};
  for (const name of names) out[name] = await read(name);
  return out;
}

describe('apply on hostile workbooks changes nothing of the user\'s', () => {
  it('generated workbooks', async () => {
    await fc.assert(fc.asyncProperty(hostileCase, fc.constantFrom([], ['--archive-duplicates', '--fix-phones']), async (c, extra) => {
      const r = await apply(c.bytes, extra);
      if (r.code !== 0) throw new Error(`apply exited ${r.code}: ${r.err}`);
      const before = unzipText(c.bytes);
      const after = unzipText(new Uint8Array(fs.readFileSync(r.out)));
      const written = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/worksheets/sheet1.xml']);
      for (const [name, text] of Object.entries(before)) {
        expect([name, after[name] !== undefined]).toEqual([name, true]);
        if (!written.has(name)) expect([name, after[name]]).toEqual([name, text]);
      }
      // The workbook: the user's sheets (names, order, visibility) and names as they were.
      const sheetsBefore = elements(before['xl/workbook.xml']!, 'sheet');
      const sheetsAfter = elements(after['xl/workbook.xml']!, 'sheet');
      expect(sheetsAfter.slice(0, sheetsBefore.length)).toEqual(sheetsBefore);
      for (const name of elements(before['xl/workbook.xml']!, 'definedName')) {
        const m = /name="([^"]+)"/.exec(name)!;
        // Rows moved to the archive shrink ranges on the customer sheet, as in Excel; the rest is untouched.
        if (extra.length === 0 || !name.includes(`'${c.customers}'!`)) expect(after['xl/workbook.xml']).toContain(name);
        else expect(after['xl/workbook.xml']).toContain(`name="${m[1]}"`);
      }
      // The customer sheet: without moving rows, every cell and element of the user's is still there.
      if (extra.length === 0) {
        const sheet = after['xl/worksheets/sheet1.xml']!;
        for (const cell of cells(before['xl/worksheets/sheet1.xml']!)) expect(sheet).toContain(cell);
        for (const local of ['mergeCells', 'conditionalFormatting', 'dataValidation', 'hyperlinks', 'ignoredErrors', 'pageMargins']) {
          for (const el of elements(before['xl/worksheets/sheet1.xml']!, local)) expect([local, sheet.includes(el)]).toEqual([local, true]);
        }
      }
      // And read back: the user's other sheets give the same values through both readers.
      const others = (await XlsxWorkbookPort.open(c.bytes).listSheets()).map((s) => s.name).filter((s) => s !== c.customers);
      const ours = XlsxWorkbookPort.open(new Uint8Array(fs.readFileSync(r.out)));
      const mine = XlsxWorkbookPort.open(c.bytes);
      expect(await userValues((s) => ours.readValues(s), others)).toEqual(await userValues((s) => mine.readValues(s), others));
      // (exceljs makes every row as wide as the widest: only the small sheets go through it.)
      const theirs = await exceljsWorkbook(fs.readFileSync(r.out));
      const theirsBefore = await exceljsWorkbook(c.bytes);
      for (const name of others) expect(worksheetValues(theirs.getWorksheet(name)!)).toEqual(worksheetValues(theirsBefore.getWorksheet(name)!));
      // The customer sheet's own columns: every value of the user's as it was (unless rows moved).
      if (extra.length === 0) {
        const a = await mine.readValues(c.customers);
        const b = await ours.readValues(c.customers);
        a.forEach((row, i) => row.slice(0, c.width).forEach((v, j) => expect([i, j, b[i]?.[j] ?? null]).toEqual([i, j, v ?? null])));
      }
    }), { numRuns: 20 });
  }, 240_000);
});
