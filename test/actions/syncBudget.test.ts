/**
 * DESIGN's round-trip budget at 100,000 rows: an action uses at most ceil(bytes read / 4 MB) +
 * ceil(bytes written / 4 MB) + 4 syncs, and no request or response above 5 MB. Counts, not timings.
 */
import { buildSummary, checkContacts, computeTiers, findDuplicates, type ActionContext } from '../../src/actions';
import { generateLedger } from '../helpers/generateLedger';
import { simWith } from '../helpers/simLedger';

const MB4 = 4 * 1024 * 1024;
const ROWS = 100_000;

const actions: [string, (ctx: ActionContext) => Promise<unknown>][] = [
  ['checkContacts', (ctx) => checkContacts(ctx)],
  ['computeTiers', (ctx) => computeTiers(ctx)],
  ['findDuplicates', (ctx) => findDuplicates(ctx)],
  ['buildSummary', (ctx) => buildSummary(ctx)],
];

describe(`sync budget at ${ROWS} rows`, () => {
  const values = generateLedger(ROWS);
  it.each(actions)('%s', async (_name, run) => {
    const { host, port } = simWith({ 客户信息: values });
    host.resetStats();
    await run({ port, locale: 'zh-CN', now: new Date('2026-11-23T09:00:00Z'), settings: { asOf: '2026-11-22' } });
    const s = host.stats();
    const budget = Math.ceil(s.bytesRead / MB4) + Math.ceil(s.bytesWritten / MB4) + 4;
    console.log(`${_name}: ${s.syncs} syncs (budget ${budget}), read ${(s.bytesRead / 1e6).toFixed(1)} MB, wrote ${(s.bytesWritten / 1e6).toFixed(1)} MB, largest request ${(s.largestRequestBytes / 1e6).toFixed(2)} MB, largest response ${(s.largestResponseBytes / 1e6).toFixed(2)} MB`);
    expect(s.largestRequestBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(s.largestResponseBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(s.syncs).toBeLessThanOrEqual(budget);
  }, 120_000);
});
