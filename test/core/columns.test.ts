import fc from 'fast-check';
import { LAYOUT_ROWS_PER_STEP, columnIndex, columnLetter, detectLayout, detectLayoutSteps, matchHeader } from '../../src/core/columns';
import { analyzeSheetSteps } from '../../src/core/analyze';
import { normalizeHeader } from '../../src/core/fields';
import { cellText, cleanText, isBlankCell } from '../../src/core/text';

describe('matchHeader', () => {
  it.each([
    ['客户姓名', 'name'], ['联系人', 'name'], ['Customer Name', 'name'], ['手机号码', 'phone'], ['联系方式', 'phone'],
    ['Mobile', 'phone'], ['Tel.', 'phone'], ['电子邮箱', 'email'], ['E-mail Address', 'email'], ['累计消费金额（元）', 'total'],
    ['Total Spend', 'total'], ['最近联系日期', 'lastContact'], ['Last Order Date', 'lastPurchase'], ['Lead Source', 'channel'],
    ['Account Owner', 'owner'], ['*姓名', 'name'], ['客户 姓名', 'name'], ['ＥＭＡＩＬ', 'email'], ['备注', 'notes'],
  ])('%s → %s', (header, field) => {
    expect(matchHeader(header)?.field).toBe(field);
  });

  it('gives exact words full confidence and partial ones less', () => {
    expect(matchHeader('手机号码')?.confidence).toBe(1);
    const partial = matchHeader('客户手机号码(主)');
    expect(partial?.field).toBe('phone');
    expect(partial?.confidence).toBeLessThan(1);
  });

  it('does not match Latin words inside other words', () => {
    expect(matchHeader('report')).toBeNull();
    expect(matchHeader('xyz')).toBeNull();
  });
});

describe('detectLayoutSteps: the pass over every row in steps', () => {
  // A title row, the header, data rows with a blank and a totals row just either side of a step boundary.
  const rows = Math.floor(2.5 * LAYOUT_ROWS_PER_STEP);
  const grid: unknown[][] = [['2026 客户台账'], ['姓名', '手机', '邮箱', '金额']];
  for (let i = 0; i < rows; i++) grid.push([`客户${i}`, `138${String(i).padStart(8, '0')}`, `c${i}@qq.com`, i]);
  grid[LAYOUT_ROWS_PER_STEP] = [null, null, null, null];
  grid[LAYOUT_ROWS_PER_STEP + 1] = ['合计', null, null, 12345];

  const layoutYields = () => {
    const steps = detectLayoutSteps(grid);
    let yields = 0;
    let next = steps.next();
    for (; !next.done; next = steps.next()) yields++;
    return { yields, layout: next.value };
  };

  it('yields at least once per step of rows and finds the same rows as in one go', () => {
    const { yields, layout: found } = layoutYields();
    expect(yields).toBeGreaterThanOrEqual(Math.ceil((grid.length - 2) / LAYOUT_ROWS_PER_STEP));
    const layout = found!;
    expect(layout.headerRow).toBe(2);
    expect(layout.totalsRows).toEqual([LAYOUT_ROWS_PER_STEP + 2]);
    expect(layout.dataRows).toHaveLength(rows - 2);
    expect(layout.dataRows).not.toContain(LAYOUT_ROWS_PER_STEP + 1);
    expect(layout).toEqual(detectLayout(grid));
  });

  it('comes first in the analysis, as layout steps, before the data rows\' steps', () => {
    const phases: string[] = [];
    const steps = analyzeSheetSteps({ sheet: 'S', values: grid, settings: { asOf: '2026-11-22' } });
    for (let next = steps.next(); !next.done; next = steps.next()) phases.push(next.value.phase);
    const layoutSteps = phases.filter((p) => p === 'layout').length;
    expect(layoutSteps).toBe(layoutYields().yields);
    expect(phases.slice(0, layoutSteps).every((p) => p === 'layout')).toBe(true);
    expect(phases.slice(layoutSteps)).not.toContain('layout');
  });
});

