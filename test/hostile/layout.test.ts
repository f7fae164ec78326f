/**
 * Sheet layout through the Office.js adapter on the simulator, which now has Excel's merged cells,
 * hidden rows and columns and AutoFilter: what the xlsx side tests in structure.test.ts and
 * values.test.ts, with real merges and a filter that hides rows. Values of hidden and filtered-out rows
 * are read and written (Range.values ignores hiding), and nothing of the user's layout is undone.
 */
import { findDuplicates, restoreBackup } from '../../src/actions';
import { HEADER, seedSim, smallLedger, type Cell } from './cells';
import {
  ACTION_NAMES, attempt, cleanTemp, ctxFor, expectOk, expectUserError, runEach, simSnapshot, simWorkbook, xlsxSnapshot, xlsxWorkbook, type SimCase,
} from './harness';
import { seedXlsx } from './cells';
import { checkContacts } from '../../src/actions';
import { createSimHost } from '../../src/sim';
import { ExcelWorkbookPort } from '../../src/workbook/excel/excelPort';

afterAll(cleanTemp);
import { cellText } from '../../src/core/text';

function sim(rows: Cell[][], name = '客户信息'): SimCase {
  const c = simWorkbook({});
  c.host.workbook.addSheet(name);
  seedSim(c.host, name, rows);
  return c;
}

/** The user's layout, as a user would see it: merges, hidden rows and columns, the filter. */
function layout(c: SimCase, name = '客户信息') {
  const s = c.host.workbook.sheet(name);
  return { merges: s.merges(), hiddenRows: s.hiddenRows(), hiddenColumns: s.hiddenColumns(), filter: s.autoFilter() };
}

const text = (values: unknown[][]) => values.map((r) => r.map((v) => cellText(v)));
function column(values: unknown[][], header: string, headerRow = 1): string[] {
  const c = values[headerRow - 1]!.findIndex((v) => cellText(v) === header);
  expect(c).toBeGreaterThanOrEqual(0);
  return values.slice(headerRow).map((r) => cellText(r[c]));
}

async function inExcel(c: SimCase, batch: (ws: Excel.Worksheet) => void): Promise<void> {
  await c.host.Excel.run(async (context) => {
    batch(context.workbook.worksheets.getItem('客户信息'));
    await context.sync();
  });
}

describe('merged cells in the header and the data (real merges)', () => {
  const rows = (): Cell[][] => [
    ['客户台账 2026', null, null, null, null, null, null, null],
    ['基本信息', null, '联系方式', null, '交易', null, null, null],
    ...smallLedger(),
  ];
  const merge = (c: SimCase) => inExcel(c, (ws) => {
    for (const a of ['A1:H1', 'A2:B2', 'C2:D2', 'E2:G2', 'B4:B5']) ws.getRange(a).merge();
  });

  it('every action works, the checks land on the right rows, the merges and banner stay', async () => {
    const c = sim(rows());
    await merge(c);
    const before = layout(c);
    expect(before.merges).toEqual(['A1:H1', 'A2:B2', 'C2:D2', 'E2:G2', 'B4:B5']);
    // B5 read empty: the merge keeps the company in B4 only, as Office.js returns it.
    expect(c.host.workbook.sheet('客户信息').values()[4]![1]).toBe('');
    const outcomes = await runEach(c.port, () => simSnapshot(c.host));
    for (const name of ACTION_NAMES) expectOk(outcomes[name]);
    const values = c.host.workbook.sheet('客户信息').values();
    const phone = column(values, '电话检查', 3);
    expect(phone.slice(0, 6)).toEqual(['', '', expect.stringMatching(/^无效/), '', '', '空']);
    const group = column(values, '重复组', 3);
    expect(group[0]).not.toBe('');
    expect(group[0]).toBe(group[4]);
    expect(layout(c)).toEqual(before);
    expect(text(values)[0]!.slice(0, 8)).toEqual(['客户台账 2026', '', '', '', '', '', '', '']);
  });

  it('archiving a row under a merged area shrinks it as Excel does; restoring the backup brings the row back', async () => {
    const c = sim(rows());
    await merge(c);
    const original = c.host.workbook.sheet('客户信息').values();
    const moved = await findDuplicates(ctxFor(c.port), { archive: true });
    // Row 4 (the first of two under the merged company B4:B5) is not kept: deleting it shrinks the
    // merge to one cell, which keeps the company, now on the customer of row 5.
    expect(moved.archived).toEqual([4]);
    expect(layout(c).merges).toEqual(['A1:H1', 'A2:B2', 'C2:D2', 'E2:G2']);
    expect(c.host.workbook.sheet('客户信息').cell('B4').value).toBe(original[3]![1]);
    const restored = await restoreBackup(ctxFor(c.port, { now: new Date(2026, 10, 23, 18, 0) }), { backupSheet: moved.backupSheet! });
    expect(restored.rows).toBe(original.length);
    expect(c.host.workbook.sheet('客户信息').values()).toEqual(original);
    // Values and formulas come back; the merge the deletion undid does not (restore writes cells, not layout).
    expect(layout(c).merges).toEqual(['A1:H1', 'A2:B2', 'C2:D2', 'E2:G2']);
  });
});

