/**
 * "Nothing lost, nothing leaked" (9, 11): an input that is not a usable .xlsx is refused before any
 * library reads it, with one line saying what it is and what to do, never the library's words; a
 * device or a pipe is refused without reading it (`analyze /dev/zero` used to read forever).
 * The fixtures are made here, byte by byte.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { expectRefusal, ledgerFile, run, tempDir } from './cliHarness';
import { oleFile, zipFile } from './fixtures';

let dir: string;
let good: string;
beforeAll(async () => {
  dir = tempDir('ledger-input-');
  good = await ledgerFile(path.join(dir, 'good.xlsx'));
});
afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }); });

const at = (name: string) => path.join(dir, name);

const TRANSITIONAL = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const STRICT = 'http://purl.oclc.org/ooxml/spreadsheetml/main';

/** The workbook exceljs made, every part's text passed through `edit`, in a zip of our own. */
async function rezip(edit: (name: string, text: string) => string): Promise<Buffer> {
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(fs.readFileSync(good));
  const files: Record<string, string> = {};
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    files[entry.name] = edit(entry.name, await entry.async('string'));
  }
  return zipFile(files);
}

/** Refused the same way by analyze and apply, and apply wrote nothing. */
async function refusedByBoth(file: string, pattern: RegExp, env?: Record<string, string>): Promise<string> {
  const message = expectRefusal(await run(['analyze', file], env), pattern);
  const out = at(`out-${path.basename(file)}-${Math.random().toString(36).slice(2)}.xlsx`);
  expectRefusal(await run(['apply', file, '--out', out], env), pattern);
  expect(fs.existsSync(out)).toBe(false);
  return message;
}

