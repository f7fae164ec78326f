/**
 * Check phones & emails on the simulated Excel host with the default region left on auto: a US ledger
 * gets +1 numbers in its E.164 column, and the result says which region was used.
 */
import { checkContacts, type ActionContext } from '../../src/actions';
import { SETTINGS_TITLE } from '../../src/actions/settingsSheet';
import { simWith } from '../helpers/simLedger';

const NOW = new Date('2026-11-23T09:00:00Z');
const US_LEDGER = [
  ['Name', 'Company', 'Phone', 'Email'],
  ['Ann Lee', 'Acme Inc.', '(415) 555-0123', 'ann@acme.com'],
  ['Bob Stone', 'Stone LLC', '(212) 555-0187', 'bob@stone.com'],
  ['Cy Park', 'Park & Co', '415-555-2671', 'cy@park.com'],
  ['Di Moss', 'Moss Ltd', '555-0199', 'di@moss.com'],
];

function ctxFor(port: ActionContext['port'], extra: Partial<ActionContext> = {}): ActionContext {
  return { port, locale: 'en-US', now: NOW, settings: { asOf: '2026-11-22' }, ...extra };
}

function columnOf(values: unknown[][], header: string): unknown[] {
  const c = values[0]!.indexOf(header);
  expect(c).toBeGreaterThanOrEqual(0);
  return values.slice(1).map((r) => (r[c] === '' ? null : r[c])); // Excel reads an empty cell as ''
}

describe('checkContacts with region auto', () => {
  it('gives a US ledger +1 numbers and says the region was detected', async () => {
    const { host, port } = simWith({ Customers: US_LEDGER });
    const summary = await checkContacts(ctxFor(port));
    const values = host.workbook.sheet('Customers').values();
    expect(columnOf(values, 'Phone (E.164)')).toEqual(['+14155550123', '+12125550187', '+14155552671', null]);
    expect(String(columnOf(values, 'Phone check')[3])).toMatch(/^incomplete/);
    expect(summary).toMatchObject({ region: 'US', regionSource: 'auto' });
    expect(summary.phones.incomplete).toBe(1);
  });

  it('a region the user chose wins over detection', async () => {
    const { host, port } = simWith({ Customers: US_LEDGER });
    const summary = await checkContacts(ctxFor(port, { settings: { asOf: '2026-11-22', region: 'CN' } }));
    expect(summary).toMatchObject({ region: 'CN', regionSource: 'setting' });
    expect(columnOf(host.workbook.sheet('Customers').values(), 'Phone (E.164)')[0]).toBe('+864155550123');
  });

  it('a settings sheet an older version saved with region CN stays CN; one saying auto detects', async () => {
    const saved = (region: string) => [[SETTINGS_TITLE, null, null], ['Key', 'Value', 'Meaning'], ['region', region, '']];
    const old = simWith({ Customers: US_LEDGER, 'Ledger Settings': saved('CN') });
    expect(await checkContacts(ctxFor(old.port))).toMatchObject({ region: 'CN', regionSource: 'setting' });
    const auto = simWith({ Customers: US_LEDGER, 'Ledger Settings': saved('AUTO') });
    expect(await checkContacts(ctxFor(auto.port))).toMatchObject({ region: 'US', regionSource: 'auto' });
  });

  it('never fixes a number with a doubtful country code into another country', async () => {
    const ledger = [...US_LEDGER, ['Ed Roe', 'Roe Inc.', '+2(267)362-8910', 'ed@roe.com']];
    const { host, port } = simWith({ Customers: ledger });
    const summary = await checkContacts(ctxFor(port), { fixPhones: true });
    const values = host.workbook.sheet('Customers').values();
    expect(columnOf(values, 'Phone')[4]).toBe('+2(267)362-8910');
    expect(columnOf(values, 'Phone')[0]).toBe('(415) 555-0123'); // a valid number is fixed, in the region's style
    expect(columnOf(values, 'Phone (E.164)')[4]).toBeNull();
    expect(String(columnOf(values, 'Phone check')[4])).toMatch(/^suspect: .*country code/);
    expect(summary.problems).toContainEqual(expect.objectContaining({ cell: 'C6', kind: 'phone', status: 'suspect', reason: 'country-code-split' }));
  });

  it('a default area code completes the local number', async () => {
    const { host, port } = simWith({ Customers: US_LEDGER });
    await checkContacts(ctxFor(port, { settings: { asOf: '2026-11-22', areaCode: '415' } }));
    expect(columnOf(host.workbook.sheet('Customers').values(), 'Phone (E.164)')[3]).toBe('+14155550199');
  });
});
