import { createSimHost } from '../../src/sim';

describe('proxy objects and load/sync', () => {
  const host = createSimHost();
  host.workbook.addSheet('Sheet1', [['a', 1], ['b', 2]]);

  it('reading a property that was not loaded throws PropertyNotLoaded', async () => {
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      const range = sheet.getRange('A1:B2');
      expect(() => range.values).toThrow(expect.objectContaining({ name: 'RichApi.Error', code: 'PropertyNotLoaded' }));
      range.load('address');
      // Loading is queued: still not readable before sync.
      expect(() => range.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.address).toBe('Sheet1!A1:B2');
      // Only what was loaded is readable.
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      expect(() => sheet.name).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('supports string, array and select load options, and collections', async () => {
    await host.Excel.run(async (context) => {
      const a = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B2').load('values, rowCount');
      const b = context.workbook.worksheets.getItem('Sheet1').getRange('B2').load(['formulas']);
      const s = context.workbook.worksheets.getItem('Sheet1').load({ select: 'name' });
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      sheets.load('items/name');
      await context.sync();
      expect(a.values).toEqual([['a', 1], ['b', 2]]);
      expect(a.rowCount).toBe(2);
      expect(b.formulas).toEqual([[2]]);
      expect(s.name).toBe('Sheet1');
      expect(sheets.items.map((x) => x.name)).toEqual(['Sheet1']);
    });
  });

  it('getItem of a missing sheet fails at sync with ItemNotFound; getItemOrNullObject gives a null object', async () => {
    await host.Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItem('Nope');
      missing.load('name');
      await expect(context.sync()).rejects.toMatchObject({ name: 'RichApi.Error', code: 'ItemNotFound' });
      const maybe = context.workbook.worksheets.getItemOrNullObject('Nope');
      expect(() => maybe.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      maybe.load('name');
      const present = context.workbook.worksheets.getItemOrNullObject('sheet1').load('name');
      await context.sync();
      expect(maybe.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(present.name).toBe('Sheet1');
    });
  });

  it('a set property reads back the value that was set (as Office.js keeps it client-side)', async () => {
    await host.Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Sheet1').getRange('D1');
      r.values = [['x']];
      expect(r.values).toEqual([['x']]);
      await context.sync();
    });
  });

  it('getCount returns a ClientResult readable after sync', async () => {
    await host.Excel.run(async (context) => {
      const n = context.workbook.worksheets.getCount();
      expect(() => n.value).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(n.value).toBe(1);
    });
  });
});
