import { DataPivotHierarchy } from '../../../src/sim/api/pivot';
import type { WriteOp, WritePlan } from '../../../src/workbook/port';
import { toDataValidationRule } from '../../../src/workbook/excel/excelPort';
import { setup } from './helpers';

const plan = (...ops: WriteOp[]): WritePlan => ({ description: 'test', ops });

const data = [
  ['Region', 'Tier', 'Amount'],
  ['West', 'high', 100],
  ['East', 'low', 10],
  ['East', 'high', 50],
  ['West', 'low', 5],
  ['East', 'low', 20],
];

describe('ExcelWorkbookPort.apply: validation', () => {
  it('translates each rule type, replaces the range rule, clamps texts to Excel limits', async () => {
    const { host, port } = setup();
    host.workbook.addSheet('S');
    host.workbook.addSheet('台账设置', [['a'], ['b']]);
    const long = '很'.repeat(400);
    await port.apply(
      plan(
        { op: 'validation', sheet: 'S', address: 'A2:A100', rule: { type: 'custom', formula: 'LEN(A2)>0' } },
        {
          op: 'validation',
          sheet: 'S',
          address: 'A2:A100',
          rule: { type: 'list', items: ['高', '中', '低'] },
          prompt: { title: 'A title that is much longer than thirty-two characters', message: long },
          error: { title: 'Wrong', message: long, style: 'warning' },
        },
        { op: 'validation', sheet: 'S', address: 'B2:B100', rule: { type: 'listRange', source: '=台账设置!$A$1:$A$2' } },
        { op: 'validation', sheet: 'S', address: 'C2:C100', rule: { type: 'date', min: '2000-01-01', max: '2100-12-31' } },
        { op: 'validation', sheet: 'S', address: 'D2:D100', rule: { type: 'wholeNumber', min: 0 } },
        { op: 'validation', sheet: 'S', address: 'E2:E100', rule: { type: 'decimal', min: 0, max: 1e9 } },
      ),
    );
    const v = host.workbook.validations;
    expect(v).toHaveLength(5);
    const a = v.find((x) => x.addresses.includes('S!A2:A100'));
    expect(a).toMatchObject({ type: 'List', rule: { type: 'List', list: { source: '高,中,低' } } });
    expect((a?.prompt as { title: string }).title.length).toBeLessThanOrEqual(32);
    expect((a?.prompt as { message: string }).message.length).toBe(255);
    expect((a?.errorAlert as { message: string; style: string }).message.length).toBe(224);
    expect((a?.errorAlert as { style: string }).style).toBe('Warning');
    expect(v.find((x) => x.addresses.includes('S!B2:B100'))?.type).toBe('List');
    expect(v.find((x) => x.addresses.includes('S!C2:C100'))?.type).toBe('Date');
    expect(v.find((x) => x.addresses.includes('S!D2:D100'))?.type).toBe('WholeNumber');
    expect(v.find((x) => x.addresses.includes('S!E2:E100'))?.type).toBe('Decimal');
  });

  it('refuses a typed list over 255 characters (or with a comma in an item) as unsupported, before writing', async () => {
    const items = Array.from({ length: 60 }, (_, i) => `选项${i}`);
    expect(() => toDataValidationRule({ type: 'list', items })).toThrow(/at most 255/);
    expect(() => toDataValidationRule({ type: 'list', items: ['a,b'] })).toThrow(/comma/);
    const { host, port } = setup();
    host.workbook.addSheet('S');
    await expect(port.apply(plan({ op: 'writeBlock', sheet: 'S', row: 0, col: 0, values: [['x']] }, { op: 'validation', sheet: 'S', address: 'A1:A9', rule: { type: 'list', items } }))).rejects.toMatchObject({
      code: 'unsupported',
    });
    expect(host.workbook.sheet('S').values()).toEqual([]);
  });
});

