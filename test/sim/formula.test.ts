import { createSimHost } from '../../src/sim';

describe('formula evaluation', () => {
  const host = createSimHost({ now: () => new Date(2026, 10, 22) });
  host.workbook.addSheet('S', [
    ['Name', 'Total', 'Region', 'Rank', 'Tier'],
    ['a', 10, 'East'],
    ['b', 20, 'West'],
    ['c', 30, 'East'],
    ['d', 40, 'East'],
    ['e', 50, 'West'],
    ['f', null, 'West'],
  ]);
  const s = host.workbook.sheet('S');

  it('evaluates references, arithmetic, IF/AND/OR, LEN, ISBLANK, IFERROR', () => {
    s.write('G1', [['=B2*2+B3/4'], ['=IF(AND(B2>5,OR(C2="east",C2="x")),"yes","no")'], ['=LEN(A1)&"!"'], ['=ISBLANK(B7)'], ['=IFERROR(1/0,"div")'], ['=NOSUCH(1)'], ['=B7']]);
    expect(s.values().map((r) => r[6])).toEqual([25, 'yes', '4!', true, 'div', '#NAME?', 0]);
  });

  it('evaluates COUNTIFS, SUMIFS, MAX, DATE and TODAY', () => {
    s.write('H1', [['=COUNTIFS(C:C,"East",B:B,">15")'], ['=SUMIFS(B2:B7,C2:C7,"West")'], ['=MAX(B2:B7)'], ['=DATE(2026,11,22)'], ['=TODAY()-DATE(2026,11,1)']]);
    expect(s.values().map((r) => r[7]).slice(0, 5)).toEqual([2, 70, 50, 46348, 21]);
  });

  it('evaluates PERCENTRANK.INC as Excel does (truncated to 3 digits)', () => {
    s.write('D2', [['=PERCENTRANK.INC($B$2:$B$7,B2)'], ['=PERCENTRANK.INC($B$2:$B$7,B3)'], ['=PERCENTRANK.INC($B$2:$B$7,B4)'], ['=PERCENTRANK.INC($B$2:$B$7,B5)'], ['=PERCENTRANK.INC($B$2:$B$7,B6)'], ['=PERCENTRANK.INC($B$2:$B$7,25)']]);
    expect(s.values().slice(1).map((r) => r[3])).toEqual([0, 0.25, 0.5, 0.75, 1, 0.375]);
  });

  it('recalculates dependents after a write, and keeps seeded cached values', () => {
    s.write('I1', [['=B2+1']]);
    expect(s.cell('I1').value).toBe(11);
    s.write('B2', [[100]]);
    expect(s.cell('I1').value).toBe(101);
    s.seedFormula('I2', '=SOMEUDF(B2)', 7);
    expect(s.cell('I2')).toMatchObject({ value: 7, formula: '=SOMEUDF(B2)' });
  });

  it('evaluates structured references inside a table', async () => {
    const h = createSimHost();
    h.workbook.addSheet('T', [['Total', 'Rank'], [1], [2], [3]]);
    await h.Excel.run(async (context) => {
      const t = context.workbook.worksheets.getItem('T').tables.add('A1:B4', true);
      t.getDataBodyRange().getColumn(1).formulas = [['=PERCENTRANK.INC([Total],[@Total])'], ['=PERCENTRANK.INC([Total],[@Total])'], ['=PERCENTRANK.INC(Table1[Total],[@Total])']];
    });
    expect(h.workbook.sheet('T').values().map((r) => r[1])).toEqual(['Rank', 0, 0.5, 1]);
  });
});
