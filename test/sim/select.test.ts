/** Range.select() and Worksheet.activate(): what the pane's "go to cell" relies on. */
import { createSimHost } from '../../src/sim';

describe('select', () => {
  it('activates the range\'s sheet and selects the range, read back through getSelectedRange', async () => {
    const host = createSimHost();
    host.workbook.addSheet('One').seed('A1', [[1]]);
    host.workbook.addSheet('Two').seed('A1', [[2]]);
    const address = await host.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Two').getRange('C5').select();
      await context.sync();
      const selected = context.workbook.getSelectedRange();
      selected.load('address');
      await context.sync();
      return selected.address;
    });
    expect(address).toBe('Two!C5');
    expect(host.workbook.model.activeSheet?.name).toBe('Two');
  });

  it('fails on a sheet that does not exist, at sync', async () => {
    const host = createSimHost();
    host.workbook.addSheet('One');
    await expect(host.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Nope').getRange('A1').select();
      await context.sync();
    })).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
});
