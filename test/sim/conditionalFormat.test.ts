import { createSimHost } from '../../src/sim';

describe('conditional formats', () => {
  it('adds a custom rule whose formula is relative to the top-left cell', async () => {
    const host = createSimHost();
    host.workbook.addSheet('S', [['Status'], ['lost'], ['active'], ['lost']]);
    await host.Excel.run(async (context) => {
      const cfs = context.workbook.worksheets.getItem('S').getRange('A2:A4').conditionalFormats;
      const cf = cfs.add(host.Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = '=$A2="lost"';
      cf.custom.format.fill.color = '#FFC7CE';
      cf.custom.format.font.color = '#9C0006';
      const n = cfs.getCount();
      await context.sync();
      expect(n.value).toBe(1);
      cf.custom.rule.formula = '=(';
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    const s = host.workbook.sheet('S');
    expect(['A2', 'A3', 'A4'].map((a) => s.cell(a).conditionalFill)).toEqual(['#FFC7CE', null, '#FFC7CE']);
    expect(host.workbook.conditionalFormats[0]).toMatchObject({ addresses: ['S!A2:A4'], formula: '=$A2="lost"', fill: '#FFC7CE', fontColor: '#9C0006' });
    await host.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A:A').conditionalFormats.clearAll();
    });
    expect(host.workbook.conditionalFormats).toHaveLength(0);
  });
});
