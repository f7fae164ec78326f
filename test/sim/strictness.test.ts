/**
 * What real Excel refuses or does differently, found by an audit (DESIGN, "Office.js facts"): the
 * simulator is at least as strict, so code that passes it does not fail in Excel.
 */
import { createSimHost, type SimHost } from '../../src/sim';

type Ctx = Excel.RequestContext;
const run = <T>(host: SimHost, f: (c: Ctx) => Promise<T>): Promise<T> => host.Excel.run(f);

describe('formulas are checked when they are entered', () => {
  const setup = () => {
    const host = createSimHost();
    host.workbook.addSheet('S', [['name', 'amount'], ['a', 1], ['b', 2]]);
    return host;
  };

  it('refuses a structured reference to a table that does not exist yet, and keeps what the request did before it', async () => {
    const host = setup();
    await run(host, async (c) => {
      const ws = c.workbook.worksheets.getItem('S');
      ws.getRange('D1').values = [['before']];
      ws.getRange('C2').formulas = [['=Ledger[@[amount]]*2']];
      await expect(c.sync()).rejects.toMatchObject({ code: 'InvalidArgument', message: expect.stringMatching(/table "Ledger"/) });
    });
    // Not rolled back: the write queued before the formula is there.
    expect(host.workbook.sheet('S').cell('D1').value).toBe('before');
    expect(host.workbook.sheet('S').cell('C2').formula).toBeNull();
  });

  it('accepts it once the table has its name (the name is set in the same request, before the formula)', async () => {
    const host = setup();
    await run(host, async (c) => {
      const ws = c.workbook.worksheets.getItem('S');
      const t = ws.tables.add('A1:C3', true);
      t.name = 'Ledger';
      ws.getRange('C2:C3').formulas = [['=Ledger[@[amount]]*2'], ['=Ledger[@[amount]]*2']];
      await c.sync();
    });
    expect(host.workbook.sheet('S').cell('C3').value).toBe(4);
  });

  it('refuses a column the table does not have, a sheet that does not exist, and a name (the simulator defines none)', async () => {
    const host = setup();
    host.workbook.model.addTable(host.workbook.model.sheet('S')!, { r0: 0, c0: 0, r1: 2, c1: 1 }, true);
    for (const formula of ['=SUM(Table1[nope])', "='No sheet'!A1+1", '=Missing!A1', '=taxRate*2', '=[@amount]']) {
      await expect(run(host, async (c) => {
        c.workbook.worksheets.getItem('S').getRange('E5').formulas = [[formula]];
        await c.sync();
      })).rejects.toMatchObject({ code: 'InvalidArgument' });
    }
    // An unknown function is Excel's #NAME? in the cell, not a refusal.
    await run(host, async (c) => {
      c.workbook.worksheets.getItem('S').getRange('E5').formulas = [['=NOSUCH(1)']];
      await c.sync();
    });
    expect(host.workbook.sheet('S').cell('E5').value).toBe('#NAME?');
  });
});

describe('merged areas', () => {
  it('getMergedAreasOrNullObject fails above 512 areas (Office typings), answers at 512', async () => {
    const host = createSimHost();
    const s = host.workbook.addSheet('S');
    for (let i = 0; i < 513; i++) s.merge(`A${2 * i + 1}:B${2 * i + 1}`);
    await run(host, async (c) => {
      const ws = c.workbook.worksheets.getItem('S');
      const ok = ws.getRange('A1:B1024').getMergedAreasOrNullObject().load('areaCount');
      await c.sync();
      expect(ok.areaCount).toBe(512);
      ws.getRange('A:B').getMergedAreasOrNullObject().load('areaCount');
      await expect(c.sync()).rejects.toMatchObject({ code: 'GeneralException' });
    });
  });

  it('reads a merged area\'s other cells as empty (values and formulas), even when the file holds something there', async () => {
    const host = createSimHost();
    const s = host.workbook.addSheet('S');
    s.merge('A1:C1');
    s.seed('A1', [['title', 'hidden', '=1+1']]);
    const got = await run(host, async (c) => {
      const r = c.workbook.worksheets.getItem('S').getRange('A1:C1').load('values,formulas');
      await c.sync();
      return { values: r.values, formulas: r.formulas };
    });
    expect(got).toEqual({ values: [['title', '', '']], formulas: [['title', '', '']] });
  });
});

