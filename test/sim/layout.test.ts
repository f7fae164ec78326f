/** The simulator's merged cells, hidden rows and columns, and AutoFilter behave as Excel's. */
import { createSimHost } from '../../src/sim';

function host(api = '1.17') {
  const h = createSimHost({ requirementSets: { ExcelApi: api } });
  h.workbook.addSheet('S', [
    ['Name', 'City', 'Amount'],
    ['A', 'Beijing', 10],
    ['B', 'Shanghai', 60],
    ['C', 'Beijing', 30],
    ['D', 'Guangzhou', 90],
  ]);
  return h;
}

describe('merged cells', () => {
  it('keeps the top-left value, refuses a value in another cell of the area, allows emptying it', async () => {
    const h = host();
    await h.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.getRange('A2:B2').merge();
      await context.sync();
      const merged = ws.getRange('A2:B2').load('values');
      const areas = ws.getRange('A1:C5').getMergedAreasOrNullObject().load('address,areaCount,cellCount');
      const none = ws.getRange('C1:C5').getMergedAreasOrNullObject().load('address');
      await context.sync();
      expect(merged.values).toEqual([['A', '']]);
      expect({ address: areas.address, n: areas.areaCount, cells: areas.cellCount }).toEqual({ address: 'S!A2:B2', n: 1, cells: 2 });
      expect(none.isNullObject).toBe(true);

      ws.getRange('B2').values = [['x']];
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation', message: expect.stringMatching(/merged cell/) });
      ws.getRange('A2:C2').values = [['A2', 'x', 1]];
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
      // The whole write failed: nothing of it is there.
      expect(h.workbook.sheet('S').cell('C2').value).toBe(10);
      ws.getRange('A2:C2').values = [['A2', '', 11]];
      ws.getRange('B2').values = [['']];
      await context.sync();
    });
    const s = h.workbook.sheet('S');
    expect(s.cell('A2').value).toBe('A2');
    expect(s.cell('C2').value).toBe(11);
    expect(s.merges()).toEqual(['A2:B2']);
  });

  it('merges across, unmerges, refuses partial overlaps and tables over merges; whole-row deletes shrink or move merges', async () => {
    const h = host();
    await h.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.getRange('A3:B4').merge(true);
      ws.getRange('C2:C4').merge();
      await context.sync();
      expect(h.workbook.sheet('S').merges()).toEqual(['A3:B3', 'A4:B4', 'C2:C4']);
      expect(h.workbook.sheet('S').cell('B3').value).toBe('');
      expect(h.workbook.sheet('S').cell('C4').value).toBe('');
      ws.getRange('B4:C5').merge();
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
      ws.tables.add('A1:C5', true);
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation', message: expect.stringMatching(/merged/) });
      ws.getRange('3:3').delete('Up');
      await context.sync();
      expect(h.workbook.sheet('S').merges()).toEqual(['A3:B3', 'C2:C3']);
      ws.getRange('A3').unmerge();
      await context.sync();
      // A partial delete through a merged area is refused.
      ws.getRange('C2:C2').delete('Up');
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    });
    expect(h.workbook.sheet('S').merges()).toEqual(['C2:C3']);
  });

  it('a copied sheet keeps its merges, hidden rows and filter', async () => {
    const h = host();
    h.workbook.sheet('S').merge('A1:B1');
    await h.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.getRange('3:3').rowHidden = true;
      ws.autoFilter.apply(ws.getRange('A1:C5'), 2, { filterOn: 'Custom', criterion1: '>50' });
      ws.copy('End').name = 'Copy';
      await context.sync();
    });
    const copy = h.workbook.sheet('Copy');
    expect(copy.merges()).toEqual(['A1:B1']);
    expect(copy.hiddenRows()).toEqual(h.workbook.sheet('S').hiddenRows());
    expect(copy.autoFilter()).toEqual(h.workbook.sheet('S').autoFilter());
  });
});