describe('detectLayout', () => {
  it('finds a header on the first row', () => {
    const layout = detectLayout([
      ['姓名', '手机', '邮箱'],
      ['张三', '13800138000', 'a@qq.com'],
    ]);
    expect(layout?.headerRow).toBe(1);
    expect(layout?.columns.name?.column).toBe(0);
    expect(layout?.columns.phone?.column).toBe(1);
    expect(layout?.columns.email?.column).toBe(2);
    expect(layout?.dataRows).toEqual([2]);
  });

  it('finds the header below title rows and a merged banner', () => {
    const layout = detectLayout([
      ['2026 年客户台账', '2026 年客户台账', '2026 年客户台账'],
      ['制表：销售部', null, null],
      [],
      ['客户名称', '联系电话', '累计消费金额'],
      ['王伟', '021-74344991', 5000],
      ['李静', '13100944656', '¥1,200'],
    ]);
    expect(layout?.headerRow).toBe(4);
    expect(layout?.dataRows).toEqual([5, 6]);
    expect(layout?.columns.total?.column).toBe(2);
  });

  it('reads a header split over two rows (group titles above)', () => {
    const layout = detectLayout([
      ['客户', null, '联系方式', null, '消费情况'],
      ['姓名', '公司', '手机', '邮箱', '累计消费'],
      ['王伟', '远航', '13800138000', 'w@qq.com', 100],
    ]);
    expect(layout?.headerRow).toBe(2);
    expect(layout?.columns.phone?.column).toBe(2);
    expect(layout?.columns.email?.column).toBe(3);
    expect(layout?.dataRows).toEqual([3]);
  });

  it('skips blank rows, totals rows, repeated headers and footnotes', () => {
    const layout = detectLayout([
      ['Name', 'Phone', 'Total'],
      ['Ann', '+852 9601 6451', 10],
      [null, '', '  '],
      ['Name', 'Phone', 'Total'],
      ['Bob', '+852 9601 6452', 20],
      ['Total', null, 30],
      ['合计', null, 30],
      ['Note: amounts in CNY', null, null],
    ]);
    expect(layout?.dataRows).toEqual([2, 5]);
    expect(layout?.totalsRows).toEqual([6, 7]);
  });

  it('keeps customers whose names start with a totals word', () => {
    const layout = detectLayout([['Name', 'Company', 'Phone'], ['Total Solutions Ltd', 'Total Solutions Ltd', '+852 9601 6451'], ['合计：', null, null]]);
    expect(layout?.dataRows).toEqual([2]);
    expect(layout?.totalsRows).toEqual([3]);
  });

  it('guesses email and phone columns from the values when the header does not say', () => {
    const layout = detectLayout([
      ['姓名', '公司', '联系', 'x'],
      ['王伟', 'A', '13800138000', 'a@qq.com'],
      ['李静', 'B', '139 0000 0000', 'b@163.com'],
    ]);
    expect(layout?.columns.phone?.column).toBe(2);
    expect(layout?.columns.phone?.how).toBe('values');
    expect(layout?.columns.email?.column).toBe(3);
  });

  it('lists columns it did not map', () => {
    const layout = detectLayout([['姓名', '手机', '星座'], ['王伟', '13800138000', '狮子座']]);
    expect(layout?.unmapped).toEqual([{ column: 2, header: '星座' }]);
  });

  it('lets the user mapping win', () => {
    const layout = detectLayout([['姓名', '手机', '备用'], ['王伟', '1', '13800138000']], { mapping: { phone: 2 } });
    expect(layout?.columns.phone).toMatchObject({ column: 2, how: 'user' });
  });

  it('returns null for sheets without a customer header', () => {
    expect(detectLayout([])).toBeNull();
    expect(detectLayout([['Quarterly report'], ['Revenue', 100]])).toBeNull();
    expect(detectLayout([[1, 2, 3], [4, 5, 6]])).toBeNull();
  });

  it('does not take a data row with one recognised word as the header', () => {
    const layout = detectLayout([
      ['客户列表'],
      ['姓名', '电话', '负责人', '备注'],
      ['王经理', '13800138000', '销售', '备注'],
    ]);
    expect(layout?.headerRow).toBe(2);
  });

  it('respects firstRow when the values start below row 1', () => {
    const layout = detectLayout([['姓名', '手机'], ['王伟', '13800138000']], { firstRow: 10 });
    expect(layout?.headerRow).toBe(10);
    expect(layout?.dataRows).toEqual([11]);
  });
});

