import { createSimHost } from '../../src/sim';

describe('Worksheet.onChanged', () => {
  it('calls registered handlers with Excel-shaped args; details only for single cells; remove() stops them', async () => {
    const host = createSimHost();
    host.workbook.addSheet('S', [['a', 'b']]);
    const seen: Excel.WorksheetChangedEventArgs[] = [];
    let registration: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | undefined;
    await host.Excel.run(async (context) => {
      registration = context.workbook.worksheets.getItem('S').onChanged.add(async (e) => {
        seen.push(e);
      });
      await context.sync();
    });
    host.workbook.sheet('S').write('A1', [['new']]);
    await host.fireChanged('S', 'A1', { valueBefore: 'a' });
    await host.fireChanged('S', 'A1:B1');
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatchObject({ address: 'A1', changeType: 'RangeEdited', source: 'Local', worksheetId: host.workbook.sheet('S').id, details: { valueAfter: 'new', valueBefore: 'a' } });
    expect(seen[1]?.details).toBeUndefined();
    // The handler can read the changed range in a new batch.
    const values = await host.Excel.run(async (context) => {
      const r = (seen[0] as Excel.WorksheetChangedEventArgs).getRange(context).load('values');
      await context.sync();
      return r.values;
    });
    expect(values).toEqual([['new']]);
    await host.Excel.run(async (context) => {
      void context;
      registration?.remove();
      await registration?.context.sync();
    });
    await host.fireChanged('S', 'A1');
    expect(seen).toHaveLength(2);
  });
});
