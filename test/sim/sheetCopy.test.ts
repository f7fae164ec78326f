/**
 * Worksheet.copy and visibility in the simulator: a copy comes out visible whatever its source (the
 * stricter reading of what Excel does), the copy's visibility can be set in the same batch, and a
 * workbook keeps one visible sheet.
 */
import { createSimHost } from '../../src/sim';

function host() {
  const h = createSimHost();
  h.workbook.addSheet('Shown', [['a']]);
  h.workbook.addSheet('Secret', [['b']]);
  h.workbook.model.sheet('Secret')!.visibility = 'VeryHidden';
  return h;
}

describe('Worksheet.copy and visibility', () => {
  it('a very hidden sheet copies to a visible sheet with its values', async () => {
    const h = host();
    await h.Excel.run(async (c) => {
      const copy = c.workbook.worksheets.getItem('Secret').copy('End');
      copy.name = 'Copy';
      await c.sync();
    });
    expect(h.workbook.model.sheet('Copy')!.visibility).toBe('Visible');
    expect(h.workbook.sheet('Copy').values()).toEqual([['b']]);
  });

  it("the copy's visibility set in the same batch holds", async () => {
    const h = host();
    await h.Excel.run(async (c) => {
      const copy = c.workbook.worksheets.getItem('Secret').copy('End');
      copy.name = 'Copy';
      copy.visibility = 'VeryHidden' as Excel.SheetVisibility;
      await c.sync();
    });
    expect(h.workbook.model.sheet('Copy')!.visibility).toBe('VeryHidden');
  });

  it('refuses to hide or delete the last visible sheet', async () => {
    const h = host();
    await expect(h.Excel.run(async (c) => {
      c.workbook.worksheets.getItem('Shown').visibility = 'Hidden' as Excel.SheetVisibility;
      await c.sync();
    })).rejects.toMatchObject({ code: 'InvalidOperation' });
    await expect(h.Excel.run(async (c) => {
      c.workbook.worksheets.getItem('Shown').delete();
      await c.sync();
    })).rejects.toMatchObject({ code: 'InvalidOperation' });
    expect(h.workbook.model.sheet('Shown')!.visibility).toBe('Visible');
  });

  it('lists visibility and reads A1 of every sheet, hidden ones included', async () => {
    const h = host();
    const got = await h.Excel.run(async (c) => {
      const sheets = c.workbook.worksheets.load('items/name,items/visibility');
      await c.sync();
      const a1 = sheets.items.map((ws) => ws.getRange('A1').load('values'));
      await c.sync();
      return sheets.items.map((ws, i) => [ws.name, ws.visibility, a1[i]!.values[0]![0]]);
    });
    expect(got).toEqual([['Shown', 'Visible', 'a'], ['Secret', 'VeryHidden', 'b']]);
  });
});
