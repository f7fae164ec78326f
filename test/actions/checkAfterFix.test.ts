/**
 * The check columns say what is wrong and nothing else: a valid value leaves its check cell blank, a
 * suggestion equal to what is typed is not repeated, and a cell fixed in this run is checked as fixed.
 */
import { checkContacts, type ActionContext } from '../../src/actions';
import { simWith } from '../helpers/simLedger';

const ctxFor = (port: ActionContext['port']): ActionContext => ({ port, locale: 'en-US', now: new Date('2026-11-23T09:00:00Z'), settings: { asOf: '2026-11-22' } });

function ledger(): unknown[][] {
  return [
    ['Name', 'Mobile', 'Email'],
    ['Ann', '13800138000', 'ann@qq.com'],
    ['Bob', '138 0013 8001', ' Bob@QQ.com '],
    ['Cat', '12345', 'cat@qq.con'],
  ];
}

const column = (rows: unknown[][], header: string) => rows.map((r) => r[(rows[0] as string[]).indexOf(header)]).slice(1);

it('a valid phone or email says nothing; a tidy-up is offered only where the text differs', async () => {
  const { host, port } = simWith({ Clients: ledger() });
  await checkContacts(ctxFor(port));
  const rows = host.workbook.sheet('Clients').values();
  expect(column(rows, 'Phone check')).toEqual(['', '', expect.stringMatching(/^invalid/)]);
  expect(column(rows, 'Phone (E.164)')).toEqual(['+8613800138000', '+8613800138001', '']);
  expect(column(rows, 'Email check')).toEqual(['', '', expect.stringMatching(/^suspect.*cat@qq\.com/)]);
  expect(column(rows, 'Email suggestion')).toEqual(['', 'bob@qq.com', 'cat@qq.com']);
});

it('after accepting a suggestion the check columns describe the fixed cell, not the old one', async () => {
  const { host, port } = simWith({ Clients: ledger() });
  await checkContacts(ctxFor(port));
  const result = await checkContacts(ctxFor(port), { acceptSuggestions: true, fixEmails: true });
  expect(result.fixes).toBe(2);
  const rows = host.workbook.sheet('Clients').values();
  expect(column(rows, 'Email')).toEqual(['ann@qq.com', 'bob@qq.com', 'cat@qq.com']);
  expect(column(rows, 'Email check')).toEqual(['', '', '']);
  expect(column(rows, 'Email suggestion')).toEqual(['', '', '']);
  // The highlight rules key on the check column, so nothing fixed stays coloured; a rerun changes nothing.
  const again = await checkContacts(ctxFor(port), { acceptSuggestions: true, fixEmails: true });
  expect(again.fixes).toBe(0);
  expect(host.workbook.sheet('Clients').values()).toEqual(rows);
});
