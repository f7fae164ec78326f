/**
 * The pane's way into "Remove what the add-in added": runAction makes only the list unless the caller
 * confirms with `{ preview: false }`, so a click alone never removes anything; the result is worded.
 */
import { describeResult } from '../../src/addin/describeResult';
import { runAction } from '../../src/addin/runAction';
import { LEDGER, paneHost } from '../taskpane/paneHost';

describe("runAction('removeAdded')", () => {
  it('previews without writing, removes once confirmed, then finds nothing', async () => {
    const t = paneHost({ Clients: LEDGER });
    await runAction('checkContacts', t.host, 'en-US');
    await runAction('buildSummary', t.host, 'en-US');
    const sheets = t.sim.workbook.sheetNames();
    const values = t.sim.workbook.sheet('Clients').values();

    const preview = await runAction('removeAdded', t.host, 'en-US');
    if (preview.action !== 'removeAdded') throw new Error('wrong action');
    expect(preview.summary.applied).toBe(false);
    expect(preview.summary.columns[0]!.columns.map((c) => c.header)).toEqual(['Phone check', 'Phone (E.164)', 'Email check', 'Email suggestion', 'Value tier', 'Status', 'Lifecycle']);
    expect(t.sim.workbook.sheetNames()).toEqual(sheets);
    expect(t.sim.workbook.sheet('Clients').values()).toEqual(values);
    expect(describeResult(preview, 'en-US')).toMatch(/7 columns and 1 sheet .* Nothing was changed yet/);

    const done = await runAction('removeAdded', t.host, 'en-US', { removeAdded: { preview: false } });
    if (done.action !== 'removeAdded') throw new Error('wrong action');
    expect(done.summary.applied).toBe(true);
    expect(t.sim.workbook.sheet('Clients').values()).toEqual(LEDGER.map((r) => r.map((v) => v)));
    expect(describeResult(done, 'zh-CN')).toMatch(/^已移除助手添加的 7 列和 1 个工作表/);

    const again = await runAction('removeAdded', t.host, 'en-US', { removeAdded: { preview: false } });
    expect(describeResult(again, 'en-US')).toBe('Nothing the add-in added is left to remove.');
  });
});
