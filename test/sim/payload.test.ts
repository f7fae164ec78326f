import { createSimHost } from '../../src/sim';

describe('payload limits and sync accounting', () => {
  it('counts every sync and measures request and response bytes', async () => {
    const host = createSimHost();
    host.workbook.addSheet('S', [['héllo']]);
    await host.Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem('S').getRange('A1').load('values');
      await context.sync();
      await context.sync();
      expect(r.values).toEqual([['héllo']]);
    });
    const s = host.stats();
    expect(s.syncs).toBe(2);
    expect(s.largestResponseBytes).toBeGreaterThan('[["héllo"]]'.length);
    expect(s.bytesRead).toBeGreaterThan(0);
    host.resetStats();
    expect(host.stats().syncs).toBe(0);
  });

  it('rejects a request above the limit and applies nothing of that batch', async () => {
    const host = createSimHost();
    host.workbook.addSheet('S');
    const rows = 100_000;
    const big = Array.from({ length: rows }, (_, i) => [`name ${i}`, `+86138${String(i).padStart(8, '0')}`, 'someone@example.com', '北京市朝阳区', 'note']);
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('H1').values = [['small write first']];
      sheet.getRange(`A1:E${rows}`).values = big;
      await expect(context.sync()).rejects.toMatchObject({ name: 'RichApi.Error', code: 'RequestPayloadSizeLimitExceeded' });
    });
    expect(host.workbook.sheet('S').cell('H1').value).toBe('');
    expect(host.stats().largestRequestBytes).toBeGreaterThan(5 * 1024 * 1024);
  });

  it('accepts the same data written in chunks under the limit', async () => {
    const host = createSimHost();
    host.workbook.addSheet('S');
    const chunk = Array.from({ length: 20_000 }, (_, i) => [`name ${i}`, i]);
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('A1:B20000').values = chunk;
      await context.sync();
      sheet.getRange('A20001:B40000').values = chunk;
      await context.sync();
    });
    expect(host.workbook.sheet('S').usedAddress()).toBe('A1:B40000');
    expect(host.stats().largestRequestBytes).toBeLessThan(5 * 1024 * 1024);
  });

  it('rejects a response above the limit', async () => {
    const host = createSimHost({ payloadLimitBytes: 1000 });
    host.workbook.addSheet('S', Array.from({ length: 200 }, (_, i) => [`row ${i}`]));
    await host.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1:A200').load('values');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    });
  });

  it('refuses to read more than 5,000,000 cells in one range', async () => {
    const host = createSimHost();
    host.workbook.addSheet('S');
    await host.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A:E').load('values');
      await expect(context.sync()).rejects.toMatchObject({ code: 'RangeExceedsLimit' });
    });
  });
});
