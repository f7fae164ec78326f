/** --fix-phones writes the region's local style by default; --phone-style e164 asks for E.164; others are refused. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { expectRefusal, ledgerFile, run, tempDir } from './cliHarness';

let dir: string;
let file: string;
beforeAll(async () => {
  dir = tempDir('ledger-phone-style-');
  file = await ledgerFile(path.join(dir, 'ledger.xlsx'));
});
afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }); });

async function phones(out: string): Promise<{ value: unknown; numFmt: string | undefined }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet('客户')!;
  return [2, 3].map((r) => ({ value: ws.getCell(r, 2).value, numFmt: ws.getCell(r, 2).numFmt }));
}

it('--fix-phones writes 138 0013 8000, as text', async () => {
  const out = path.join(dir, 'local.xlsx');
  const r = await run(['apply', file, '--out', out, '--only', 'contacts', '--fix-phones', '--region', 'CN']);
  expect(r).toMatchObject({ code: 0, err: '' });
  expect(await phones(out)).toEqual([{ value: '138 0013 8000', numFmt: '@' }, { value: '139 0013 9000', numFmt: '@' }]);
});

it('--phone-style e164 writes +8613800138000, as text', async () => {
  const out = path.join(dir, 'e164.xlsx');
  const r = await run(['apply', file, '--out', out, '--only', 'contacts', '--fix-phones', '--phone-style', 'e164', '--region', 'CN']);
  expect(r).toMatchObject({ code: 0, err: '' });
  expect((await phones(out)).map((p) => p.value)).toEqual(['+8613800138000', '+8613900139000']);
});

it('refuses a style it does not know, writing nothing', async () => {
  const out = path.join(dir, 'bad.xlsx');
  expectRefusal(await run(['apply', file, '--out', out, '--fix-phones', '--phone-style', 'national']), /--phone-style .*local or e164/);
  expect(fs.existsSync(out)).toBe(false);
});
