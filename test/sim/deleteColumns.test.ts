/** Whole columns deleted in the simulated Excel: what lies right of them moves left, rules included; a protected sheet refuses. */
import { createSimHost } from '../../src/sim';

function seeded() {
  const host = createSimHost();
  host.workbook.addSheet('S', [['a', 'b', 'c', 'd', 'e'], [1, 2, 3, 4, 5], [6, 7, 8, 9, 10]]);
  return host;
}

describe('Range.delete(Left) on whole columns', () => {
  it('moves cells, conditional formats, validations and widths left; rules wholly inside go', async () => {
    const host = seeded();
    await host.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.getRange('A2:E3').conditionalFormats.add('Custom').custom.rule.formula = '=$A2>1';
      ws.getRange('C2:C3').conditionalFormats.add('Custom').custom.rule.formula = '=$C2>1';
      ws.getRange('E2:E3').dataValidation.rule = { wholeNumber: { formula1: 0, operator: 'GreaterThan' } };
      ws.getRange('D:D').format.columnWidth = 80;
      await context.sync();
      ws.getRange('B:C').delete('Left');
      await context.sync();
    });
    const s = host.workbook.sheet('S');
    expect(s.values()).toEqual([['a', 'd', 'e'], [1, 4, 5], [6, 9, 10]]);
    expect(host.workbook.conditionalFormats.map((c) => c.addresses)).toEqual([['S!A2:C3']]);
    expect(host.workbook.validations.map((v) => v.addresses)).toEqual([['S!C2:C3']]);
    expect(s.columnWidths.get(1)).toBe(80);
    expect(s.columnWidths.get(3)).toBeUndefined();
  });

  it('refuses on a protected sheet, changing nothing', async () => {
    const host = seeded();
    host.workbook.sheet('S').protect();
    await expect(host.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('E:E').delete('Left');
      await context.sync();
    })).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(host.workbook.sheet('S').values()[0]).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