describe('hidden rows, hidden columns and an active filter', () => {
  // Rows 3 and 4 hidden by hand, the phone column B hidden, and a filter on 购买次数 > 0 that hides
  // 王五 (0 orders, row 4) and 孙七 (blank, row 7).
  const hide = (c: SimCase) => inExcel(c, (ws) => {
    ws.getRange('3:3').rowHidden = true;
    ws.getRange('4:4').rowHidden = true;
    ws.getRange('B:B').columnHidden = true;
    ws.autoFilter.apply(ws.getRange(`A1:H7`), HEADER.indexOf('购买次数'), { filterOn: 'Custom', criterion1: '>0' });
  });

  it('every row is checked, hidden and filtered-out ones too; nothing is unhidden and the filter stays', async () => {
    const c = sim(smallLedger());
    await hide(c);
    const before = layout(c);
    expect(before.hiddenRows).toEqual([3, 4, 7]);
    expect(before.filter).toMatchObject({ address: 'A1:H7', isDataFiltered: true });
    const outcomes = await runEach(c.port, () => simSnapshot(c.host));
    for (const name of ACTION_NAMES) expectOk(outcomes[name]);
    const values = c.host.workbook.sheet('客户信息').values();
    expect(column(values, '电话检查').slice(0, 6)).toEqual(['', '', expect.stringMatching(/^无效/), '', '', '空']);
    expect(column(values, '邮箱检查')[1]).toMatch(/^可疑/); // row 3: hidden by hand
    expect(column(values, '客户状态')[5]).not.toBe(''); // row 7: filtered out
    expect(layout(c)).toEqual(before);
    // The user's filter still filters: its button state and criteria are untouched.
    await c.host.Excel.run(async (context) => {
      const f = context.workbook.worksheets.getItem('客户信息').autoFilter.load('enabled,isDataFiltered,criteria');
      await context.sync();
      expect({ enabled: f.enabled, filtered: f.isDataFiltered }).toEqual({ enabled: true, filtered: true });
      expect(f.criteria[HEADER.indexOf('购买次数')]).toMatchObject({ filterOn: 'Custom', criterion1: '>0' });
    });
  });

  it('fixes are written into hidden rows too, and archiving a row keeps the filter and the hidden rows in place', async () => {
    const c = sim(smallLedger());
    await hide(c);
    // Row 3 (hidden): "139 0013 9000" is fixed to E.164 like any other row.
    const fixed = await checkContacts(ctxFor(c.port), { fixPhones: true });
    expect(fixed.fixes).toBeGreaterThan(0);
    expect(c.host.workbook.sheet('客户信息').cell('C3').value).toBe('139 0013 9000');
    expect(c.host.workbook.sheet(fixed.backupSheet!).hiddenRows()).toEqual([3, 4, 7]);
    const moved = await findDuplicates(ctxFor(c.port), { archive: true });
    expect(moved.archived).toEqual([2]);
    // Row 2 went: the rows below moved up with their hidden state, the filter range shrank by one row.
    expect(layout(c)).toMatchObject({ hiddenRows: [2, 3, 6], hiddenColumns: ['B'], filter: { address: 'A1:H6', isDataFiltered: true } });
    expect(cellText(c.host.workbook.sheet('客户信息').values()[5]![0])).toBe('孙七');
  });
});

