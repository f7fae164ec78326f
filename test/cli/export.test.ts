/** `customer-ledger export`: CRM CSVs and vCards from a real .xlsx; refusals for bad options and outputs. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from './cliHarness';
import { SAMPLES_DIR } from '../helpers/samples';


let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-export-')); });
afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }); });
const sample = path.join(SAMPLES_DIR, 'customers-zh.xlsx');

it('writes a HubSpot CSV of every customer, with a BOM and E.164 phones; the input is unchanged', async () => {
  const before = fs.readFileSync(sample);
  const out = path.join(dir, 'hubspot.csv');
  const r = await run(['export', sample, '--format', 'hubspot', '--out', out]);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  const customers = Number(/exported (\d+) customers/.exec(r.out)?.[1]);
  expect(customers).toBeGreaterThan(100);
  const text = fs.readFileSync(out, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).trimEnd().split('\r\n');
  expect(lines[0]).toBe('First Name,Last Name,Company Name,Job Title,Email,Mobile Phone Number,Street Address,City,Postal Code,Contact owner,Original Source Drill-Down 1,Notes');
  expect(lines.length).toBeGreaterThanOrEqual(customers + 1);
  expect(text).toMatch(/,\+861\d{10},/);
  expect(fs.readFileSync(sample).equals(before)).toBe(true);
});

it('writes a vCard file', async () => {
  const out = path.join(dir, 'phones.vcf');
  const r = await run(['export', sample, '--format', 'vcard', '--out', out]);
  expect(r.code).toBe(0);
  const text = fs.readFileSync(out, 'utf8');
  expect(text.startsWith('BEGIN:VCARD\r\nVERSION:3.0\r\n')).toBe(true);
  expect(text.match(/BEGIN:VCARD/g)!.length).toBe(text.match(/END:VCARD/g)!.length);
});

it('refuses a missing or unknown format, an existing --out without --force, and the input as --out', async () => {
  expect((await run(['export', sample, '--out', path.join(dir, 'a.csv')])).code).toBe(2);
  const bad = await run(['export', sample, '--format', 'salesforce', '--out', path.join(dir, 'a.csv')]);
  expect(bad.code).toBe(2);
  expect(bad.err).toMatch(/--format must be one of zoho, hubspot, vcard, not "salesforce"/);
  const out = path.join(dir, 'exists.csv');
  fs.writeFileSync(out, 'mine');
  expect((await run(['export', sample, '--format', 'zoho', '--out', out])).code).toBe(2);
  expect(fs.readFileSync(out, 'utf8')).toBe('mine');
  expect((await run(['export', sample, '--format', 'zoho', '--out', out, '--force'])).code).toBe(0);
  expect(fs.readFileSync(out, 'utf8')).toMatch(/^\uFEFFFirst Name,Last Name,Account Name/);
  expect((await run(['export', sample, '--format', 'zoho', '--out', sample, '--force'])).code).toBe(2);
});
