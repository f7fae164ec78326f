import { WorkbookError, type WriteOp, type WritePlan } from '../../../src/workbook/port';
import { createSimHost } from '../../../src/sim';
import { ExcelWorkbookPort, charactersToPoints, type ExcelHost } from '../../../src/workbook/excel/excelPort';
import { MB, asExcelHost, setup } from './helpers';

const plan = (...ops: WriteOp[]): WritePlan => ({ description: 'test', ops });

describe('ExcelWorkbookPort.apply: cells', () => {
  it('keeps strings as literal text, formulas as formulas, numbers and booleans as they are', async () => {
    const { host, port } = setup();
    host.workbook.addSheet('S');
    const texts = ['+8613800138000', '=SUM(A1)', '-', '@home', '+86 请勿外传', "'quoted", '00123', '2024-01-05', 'TRUE', '#N/A', '1/2', 'plain'];
    await port.apply(plan({ op: 'writeBlock', sheet: 'S', row: 0, col: 0, values: [texts, [1, 2.5, true, null, { formula: 'SUM(B2:C2)' }, { formula: '=A2*2' }]] }));
    const s = host.workbook.sheet('S');
    texts.forEach((t, j) => {
      const cell = s.cell(`${String.fromCharCode(65 + j)}1`);
      expect({ j, value: cell.value, formula: cell.formula }).toEqual({ j, value: t, formula: null });
    });
    expect(s.cell('A2').value).toBe(1);
    expect(s.cell('C2').value).toBe(true);
    expect(s.cell('D2').value).toBe('');
    expect(s.cell('E2').formula).toBe('=SUM(B2:C2)');
    // SUM over a range skips booleans, as in Excel.
    expect(s.cell('E2').value).toBe(2.5);
    expect(s.cell('F2').value).toBe(2);
  });

  it('empties cells written as null, leaves cells past the end of a short row, reports progress to 100 %', async () => {
    const { host, port } = setup();
    host.workbook.addSheet('S', [['old', 'old', 'old']]);
    const seen: { done: number; total: number }[] = [];
    await port.apply(plan({ op: 'writeBlock', sheet: 'S', row: 0, col: 0, values: [['new', null], ['a', 'b', 'c']] }), { onProgress: (p) => seen.push(p) });
    expect(host.workbook.sheet('S').values()).toEqual([
      ['new', '', 'old'],
      ['a', 'b', 'c'],
    ]);
    expect(seen.at(-1)?.done).toBe(seen.at(-1)?.total);
  });

  it('sets number formats per column before the values', async () => {
    const { host, port } = setup();
    host.workbook.addSheet('S');
    await port.apply(
      plan({ op: 'writeBlock', sheet: 'S', row: 1, col: 1, values: [['13800138000', 45000, 3]], numberFormats: ['@', 'yyyy-mm-dd', undefined] }),
    );
    const s = host.workbook.sheet('S');
    expect(s.cell('B2')).toMatchObject({ value: '13800138000', numberFormat: '@' });
    expect(s.cell('C2')).toMatchObject({ value: 45000, numberFormat: 'yyyy-mm-dd', text: '2023-03-15' });
    expect(s.cell('D2').numberFormat).toBe('General');
  });

  it('makes a large block into request cells a slice at a time, calling the caller\'s turn between slices, in the same syncs as without it', async () => {
    const values = Array.from({ length: 30_000 }, (_, i) => [`客户${i}：${'备注'.repeat(40)}`, { formula: `=LEN(A${i + 1})` }, i % 7 === 0 ? '=not a formula' : i]); // ≈ 7.5 MB
    const run = async (withTurns: boolean) => {
      const { host, port } = setup();
      host.workbook.addSheet('S');
      host.resetStats();
      const syncsAtTurns: number[] = [];
      await port.apply(plan({ op: 'writeBlock', sheet: 'S', row: 0, col: 0, values }), withTurns ? { turn: async () => void syncsAtTurns.push(host.stats().syncs) } : {});
      return { host, syncs: host.stats().syncs, syncsAtTurns };
    };
    const plain = await run(false);
    const sliced = await run(true);
    expect(sliced.syncs).toBe(plain.syncs);
    expect(plain.syncs).toBeGreaterThanOrEqual(3); // the preflight and two requests of cells at least
    expect(sliced.syncsAtTurns.length).toBe(Math.ceil(30_000 / 4096));
    // Turns come before the data's first sync (after the preflight only) and between the later ones.
    expect(sliced.syncsAtTurns[0]).toBeLessThan(plain.syncs - 1);
    expect(new Set(sliced.syncsAtTurns).size).toBeGreaterThan(1);
    for (const { host } of [plain, sliced]) {
      const s = host.workbook.sheet('S');
      expect(s.usedAddress()).toBe('A1:C30000');
      expect(s.cell('B29999').formula).toBe('=LEN(A29999)');
      expect(s.cell('C8').value).toBe('=not a formula');
      expect(s.cell('C9').value).toBe(8);
    }
  });

  it('writes 100,000 × 6 realistic strings (≈ 15 MB) with every request ≤ 4 MB in ceil(bytes / 4 MB) + 2 syncs', async () => {
    const { host, port } = setup();
    host.workbook.addSheet('客户');
    const values = Array.from({ length: 100_000 }, (_, i) => [
      `张三丰${i}`,
      `+86138${String(i).padStart(8, '0')}`,
      `customer.${i}@example.com`,
      `北京市朝阳区建国路${i % 500}号院${i % 20}号楼`,
      '某某科技（北京）有限公司',
      i % 3 === 0 ? '-' : `VIP since 2019; prefers WeChat #${i}`,
    ]);
    const bytes = Buffer.byteLength(JSON.stringify(values));
    expect(bytes).toBeGreaterThan(14 * MB);
    host.resetStats();
    const progress: number[] = [];
    await port.apply(plan({ op: 'writeBlock', sheet: '客户', row: 0, col: 0, values }), { onProgress: (p) => progress.push(p.done) });
    const stats = host.stats();
    console.log(`writeBlock 100k×6: ${(bytes / MB).toFixed(2)} MB of values, ${stats.syncs} syncs, ${(stats.bytesWritten / MB).toFixed(2)} MB sent, largest request ${(stats.largestRequestBytes / MB).toFixed(3)} MB`);
    expect(stats.largestRequestBytes).toBeLessThanOrEqual(4 * MB);
    // One preflight sync (sheet names + protection), then the data.
    expect(stats.syncs).toBeLessThanOrEqual(Math.ceil(bytes / (4 * MB)) + 2);
    expect(progress.length).toBeGreaterThanOrEqual(stats.syncs);
    const s = host.workbook.sheet('客户');
    expect(s.usedAddress()).toBe('A1:F100000');
    expect(s.cell('B100000').value).toBe('+8613800099999');
    expect(s.cell('F1').value).toBe('-');
    expect(s.cell('A54321').value).toBe('张三丰54320');
  });

  it('respects a lowered budget, and a lower host limit it was not told about', async () => {
    const values = Array.from({ length: 20_000 }, (_, i) => [`name ${i}`, `+86138${String(i).padStart(8, '0')}`, i]);
    const told = setup({ payloadLimitBytes: 300 * 1024 }, { maxRequestBytes: 256 * 1024 });
    told.host.workbook.addSheet('S');
    await told.port.apply(plan({ op: 'writeBlock', sheet: 'S', row: 0, col: 0, values }));
    expect(told.host.stats().largestRequestBytes).toBeLessThanOrEqual(256 * 1024);
    expect(told.host.workbook.sheet('S').cell('B20000').value).toBe('+8613800019999');

    const untold = setup({ payloadLimitBytes: 300 * 1024 });
    untold.host.workbook.addSheet('S');
    await untold.port.apply(plan({ op: 'writeBlock', sheet: 'S', row: 0, col: 0, values }));
    expect(untold.host.workbook.sheet('S').values()).toEqual(values);
  });
});

