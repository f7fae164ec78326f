/**
 * The .xlsx port, op by op: workbooks built with exceljs, opened as the CLI opens a file, changed through
 * the port, and read back through exceljs (a reader we did not write).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { WorkbookError, type WriteOp } from '../../../src/workbook/port';
import { XlsxWorkbookPort } from '../../../src/workbook/xlsx/xlsxPort';
import { openXlsx, readWithExceljs } from '../../helpers/exceljsRead';
import { SAMPLES_DIR } from '../../helpers/samples';
import { ledger, sheet } from './helpers';

async function portOf(wb: ExcelJS.Workbook): Promise<XlsxWorkbookPort> {
  return (await openXlsx(wb)).port;
}

async function reload(port: XlsxWorkbookPort): Promise<ExcelJS.Workbook> {
  return (await readWithExceljs(port.toBytes())).workbook;
}

async function applied(wb: ExcelJS.Workbook, ops: WriteOp[]): Promise<ExcelJS.Workbook> {
  const port = await portOf(wb);
  await port.apply({ description: 'test', ops });
  return reload(port);
}

type Internal = {
  dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> };
  conditionalFormattings: { ref: string; rules: { type: string; formulae?: unknown[]; style?: Partial<ExcelJS.Style> }[] }[];
};
const inner = (ws: ExcelJS.Worksheet): Internal => ws as unknown as Internal;

describe('reading', () => {
  it('reads the zh sample: 343 rows × 17 columns, Dates as Date objects', async () => {
    const port = XlsxWorkbookPort.open(fs.readFileSync(path.join(SAMPLES_DIR, 'customers-zh.xlsx')));
    const [info] = await port.listSheets();
    expect(info).toMatchObject({ rowCount: 343, columnCount: 17, visible: true, protected: false });
    const values = await port.readValues(info!.name);
    expect(values).toHaveLength(343);
    // Rows are as long as their last value (sparse): none longer than the sheet.
    expect(values.every((r) => r.length <= 17)).toBe(true);
    expect(values.flat().some((v) => v instanceof Date)).toBe(true);
  });

  it('reads merged areas as Excel does (only the top-left holds the value), formulas as their results, empty sheets as []', async () => {
    const wb = ledger();
    const ws = sheet(wb, '客户');
    ws.mergeCells('F1:G2');
    ws.getCell('F1').value = 'merged';
    ws.getCell('E5').value = { sharedFormula: 'D4', result: 0 } as unknown as ExcelJS.CellValue;
    ws.getCell('D4').value = { formula: 'C4*2', result: 20, shareType: 'shared', ref: 'D4:E5' } as unknown as ExcelJS.CellValue;
    wb.addWorksheet('Empty');
    const port = await portOf(wb);
    const values = await port.readValues('客户');
    expect(values[0]?.[5]).toBe('merged');
    expect(values[1]?.[6] ?? null).toBeNull();
    expect(values[1]?.[3]).toBe(200);
    expect(values[4]?.[4]).toBe(0);
    expect(await port.readValues('empty')).toEqual([]);
    expect(await port.readFormulas('客户', 3, 0, 4)).toEqual(['双倍', '=C2*2', '=C3*2', '=C4*2', '']);
    await expect(port.readValues('nope')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('lists hidden and protected sheets', async () => {
    const wb = ledger();
    wb.addWorksheet('Hidden', { state: 'hidden' });
    await sheet(wb, '客户').protect('', {});
    const infos = await (await portOf(wb)).listSheets();
    expect(infos).toEqual([
      { name: '客户', visible: true, visibility: 'visible', protected: true, rowCount: 4, columnCount: 4, a1: expect.any(String) },
      { name: 'Hidden', visible: false, visibility: 'hidden', protected: false, rowCount: 0, columnCount: 0, a1: null },
    ]);
  });

  it('says what it can do', async () => {
    expect(await (await portOf(ledger())).capabilities()).toEqual({
      kind: 'xlsx', pivotTables: false, dataValidation: true, conditionalFormats: true, charts: false, copySheet: true, autoFilter: false,
    });
  });
});

describe('writeBlock', () => {
  it('keeps strings as text whatever they start with, formulas as formulas, null clears', async () => {
    const wb = ledger();
    const back = await applied(wb, [{
      op: 'writeBlock', sheet: '客户', row: 1, col: 4,
      values: [
        ['=1+1', '+8613800138000', '-5', '@x', { formula: '=C2+1' }, true, 3.5, null],
      ],
      numberFormats: [undefined, '@', undefined, undefined, '0', undefined, '#,##0.00'],
    }, { op: 'writeBlock', sheet: '客户', row: 2, col: 0, values: [[null]] }]);
    const ws = sheet(back, '客户');
    for (const [addr, text] of [['E2', '=1+1'], ['F2', '+8613800138000'], ['G2', '-5'], ['H2', '@x']] as const) {
      expect(ws.getCell(addr).type).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell(addr).value).toBe(text);
    }
    expect(ws.getCell('I2').type).toBe(ExcelJS.ValueType.Formula);
    expect(ws.getCell('I2').formula).toBe('C2+1');
    expect(ws.getCell('J2').value).toBe(true);
    expect(ws.getCell('K2').value).toBe(3.5);
    expect(ws.getCell('K2').numFmt).toBe('#,##0.00');
    expect(ws.getCell('F2').numFmt).toBe('@');
    expect(ws.getCell('A3').value).toBeNull();
    expect(ws.getCell('A2').value).toBe('张三');
  });

  it('a short row leaves the cells past its end', async () => {
    const back = await applied(ledger(), [{ op: 'writeBlock', sheet: '客户', row: 1, col: 0, values: [['a', 'b'], ['c']] }]);
    const ws = sheet(back, '客户');
    expect([ws.getCell('A2').value, ws.getCell('B2').value, ws.getCell('A3').value, ws.getCell('B3').value]).toEqual(['a', 'b', 'c', '13900139000']);
  });
});

describe('sheets', () => {
  it('adds (without taking the tab the file opens on), refuses an existing name, deletes', async () => {
    const wb = ledger();
    const port = await portOf(wb);
    await port.apply({ description: '', ops: [{ op: 'addSheet', name: '汇总', activate: true }, { op: 'addSheet', name: 'Temp' }, { op: 'deleteSheet', name: 'temp' }, { op: 'deleteSheet', name: 'never there' }] });
    await expect(port.apply({ description: '', ops: [{ op: 'addSheet', name: '客户' }] })).rejects.toMatchObject({ code: 'exists' });
    await expect(port.apply({ description: '', ops: [{ op: 'addSheet', name: 'a/b' }] })).rejects.toBeInstanceOf(WorkbookError);
    const back = await reload(port);
    expect(back.worksheets.map((w) => w.name)).toEqual(['客户', '汇总']);
    // Making the new sheet the active one would rewrite every user sheet's view (tab selection): the file
    // opens where the user left it.
    expect((back.views?.[0] as { activeTab?: number } | undefined)?.activeTab ?? 0).toBe(0);
  });

  it('copySheet keeps values, formulas, styles, widths, heights, merges, rules and validations', async () => {
    const wb = ledger();
    const ws = sheet(wb, '客户');
    ws.getCell('A1').font = { bold: true, color: { argb: 'FFFF0000' } };
    ws.getColumn(1).width = 21;
    ws.getRow(2).height = 30;
    ws.mergeCells('F1:G1');
    ws.getCell('F1').value = 'merged';
    const port = await portOf(wb);
    await port.apply({ description: '', ops: [
      { op: 'validation', sheet: '客户', address: 'C2:C4', rule: { type: 'decimal', min: 0 } },
      { op: 'conditionalFormat', sheet: '客户', address: 'C2:C4', formula: '=$C2>60', fill: '#FFC7CE' },
      { op: 'addTable', sheet: '客户', address: 'A1:D4', name: 'Ledger' },
      { op: 'copySheet', from: '客户', to: '客户 备份' },
    ] });
    await expect(port.apply({ description: '', ops: [{ op: 'copySheet', from: '客户', to: '客户 备份' }] })).rejects.toMatchObject({ code: 'exists' });
    const back = await reload(port);
    const copy = sheet(back, '客户 备份');
    expect(copy.getCell('A2').value).toBe('张三');
    expect(copy.getCell('D3').formula).toBe('C3*2');
    expect(copy.getCell('A1').font).toMatchObject({ bold: true, color: { argb: 'FFFF0000' } });
    expect(copy.getColumn(1).width).toBe(21);
    expect(copy.getRow(2).height).toBe(30);
    expect(copy.getCell('G1').isMerged).toBe(true);
    expect(copy.getCell('G1').value).toBe('merged');
    expect(inner(copy).dataValidations.model.C3).toMatchObject({ type: 'decimal', formulae: [0] });
    expect(inner(copy).conditionalFormattings[0]?.rules[0]?.formulae).toEqual(['$C2>60']);
    const tables = back.worksheets.flatMap((w) => w.getTables().map((t) => (t as unknown as { name: string }).name));
    expect(tables.sort()).toEqual(['Ledger', 'Ledger_2']);
    // the original is untouched
    expect(sheet(back, '客户').getCell('D3').formula).toBe('C3*2');
  });
});

describe('formats', () => {
  it('format, column widths and freeze', async () => {
    const wb = ledger();
    const back = await applied(wb, [
      { op: 'format', sheet: '客户', address: 'A1:D1', bold: true, fill: '#DDEBF7', fontColor: '#1F4E79', wrap: true, align: 'center' },
      { op: 'columnWidths', sheet: '客户', widths: [{ col: 0, width: 18 }, { col: 3, width: 9.5 }] },
      { op: 'freeze', sheet: '客户', rows: 1, columns: 1 },
    ]);
    const ws = sheet(back, '客户');
    expect(ws.getCell('B1').font).toMatchObject({ bold: true, color: { argb: 'FF1F4E79' } });
    expect(ws.getCell('B1').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } });
    expect(ws.getCell('B1').alignment).toMatchObject({ wrapText: true, horizontal: 'center' });
    expect(ws.getCell('B2').font?.bold).toBeFalsy();
    expect(ws.getColumn(1).width).toBe(18);
    expect(ws.getColumn(4).width).toBe(9.5);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
  });

  it('formatting one cell does not restyle others that shared its style object after a read', async () => {
    const back = await applied(ledger(), [{ op: 'format', sheet: '客户', address: 'A2', bold: true }]);
    const ws = sheet(back, '客户');
    expect(ws.getCell('A2').font?.bold).toBe(true);
    expect(ws.getCell('A3').font?.bold).toBeFalsy();
    expect(ws.getCell('B2').font?.bold).toBeFalsy();
  });
});

describe('addTable', () => {
  it('makes a table over the cells without changing them, once, with a unique name', async () => {
    const wb = ledger();
    const before = await (await portOf(wb)).readValues('客户');
    const back = await applied(wb, [
      { op: 'addTable', sheet: '客户', address: 'A1:D4', name: 'Ledger', style: 'TableStyleLight9' },
      { op: 'addTable', sheet: '客户', address: 'A1:D4', name: 'Ledger' },
      { op: 'addSheet', name: 'Other' },
      { op: 'writeBlock', sheet: 'Other', row: 0, col: 0, values: [['a'], [1]] },
      { op: 'addTable', sheet: 'Other', address: 'A1:A2', name: 'Ledger' },
    ]);
    const tables = (ws: ExcelJS.Worksheet) => ws.getTables().map((t) => (t as unknown as { model: { name: string; tableRef: string; style: { theme: string } } }).model);
    expect(tables(sheet(back, '客户'))).toEqual([expect.objectContaining({ name: 'Ledger', tableRef: 'A1:D4', style: expect.objectContaining({ theme: 'TableStyleLight9' }) })]);
    expect(tables(sheet(back, 'Other'))).toEqual([expect.objectContaining({ name: 'Ledger_2', tableRef: 'A1:A2' })]);
    expect(await (await portOf(back)).readValues('客户')).toEqual(before);
    // and again after a read: still one table
    const again = await applied(back, [{ op: 'addTable', sheet: '客户', address: 'A1:D4', name: 'Ledger' }]);
    expect(tables(sheet(again, '客户'))).toHaveLength(1);
  });

  it('falls back to an autofilter and a bold header when the headers cannot name table columns', async () => {
    const wb = ledger();
    sheet(wb, '客户').getCell('B1').value = '姓名';
    const back = await applied(wb, [{ op: 'addTable', sheet: '客户', address: 'A1:D4', name: 'Ledger' }]);
    const ws = sheet(back, '客户');
    expect(ws.getTables()).toHaveLength(0);
    expect(ws.autoFilter).toBe('A1:D4');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('B1').value).toBe('姓名');
  });
});

describe('validation', () => {
  const at = (ws: ExcelJS.Worksheet) => Object.entries(inner(ws).dataValidations.model).filter(([, v]) => v);

  it('writes every rule type with its messages', async () => {
    const back = await applied(ledger(), [
      { op: 'validation', sheet: '客户', address: 'E2:E4', rule: { type: 'list', items: ['高', '中', '低'] },
        prompt: { title: '价值', message: '选一个' }, error: { title: '不对', message: '只能选列表里的', style: 'warning' } },
      { op: 'validation', sheet: '客户', address: 'F2:F4', rule: { type: 'listRange', source: '=设置!$A$2:$A$9' } },
      { op: 'validation', sheet: '客户', address: 'G2:G4', rule: { type: 'custom', formula: '=LEN(G2)<=11' } },
      { op: 'validation', sheet: '客户', address: 'H2:H4', rule: { type: 'date', min: '2020-01-01', max: '2030-12-31' } },
      { op: 'validation', sheet: '客户', address: 'I2:I4', rule: { type: 'wholeNumber', min: 0 } },
      { op: 'validation', sheet: '客户', address: 'J2:J4', rule: { type: 'decimal', min: 0, max: 1 } },
    ]);
    const m = inner(sheet(back, '客户')).dataValidations.model;
    expect(m.E3).toMatchObject({ type: 'list', formulae: ['"高,中,低"'], showInputMessage: true, promptTitle: '价值', prompt: '选一个',
      showErrorMessage: true, errorTitle: '不对', error: '只能选列表里的', errorStyle: 'warning' });
    expect(m.F2).toMatchObject({ type: 'list', formulae: ['设置!$A$2:$A$9'] });
    expect(m.G4).toMatchObject({ type: 'custom', formulae: ['LEN(G2)<=11'] });
    expect(m.H2).toMatchObject({ type: 'date', operator: 'between', formulae: [new Date('2020-01-01T00:00:00Z'), new Date('2030-12-31T00:00:00Z')] });
    expect(m.I2).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(m.J2).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 1] });
  });

  it('enforces Excel limits: a typed list ≤ 255 characters and no commas; titles and messages clamped', async () => {
    const wb = ledger();
    const port = await portOf(wb);
    const long = Array.from({ length: 60 }, (_, i) => `item${i}`);
    await expect(port.apply({ description: '', ops: [
      { op: 'writeBlock', sheet: '客户', row: 0, col: 0, values: [['changed?']] },
      { op: 'validation', sheet: '客户', address: 'E2:E4', rule: { type: 'list', items: long } },
    ] })).rejects.toMatchObject({ code: 'unsupported' });
    expect(sheet(await reload(port), '客户').getCell('A1').value).toBe('姓名');
    await expect(port.apply({ description: '', ops: [{ op: 'validation', sheet: '客户', address: 'E2', rule: { type: 'list', items: ['a,b'] } }] })).rejects.toMatchObject({ code: 'unsupported' });
    const exactly255 = ['x'.repeat(255)];
    const back = await applied(wb, [{ op: 'validation', sheet: '客户', address: 'E2', rule: { type: 'list', items: exactly255 },
      prompt: { title: 'T'.repeat(40), message: 'm'.repeat(300) }, error: { title: 'e', message: 'E'.repeat(300), style: 'stop' } }]);
    const dv = inner(sheet(back, '客户')).dataValidations.model.E2!;
    expect(dv.promptTitle).toHaveLength(32);
    expect(dv.prompt).toHaveLength(255);
    expect(dv.error).toHaveLength(224);
  });

  it('replaces rules on the range and keeps the rest of an overlapping one', async () => {
    const wb = ledger();
    const back = await applied(wb, [
      { op: 'validation', sheet: '客户', address: 'C1:C10', rule: { type: 'wholeNumber', min: 0 } },
      { op: 'validation', sheet: '客户', address: 'C2:C4', rule: { type: 'decimal', min: 1 } },
      { op: 'validation', sheet: '客户', address: 'C2:C4', rule: { type: 'decimal', min: 2 } },
    ]);
    const m = inner(sheet(back, '客户')).dataValidations.model;
    expect(m.C3).toMatchObject({ type: 'decimal', formulae: [2] });
    expect(m.C1).toMatchObject({ type: 'whole' });
    expect(m.C7).toMatchObject({ type: 'whole' });
    expect(at(sheet(back, '客户'))).toHaveLength(10);
  });
});

describe('conditionalFormat', () => {
  it('is idempotent: the same formula on the same range is one rule', async () => {
    const wb = ledger();
    const op: WriteOp = { op: 'conditionalFormat', sheet: '客户', address: 'A2:D4', formula: '=$C2>60', fill: '#FFC7CE', fontColor: '#9C0006' };
    const once = await applied(wb, [op, op]);
    const twice = await applied(once, [op, { ...op, formula: '= $c2 > 60' }, { ...op, formula: '=$C2<20' }]);
    const cfs = inner(sheet(twice, '客户')).conditionalFormattings;
    const rules = cfs.flatMap((cf) => cf.rules.map((r) => ({ ref: cf.ref, formula: r.formulae?.[0] })));
    expect(rules).toEqual([{ ref: 'A2:D4', formula: '$c2 > 60' }, { ref: 'A2:D4', formula: '$C2<20' }]);
    const style = cfs[0]?.rules[0]?.style;
    expect(style?.fill).toMatchObject({ type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } });
    expect(style?.font).toMatchObject({ color: { argb: 'FF9C0006' } });
  });
});

describe('refusals before any write', () => {
  it('a protected sheet: WorkbookError("protected") and nothing changed', async () => {
    const wb = ledger();
    wb.addWorksheet('Open');
    await sheet(wb, '客户').protect('', {});
    const port = await portOf(wb);
    await expect(port.apply({ description: '', ops: [
      { op: 'addSheet', name: 'New' },
      { op: 'writeBlock', sheet: 'Open', row: 0, col: 0, values: [['x']] },
      { op: 'writeBlock', sheet: '客户', row: 0, col: 0, values: [['x']] },
    ] })).rejects.toMatchObject({ code: 'protected' });
    const read = await reload(port);
    expect(read.worksheets.map((w) => w.name)).toEqual(['客户', 'Open']);
    expect(sheet(read, 'Open').getCell('A1').value).toBeNull();
    expect(sheet(read, '客户').getCell('A1').value).toBe('姓名');
    // a sheet the plan creates is not "protected", and copying a protected sheet only reads it
    await port.apply({ description: '', ops: [{ op: 'copySheet', from: '客户', to: 'Backup' }] });
  });

  it('unknown sheets, PivotTables and charts', async () => {
    const port = await portOf(ledger());
    await expect(port.apply({ description: '', ops: [{ op: 'format', sheet: 'Nope', address: 'A1', bold: true }] })).rejects.toMatchObject({ code: 'not-found' });
    await expect(port.apply({ description: '', ops: [{ op: 'pivot', sheet: '客户', name: 'P', source: { sheet: '客户', address: 'A1:D4' }, destination: 'F1', rows: ['姓名'], columns: [], values: [{ field: '金额', summarizeBy: 'sum' }] }] })).rejects.toMatchObject({ code: 'unsupported' });
    await expect(port.apply({ description: '', ops: [{ op: 'chart', sheet: '客户', name: 'C', type: 'column', source: 'A1:C4', title: 't', topLeft: 'F1', bottomRight: 'K10' }] })).rejects.toMatchObject({ code: 'unsupported' });
  });

  it('reports progress per op', async () => {
    const seen: number[] = [];
    await (await portOf(ledger())).apply({ description: '', ops: [{ op: 'addSheet', name: 'A' }, { op: 'addSheet', name: 'B' }] }, { onProgress: (p) => seen.push(p.done * 10 + p.total) });
    expect(seen).toEqual([12, 22]);
  });
});