describe('column letters', () => {
  it('converts both ways', () => {
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(25)).toBe('Z');
    expect(columnLetter(26)).toBe('AA');
    expect(columnLetter(16383)).toBe('XFD');
    expect(columnIndex('XFD')).toBe(16383);
  });
  it('round-trips every column', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 16383 }), (i) => columnIndex(columnLetter(i)) === i));
  });
});

describe('detectLayout: a row holds a customer only where the header has columns', () => {
  it('skips a row whose values all lie right of the header (a stray value at XFD1048576, a note off to the side)', () => {
    const stray: unknown[] = [];
    stray[16383] = 'stray';
    const grid: unknown[][] = [['姓名', '电话'], ['张三', '13800138000'], [null, null, null, 'note'], ['李四', '13900139000']];
    for (let i = grid.length; i < 40; i++) grid.push([]);
    grid.push(stray);
    expect(detectLayout(grid)!.dataRows).toEqual([2, 4]);
  });
});

describe('detectLayout row kinds: the quick judgement agrees with judging every row on its cleaned texts', () => {
  // The rules as written before the quick path (each row's first three cells cleaned and tested), kept
  // here as the reference: data, totals or skipped for every row the generator can make.
  const TOTALS = /^(合计|总计|小计|共计|总和|汇总|累计合计|总数|合 计|总 计|grand total|sub-?total|totals?|sum)\s*(?:[:：]|\(.*\)|（.*）)?\s*$/i;
  const FOOTNOTE = /^(注|备注|说明|制表|制表人|填表人|审核|note|notes|source|prepared by)\s*[:：]/i;
  const header = ['客户姓名', '手机', '邮箱', '金额'];
  /** `rows` follow the header; the first of them is sheet row `firstRow`. */
  function reference(rows: readonly (readonly unknown[])[], firstRow: number): { data: number[]; totals: number[] } {
    const data: number[] = [];
    const totals: number[] = [];
    rows.forEach((row, k) => {
      // Values only right of the last headed column: no customer there.
      if (row.findIndex((v) => !isBlankCell(v)) >= header.length) return;
      const lead: string[] = [];
      for (const v of row) {
        if (isBlankCell(v)) continue;
        lead.push(cleanText(cellText(v)));
        if (lead.length === 3) break;
      }
      if (lead.length === 0) return;
      const texts = row.map((v) => cleanText(cellText(v)));
      if (lead[0] === header[0] && texts.map(normalizeHeader).join('|') === header.map(normalizeHeader).join('|')) return;
      if (lead.some((t) => TOTALS.test(t)) && !lead.some((t) => t.includes('@'))) { totals.push(k + firstRow); return; }
      if (lead.length === 1 && FOOTNOTE.test(lead[0]!)) return;
      data.push(k + firstRow);
    });
    return { data, totals };
  }
  const cell = fc.oneof(
    fc.constantFrom('', ' ', '合计', '合计：', 'Total', ' total', 'ＴＯＴＡＬ', 'Sum', 'sum (all)', '小计', '总 计', 'Totals Ltd',
      '注：仅供参考', 'Note: draft', '客户姓名', '客户姓名 ', '客户\u200b姓名', 'a@b.com', 'total@x.com', '\u00a0合计', 'S\u0301um',
      'T\u0301otal', '王伟', '小王', '13800138000', '#N/A', '—', '金额', '手机', '邮箱', 'e\u0301', 'ｓｕｍ'),
    fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: false }), fc.boolean(), fc.constant(null),
    fc.constant(new Date(Date.UTC(2025, 0, 2))), fc.string({ maxLength: 4 }), fc.string({ unit: 'grapheme', maxLength: 3 }),
  );
  it('on random rows (header pasted again, totals words in any form, footnotes, numbers, blanks)', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.array(cell, { maxLength: 5 }), fc.constant([...header])), { maxLength: 30 }), (rows) => {
      const grid = [header, [], ...rows]; // a blank row: the header cannot take a second row
      const layout = detectLayout(grid);
      expect(layout).not.toBeNull();
      // A random row beside a pasted header can outscore the real one; the rule under test is the rows' kinds.
      fc.pre(layout!.headerRow === 1);
      const want = reference(grid.slice(1), 2);
      expect(layout!.dataRows).toEqual(want.data);
      expect(layout!.totalsRows).toEqual(want.totals);
    }), { numRuns: 2000 });
  });
});