describe('ExcelWorkbookPort.apply: conditional formats', () => {
  it('is idempotent: applying the same rule twice leaves one rule; other rules stay', async () => {
    const { host, port } = setup();
    host.workbook.addSheet('S', [['status'], ['lost'], ['active']]);
    const op: WriteOp = { op: 'conditionalFormat', sheet: 'S', address: 'A2:A3', formula: '=$A2="lost"', fill: '#FFC7CE', fontColor: '#9C0006' };
    const other: WriteOp = { op: 'conditionalFormat', sheet: 'S', address: 'A2:A3', formula: '=$A2="active"', fill: '#C6EFCE' };
    await port.apply(plan(op, other));
    await port.apply(plan(op));
    const cfs = host.workbook.conditionalFormats;
    expect(cfs.map((c) => c.formula).sort()).toEqual(['=$A2="active"', '=$A2="lost"']);
    expect(cfs.find((c) => c.formula === '=$A2="lost"')).toMatchObject({ type: 'Custom', fill: '#FFC7CE', fontColor: '#9C0006', addresses: ['S!A2:A3'] });
    expect(host.workbook.sheet('S').cell('A2').conditionalFill).toBe('#FFC7CE');
    expect(host.workbook.sheet('S').cell('A3').conditionalFill).toBe('#C6EFCE');
  });

  it('leaves non-custom conditional formats on the range alone', async () => {
    const { host, port } = setup();
    host.workbook.addSheet('S', [['n'], [1], [2]]);
    await host.Excel.run(async (context) => {
      const cf = context.workbook.worksheets.getItem('S').getRange('A2:A3').conditionalFormats.add('CellValue');
      cf.cellValue.rule = { formula1: '1', operator: 'GreaterThan' };
      await context.sync();
    });
    await port.apply(plan({ op: 'conditionalFormat', sheet: 'S', address: 'A2:A3', formula: '=A2>1', fill: '#FF0000' }));
    await port.apply(plan({ op: 'conditionalFormat', sheet: 'S', address: 'A2:A3', formula: '=A2>1', fill: '#FF0000' }));
    expect(host.workbook.conditionalFormats.map((c) => c.type).sort()).toEqual(['CellValue', 'Custom']);
  });
});

describe('ExcelWorkbookPort.apply: pivots and charts', () => {
  const pivotOp: WriteOp = {
    op: 'pivot',
    sheet: 'Summary',
    name: 'ByRegion',
    source: { sheet: 'Data', address: 'A1:C6' },
    destination: 'A3',
    rows: ['Region'],
    columns: [],
    values: [{ field: 'Amount', summarizeBy: 'sum' }],
  };

  it('computes the right numbers and replaces a same-name pivot instead of duplicating it', async () => {
    const { host, port } = setup();
    host.workbook.addSheet('Data', data);
    host.workbook.addSheet('Summary');
    await port.apply(plan(pivotOp));
    await port.apply(plan({ ...pivotOp, values: [{ field: 'Amount', summarizeBy: 'sum' }, { field: 'Tier', summarizeBy: 'count' }] }));
    expect(host.workbook.pivots).toHaveLength(1);
    expect(host.workbook.pivots[0]?.data.map((d) => d.summarizeBy)).toEqual(['Sum', 'Count']);
    expect(host.workbook.sheet('Summary').values().slice(2)).toEqual([
      ['Row Labels', 'Sum of Amount', 'Count of Tier'],
      ['East', 80, 3],
      ['West', 105, 2],
      ['Grand Total', 185, 5],
    ]);
  });

  it('sets summarizeBy again once when Excel fell back to Count', async () => {
    const { host, port } = setup();
    host.workbook.addSheet('Data', data);
    host.workbook.addSheet('Summary');
    const desc = Object.getOwnPropertyDescriptor(DataPivotHierarchy.prototype, 'summarizeBy');
    let calls = 0;
    const spy = jest.spyOn(DataPivotHierarchy.prototype, 'summarizeBy', 'set').mockImplementation(function (this: DataPivotHierarchy, v: string) {
      calls++;
      // The first time, behave like the reported Excel bug: the field ends up counted.
      desc?.set?.call(this, calls === 1 ? 'Count' : v);
    });
    try {
      host.resetStats();
      await port.apply(plan(pivotOp));
    } finally {
      spy.mockRestore();
    }
    expect(calls).toBe(2);
    expect(host.workbook.pivots[0]?.data[0]?.summarizeBy).toBe('Sum');
    expect(host.workbook.sheet('Summary').cell('B6').value).toBe(185);
    // Preflight, the pivot, the second try.
    expect(host.stats().syncs).toBe(3);
  });

  it('refuses more than three value fields', async () => {
    const { host, port } = setup();
    host.workbook.addSheet('Data', data);
    host.workbook.addSheet('Summary');
    const values = [1, 2, 3, 4].map(() => ({ field: 'Amount', summarizeBy: 'sum' as const }));
    await expect(port.apply(plan({ ...pivotOp, values }))).rejects.toMatchObject({ code: 'unsupported' });
  });

  it('adds a chart with title and position, replacing a same-name chart', async () => {
    const { host, port } = setup();
    host.workbook.addSheet('Data', data);
    const chart: WriteOp = { op: 'chart', sheet: 'Data', name: 'Amounts', type: 'column', source: 'A1:C6', title: '金额', topLeft: 'E2', bottomRight: 'L20' };
    await port.apply(plan(chart));
    await port.apply(plan({ ...chart, type: 'pie', title: '金额占比' }));
    expect(host.workbook.charts).toEqual([expect.objectContaining({ name: 'Amounts', sheet: 'Data', type: 'Pie', title: '金额占比', source: 'Data!A1:C6' })]);
    const position = host.workbook.model.charts[0]?.position;
    expect(position).toEqual({ start: 'E2', end: 'L20' });
  });
});
