/** computeTiers with RFM: score and segment columns on the sample, kept by later runs, idempotent. */
import { computeTiers, type ActionContext } from '../../src/actions';
import { RFM_SEGMENT_WORDS } from '../../src/i18n/rfm';
import { analyzeSample } from '../helpers/samples';
import { sampleValues, simWith } from '../helpers/simLedger';

const ctxFor = (port: ActionContext['port']): ActionContext => ({ port, locale: 'zh-CN', now: new Date('2026-11-23T09:00:00Z'), settings: { asOf: '2026-11-22' } });

it('writes RFM scores and segments for every customer with a last activity, and keeps them on later runs', async () => {
  const { sheet, values } = await sampleValues('customers-zh');
  const { host, port } = simWith({ [sheet]: values });
  await computeTiers(ctxFor(port));
  expect(host.workbook.sheet(sheet).values()[0]).not.toContain('RFM 分群');

  const summary = await computeTiers(ctxFor(port), { rfm: true });
  const rows = host.workbook.sheet(sheet).values();
  const scoreCol = rows[0]!.indexOf('RFM 评分');
  const segCol = rows[0]!.indexOf('RFM 分群');
  expect(scoreCol).toBeGreaterThan(0);
  expect(segCol).toBe(scoreCol + 1);
  const { report } = await analyzeSample('customers-zh');
  const withActivity = report.rows.filter((r) => r.lastActivity !== null);
  const segments = Object.values(summary.rfmSegments!).reduce((a, b) => a + b, 0);
  expect(segments).toBe(withActivity.length);
  const words = new Set(Object.values(RFM_SEGMENT_WORDS['zh-CN']));
  for (const r of withActivity) {
    expect(String(rows[r.row - 1]![scoreCol])).toMatch(/^R[1-5] F[1-5] M[1-5]$/);
    expect(words.has(String(rows[r.row - 1]![segCol]))).toBe(true);
  }
  // A customer without any activity has no segment.
  for (const r of report.rows.filter((x) => x.lastActivity === null)) expect(rows[r.row - 1]![segCol]).toBe('');

  // Asked or not, a later run updates the same two columns: no copies, same cells.
  await computeTiers(ctxFor(port));
  const again = host.workbook.sheet(sheet).values();
  expect(again[0]!.filter((h) => h === 'RFM 分群')).toHaveLength(1);
  expect(again).toEqual(rows);
});