describe('ExcelWorkbookPort.apply: sheets and formats', () => {
  it('adds, copies and deletes sheets; formats, widths, freeze, tables', async () => {
    const { host, port } = setup();
    host.workbook.addSheet('Data', [
      ['name', 'amount'],
      ['a', 1],
      ['b', 2],
    ]);
    host.workbook.addSheet('Old');
    await port.apply(
      plan(
        { op: 'addSheet', name: 'New', activate: true },
        { op: 'deleteSheet', name: 'Old' },
        { op: 'deleteSheet', name: 'NeverThere' },
        { op: 'copySheet', from: 'Data', to: 'Data backup' },
        { op: 'format', sheet: 'Data', address: 'A1:B1', bold: true, fill: '#FFEE00', fontColor: '#112233', wrap: true, align: 'center' },
        { op: 'columnWidths', sheet: 'Data', widths: [{ col: 0, width: 12 }, { col: 1, width: 12 }, { col: 3, width: 30 }] },
        { op: 'freeze', sheet: 'Data', rows: 1 },
        { op: 'freeze', sheet: 'New', rows: 2, columns: 1 },
        { op: 'addTable', sheet: 'Data', address: 'A1:B3', name: 'Ledger', style: 'TableStyleMedium2' },
      ),
    );
    const wb = host.workbook;
    expect(wb.sheetNames()).toEqual(['Data', 'New', 'Data backup']);
    expect(wb.sheet('Data backup').values()).toEqual(wb.sheet('Data').values());
    const a1 = wb.sheet('Data').cell('A1');
    expect(a1).toMatchObject({ bold: true, fill: '#FFEE00', fontColor: '#112233' });
    expect(wb.sheet('Data').columnWidths.get(0)).toBe(charactersToPoints(12));
    expect(wb.sheet('Data').columnWidths.get(3)).toBe(charactersToPoints(30));
    expect(charactersToPoints(8.43)).toBeCloseTo(48, 0);
    expect(wb.sheet('Data').freeze).toEqual({ rows: 1, columns: 0 });
    expect(wb.sheet('New').freeze).toEqual({ rows: 2, columns: 1 });
    expect(wb.tables).toEqual([expect.objectContaining({ name: 'Ledger', sheet: 'Data', address: 'Data!A1:B3', style: 'TableStyleMedium2' })]);

    // Applying the table again is skipped: a table already covers the range.
    await port.apply(plan({ op: 'addTable', sheet: 'Data', address: 'A1:B3', name: 'Ledger2' }));
    expect(wb.tables.map((t) => t.name)).toEqual(['Ledger']);
  });

  it('packs a whole small plan into the preflight sync plus one', async () => {
    const { host, port } = setup();
    host.workbook.addSheet('Data', [['name'], ['a']]);
    host.resetStats();
    await port.apply(
      plan(
        { op: 'copySheet', from: 'Data', to: 'Backup' },
        { op: 'addSheet', name: 'Summary' },
        { op: 'writeBlock', sheet: 'Summary', row: 0, col: 0, values: [['tier', 'count'], ['high', { formula: 'COUNTIF(Data!A:A,"a")' }]] },
        { op: 'format', sheet: 'Summary', address: 'A1:B1', bold: true },
        { op: 'columnWidths', sheet: 'Summary', widths: [{ col: 0, width: 10 }] },
        { op: 'freeze', sheet: 'Summary', rows: 1 },
        { op: 'conditionalFormat', sheet: 'Data', address: 'A2:A2', formula: '=$A2="a"', fill: '#FFC7CE' },
        { op: 'validation', sheet: 'Data', address: 'A2:A2', rule: { type: 'list', items: ['a', 'b'] } },
        { op: 'chart', sheet: 'Summary', name: 'C', type: 'bar', source: 'A1:B2', title: 'T', topLeft: 'D2', bottomRight: 'H9' },
      ),
    );
    expect(host.stats().syncs).toBe(2);
    expect(host.workbook.sheet('Summary').cell('B2').value).toBe(1);
  });

  it('refuses an existing sheet name and a missing sheet before writing anything', async () => {
    const { host, port } = setup();
    host.workbook.addSheet('S');
    await expect(port.apply(plan({ op: 'writeBlock', sheet: 'S', row: 0, col: 0, values: [['x']] }, { op: 'addSheet', name: 's' }))).rejects.toMatchObject({ code: 'exists' });
    await expect(port.apply(plan({ op: 'writeBlock', sheet: 'S', row: 0, col: 0, values: [['x']] }, { op: 'format', sheet: 'T', address: 'A1', bold: true }))).rejects.toMatchObject({ code: 'not-found' });
    await expect(port.apply(plan({ op: 'copySheet', from: 'S', to: 'S' }))).rejects.toMatchObject({ code: 'exists' });
    expect(host.workbook.sheet('S').values()).toEqual([]);
  });

  it('deletes rows from the bottom up, contiguous rows in one range', async () => {
    const { host, port } = setup();
    host.workbook.addSheet('S', Array.from({ length: 10 }, (_, i) => [`r${i + 1}`]));
    host.resetStats();
    await port.apply(plan({ op: 'deleteRows', sheet: 'S', rows: [3, 9, 4, 5, 2, 10] }));
    expect(host.workbook.sheet('S').values()).toEqual([['r1'], ['r6'], ['r7'], ['r8']]);
    expect(host.stats().syncs).toBe(2);
  });
});

