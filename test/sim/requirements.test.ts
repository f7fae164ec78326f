import { createSimHost, compareVersions } from '../../src/sim';

describe('requirement sets', () => {
  it('compares versions numerically', () => {
    expect(compareVersions('1.10', '1.9')).toBe(1);
    const host = createSimHost({ requirementSets: { ExcelApi: '1.10' } });
    expect(host.Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(true);
    expect(host.Office.context.requirements.isSetSupported('ExcelApi', '1.11')).toBe(false);
    expect(host.Office.context.requirements.isSetSupported('WordApi', '1.1')).toBe(false);
  });

  it('APIs above the host version fail with ApiNotFound', async () => {
    const host = createSimHost({ requirementSets: { ExcelApi: '1.7' } });
    host.workbook.addSheet('S', [['Region', 'Amount'], ['East', 1]]);
    expect(host.Office.context.requirements.isSetSupported('ExcelApi', '1.8')).toBe(false);
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.pivotTables.add('P', sheet.getRange('A1:B2'), sheet.getRange('D1'));
      await expect(context.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
      sheet.getRange('A2').dataValidation.rule = { list: { inCellDropDown: true, source: 'a,b' } };
      await expect(context.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
      sheet.getRange('A2').setCellProperties([[{ format: { fill: { color: '#FF0000' } } }]]);
      await expect(context.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
      // 1.7 APIs still work.
      sheet.copy('End');
      sheet.onChanged.add(async () => undefined);
      const cf = sheet.getRange('A2').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=A2="East"';
      await context.sync();
    });
    const old = createSimHost({ requirementSets: { ExcelApi: '1.5' } });
    old.workbook.addSheet('S');
    await old.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1').conditionalFormats.add('Custom');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
      context.workbook.worksheets.getItem('S').copy();
      await expect(context.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
      context.workbook.worksheets.getItem('S').onChanged.add(async () => undefined);
      await expect(context.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
    });
  });
});