describe('charts and PivotTables', () => {
  const withPivot = async () => {
    const host = createSimHost();
    host.workbook.addSheet('Data', [['region', '备注', 'amount', '备注'], ['北京', 'x', 10, 'y'], ['上海', 'z', 5, 'w']]);
    host.workbook.addSheet('P');
    await run(host, async (c) => {
      const ws = c.workbook.worksheets.getItem('P');
      const p = ws.pivotTables.add('ByRegion', c.workbook.worksheets.getItem('Data').getRange('A1:D3'), ws.getRange('A1'));
      p.rowHierarchies.add(p.hierarchies.getItem('region'));
      p.dataHierarchies.add(p.hierarchies.getItem('amount'));
      await c.sync();
    });
    return host;
  };

  it('flags a chart whose source lies in PivotTable cells (Excel makes it a PivotChart of the whole pivot, office-js #419)', async () => {
    const host = await withPivot();
    await expect(run(host, async (c) => {
      const ws = c.workbook.worksheets.getItem('P');
      ws.charts.add('ColumnClustered', ws.getRange('A2:B3'), 'Auto');
      await c.sync();
    })).rejects.toMatchObject({ code: 'InvalidOperation', message: expect.stringMatching(/PivotTable "ByRegion"/) });
    // Over plain values it is an ordinary chart.
    await run(host, async (c) => {
      const ws = c.workbook.worksheets.getItem('P');
      ws.getRange('F1:G2').values = [['北京', 10], ['上海', 5]];
      ws.charts.add('ColumnClustered', ws.getRange('F1:G2'), 'Auto');
      await c.sync();
    });
    expect(host.workbook.charts).toHaveLength(1);
  });

  it('numbers a repeated header of the source (备注, 备注2): the field is found by that name only', async () => {
    const host = await withPivot();
    const names = await run(host, async (c) => {
      const h = c.workbook.pivotTables.getItem('ByRegion').hierarchies.load('items/name');
      await c.sync();
      return h.items.map((x) => x.name);
    });
    expect(names).toEqual(['region', '备注', 'amount', '备注2']);
    await run(host, async (c) => {
      const p = c.workbook.pivotTables.getItem('ByRegion');
      p.columnHierarchies.add(p.hierarchies.getItem('备注2'));
      await c.sync();
    });
  });

  it('refuses a PivotTable that would grow into another one (PivotTableRangeConflict), or start inside one', async () => {
    const host = await withPivot();
    await run(host, async (c) => {
      const ws = c.workbook.worksheets.getItem('P');
      const data = c.workbook.worksheets.getItem('Data').getRange('A1:D3');
      // "Top" is two rows (caption and total) until it gets row items.
      const top = ws.pivotTables.add('Top', data, ws.getRange('E1'));
      top.dataHierarchies.add(top.hierarchies.getItem('amount'));
      const below = ws.pivotTables.add('Below', data, ws.getRange('E4'));
      below.rowHierarchies.add(below.hierarchies.getItem('region'));
      await c.sync();
      // Wider is fine (columns F, G are free); two region rows make it four rows tall: into "Below".
      top.rowHierarchies.add(top.hierarchies.getItem('region'));
      await expect(c.sync()).rejects.toMatchObject({ code: 'PivotTableRangeConflict' });
      ws.pivotTables.add('Inside', data, ws.getRange('B2'));
      await expect(c.sync()).rejects.toMatchObject({ code: 'PivotTableRangeConflict' });
    });
    // The refused growth left "Top" as it was.
    expect(host.workbook.sheet('P').cell('E2').value).toBe(15);
  });
});

