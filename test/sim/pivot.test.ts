import { createSimHost } from '../../src/sim';

const data = [
  ['Region', 'Tier', 'Amount'],
  ['West', 'high', 100],
  ['East', 'low', 10],
  ['East', 'high', 50],
  ['West', 'low', 5],
  ['East', 'low', 20],
];

describe('PivotTables compute their numbers', () => {
  it('writes row labels, sums and a grand total; summarizeBy changes the numbers', async () => {
    const host = createSimHost();
    host.workbook.addSheet('Data', data);
    host.workbook.addSheet('Summary');
    await host.Excel.run(async (context) => {
      const src = context.workbook.worksheets.getItem('Data').getRange('A1:C6');
      const pivot = context.workbook.worksheets.getItem('Summary').pivotTables.add('ByRegion', src, 'Summary!A3');
      pivot.rowHierarchies.add(pivot.hierarchies.getItem('Region'));
      const amount = pivot.dataHierarchies.add(pivot.hierarchies.getItem('Amount'));
      amount.load('summarizeBy, name');
      const body = pivot.layout.getDataBodyRange().load('address, values');
      await context.sync();
      expect(amount.summarizeBy).toBe('Sum');
      expect(amount.name).toBe('Sum of Amount');
      expect(body.address).toBe('Summary!B4:B6');
      expect(body.values).toEqual([[80], [105], [185]]);
      amount.summarizeBy = host.Excel.AggregationFunction.count;
      await context.sync();
    });
    expect(host.workbook.sheet('Summary').values().slice(2)).toEqual([
      ['Row Labels', 'Count of Amount'],
      ['East', 3],
      ['West', 2],
      ['Grand Total', 5],
    ]);
  });

  it('crosses rows and columns, and only refresh() picks up source changes', async () => {
    const host = createSimHost();
    host.workbook.addSheet('Data', data);
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      const pivot = sheet.pivotTables.add('Cross', 'Data!A1:C6', sheet.getRange('F1'));
      pivot.rowHierarchies.add(pivot.hierarchies.getItem('Region'));
      pivot.columnHierarchies.add(pivot.hierarchies.getItem('Tier'));
      pivot.dataHierarchies.add(pivot.hierarchies.getItem('Amount'));
      await context.sync();
    });
    const grid = () => host.workbook.sheet('Data').values().map((row) => row.slice(5, 9));
    expect(grid().slice(0, 5)).toEqual([
      ['Sum of Amount', 'Column Labels', '', ''],
      ['Row Labels', 'high', 'low', 'Grand Total'],
      ['East', 50, 30, 80],
      ['West', 100, 5, 105],
      ['Grand Total', 150, 35, 185],
    ]);
    host.workbook.sheet('Data').write('C2', [[1000]]);
    expect(grid()[3]).toEqual(['West', 100, 5, 105]);
    await host.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Data').pivotTables.getItem('Cross').refresh();
    });
    expect(grid()[3]).toEqual(['West', 1000, 5, 1005]);
  });
});