describe('a merged note that reaches past the last column with a value', () => {
  // H2:J2 merged: the note's value is in H2 only, so Range.values sees nothing in I and J, and the
  // add-in's columns would start at I — inside the merged area, where Excel refuses a value.
  const rows = (): Cell[][] => {
    const r = smallLedger();
    r[1]![7] = '老客户，备注很长';
    return r;
  };

  it('sim: refused in the preflight with a clear message, nothing written (not half a plan after the backup)', async () => {
    const c = sim(rows());
    c.host.workbook.sheet('客户信息').merge('H2:J2');
    const outcomes = await runEach(c.port, () => simSnapshot(c.host));
    expectUserError(outcomes.checkContacts, /merged.*unmerge/);
    // The others refuse the same way or work (buildSummary writes its own sheet); none is half done (runEach).
    for (const name of ACTION_NAMES) if (!outcomes[name].ok) expectUserError(outcomes[name], /are merged/);
    const before = simSnapshot(c.host);
    const refused = expectUserError(await attempt(() => checkContacts(ctxFor(c.port), { fixPhones: true })), /Cells H2:J2 on sheet "客户信息" are merged/);
    expect(refused).toMatchObject({ code: 'unsupported', detail: 'merged-cells' });
    expect(simSnapshot(c.host)).toEqual(before);
    expect(c.host.workbook.sheetNames().filter((n) => n.startsWith('备份'))).toEqual([]);
  });

  it('sim below ExcelApi 1.13 cannot look: the host itself refuses the write (first op, nothing else done)', async () => {
    const host = createSimHost({ now: () => new Date('2026-11-23T09:00:00Z'), requirementSets: { ExcelApi: '1.12' } });
    host.workbook.addSheet('客户信息');
    seedSim(host, '客户信息', rows());
    host.workbook.sheet('客户信息').merge('H2:J2');
    const port = new ExcelWorkbookPort(host as never);
    const outcome = await attempt(() => checkContacts(ctxFor(port)));
    expect(outcome.ok).toBe(false);
    expect(host.workbook.sheetNames()).toEqual(['客户信息']);
  });

  it('xlsx: read as Excel reads it (I2 and J2 empty), so refused the same way, nothing written', async () => {
    const x = await xlsxWorkbook((wb) => {
      const ws = wb.addWorksheet('客户信息');
      seedXlsx(ws, rows());
      ws.mergeCells('H2:J2');
    });
    const out = await runEach(x.port, () => xlsxSnapshot(x.port));
    expectUserError(out.checkContacts, /Cells H2:J2 on sheet "客户信息" are merged.*unmerge/);
    for (const name of ACTION_NAMES) if (!out[name].ok) expectUserError(out[name], /are merged/);
    expect((await x.refresh()).getWorksheet('客户信息')!.getCell('J2').isMerged).toBe(true);
  });
});

it('restoring a sheet that is not a backup is a user-facing refusal that changes nothing', async () => {
  const c = sim(smallLedger());
  const before = simSnapshot(c.host);
  expectUserError(await attempt(() => restoreBackup(ctxFor(c.port), { backupSheet: '客户信息' })), /not a backup this add-in made/);
  expect(simSnapshot(c.host)).toEqual(before);
});
