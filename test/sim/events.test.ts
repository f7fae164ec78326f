import { createSimHost, type SimOptions } from '../../src/sim';

type Args = Excel.WorksheetChangedEventArgs;

/** A host with sheet S (and Other), and a handler on S that records what it is given. */
async function watched(options: SimOptions = {}) {
  const host = createSimHost(options);
  host.workbook.addSheet('S', [['a', 'b'], ['c', 'd']]);
  host.workbook.addSheet('Other', [['x']]);
  const seen: Args[] = [];
  let registration: OfficeExtension.EventHandlerResult<Args> | undefined;
  await host.Excel.run(async (context) => {
    registration = context.workbook.worksheets.getItem('S').onChanged.add(async (e) => {
      seen.push(e);
    });
    await context.sync();
  });
  return { host, seen, registration: () => registration! };
}

const settle = (ms = 0) => new Promise((r) => setTimeout(r, ms + 5));

describe('Worksheet.onChanged', () => {
  it('calls registered handlers with Excel-shaped args; details only for single cells; remove() stops them', async () => {
    const { host, seen, registration } = await watched();
    host.workbook.sheet('S').write('A1', [['new']]);
    await host.fireChanged('S', 'A1', { valueBefore: 'a' });
    await host.fireChanged('S', 'A1:B1');
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatchObject({ address: 'A1', changeType: 'RangeEdited', source: 'Local', triggerSource: 'Unknown', worksheetId: host.workbook.sheet('S').id, details: { valueAfter: 'new', valueBefore: 'a' } });
    expect(seen[1]?.details).toBeUndefined();
    // The handler can read the changed range in a new batch.
    const values = await host.Excel.run(async (context) => {
      const r = (seen[0] as Args).getRange(context).load('values');
      await context.sync();
      return r.values;
    });
    expect(values).toEqual([['new']]);
    const r = registration();
    await host.Excel.run(r.context, async (context) => {
      r.remove();
      await context.sync();
    });
    await host.fireChanged('S', 'A1');
    expect(seen).toHaveLength(2);
  });

  it("fires for the add-in's own writes: after the sync, not inside it, marked ThisLocalAddin (ExcelApi 1.14)", async () => {
    const { host, seen } = await watched();
    await host.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.getRange('A2:B2').values = [['1', '2']];
      ws.getRange('C5').formulas = [['=1+1']];
      await context.sync();
      expect(seen).toHaveLength(0); // delivered later, as Excel's events are
    });
    await settle();
    expect(seen.map((e) => [e.address, e.changeType, e.triggerSource, e.source])).toEqual([
      ['A2:B2', 'RangeEdited', 'ThisLocalAddin', 'Local'],
      ['C5', 'RangeEdited', 'ThisLocalAddin', 'Local'],
    ]);
    expect(seen[1]?.details).toMatchObject({ valueAfter: 2 });
  });

  it('fires for clearing contents and deleting rows, not for formats or for writes to a sheet nobody watches', async () => {
    const { host, seen } = await watched();
    await host.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.getRange('A1:B1').format.fill.color = '#FF0000';
      ws.getRange('A1:B1').numberFormat = [['@', '@']];
      context.workbook.worksheets.getItem('Other').getRange('A1').values = [['y']];
      await context.sync();
      ws.getRange('B2').clear('Contents');
      ws.getRange('3:4').delete('Up');
      await context.sync();
    });
    await settle();
    expect(seen.map((e) => [e.address, e.changeType])).toEqual([['B2', 'RangeEdited'], ['3:4', 'RowDeleted']]);
  });

  it('says nothing about the trigger below ExcelApi 1.14 (the property is not there), for own writes and user edits alike', async () => {
    const { host, seen } = await watched({ requirementSets: { ExcelApi: '1.13' } });
    await host.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1').values = [['mine']];
    });
    await settle();
    await host.fireChanged('S', 'B1');
    expect(seen).toHaveLength(2);
    for (const e of seen) expect('triggerSource' in e).toBe(false);
  });

  it("a co-author's edit comes with source Remote", async () => {
    const { host, seen } = await watched();
    await host.fireChanged('S', 'B1', { source: 'Remote' });
    expect(seen[0]).toMatchObject({ source: 'Remote', triggerSource: 'Unknown' });
  });

  it('can deliver own-write events late, as Excel on the web does (changedEventDelayMs)', async () => {
    const { host, seen } = await watched({ changedEventDelayMs: 60 });
    await host.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1').values = [['late']];
    });
    await settle(10);
    expect(seen).toHaveLength(0);
    await settle(60);
    expect(seen).toHaveLength(1);
  });

  it('a sync that fails part-way still reports the writes it made (Office.js is not transactional)', async () => {
    const { host, seen } = await watched();
    await host.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.getRange('A1').values = [['kept']];
      ws.getRange('A1:B1').values = [['one value for two cells']];
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    await settle();
    expect(seen.map((e) => e.address)).toEqual(['A1']);
  });

  it('a handler is removed only through the context it was added with (Excel.run(result.context, …)); another context fails silently', async () => {
    const { host, seen, registration } = await watched();
    const r = registration();
    await host.Excel.run(async (context) => {
      r.remove(); // queued on r.context, which this batch never syncs
      await context.sync();
    });
    await host.fireChanged('S', 'A1');
    expect(seen).toHaveLength(1);
    await host.Excel.run(r.context, async (context) => {
      expect(context).toBe(r.context);
      r.remove();
      await context.sync();
    });
    await host.fireChanged('S', 'A1');
    expect(seen).toHaveLength(1);
  });
});
