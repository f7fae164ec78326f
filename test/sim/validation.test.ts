import { createSimHost } from '../../src/sim';

describe('data validation', () => {
  const setup = () => {
    const host = createSimHost();
    host.workbook.addSheet('S', [['Status'], ['active'], ['bogus']]);
    return host;
  };

  it('stores a list rule with prompt and error alert and checks validity', async () => {
    const host = setup();
    await host.Excel.run(async (context) => {
      const dv = context.workbook.worksheets.getItem('S').getRange('A2:A3').dataValidation;
      dv.rule = { list: { inCellDropDown: true, source: 'active,dormant,lost' } };
      dv.prompt = { showPrompt: true, title: 'Status', message: 'Pick one' };
      dv.errorAlert = { showAlert: true, style: 'Stop', title: 'Invalid', message: 'Use the list' };
      dv.load('type, valid, rule');
      await context.sync();
      expect(dv.type).toBe('List');
      expect(dv.valid).toBe(false);
      expect(dv.rule).toEqual({ list: { inCellDropDown: true, source: 'active,dormant,lost' } });
    });
    expect(host.workbook.validations).toHaveLength(1);
    expect(host.workbook.validations[0]).toMatchObject({ addresses: ['S!A2:A3'], type: 'List' });
  });

  it.each([
    ['prompt title', { prompt: { title: 'x'.repeat(33) } }],
    ['prompt message', { prompt: { message: 'x'.repeat(256) } }],
    ['error title', { errorAlert: { title: 'x'.repeat(33) } }],
    ['error message', { errorAlert: { message: 'x'.repeat(226) } }],
    ['list source', { rule: { list: { inCellDropDown: true, source: Array.from({ length: 60 }, (_, i) => `item${i}`).join(',') } } }],
  ])('rejects a %s over Excel’s limit with InvalidArgument', async (_what, props) => {
    const host = setup();
    await host.Excel.run(async (context) => {
      const dv = context.workbook.worksheets.getItem('S').getRange('A2:A3').dataValidation;
      Object.assign(dv, props);
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
  });

  it('accepts text at the limits, and clear() removes every rule', async () => {
    const host = setup();
    await host.Excel.run(async (context) => {
      const dv = context.workbook.worksheets.getItem('S').getRange('A2:A3').dataValidation;
      dv.rule = { custom: { formula: '=LEN(A2)>0' } };
      dv.prompt = { showPrompt: true, title: 'x'.repeat(32), message: 'x'.repeat(255) };
      dv.errorAlert = { showAlert: true, style: 'Warning', title: 'x'.repeat(32), message: 'x'.repeat(225) };
      await context.sync();
      dv.clear();
      dv.load('type');
      await context.sync();
      expect(dv.type).toBe('None');
    });
  });
});
