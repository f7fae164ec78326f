/**
 * Table.resize (ExcelApi 1.13) in the simulator: what Excel documents it refuses (headers moved, no
 * data row, no overlap, another table or merged cells in the way), what the simulator refuses where
 * unsure (other columns, a totals row), and that writing below a table does not grow it by itself.
 */
import { createSimHost } from '../../src/sim';

function host(api = '1.17') {
  const h = createSimHost({ requirementSets: { ExcelApi: api } });
  h.workbook.addSheet('S', [
    ['Name', 'Phone'],
    ['A', '1'],
    [null, null],
    [null, null],
    [null, null],
    [null, null],
    [null, null],
    [null, null],
    [null, null],
  ]);
  return h;
}

async function resize(h: ReturnType<typeof host>, to: string, setUp?: (ws: Excel.Worksheet) => void): Promise<string> {
  return h.Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem('S');
    ws.tables.add('A1:B2', true).name = 'T';
    await context.sync();
    setUp?.(ws);
    await context.sync();
    ws.tables.getItem('T').resize(to);
    const range = ws.tables.getItem('T').getRange().load('address');
    try {
      await context.sync();
      return range.address;
    } catch (e) {
      return (e as { code: string }).code;
    }
  });
}

describe('Table.resize', () => {
  it('grows a table down; a value written below it stays outside', async () => {
    const h = host();
    const grown = await h.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.tables.add('A1:B2', true).name = 'T';
      ws.getRange('A3:B3').values = [['B', '2']];
      const before = ws.tables.getItem('T').getRange().load('address');
      await context.sync();
      expect(before.address).toBe('S!A1:B2');
      ws.tables.getItem('T').resize(ws.getRange('A1:B4'));
      const after = ws.tables.getItem('T').getRange().load('address');
      await context.sync();
      return after.address;
    });
    expect(grown).toBe('S!A1:B4');
    expect(h.workbook.tables.find((t) => t.name === 'T')?.address).toBe('S!A1:B4');
  });

  it.each([
    ['the header row moved', 'A2:B5', 'InvalidArgument'],
    ['no data row', 'A1:B1', 'InvalidArgument'],
    ['other columns', 'A1:C5', 'InvalidArgument'],
  ])('refuses %s', async (_what, to, code) => {
    expect(await resize(host(), to)).toBe(code);
  });

  it('refuses another table or merged cells in the new range, and a table with a totals row', async () => {
    expect(await resize(host(), 'A1:B6', (ws) => void ws.tables.add('A5:B6', true))).toBe('InvalidOperation');
    expect(await resize(host(), 'A1:B6', (ws) => ws.getRange('A4:B4').merge())).toBe('InvalidOperation');
    expect(await resize(host(), 'A1:B6', (ws) => { ws.tables.getItem('T').showTotals = true; })).toBe('InvalidOperation');
  });

  it('needs ExcelApi 1.13', async () => {
    expect(await resize(host('1.12'), 'A1:B4')).toBe('ApiNotFound');
  });
});

describe('whole rows deleted through a table', () => {
  it('shrink it, move a table below up, take a table wholly inside with them; its header row alone is refused', async () => {
    const h = host();
    await h.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.getRange('A3:B4').values = [['B', '2'], ['C', '3']];
      ws.getRange('A6:B7').values = [['X', 'Y'], ['1', '2']];
      ws.tables.add('A1:B4', true).name = 'T';
      ws.tables.add('A6:B7', true).name = 'U';
      await context.sync();
      ws.getRange('3:3').delete('Up');
      await context.sync();
      expect(h.workbook.tables.map((t) => [t.name, t.address])).toEqual([['T', 'S!A1:B3'], ['U', 'S!A5:B6']]);
      ws.getRange('1:1').delete('Up');
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
      ws.getRange('2:3').delete('Up');
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
      ws.getRange('5:6').delete('Up');
      await context.sync();
      expect(h.workbook.tables.map((t) => [t.name, t.address])).toEqual([['T', 'S!A1:B3']]);
      // A totals row (row 4 now) goes only with its table.
      ws.tables.getItem('T').showTotals = true;
      await context.sync();
      ws.getRange('4:4').delete('Up');
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
      ws.getRange('3:4').delete('Up');
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    });
  });
});
