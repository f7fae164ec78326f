import ExcelJS from 'exceljs';
import { DeletedRows, shiftFormula } from '../../../src/workbook/xlsx/rowShift';
import { openXlsx, readWithExceljs } from '../../helpers/exceljsRead';
import { sheet } from './helpers';

describe('shiftFormula (rows 3 and 5 of "Data" deleted)', () => {
  const deleted = new DeletedRows([5, 3]);
  const on = (host: string, f: string, relativeDelta?: number) => shiftFormula(f, { sheet: 'Data', host, deleted, relativeDelta });

  it.each([
    ['A2', 'A2'],
    ['A3', '#REF!'],
    ['A4', 'A3'],
    ['$B$6*2', '$B$4*2'],
    ['SUM(A1:A10)', 'SUM(A1:A8)'],
    ['SUM($A$3:$A$5)', 'SUM($A$3:$A$3)'],
    ['SUM(A3:A3)', 'SUM(#REF!)'],
    ['SUM(A:A)+SUM(4:9)', 'SUM(A:A)+SUM(3:7)'],
    ['IF(D7="A4",LOG10(A7),"")', 'IF(D5="A4",LOG10(A5),"")'],
    ['Other!A7+Data!A7+\'Data\'!A7', 'Other!A7+Data!A5+\'Data\'!A5'],
    ['T1[@Col A7]+A7', 'T1[@Col A7]+A5'],
    ['[1]Data!A7', '[1]Data!A7'],
    ['PERCENTRANK.INC($K$2:$K$343,K10)', 'PERCENTRANK.INC($K$2:$K$341,K8)'],
    ['$A$2:$A$1048576', '$A$2:$A$1048576'],
  ])('%s → %s', (from, to) => {
    expect(on('Data', from)).toBe(to);
  });

  it('only touches references to the sheet whose rows go', () => {
    expect(on('Other', 'A7+Data!A7')).toBe('A7+Data!A5');
    expect(on('数据', 'A7')).toBe('A7');
  });

  it('relative references in a rule follow its top-left instead', () => {
    expect(on('Data', '$C7>60', -2)).toBe('$C5>60');
    expect(on('Data', '$C7>$D$7', -2)).toBe('$C5>$D$5');
  });
});

describe('deleteRows', () => {
  function book(): ExcelJS.Workbook {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(['name', 'amount', 'double', 'rank']);
    for (let i = 1; i <= 8; i++) {
      ws.addRow([`c${i}`, i * 10, { formula: `B${i + 1}*2`, result: i * 20 }, { formula: `RANK(B${i + 1},$B$2:$B$9)`, result: 9 - i }]);
    }
    ws.getCell('A10').value = 'total';
    ws.getCell('B10').value = { formula: 'SUM(B2:B9)', result: 360 };
    ws.getCell('C5').value = { formula: 'B5*2', result: 80, shareType: 'shared', ref: 'C5:C7' } as unknown as ExcelJS.CellValue;
    ws.getCell('C6').value = { sharedFormula: 'C5', result: 100 } as unknown as ExcelJS.CellValue;
    ws.getCell('C7').value = { sharedFormula: 'C5', result: 120 } as unknown as ExcelJS.CellValue;
    ws.mergeCells('E8:F9');
    ws.getCell('E8').value = 'merged';
    ws.getCell('A8').note = 'note on c7';
    ws.getRow(9).height = 33;
    const other = wb.addWorksheet('Summary');
    other.getCell('A1').value = { formula: 'Data!B10', result: 360 };
    other.getCell('A2').value = { formula: 'COUNTA(Data!A2:A9)', result: 8 };
    return wb;
  }

  it('moves rows up and keeps formulas, shared formulas, merges, notes, heights, rules and tables right', async () => {
    const { port } = await openXlsx(book());
    await port.apply({ description: '', ops: [
      { op: 'conditionalFormat', sheet: 'Data', address: 'A2:D9', formula: '=$B2>40', fill: '#FFC7CE' },
      { op: 'validation', sheet: 'Data', address: 'B2:B9', rule: { type: 'custom', formula: '=B2>=0' } },
      { op: 'addTable', sheet: 'Data', address: 'A1:D9', name: 'Customers' },
    ] });
    await port.apply({ description: '', ops: [{ op: 'deleteRows', sheet: 'Data', rows: [3, 6, 4] }] });
    const back = (await readWithExceljs(port.toBytes())).workbook;
    const ws = sheet(back, 'Data');
    const names = [];
    for (let r = 2; r <= 7; r++) names.push(ws.getCell(r, 1).value);
    expect(names).toEqual(['c1', 'c4', 'c6', 'c7', 'c8', 'total']);
    // every formula reads the row it sits on
    for (let r = 2; r <= 6; r++) {
      expect(ws.getCell(r, 3).formula).toBe(`B${r}*2`);
      expect(ws.getCell(r, 4).formula).toBe(`RANK(B${r},$B$2:$B$6)`);
    }
    expect(ws.getCell('B7').formula).toBe('SUM(B2:B6)');
    expect(sheet(back, 'Summary').getCell('A1').formula).toBe('Data!B7');
    expect(sheet(back, 'Summary').getCell('A2').formula).toBe('COUNTA(Data!A2:A6)');
    expect(ws.getCell('E5').value).toBe('merged');
    expect(ws.getCell('F6').isMerged).toBe(true);
    expect(ws.getCell('A5').note).toBe('note on c7');
    expect(ws.getCell('A8').note).toBeUndefined();
    expect(ws.getRow(6).height).toBe(33);
    const x = ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[]; dataValidations: { model: Record<string, { formulae: string[] }> } };
    expect(x.conditionalFormattings.map((cf) => [cf.ref, cf.rules[0]?.formulae[0]])).toEqual([['A2:D6', '$B2>40']]);
    expect(Object.keys(x.dataValidations.model).sort()).toEqual(['B2', 'B3', 'B4', 'B5', 'B6']);
    expect(x.dataValidations.model.B2?.formulae).toEqual(['B2>=0']);
    expect(ws.getTables().map((t) => (t as unknown as { model: { tableRef: string } }).model.tableRef)).toEqual(['A1:D6']);
    expect(ws.getCell('A8').value).toBeNull();
  });

  it('leaves a sheet alone when the rows are below its content', async () => {
    const x = await openXlsx(book());
    await x.port.apply({ description: '', ops: [{ op: 'deleteRows', sheet: 'Data', rows: [50] }] });
    expect(sheet(await x.reload(), 'Data').getCell('C6').formula).toBe('B6*2');
  });
});
