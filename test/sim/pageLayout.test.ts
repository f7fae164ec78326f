/**
 * The simulator's Worksheet.pageLayout (ExcelApi 1.9): refused below 1.9, values only after load and
 * sync, zoom set as a whole object, print title rows whole rows of the sheet.
 */
import { createSimHost } from '../../src/sim';

function hostWith(version: string) {
  const host = createSimHost({ requirementSets: { ExcelApi: version } });
  host.workbook.addSheet('S', [['Title'], ['Count'], ['A', 'B']]);
  host.workbook.addSheet('Other');
  return host;
}

describe('Worksheet.pageLayout (simulator)', () => {
  it('is refused with ApiNotFound below ExcelApi 1.9, and nothing is changed', async () => {
    const host = hostWith('1.8');
    await host.Excel.run(async (context) => {
      const layout = context.workbook.worksheets.getItem('S').pageLayout;
      layout.orientation = 'Landscape';
      await expect(context.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
      layout.setPrintTitleRows('$1:$3');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      await expect(context.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
      layout.load('orientation');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
    });
    expect(host.workbook.sheet('S').pageLayout).toEqual({ orientation: 'Portrait', printTitleRows: null, zoom: { scale: 100 } });
  });

  it('stores orientation, zoom and print titles at sync; reads them only after load and sync', async () => {
    const host = hostWith('1.9');
    await host.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      const fresh = ws.pageLayout;
      expect(() => fresh.orientation).toThrow(/not available/);
      ws.pageLayout.orientation = 'Landscape';
      ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      ws.pageLayout.setPrintTitleRows('$1:$3');
      expect(host.workbook.sheet('S').pageLayout.orientation).toBe('Portrait'); // queued, not yet sent
      await context.sync();
      const again = context.workbook.worksheets.getItem('S').pageLayout.load('orientation,zoom');
      const titles = context.workbook.worksheets.getItem('S').pageLayout.getPrintTitleRows().load('address');
      expect(() => again.orientation).toThrow(/not available/);
      await context.sync();
      expect(again.orientation).toBe('Landscape');
      expect(again.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
      expect((titles as unknown as { address: string }).address).toBe('S!1:3');
    });
    expect(host.workbook.sheet('S').pageLayout).toEqual({ orientation: 'Landscape', printTitleRows: '$1:$3', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    // Another sheet keeps its own settings.
    expect(host.workbook.sheet('Other').pageLayout.printTitleRows).toBeNull();
  });

  it('refuses what Excel cannot mean: a bad orientation, a mixed zoom, title rows that are not whole rows', async () => {
    const host = hostWith('1.10');
    await host.Excel.run(async (context) => {
      const layout = context.workbook.worksheets.getItem('S').pageLayout;
      (layout as unknown as { orientation: string }).orientation = 'Sideways';
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      layout.zoom = { scale: 80, horizontalFitToPages: 1 };
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      layout.zoom = { scale: 5 };
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      layout.setPrintTitleRows('A1:C3');
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      layout.setPrintTitleRows('Other!$1:$2');
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      const none = layout.getPrintTitleRowsOrNullObject();
      none.load('address');
      await context.sync();
      expect(none.isNullObject).toBe(true);
      layout.getPrintTitleRows().load('address');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
    expect(host.workbook.sheet('S').pageLayout).toEqual({ orientation: 'Portrait', printTitleRows: null, zoom: { scale: 100 } });
  });

  it('a copy of the sheet prints as the sheet does', async () => {
    const host = hostWith('1.10');
    await host.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.pageLayout.orientation = 'Landscape';
      ws.pageLayout.setPrintTitleRows(ws.getRange('2:3'));
      ws.copy('End');
      await context.sync();
    });
    expect(host.workbook.sheet('S (2)').pageLayout).toMatchObject({ orientation: 'Landscape', printTitleRows: '$2:$3' });
  });
});
