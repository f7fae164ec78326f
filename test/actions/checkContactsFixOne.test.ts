/**
 * "Fix this one" changes that cell alone (after a backup), and fixed phones are written in the
 * ledger's local style unless E.164 is asked for; what is already typed that way is not "fixable".
 */
import { checkContacts, type ActionContext } from '../../src/actions';
import { simWith } from '../helpers/simLedger';

const ctxFor = (port: ActionContext['port'], region = 'CN'): ActionContext => ({ port, locale: 'en-US', now: new Date('2026-11-23T09:00:00Z'), settings: { asOf: '2026-11-22', region } });

function ledger(): unknown[][] {
  return [
    ['Name', 'Mobile', 'Email'],
    ['Ann', '13800138000', 'ann@qq.con'],
    ['Bob', '+86 571 88886666', ' Bob@QQ.com '],
    ['Cat', '138 0013 8001', 'cat@qq.con'],
    ['Dan', '+1 415 555 0123', 'dan@163.com'],
    ['Eve', '0571-88886666 转 123', 'eve@gmial.com'],
  ];
}

const userBlock = (rows: unknown[][]) => rows.map((r) => r.slice(0, 3));

describe('fix one cell', () => {
  it('takes ranges, whole columns and quoted sheet names; never the same address on another sheet', async () => {
    const { host, port } = simWith({ 'My clients': ledger(), Other: [['x']] });
    const before = userBlock(host.workbook.sheet('My clients').values());
    const r = await checkContacts(ctxFor(port), { acceptSuggestions: true, only: ["'my clients'!C:C", 'Other!B2'] });
    expect(r.fixes).toBe(3); // ann@qq.con, cat@qq.con, eve@gmial.com: the whole email column, sheet named in any case
    const after = userBlock(host.workbook.sheet('My clients').values());
    expect(after.map((row) => row.slice(0, 2))).toEqual(before.map((row) => row.slice(0, 2)));
    expect(after.map((row) => row[2])).toEqual(['Email', 'ann@qq.com', ' Bob@QQ.com ', 'cat@qq.com', 'dan@163.com', 'eve@gmail.com']);
    await expect(checkContacts(ctxFor(port), { fixPhones: true, only: ['Other!B2:B6'] })).rejects.toMatchObject({ code: 'selection-elsewhere' });
    expect(userBlock(host.workbook.sheet('My clients').values())).toEqual(after);
  });

  it('accepting one suggestion changes exactly that cell, after a backup', async () => {
    const { host, port } = simWith({ Clients: ledger() });
    const first = await checkContacts(ctxFor(port));
    const cat = first.problems.find((p) => p.cell === 'C4');
    expect(cat?.suggestion).toBe('cat@qq.com');
    const before = userBlock(host.workbook.sheet('Clients').values());

    const r = await checkContacts(ctxFor(port), { fixPhones: true, fixEmails: true, acceptSuggestions: true, only: ['C4'] });
    expect(r.fixes).toBe(1);
    expect(r.backupSheet).not.toBeNull();
    expect(host.workbook.sheetNames()).toContain(r.backupSheet);
    const after = userBlock(host.workbook.sheet('Clients').values());
    const want = before.map((row) => [...row]);
    want[3]![2] = 'cat@qq.com';
    expect(after).toEqual(want);
    // The backup holds the cell as it was.
    expect(host.workbook.sheet(r.backupSheet!).cell('C4').value).toBe('cat@qq.con');
    // Everything else "fix all" offered is still offered; C4 no longer is.
    expect(r.fixable).toBe(first.fixable - 1);
    expect(r.problems.map((p) => p.cell)).not.toContain('C4');
  });

  it('an address outside the fixable cells changes nothing and makes no backup', async () => {
    const { host, port } = simWith({ Clients: ledger() });
    const before = host.workbook.sheet('Clients').values();
    const r = await checkContacts(ctxFor(port), { fixPhones: true, fixEmails: true, acceptSuggestions: true, only: ['A2', 'C5'] });
    expect(r.fixes).toBe(0);
    expect(r.backupSheet).toBeNull();
    expect(userBlock(host.workbook.sheet('Clients').values())).toEqual(userBlock(before));
  });
});

describe('phone style', () => {
  it('writes the local style by default, keeps text, and leaves extensions and typed-local numbers alone', async () => {
    const { host, port } = simWith({ Clients: ledger() });
    const first = await checkContacts(ctxFor(port));
    const r = await checkContacts(ctxFor(port), { fixPhones: true });
    const s = host.workbook.sheet('Clients');
    expect(s.cell('B2').value).toBe('138 0013 8000');
    expect(s.cell('B3').value).toBe('0571-8888 6666');
    expect(s.cell('B4').value).toBe('138 0013 8001'); // already local: untouched
    expect(s.cell('B5').value).toBe('+1 415 555 0123'); // another country: international, as typed
    expect(s.cell('B6').value).toBe('0571-88886666 转 123'); // one number in place of it would drop the extension
    for (const a of ['B2', 'B3']) expect(s.cell(a).numberFormat).toBe('@');
    expect(r.fixes).toBe(2);
    // The fixable count before agreed with what the fix did (phones 2, emails: a tidy-up and 3 suggestions).
    expect(first.fixable).toBe(2 + 1 + 3);
    const again = await checkContacts(ctxFor(port), { fixPhones: true });
    expect(again.fixes).toBe(0);
    expect(again.fixable).toBe(1 + 3);
  });

  it("'e164' writes E.164 as text, and counts the locally typed number as fixable", async () => {
    const { host, port } = simWith({ Clients: ledger() });
    const r = await checkContacts(ctxFor(port), { fixPhones: true, phoneStyle: 'e164' });
    const s = host.workbook.sheet('Clients');
    expect(s.cell('B2').value).toBe('+8613800138000');
    expect(s.cell('B4').value).toBe('+8613800138001');
    expect(s.cell('B5').value).toBe('+14155550123');
    expect(s.cell('B6').value).toBe('0571-88886666 转 123');
    expect(r.fixes).toBe(4);
    // Run again in the local style: the four E.164 numbers are now "fixable" back (B5 to "+1 415 555 0123").
    const local = await checkContacts(ctxFor(port));
    expect(local.fixable).toBe(4 + 1 + 3);
  });

  it('in a US ledger a US number is written (415) 555-0123 and a mainland one internationally', async () => {
    const { host, port } = simWith({ Clients: [['Name', 'Phone'], ['Ann', '4155550123'], ['Bob', '+8613800138000'], ['Cy', '415.555.0124']] });
    await checkContacts(ctxFor(port, 'US'), { fixPhones: true });
    const s = host.workbook.sheet('Clients');
    expect([s.cell('B2').value, s.cell('B3').value, s.cell('B4').value]).toEqual(['(415) 555-0123', '+86 138 0013 8000', '(415) 555-0124']);
  });
});