describe('ExcelWorkbookPort.apply: protection, errors, requirement sets', () => {
  it('throws protected and writes nothing when a target sheet is protected', async () => {
    const { host, port } = setup();
    host.workbook.addSheet('Open');
    host.workbook.addSheet('Locked', [['keep']]);
    host.workbook.sheet('Locked').protect();
    const p = port.apply(
      plan(
        { op: 'writeBlock', sheet: 'Open', row: 0, col: 0, values: [['written?']] },
        { op: 'addSheet', name: 'Added' },
        { op: 'writeBlock', sheet: 'Locked', row: 0, col: 0, values: [['changed']] },
      ),
    );
    await expect(p).rejects.toBeInstanceOf(WorkbookError);
    await expect(p).rejects.toMatchObject({ code: 'protected' });
    expect(host.workbook.sheet('Open').values()).toEqual([]);
    expect(host.workbook.sheetNames()).toEqual(['Open', 'Locked']);
    expect(host.workbook.sheet('Locked').values()).toEqual([['keep']]);
  });

  it('maps Office errors to WorkbookError codes without cell data in the message', async () => {
    const { host, port } = setup();
    host.workbook.addSheet('S');
    const err = await port.apply(plan({ op: 'writeBlock', sheet: 'S', row: 0, col: 0, values: [[{ formula: 'SECRET(' }]] })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookError);
    expect((err as WorkbookError).code).toBe('host');
    expect((err as WorkbookError).message).not.toContain('SECRET');
    await expect(port.apply(plan({ op: 'chart', sheet: 'S', name: 'c', type: 'pie', source: 'A1:B2', title: 't', topLeft: 'ZZZZ1', bottomRight: 'D9' }))).rejects.toMatchObject({ code: 'host' });
  });

  it('below ExcelApi 1.10 refuses any plan up front, with one clear reason, before any sync', async () => {
    const { host, port } = setup({ requirementSets: { ExcelApi: '1.9' } });
    host.workbook.addSheet('S', [['a', 'b'], ['x', 1]]);
    host.resetStats();
    for (const op of [
      { op: 'writeBlock', sheet: 'S', row: 5, col: 0, values: [['w']] },
      { op: 'validation', sheet: 'S', address: 'A2:A9', rule: { type: 'list', items: ['a', 'b'] } },
      { op: 'conditionalFormat', sheet: 'S', address: 'A1:A9', formula: '=A1>1', fill: '#FF0000' },
      { op: 'copySheet', from: 'S', to: 'Backup' },
    ] as WriteOp[]) {
      await expect(port.apply(plan(op))).rejects.toMatchObject({ code: 'unsupported', detail: 'excel-too-old', message: expect.stringMatching(/too old.*1\.10/) });
    }
    expect(host.stats().syncs).toBe(0);
    expect(host.workbook.sheetNames()).toEqual(['S']);
    expect(host.workbook.sheet('S').cell('A6').value).toBe('');
  });

  it('times out when Excel never answers a sync', async () => {
    const host = createSimHost();
    host.workbook.addSheet('S');
    // The same host, except that every sync hangs forever (as on the web now and then).
    const run = (batch: (c: unknown) => Promise<unknown>) =>
      host.Excel.run((ctx) => batch(new Proxy(ctx, { get: (t, p) => (p === 'sync' ? () => new Promise(() => undefined) : Reflect.get(t, p)) })));
    const hanging = { ...asExcelHost(host), Excel: { run } } as unknown as ExcelHost;
    const port = new ExcelWorkbookPort(hanging, { timeoutMs: 50 });
    await expect(port.readFormulas('S', 0, 0, 5)).rejects.toMatchObject({ code: 'host', message: expect.stringMatching(/did not answer/) });
    await expect(port.apply(plan({ op: 'freeze', sheet: 'S', rows: 1 }))).rejects.toMatchObject({ code: 'host' });
  });
});
