import fc from 'fast-check';
import {
  MAX_COLUMNS,
  MAX_ROWS,
  blockAddress,
  cellAddress,
  columnIndex,
  columnLetter,
  fullAddress,
  parseRange,
  parseRangeList,
  parseRanges,
  quoteSheet,
  rangeAddress,
  splitSheet,
} from '../../../src/core/grid/a1';
import type { Rect } from '../../../src/core/grid/rect';

const row = fc.integer({ min: 0, max: MAX_ROWS - 1 });
const col = fc.integer({ min: 0, max: MAX_COLUMNS - 1 });
const rect: fc.Arbitrary<Rect> = fc.tuple(row, row, col, col).map(([a, b, c, d]) => ({ r0: Math.min(a, b), r1: Math.max(a, b), c0: Math.min(c, d), c1: Math.max(c, d) }));
const sheetName = fc.string({ minLength: 1, maxLength: 31 }).filter((s) => !/[*?:/\\[\]]/.test(s) && s.trim() === s && s !== '');

describe('grid A1', () => {
  it('column letters at the edges of each letter count', () => {
    expect([0, 25, 26, 701, 702, MAX_COLUMNS - 1].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA', 'XFD']);
    expect(['A', 'z', 'AA', 'xfd'].map(columnIndex)).toEqual([0, 25, 26, MAX_COLUMNS - 1]);
  });

  it('refuses column text that is not letters instead of counting it', () => {
    expect(['', 'A1', '$A', 'Ä', '-'].map(columnIndex)).toEqual([-1, -1, -1, -1, -1]);
  });

  it('round-trips every column index through its letters', () => {
    fc.assert(fc.property(col, (c) => columnIndex(columnLetter(c)) === c));
  });

  it('round-trips every rectangle through its A1 address, with and without a sheet', () => {
    fc.assert(
      fc.property(rect, fc.option(sheetName, { nil: undefined }), (r, sheet) => {
        const text = sheet === undefined ? rangeAddress(r) : fullAddress(sheet, r);
        expect(parseRange(text)).toEqual(sheet === undefined ? r : { ...r, sheet });
      }),
    );
  });

  it('prints whole columns and whole rows as Excel does, and reads them back', () => {
    const wholeF = { r0: 0, r1: MAX_ROWS - 1, c0: 5, c1: 5 };
    const rows2to5 = { r0: 1, r1: 4, c0: 0, c1: MAX_COLUMNS - 1 };
    expect(rangeAddress(wholeF)).toBe('F:F');
    expect(rangeAddress(rows2to5)).toBe('2:5');
    expect(parseRange('$F:$F')).toEqual(wholeF);
    expect(parseRange('5:2')).toEqual(rows2to5);
  });

  it('reads corners in any order, $ signs, lower case and a quoted sheet with an apostrophe', () => {
    expect(parseRange("'O''Brien list'!$d$9:b2")).toEqual({ sheet: "O'Brien list", r0: 1, r1: 8, c0: 1, c1: 3 });
    expect(splitSheet('客户!A1')).toEqual({ sheet: '客户', rest: 'A1' });
  });

  it('refuses what is not one rectangle on the grid', () => {
    for (const bad of ['', 'A', '5', 'A1:B2:C3', 'A1,B2', 'XFE1', 'A1048577', 'A0', 'A1:5', 'Name', '1A']) expect(parseRange(bad)).toBeNull();
  });

  it('formats cells and blocks', () => {
    expect(cellAddress(0, 0)).toBe('A1');
    expect(blockAddress(1, 1, 1, 1)).toBe('B2');
    expect(blockAddress(1, 1, 8, 3)).toBe('B2:D9');
  });

  it('parses a space-separated list, leaving out what does not parse', () => {
    expect(parseRanges(' A1:A9  C:C x ')).toEqual([
      { r0: 0, r1: 8, c0: 0, c1: 0 },
      { r0: 0, r1: MAX_ROWS - 1, c0: 2, c1: 2 },
    ]);
  });

  it('reads a multi-area address, sheet prefixes dropped, a comma inside a quoted sheet name not splitting', () => {
    expect(parseRangeList("H2:H9, 'Q1, Q2'!B2:C3,Sheet1!$A$5,,nonsense")).toEqual([
      { r0: 1, r1: 8, c0: 7, c1: 7 },
      { r0: 1, r1: 2, c0: 1, c1: 2 },
      { r0: 4, r1: 4, c0: 0, c1: 0 },
    ]);
    fc.assert(fc.property(fc.array(rect, { maxLength: 5 }), sheetName, (rs, sheet) => {
      expect(parseRangeList(rs.map((r) => fullAddress(sheet, r)).join(', '))).toEqual(rs);
    }));
  });

  it('quotes sheet names that Excel quotes', () => {
    expect(['Sheet1', '客户信息', 'My sheet', 'A1', 'R1C1', '2024', "it's"].map(quoteSheet)).toEqual(['Sheet1', '客户信息', "'My sheet'", "'A1'", "'R1C1'", "'2024'", "'it''s'"]);
  });
});
