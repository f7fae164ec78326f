/**
 * Workbook structure protection on the xlsx side. exceljs 4.4 does not model <workbookProtection>: it
 * loads a protected file without a trace of it and saves it unprotected, so the exceljs adapter cannot
 * refuse structure changes as the Office.js adapter does (test/actions/structureProtection.test.ts).
 * This is a tripwire: when exceljs starts reading it, this test fails and xlsxPort.checkPlan should
 * refuse like the Office.js adapter; until then the file check (fileParts.ts) is where to catch it.
 */
import * as fs from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { findUnsupportedParts } from '../../src/workbook/xlsx/fileParts';
import { cleanTemp, tempFile } from './harness';

afterAll(cleanTemp);

it('exceljs drops workbook structure protection on load and save (known limitation)', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('客户').getCell('A1').value = '姓名';
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const xml = await zip.file('xl/workbook.xml')!.async('string');
  zip.file('xl/workbook.xml', xml.replace(/(<workbookPr[^>]*\/>)/, '$1<workbookProtection lockStructure="1"/>'));
  const file = tempFile('protected.xlsx');
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
  expect(await (await JSZip.loadAsync(fs.readFileSync(file))).file('xl/workbook.xml')!.async('string')).toMatch(/<workbookProtection lockStructure="1"\/>/);

  const loaded = new ExcelJS.Workbook();
  await loaded.xlsx.readFile(file);
  expect(JSON.stringify(loaded.model)).not.toMatch(/lockStructure|workbookProtection/);
  const saved = await JSZip.loadAsync(await loaded.xlsx.writeBuffer());
  expect(await saved.file('xl/workbook.xml')!.async('string')).not.toMatch(/workbookProtection/);

  // So the file check refuses it before `apply` writes an unprotected copy…
  expect(await findUnsupportedParts(file)).toEqual(['workbook structure protection']);
  // …and a protection element that locks nothing is no reason to refuse.
  const open = await JSZip.loadAsync(fs.readFileSync(file));
  open.file('xl/workbook.xml', xml.replace(/(<workbookPr[^>]*\/>)/, '$1<workbookProtection lockStructure="0"/>'));
  const unlocked = tempFile('unlocked.xlsx');
  fs.writeFileSync(unlocked, await open.generateAsync({ type: 'nodebuffer' }));
  expect(await findUnsupportedParts(unlocked)).toEqual([]);
});
