import { MB, setup } from './helpers';

describe('ExcelWorkbookPort reads', () => {
  it('reports every capability on ExcelApi 1.10 (the shared runtime\'s minimum); below it, one clear refusal', async () => {
    expect(await setup({ requirementSets: { ExcelApi: '1.10' } }).port.capabilities()).toEqual({ kind: 'excel', conditionalFormats: true, copySheet: true, dataValidation: true, pivotTables: true, charts: true, autoFilter: true });
    for (const old of ['1.9', '1.7', '1.5']) {
      await expect(setup({ requirementSets: { ExcelApi: old } }).port.capabilities()).rejects.toMatchObject({ name: 'WorkbookError', code: 'unsupported', detail: 'excel-too-old' });
    }
  });

  it('refuses to open a new workbook below ExcelApi 1.10 as it refuses everything else, opening nothing', async () => {
    for (const old of ['1.9', '1.8']) {
      const { host, port } = setup({ requirementSets: { ExcelApi: old } });
      await expect(port.openNewWorkbook(new Uint8Array([80, 75, 3, 4]))).rejects.toMatchObject({ name: 'WorkbookError', code: 'unsupported', detail: 'excel-too-old' });
      expect(host.createdWorkbooks()).toEqual([]);
    }
  });

  it('lists sheets with visibility, protection, the used size counted from A1 and the text in A1', async () => {
    const { host, port } = setup();
    host.workbook.addSheet('客户', [
      ['姓名', '电话'],
      ['张三', '13800138000'],
    ]);
    const offset = host.workbook.addSheet('Offset');
    offset.seed('C5', [[1, 2, 3]]);
    host.workbook.addSheet('Empty');
    host.workbook.sheet('Offset').protect();
    host.workbook.model.sheet('Empty')!.visibility = 'Hidden';
    host.resetStats();
    expect(await port.listSheets()).toEqual([
      { name: '客户', visible: true, visibility: 'visible', protected: false, rowCount: 2, columnCount: 2, a1: '姓名' },
      { name: 'Offset', visible: true, visibility: 'visible', protected: true, rowCount: 5, columnCount: 5, a1: null },
      { name: 'Empty', visible: false, visibility: 'hidden', protected: false, rowCount: 0, columnCount: 0, a1: null },
    ]);
    // The sheet list, then everything about every sheet in one more sync.
    expect(host.stats().syncs).toBe(2);
  });

  it('reads values from A1, padding a used range that starts lower and further right; dates stay serials', async () => {
    const { host, port } = setup();
    const s = host.workbook.addSheet('S');
    s.seed('B3', [
      ['name', 'joined'],
      ['Li', 45000],
    ]);
    s.setNumberFormat('C4', 'yyyy-mm-dd');
    s.seedFormula('D4', '=C4+1', 45001);
    expect(await port.readValues('S')).toEqual([
      ['', '', '', ''],
      ['', '', '', ''],
      ['', 'name', 'joined', ''],
      ['', 'Li', 45000, 45001],
    ]);
  });

  it('gives [] for an empty sheet and not-found for a missing one', async () => {
    const { host, port } = setup();
    host.workbook.addSheet('Empty');
    expect(await port.readValues('Empty')).toEqual([]);
    await expect(port.readValues('Nope')).rejects.toMatchObject({ name: 'WorkbookError', code: 'not-found' });
  });

  it('reads formulas of one column, values where a cell has none', async () => {
    const { host, port } = setup();
    const s = host.workbook.addSheet('S', [['a'], [1], [2]]);
    s.seedFormula('A4', '=SUM(A2:A3)', 3);
    expect(await port.readFormulas('S', 0, 1, 3)).toEqual([1, 2, '=SUM(A2:A3)']);
    expect(await port.readFormulas('S', 0, 3, 2)).toEqual([]);
  });

  it('reads 100,000 × 17 under the 5 MB response limit in ceil(bytes / 4 MB) + 1 syncs', async () => {
    const { host, port } = setup();
    const header = Array.from({ length: 17 }, (_, j) => `字段${j + 1}`);
    const rows: unknown[][] = [header];
    for (let i = 0; i < 100_000; i++) {
      rows.push([
        `客户${i}`,
        `138${String(i).padStart(8, '0')}`,
        `user${i}@example.com`,
        '北京市朝阳区建国路88号',
        45000 + (i % 900),
        i * 1.5,
        i % 7,
        '某某科技有限公司',
        'active',
        'high',
        45100 + (i % 300),
        `备注 ${i % 13}`,
        i % 2 === 0,
        '',
        'WeChat',
        `+86 10 ${String(i).padStart(8, '0')}`,
        'ok',
      ]);
    }
    host.workbook.addSheet('Big', rows);
    host.resetStats();
    const got = await port.readValues('Big');
    const stats = host.stats();
    expect(got.length).toBe(100_001);
    expect(got[0]).toEqual(header);
    expect(got[100_000]).toEqual(rows[100_000]);
    expect(got[54_321]).toEqual(rows[54_321]);
    expect(stats.largestResponseBytes).toBeLessThanOrEqual(5 * MB);
    expect(stats.syncs).toBeLessThanOrEqual(Math.ceil(stats.bytesRead / (4 * MB)) + 1);
    console.log(`readValues 100k×17: ${stats.syncs} syncs, ${(stats.bytesRead / MB).toFixed(2)} MB read, largest response ${(stats.largestResponseBytes / MB).toFixed(2)} MB`);
  });

  it('shrinks a chunk and retries when Excel refuses the response size', async () => {
    // The host's limit (200 KB) is far below our budget (4 MB): every oversized sync is refused, then halved.
    const { host, port } = setup({ payloadLimitBytes: 200 * 1024 });
    const rows = Array.from({ length: 20_000 }, (_, i) => [`row ${i}`, i, 'x'.repeat(20)]);
    host.workbook.addSheet('S', rows);
    const got = await port.readValues('S');
    expect(got).toEqual(rows);
  });

  it('respects a lowered budget', async () => {
    const { host, port } = setup({ payloadLimitBytes: 1 * MB }, { maxRequestBytes: 512 * 1024 });
    const rows = Array.from({ length: 30_000 }, (_, i) => [`customer ${i}`, `user${i}@example.com`, i]);
    host.workbook.addSheet('S', rows);
    host.resetStats();
    expect(await port.readValues('S')).toEqual(rows);
    const stats = host.stats();
    expect(stats.largestResponseBytes).toBeLessThanOrEqual(1 * MB);
    expect(stats.syncs).toBeLessThanOrEqual(Math.ceil(stats.bytesRead / (512 * 1024)) + 1);
  });
});