describe('null objects', () => {
  it('loading below an …OrNullObject that found nothing fails at sync; the null object itself loads', async () => {
    const host = createSimHost();
    host.workbook.addSheet('S', [['a']]);
    await run(host, async (c) => {
      const missing = c.workbook.worksheets.getItemOrNullObject('Not yet');
      missing.load('name');
      await c.sync();
      expect(missing.isNullObject).toBe(true);
      for (const below of [
        () => missing.protection.load('protected'),
        () => missing.tables.load('items/name'),
        () => missing.charts.load('items/name'),
        () => missing.getRange('A1:A9').conditionalFormats.load('items/type'),
        () => missing.getRange('A1').getMergedAreasOrNullObject().load('address'),
        () => missing.getUsedRangeOrNullObject().load('address'),
      ]) {
        below();
        await expect(c.sync()).rejects.toMatchObject({ code: 'ItemNotFound', message: expect.stringMatching(/below a null object/) });
      }
    });
  });

  it('loads navigation properties of a collection\'s items in the same request (items/protection/protected)', async () => {
    const host = createSimHost();
    host.workbook.addSheet('A');
    host.workbook.addSheet('B').protect();
    const got = await run(host, async (c) => {
      const sheets = c.workbook.worksheets.load('items/name,items/protection/protected');
      await c.sync();
      return sheets.items.map((ws) => [ws.name, ws.protection.protected]);
    });
    expect(got).toEqual([['A', false], ['B', true]]);
    expect(host.stats().syncs).toBe(1);
  });
});

describe('Range.values', () => {
  const write = async (values: unknown, format?: string, address = 'A1') => {
    const host = createSimHost();
    host.workbook.addSheet('S');
    if (format) host.workbook.sheet('S').setNumberFormat(address, format);
    await run(host, async (c) => {
      c.workbook.worksheets.getItem('S').getRange(address).values = values as unknown[][];
      await c.sync();
    });
    return host.workbook.sheet('S');
  };

  it('keeps a leading apostrophe as text in a Text ("@") cell; elsewhere it is a prefix that is not stored', async () => {
    expect((await write([["'abc"]], '@')).cell('A1').value).toBe("'abc");
    expect((await write([["'+8613800138000"]], '@')).cell('A1').value).toBe("'+8613800138000");
    expect((await write([["'+8613800138000"]])).cell('A1').value).toBe('+8613800138000');
    expect((await write([['+8613800138000']], '@')).cell('A1').value).toBe('+8613800138000');
  });

  it('refuses an array whose shape does not match the range (InvalidArgument), writing nothing', async () => {
    for (const values of [[['a', 'b']], [['a'], ['b'], ['c']], [['a', 'b'], ['c']], ['a', 'b'], []]) {
      await expect(write(values, undefined, 'A1:B2')).rejects.toMatchObject({ code: 'InvalidArgument' });
    }
    expect((await write([['a', 'b'], ['c', 'd']], undefined, 'A1:B2')).values()).toEqual([['a', 'b'], ['c', 'd']]);
  });
});

describe('used ranges of a sparse sheet', () => {
  it('Range.getUsedRangeOrNullObject gives the used cells of the range (null when it has none), without reading the rectangle', async () => {
    const host = createSimHost();
    const s = host.workbook.addSheet('S', [['a', 'b'], ['c', 'd']]);
    s.seed('XFD1048576', [['stray']]);
    const got = await run(host, async (c) => {
      const ws = c.workbook.worksheets.getItem('S');
      const whole = ws.getUsedRange(true).load('address');
      const top = ws.getRangeByIndexes(0, 0, 65_536, 16_384).getUsedRangeOrNullObject(true).load('address');
      const middle = ws.getRangeByIndexes(65_536, 0, 65_536, 16_384).getUsedRangeOrNullObject(true).load('address');
      const bottom = ws.getRangeByIndexes(983_040, 0, 65_536, 16_384).getUsedRangeOrNullObject(true).load('address');
      await c.sync();
      return { whole: whole.address, top: top.address, middle: middle.isNullObject, bottom: bottom.address };
    });
    expect(got).toEqual({ whole: 'S!A1:XFD1048576', top: 'S!A1:B2', middle: true, bottom: 'S!XFD1048576' });
  });
});
