/**
 * The validation rules on the user's columns cost no extra round trip of their own: what is already on
 * those ranges is read in the preflight's one sync, the rules are packed with the other writes.
 */
import { checkContacts, type ActionContext } from '../../src/actions';
import { createSimHost } from '../../src/sim';
import { ExcelWorkbookPort } from '../../src/workbook/excel/excelPort';
import type { WorkbookPort } from '../../src/workbook/port';
import { generateLedger } from '../helpers/generateLedger';

const values = generateLedger(2000);

async function syncs(withValidation: boolean): Promise<{ syncs: number; rules: number }> {
  const host = createSimHost({ now: () => new Date('2026-11-23T09:00:00Z') });
  host.workbook.addSheet('客户信息').seed('A1', values);
  const excel = new ExcelWorkbookPort(host as never);
  // The same port, but telling the action that this host has no data validation.
  const port: WorkbookPort = withValidation ? excel : Object.assign(Object.create(excel) as WorkbookPort, {
    capabilities: async () => ({ ...(await excel.capabilities()), dataValidation: false }),
  });
  host.resetStats();
  await checkContacts({ port, locale: 'zh-CN', now: new Date('2026-11-23T09:00:00Z'), settings: { asOf: '2026-11-22' } } satisfies ActionContext);
  return { syncs: host.stats().syncs, rules: host.workbook.validations.length };
}

it('checkContacts with the contact rules takes at most one sync more than without', async () => {
  const without = await syncs(false);
  const withRules = await syncs(true);
  expect(without.rules).toBe(0);
  expect(withRules.rules).toBe(2);
  console.log(`checkContacts at 2,000 rows: ${without.syncs} syncs without the rules, ${withRules.syncs} with`);
  expect(withRules.syncs).toBeLessThanOrEqual(without.syncs + 1);
}, 60_000);