describe('hidden rows and columns', () => {
  it('hide and show through Range.rowHidden / columnHidden (Range.format has neither in Office.js); values of hidden cells are read and written as any', async () => {
    const h = host();
    await h.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.getRange('3:4').rowHidden = true;
      ws.getRange('B:B').columnHidden = true;
      expect('rowHidden' in ws.getRange('A1').format).toBe(false);
      await context.sync();
      const all = ws.getRange('A2:A5').load('rowHidden');
      const some = ws.getRange('A3:A4').load('rowHidden');
      const col = ws.getRange('B1').load('columnHidden');
      const values = ws.getRange('A3:C4').load('values');
      await context.sync();
      expect(all.rowHidden).toBeNull();
      expect(some.rowHidden).toBe(true);
      expect(col.columnHidden).toBe(true);
      expect(values.values).toEqual([['B', 'Shanghai', 60], ['C', 'Beijing', 30]]);
      ws.getRange('B3').values = [['Hangzhou']];
      ws.getRange('4:4').rowHidden = false;
      await context.sync();
    });
    const s = h.workbook.sheet('S');
    expect(s.cell('B3').value).toBe('Hangzhou');
    expect(s.hiddenRows()).toEqual([3]);
    expect(s.hiddenColumns()).toEqual(['B']);
  });

  it('hidden rows move up with a whole-row delete above them', async () => {
    const h = host();
    await h.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.getRange('5:5').rowHidden = true;
      ws.getRange('2:3').delete('Up');
      await context.sync();
    });
    expect(h.workbook.sheet('S').hiddenRows()).toEqual([3]);
  });
});

describe('AutoFilter', () => {
  it('hides the rows its criteria reject; values of filtered-out rows are still read and written', async () => {
    const h = host();
    await h.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      const f = ws.autoFilter;
      f.load('enabled,isDataFiltered');
      await context.sync();
      expect({ enabled: f.enabled, filtered: f.isDataFiltered }).toEqual({ enabled: false, filtered: false });
      f.apply(ws.getRange('A1:C5'), 1, { filterOn: 'Values', values: ['Beijing'] });
      f.load('enabled,isDataFiltered,criteria');
      const hidden = ws.getRange('A3').load('rowHidden');
      const shown = ws.getRange('A2').load('rowHidden');
      const values = ws.getRange('A1:C5').load('values');
      await context.sync();
      expect({ enabled: f.enabled, filtered: f.isDataFiltered }).toEqual({ enabled: true, filtered: true });
      expect(f.criteria[1]).toMatchObject({ filterOn: 'Values', values: ['Beijing'] });
      expect(hidden.rowHidden).toBe(true);
      expect(shown.rowHidden).toBe(false);
      expect(values.values.length).toBe(5);
      ws.getRange('C3').values = [[61]];
      await context.sync();
    });
    const s = h.workbook.sheet('S');
    expect(s.hiddenRows()).toEqual([3, 5]);
    expect(s.cell('C3').value).toBe(61);
  });

  it('custom criteria with And/Or; clearCriteria shows all but keeps the filter; remove takes it away', async () => {
    const h = host();
    await h.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.autoFilter.apply('A1:C5', 2, { filterOn: 'Custom', criterion1: '>=30', criterion2: '<90', operator: 'And' });
      await context.sync();
      expect(h.workbook.sheet('S').hiddenRows()).toEqual([2, 5]);
      ws.autoFilter.apply('A1:C5', 0, { filterOn: 'Custom', criterion1: '=B', criterion2: '=C', operator: 'Or' });
      await context.sync();
      expect(h.workbook.sheet('S').hiddenRows()).toEqual([2, 5]);
      ws.autoFilter.apply('A1:C5', 0, { filterOn: 'Custom', criterion1: '<>B' });
      await context.sync();
      expect(h.workbook.sheet('S').hiddenRows()).toEqual([2, 3, 5]);
      ws.autoFilter.clearCriteria();
      ws.autoFilter.load('enabled,isDataFiltered');
      await context.sync();
      expect({ e: ws.autoFilter.enabled, f: ws.autoFilter.isDataFiltered, hidden: h.workbook.sheet('S').hiddenRows() }).toEqual({ e: true, f: false, hidden: [] });
      ws.autoFilter.remove();
      const range = ws.autoFilter.getRangeOrNullObject().load('address');
      await context.sync();
      expect(range.isNullObject).toBe(true);
      ws.autoFilter.apply('A1:C5', 0, { filterOn: 'Icon' } as never);
      await expect(context.sync()).rejects.toMatchObject({ code: 'NotImplemented' });
    });
  });

  it('follows whole-row deletes (its range shrinks, hidden rows move up), and needs ExcelApi 1.9', async () => {
    const h = host();
    await h.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.autoFilter.apply('A1:C5', 1, { filterOn: 'Values', values: ['Beijing'] });
      ws.getRange('2:2').delete('Up');
      await context.sync();
    });
    expect(h.workbook.sheet('S').autoFilter()).toMatchObject({ address: 'A1:C4', isDataFiltered: true });
    expect(h.workbook.sheet('S').hiddenRows()).toEqual([2, 4]);
    const old = host('1.8');
    await old.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').autoFilter.load('enabled');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
    });
  });
});
