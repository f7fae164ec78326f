/** checkInputFile on its own: what each kind of file is called (the CLI wording is in inputFiles.test.ts). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkInputFile, InputFileError, rootNamespace, type InputProblem } from '../../src/cli/inputFile';
import { ledgerFile, tempDir } from './cliHarness';
import { oleFile, zipFile } from './fixtures';

let dir: string;
beforeAll(() => { dir = tempDir('ledger-inputfile-'); });
afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }); });

async function problem(bytes: Buffer | string, name = `f${Math.random().toString(36).slice(2)}.xlsx`): Promise<InputProblem | 'ok'> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  try {
    await checkInputFile(file);
    return 'ok';
  } catch (err) {
    if (!(err instanceof InputFileError)) throw err;
    return err.problem;
  }
}

describe('checkInputFile', () => {
  it('passes a workbook exceljs wrote', async () => {
    await expect(checkInputFile(await ledgerFile(path.join(dir, 'good.xlsx')))).resolves.toBeUndefined();
  });

  it('tells OLE files apart by their directory entries only', async () => {
    expect(await problem(oleFile(['EncryptionInfo', 'EncryptedPackage']))).toBe('encrypted');
    expect(await problem(oleFile(['EncryptedPackage']))).toBe('encrypted');
    expect(await problem(oleFile(['Workbook']))).toBe('xls');
    expect(await problem(oleFile(['BOOK']))).toBe('xls');
    expect(await problem(oleFile(['WordDocument', '\u0001CompObj']))).toBe('old-office');
    // The name as data, not as a directory entry (not 128-aligned, no length at 0x40): not an encrypted file.
    const loose = oleFile(['WordDocument']);
    const data = Buffer.concat([Buffer.alloc(3), Buffer.from('EncryptionInfo\0', 'utf16le')]);
    expect(await problem(Buffer.concat([loose, data, Buffer.alloc(512)]))).toBe('old-office');
  });

  it('finds the directory wherever the header says it starts (4096-byte sectors)', async () => {
    const small = oleFile(['EncryptionInfo']);
    const header = Buffer.from(small.subarray(0, 512));
    header.writeUInt16LE(4, 0x1a);
    header.writeUInt16LE(12, 0x1e);
    header.writeUInt32LE(2, 0x30);
    // Header sector (4096), two sectors of filler, then the directory in sector 2.
    const file = Buffer.concat([header, Buffer.alloc(4096 - 512), Buffer.alloc(2 * 4096, 0x11), small.subarray(512)]);
    expect(await problem(file)).toBe('encrypted');
  });

  it('tells zips apart by their central directory', async () => {
    expect(await problem(zipFile({ 'xl/workbook.bin': 'x' }))).toBe('xlsb');
    expect(await problem(zipFile({ 'xl/workbook.xml': `<workbook xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"><sheets/></workbook>` }))).toBe('strict');
    expect(await problem(zipFile({ 'xl/workbook.xml': `<?xml version="1.0"?>\n<x:workbook xmlns:r="r" xmlns:x="http://purl.oclc.org/ooxml/spreadsheetml/main"/>` }))).toBe('strict');
    expect(await problem(zipFile({ 'xl/workbook.xml': '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>' }))).toBe('ok');
    expect(await problem(zipFile({ 'xl/styles.xml': '<styleSheet/>' }))).toBe('damaged');
    expect(await problem(zipFile({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }))).toBe('ods');
    expect(await problem(zipFile({ 'ppt/presentation.xml': '<p/>' }))).toBe('other-zip');
    expect(await problem(zipFile({}))).toBe('other-zip');
  });

  it('calls a zip cut anywhere, or with its directory pointing past the end, truncated', async () => {
    const whole = zipFile({ 'xl/workbook.xml': '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>', 'xl/a.xml': 'a'.repeat(500) });
    for (const cut of [4, 30, 100, whole.length - 23, whole.length - 1]) {
      expect({ cut, problem: await problem(whole.subarray(0, cut)) }).toEqual({ cut, problem: 'truncated' });
    }
    const pointing = Buffer.from(whole);
    pointing.writeUInt32LE(whole.length, whole.length - 6);
    expect(await problem(pointing)).toBe('truncated');
  });

  it('refuses an empty file, text and a device', async () => {
    expect(await problem('')).toBe('empty');
    expect(await problem('name,phone\n')).toBe('not-a-workbook');
    if (fs.existsSync('/dev/null')) await expect(checkInputFile('/dev/null')).rejects.toMatchObject({ problem: 'not-regular' });
  });
});

describe('rootNamespace', () => {
  it('reads the namespace of the root element, prefixed or not, whatever the quotes', () => {
    expect(rootNamespace('<workbook xmlns="a"/>', 'workbook')).toBe('a');
    expect(rootNamespace(`<?xml version='1.0'?><s:workbook xmlns='b' xmlns:s='c'>`, 'workbook')).toBe('c');
    expect(rootNamespace('<workbookPr xmlns="a"/>', 'workbook')).toBeUndefined();
    expect(rootNamespace('<workbook>', 'workbook')).toBeUndefined();
  });
});
