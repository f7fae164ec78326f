/**
 * Workbook structure protection in a file (Review → Protect Workbook): the .xlsx port keeps it, refuses
 * what Excel would refuse (adding or deleting sheets) before writing anything, and a protection that
 * locks nothing is no reason to refuse.
 */
import * as fs from 'node:fs';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { computeTiers } from '../../src/actions';
import { XlsxWorkbookPort } from '../../src/workbook/xlsx/xlsxPort';
import { smallLedger, seedXlsx } from './cells';
import { cleanTemp, cli, ctxFor, expectCliRefusal, tempFile, xlsxSnapshot } from './harness';

afterAll(cleanTemp);

async function protectedFile(lock: '1' | '0'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  seedXlsx(wb.addWorksheet('客户信息'), smallLedger());
  const zip = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  const xml = strFromU8(zip['xl/workbook.xml']!);
  zip['xl/workbook.xml'] = strToU8(xml.replace(/(<workbookPr[^>]*\/>)/, `$1<workbookProtection lockStructure="${lock}"/>`));
  const file = tempFile(`protected-${lock}.xlsx`);
  fs.writeFileSync(file, zipSync(zip));
  return file;
}

it('a locked structure: every action that adds a sheet is refused before anything is written, and the CLI writes no file', async () => {
  const file = await protectedFile('1');
  const port = XlsxWorkbookPort.open(fs.readFileSync(file));
  const before = xlsxSnapshot(port);
  await expect(computeTiers(ctxFor(port))).rejects.toMatchObject({ code: 'protected', detail: 'workbook-structure' });
  expect(xlsxSnapshot(port)).toEqual(before);
  await expectCliRefusal(file, /workbook structure is protected/);
});

it('a protection that locks nothing: apply works and the file keeps the element', async () => {
  const file = await protectedFile('0');
  const out = tempFile('unlocked-out.xlsx');
  expect((await cli(['apply', file, '--out', out, '--as-of', '2026-11-22'])).code).toBe(0);
  expect(strFromU8(unzipSync(new Uint8Array(fs.readFileSync(out)))['xl/workbook.xml']!)).toContain('<workbookProtection lockStructure="0"/>');
});
