/** `customer-ledger apply` on real files, read back with exceljs. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { readWithExceljs } from '../helpers/exceljsRead';
import { SAMPLES_DIR } from '../helpers/samples';
import { cellText } from '../../src/core/text';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => { out += t; }, err: (t) => { err += t; }, env: { LANG: 'en_US.UTF-8' } });
  return { code, out, err };
}

let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-apply-')); });
afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }); });

const texts = (values: readonly (readonly unknown[])[]) => values.map((r) => Array.from(r, (v) => cellText(v)));

describe.each(['customers-zh', 'customers-en'])('apply on %s', (name) => {
  const input = () => path.join(SAMPLES_DIR, `${name}.xlsx`);

  it('adds columns and sheets, changes no original cell, and a second run changes nothing more', async () => {
    const out1 = path.join(dir, `${name}-1.xlsx`);
    const out2 = path.join(dir, `${name}-2.xlsx`);
    const r1 = await run(['apply', input(), '--out', out1, '--as-of', '2026-11-22']);
    expect(r1.err).toBe('');
    expect(r1.code).toBe(0);
    const original = (await readWithExceljs(input())).sheets[0]!;
    const after = await readWithExceljs(out1);
    const sheet = after.sheets.find((s) => s.name === original.name)!;
    const width = original.values[0]!.length;
    expect(texts(sheet.values.map((r) => r.slice(0, width)))).toEqual(texts(original.values));
    expect(sheet.values[0]!.length).toBeGreaterThan(width);
    expect(after.sheets.map((s) => s.name)).toEqual(expect.arrayContaining([name.endsWith('zh') ? '客户汇总' : 'Customer Summary']));

    const r2 = await run(['apply', out1, '--out', out2, '--as-of', '2026-11-22']);
    expect(r2.code).toBe(0);
    const again = await readWithExceljs(out2);
    expect(again.sheets.map((s) => s.name)).toEqual(after.sheets.map((s) => s.name));
    for (const s of after.sheets) {
      expect(texts(again.sheets.find((x) => x.name === s.name)!.values)).toEqual(texts(s.values));
    }
  });

  it('writes the summary as live COUNTIFS/SUMIFS formulas', async () => {
    const out = path.join(dir, `${name}-summary.xlsx`);
    expect((await run(['apply', input(), '--out', out, '--only', 'summary', '--as-of', '2026-11-22'])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const summary = wb.worksheets.find((w) => /汇总|Summary/.test(w.name))!;
    const formulas: string[] = [];
    summary.eachRow((row) => row.eachCell((cell) => { if (cell.formula) formulas.push(cell.formula); }));
    expect(formulas.some((f) => f.startsWith('COUNTIFS('))).toBe(true);
    expect(formulas.some((f) => f.startsWith('SUMIFS('))).toBe(true);
  });
});

describe('apply refusals', () => {
  it('never writes over its input', async () => {
    const file = path.join(dir, 'in.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').addRow(['姓名', '手机']);
    await wb.xlsx.writeFile(file);
    const before = fs.readFileSync(file);
    const r = await run(['apply', file, '--out', file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/never writes over its input/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect((await run(['apply', file])).err).toMatch(/--out/);
    expect((await run(['apply', file, '--out', path.join(dir, 'x.xlsx'), '--only', 'everything'])).code).toBe(2);
  });

  it('exits 2 for a file that is not a workbook', async () => {
    const file = path.join(dir, 'bad.xlsx');
    fs.writeFileSync(file, 'not a zip');
    const r = await run(['apply', file, '--out', path.join(dir, 'bad-out.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
