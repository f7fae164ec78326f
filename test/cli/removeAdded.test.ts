/** `customer-ledger remove-added`: the output of `apply` taken back to the user's own cells, into a copy. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { XlsxWorkbookPort } from '../../src/workbook/xlsx/xlsxPort';
import { SAMPLES_DIR } from '../helpers/samples';
import { run } from './cliHarness';

let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-remove-')); });
afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }); });
const sample = path.join(SAMPLES_DIR, 'customers-zh.xlsx');

async function valuesOf(file: string): Promise<{ names: string[]; first: unknown[][] }> {
  const port = XlsxWorkbookPort.open(fs.readFileSync(file));
  const names = (await port.listSheets()).map((s) => s.name);
  return { names, first: await port.readValues(names[0]!) };
}

it('gives back the user cells as they were, with a backup sheet, and says so; a second run writes nothing', async () => {
  const applied = path.join(dir, 'applied.xlsx');
  expect((await run(['apply', sample, '--out', applied, '--as-of', '2026-11-22'])).code).toBe(0);
  const out = path.join(dir, 'removed.xlsx');
  const r = await run(['remove-added', applied, '--out', out]);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/deleted columns .*Phone check|deleted columns .*电话检查/);
  const original = await valuesOf(sample);
  const removed = await valuesOf(out);
  expect(removed.first).toEqual(original.first);
  // The settings sheet stays beside the backup: it records it, for a restore.
  expect(removed.names).toHaveLength(3);
  expect(removed.names.filter((n) => /^(备份|Backup) /.test(n))).toHaveLength(1);
  expect(r.out).toMatch(/kept sheet "(台账设置|Ledger Settings)".*records the backups|保留工作表「台账设置」.*记录着保留的备份/);

  const again = await run(['remove-added', out, '--out', path.join(dir, 'again.xlsx')]);
  expect(again.code).toBe(0);
  expect(again.out).toMatch(/nothing the add-in added is left/);
  expect(fs.existsSync(path.join(dir, 'again.xlsx'))).toBe(false);
});

it('refuses without --out', async () => {
  const r = await run(['remove-added', sample]);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/needs --out/);
});