describe('files that are not .xlsx workbooks say what they are', () => {
  it('an encrypted (password-protected) workbook', async () => {
    const file = at('secret.xlsx');
    fs.writeFileSync(file, oleFile(['\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage']));
    const msg = await refusedByBoth(file, /is password-protected: open it in Excel, remove the password \(File → Info → Protect Workbook\), save, and try again/);
    expect(msg).toContain(file);
    await refusedByBoth(file, /受密码保护/, { LANG: 'zh_CN.UTF-8' });
  });

  it('an Excel 97–2003 .xls ("Workbook" or the older "Book" stream)', async () => {
    for (const stream of ['Workbook', 'Book']) {
      const file = at(`old-${stream}.xls`);
      fs.writeFileSync(file, oleFile(['\u0005SummaryInformation', stream]));
      await refusedByBoth(file, /old Excel 97–2003 format.*save it as .*\.xlsx/);
    }
    await refusedByBoth(at('old-Workbook.xls'), /旧版 Excel 97–2003/, { LANG: 'zh_CN.UTF-8' });
  });

  it('a binary .xlsb workbook', async () => {
    const file = at('binary.xlsb');
    fs.writeFileSync(file, zipFile({ '[Content_Types].xml': '<Types/>', 'xl/workbook.bin': Buffer.from([0x83, 0x01, 0x00]), 'xl/worksheets/sheet1.bin': Buffer.alloc(8) }));
    await refusedByBoth(file, /binary Excel workbook \(\.xlsb\).*save it as .*\.xlsx/);
  });

  it('a Strict Open XML workbook', async () => {
    const file = at('strict.xlsx');
    fs.writeFileSync(file, await rezip((_, text) => text.split(TRANSITIONAL).join(STRICT)));
    await refusedByBoth(file, /Strict Open XML.*"Excel Workbook/);
    await refusedByBoth(file, /Strict Open XML.*Excel 工作簿/, { LANG: 'zh_CN.UTF-8' });
  });

  it('still reads a normal workbook (the sniffing refuses nothing it should not)', async () => {
    const r = await run(['analyze', good, '--json']);
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
    // The same parts in our own zip (workbook.xml first, no data descriptors): still read.
    const rezipped = at('rezipped.xlsx');
    fs.writeFileSync(rezipped, await rezip((_, text) => text));
    expect((await run(['analyze', rezipped, '--json'])).code).toBe(0);
  });
});

describe('damaged files are called damaged, in our words', () => {
  it('a truncated workbook', async () => {
    const bytes = fs.readFileSync(good);
    const file = at('cut.xlsx');
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await refusedByBoth(file, /damaged/);
  });

  it('random bytes, and text', async () => {
    const file = at('noise.xlsx');
    let seed = 7;
    fs.writeFileSync(file, Buffer.from(Array.from({ length: 5000 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff)));
    await refusedByBoth(file, /not an \.xlsx workbook.*damaged/);
    const text = at('notes.xlsx');
    fs.writeFileSync(text, 'Call suppliers on Monday\n');
    await refusedByBoth(text, /not an \.xlsx workbook/);
  });

  it('a zip without xl/workbook.xml', async () => {
    const file = at('plain.zip.xlsx');
    fs.writeFileSync(file, zipFile({ 'readme.txt': 'hello', 'data/list.csv': 'a,b\n1,2\n' }));
    await refusedByBoth(file, /not an \.xlsx workbook.*no workbook inside/);
    const docx = at('letter.xlsx');
    fs.writeFileSync(docx, zipFile({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }));
    await refusedByBoth(docx, /Word document/);
  });

  it('an empty file, and an empty zip', async () => {
    const file = at('empty.xlsx');
    fs.writeFileSync(file, '');
    await refusedByBoth(file, /empty/);
    const emptyZip = at('emptyzip.xlsx');
    fs.writeFileSync(emptyZip, zipFile({}));
    await refusedByBoth(emptyZip, /no workbook inside/);
  });

  it('a workbook whose sheet XML is cut short (the library failed with "Cannot set properties of undefined")', async () => {
    const file = at('badsheet.xlsx');
    fs.writeFileSync(file, await rezip((name, text) => (name.startsWith('xl/worksheets/') ? text.slice(0, text.length / 2) : text)));
    await refusedByBoth(file, /damaged/);
  });

  it('says damaged in Chinese too', async () => {
    const bytes = fs.readFileSync(good);
    const file = at('cut-zh.xlsx');
    fs.writeFileSync(file, bytes.subarray(0, 400));
    await refusedByBoth(file, /已损坏/, { LANG: 'zh_CN.UTF-8' });
  });
});

describe('only regular files are read', () => {
  it('refuses /dev/zero without reading it', async () => {
    if (!fs.existsSync('/dev/zero')) return;
    await refusedByBoth('/dev/zero', /not a regular file/);
  });

  it('refuses a FIFO without opening it for reading (which would wait for a writer forever)', async () => {
    const fifo = at('pipe.xlsx');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return;
    await refusedByBoth(fifo, /not a regular file/);
  });

  it('refuses a folder, and a missing file', async () => {
    const folder = at('folder.xlsx');
    fs.mkdirSync(folder);
    await refusedByBoth(folder, /is a folder, not a workbook/);
    await refusedByBoth(at('missing.xlsx'), /File not found/);
  });

  it('follows a symbolic link to a real workbook', async () => {
    const link = at('link.xlsx');
    fs.symlinkSync(good, link);
    expect((await run(['analyze', link, '--json'])).code).toBe(0);
  });

  it('keeps a file name with a line break on one line', async () => {
    const file = at('two\nlines.xlsx');
    fs.writeFileSync(file, 'hello');
    const msg = expectRefusal(await run(['analyze', file]));
    expect(msg).toContain('two\\nlines.xlsx');
  });
});

describe('a workbook exceljs itself can read stays readable', () => {
  it('an exceljs workbook with a formula and a date', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Customers');
    ws.addRow(['Name', 'Phone', 'Email', 'Last purchase']);
    ws.addRow(['Ann', '+852 9601 6451', 'ann@x.org', new Date('2026-01-02')]);
    const file = at('exceljs.xlsx');
    await wb.xlsx.writeFile(file);
    expect((await run(['analyze', file, '--json'])).code).toBe(0);
  });
});
