import { parseRange, rangeAddress, stripSheet } from '../../src/core/grid/a1';
import { areaAt, cellKey, mergeLayout } from '../../src/playground/mergeLayout';

describe('the grid draws a merged area as one cell', () => {
  const parseArea = (a: string) => parseRange(stripSheet(a)); // as the grid reads the sheet's merges
  const title = parseArea('A1:E1')!;
  const company = parseArea('B3:B4')!;

  it('reads and writes area addresses, 0-based', () => {
    expect(title).toEqual({ r0: 0, c0: 0, r1: 0, c1: 4 });
    expect(parseArea('Sheet1!$B$3:$B$4')).toEqual(company);
    expect(parseArea('C2')).toEqual({ r0: 1, c0: 2, r1: 1, c1: 2 });
    expect(parseArea('not an address')).toBeNull();
    expect(rangeAddress(title)).toBe('A1:E1');
    expect(rangeAddress({ r0: 1, c0: 2, r1: 1, c1: 2 })).toBe('C2');
  });

  it('draws each area at its top-left, spanning it, and covers the rest', () => {
    const { drawn, covered } = mergeLayout([title, company], 0, 10, 10);
    expect(drawn.get(cellKey(0, 0))).toEqual({ rowSpan: 1, colSpan: 5, area: title });
    expect(drawn.get(cellKey(2, 1))).toEqual({ rowSpan: 2, colSpan: 1, area: company });
    expect([...covered].sort()).toEqual(['0:1', '0:2', '0:3', '0:4', '3:1']);
  });

  it('draws an area that starts above the rows in view from the first row in view', () => {
    const { drawn, covered } = mergeLayout([company], 3, 10, 10);
    expect(drawn.get(cellKey(3, 1))).toEqual({ rowSpan: 1, colSpan: 1, area: company });
    expect(covered.size).toBe(0);
  });

  it('cuts an area at the last row in view and at the last column shown', () => {
    const { drawn, covered } = mergeLayout([parseArea('A1:C5')!], 0, 1, 2);
    expect(drawn.get(cellKey(0, 0))).toMatchObject({ rowSpan: 2, colSpan: 2 });
    expect([...covered].sort()).toEqual(['0:1', '1:0', '1:1']);
    expect(mergeLayout([parseArea('K1:L1')!], 0, 5, 10).drawn.size).toBe(0);
  });

  it('finds the area holding a cell', () => {
    expect(areaAt([title, company], 3, 1)).toBe(company);
    expect(areaAt([title, company], 3, 2)).toBeUndefined();
  });
});
