import { createSimHost } from '../../src/sim';

describe('queued, non-transactional writes', () => {
  it('applies writes only at sync, in order', async () => {
    const host = createSimHost();
    host.workbook.addSheet('S');
    await host.Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem('S').getRange('A1');
      r.values = [['first']];
      r.values = [['second']];
      r.format.fill.color = '#ff0000';
      expect(host.workbook.sheet('S').cell('A1').value).toBe('');
      await context.sync();
      expect(host.workbook.sheet('S').cell('A1').value).toBe('second');
      expect(host.workbook.sheet('S').cell('A1').fill).toBe('#FF0000');
    });
  });

  it('keeps the operations before a failure and rejects with AccessDenied on a protected sheet', async () => {
    const host = createSimHost();
    host.workbook.addSheet('Open');
    host.workbook.addSheet('Locked').protect();
    await host.Excel.run(async (context) => {
      const ws = context.workbook.worksheets;
      ws.getItem('Open').getRange('A1').values = [['before']];
      ws.getItem('Locked').getRange('A1').values = [['blocked']];
      ws.getItem('Open').getRange('A2').values = [['after']];
      await expect(context.sync()).rejects.toMatchObject({ name: 'RichApi.Error', code: 'AccessDenied' });
    });
    expect(host.workbook.sheet('Open').cell('A1').value).toBe('before');
    expect(host.workbook.sheet('Locked').cell('A1').value).toBe('');
    expect(host.workbook.sheet('Open').cell('A2').value).toBe('');
  });

  it('rejects a values array of the wrong shape with InvalidArgument, and a bad address', async () => {
    const host = createSimHost();
    host.workbook.addSheet('S');
    await host.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1:B2').values = [['only one row', 'x']];
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      context.workbook.worksheets.getItem('S').getRange('NOT AN ADDRESS').load('values');
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
  });

  it('Excel.run sends what is still queued when the batch ends', async () => {
    const host = createSimHost();
    host.workbook.addSheet('S');
    await host.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('C3').values = [[42]];
    });
    expect(host.workbook.sheet('S').cell('C3').value).toBe(42);
    expect(host.stats().syncs).toBe(1);
  });

  it('adds sheets, tables, freeze panes and charts', async () => {
    const host = createSimHost();
    host.workbook.addSheet('Data', [['Name', 'Region', 'Amount'], ['a', 'East', 1], ['b', 'West', 2]]);
    await host.Excel.run(async (context) => {
      const added = context.workbook.worksheets.add('New');
      added.load('name, position');
      const data = context.workbook.worksheets.getItem('Data');
      const table = data.tables.add('Data!A1:C3', true);
      table.load('name');
      data.freezePanes.freezeRows(1);
      const chart = data.charts.add('ColumnClustered', data.getRange('A1:C3'), 'Auto');
      chart.title.text = 'By name';
      const body = table.getDataBodyRange().load('address');
      table.rows.add(undefined, [['c', 'East', 3]]);
      const body2 = table.getDataBodyRange().load('address');
      const loc = data.freezePanes.getLocationOrNullObject().load('address');
      await context.sync();
      expect(added.name).toBe('New');
      expect(added.position).toBe(1);
      expect(table.name).toBe('Table1');
      expect(body.address).toBe('Data!A2:C3');
      expect(body2.address).toBe('Data!A2:C4');
      expect(loc.address).toBe('Data!1:1');
    });
    expect(host.workbook.sheetNames()).toEqual(['Data', 'New']);
    expect(host.workbook.tables[0]).toMatchObject({ name: 'Table1', address: 'Data!A1:C4', columns: ['Name', 'Region', 'Amount'] });
    expect(host.workbook.sheet('Data').freeze).toEqual({ rows: 1, columns: 0 });
    expect(host.workbook.charts[0]).toMatchObject({ type: 'ColumnClustered', title: 'By name', source: 'Data!A1:C3' });
  });
});
