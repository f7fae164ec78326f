/**
 * "Show only rows with problems": an AutoFilter on the check column. Values never change; a filter the
 * user set is refused and left exactly as it was; a file cannot hide rows, so the .xlsx port says so.
 */
import { checkContacts, filterProblems, type ActionContext } from '../../src/actions';
import { XlsxWorkbookPort } from '../../src/workbook/xlsx/xlsxPort';
import ExcelJS from 'exceljs';
import { simWith } from '../helpers/simLedger';

const ctxFor = (port: ActionContext['port']): ActionContext => ({ port, locale: 'en-US', now: new Date('2026-11-23T09:00:00Z'), settings: { asOf: '2026-11-22', region: 'CN' } });

const ledger = (): unknown[][] => [
  ['Name', 'Mobile', 'Email'],
  ['Ann', '13800138000', 'ann@qq.com'],
  ['Bob', '12345', 'bob@qq.com'],
  ['Cat', '13800138001', 'cat@qq.con'],
  ['Dan', 'abc', 'dan@@qq.com'],
  ['Eve', '13800138002', 'eve@qq.com'],
];

async function checked() {
  const sim = simWith({ Clients: ledger() });
  await checkContacts(ctxFor(sim.port));
  return sim;
}

describe('filterProblems on the simulator', () => {
  it('on: only the rows with a phone problem show, and no value changes; off: every row shows again', async () => {
    const sim = await checked();
    const s = sim.host.workbook.sheet('Clients');
    const values = s.values();
    const on = await filterProblems(ctxFor(sim.port), { on: true });
    expect(on).toMatchObject({ on: true, column: 'D', rows: 2, changed: true });
    expect(s.hiddenRows()).toEqual([2, 4, 6]);
    expect(s.values()).toEqual(values);
    // Again: the add-in's own filter is replaced, not refused.
    await filterProblems(ctxFor(sim.port), { on: true });
    expect(s.hiddenRows()).toEqual([2, 4, 6]);
    const off = await filterProblems(ctxFor(sim.port), { on: false });
    expect(off).toMatchObject({ on: false, changed: true });
    expect(s.hiddenRows()).toEqual([]);
    expect(s.autoFilter()).toBeNull();
    expect(s.values()).toEqual(values);
    // Off with no filter: nothing to do.
    expect(await filterProblems(ctxFor(sim.port), { on: false })).toMatchObject({ changed: false });
  });

  it('filters on the email check column when asked', async () => {
    const sim = await checked();
    await filterProblems(ctxFor(sim.port), { on: true, kind: 'email' });
    expect(sim.host.workbook.sheet('Clients').hiddenRows()).toEqual([2, 3, 6]);
  });

  it.each([
    ['with criteria on a column of theirs', { filterOn: 'Values', values: ['Ann', 'Bob', 'Cat'] }],
    ['with only the buttons', null],
  ])("refuses when the user has a filter (%s), and leaves it exactly as it was", async (_what, criteria) => {
    const sim = await checked();
    await sim.host.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Clients');
      if (criteria) ws.autoFilter.apply(ws.getRange('A1:C6'), 0, criteria as never);
      else ws.autoFilter.apply(ws.getRange('A1:C6'));
      await context.sync();
    });
    const s = sim.host.workbook.sheet('Clients');
    const before = { filter: s.autoFilter(), hidden: s.hiddenRows(), values: s.values() };
    await expect(filterProblems(ctxFor(sim.port), { on: true })).rejects.toMatchObject({ name: 'FilterError', code: 'users-filter' });
    await expect(filterProblems(ctxFor(sim.port), { on: false })).rejects.toMatchObject({ name: 'FilterError', code: 'users-filter' });
    expect({ filter: s.autoFilter(), hidden: s.hiddenRows(), values: s.values() }).toEqual(before);
  });

  it('asks for the check first when there is no check column', async () => {
    const sim = simWith({ Clients: ledger() });
    await expect(filterProblems(ctxFor(sim.port), { on: true })).rejects.toMatchObject({ name: 'FilterError', code: 'no-check-column' });
    expect(sim.host.workbook.sheet('Clients').autoFilter()).toBeNull();
  });

  it('refuses a ledger that is an Excel table (its filter is the table’s own) before writing anything', async () => {
    const sim = await checked();
    await sim.host.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Clients').tables.add('A1:C6', true);
      await context.sync();
    });
    await expect(filterProblems(ctxFor(sim.port), { on: true })).rejects.toMatchObject({ name: 'WorkbookError', code: 'unsupported' });
    expect(sim.host.workbook.sheet('Clients').hiddenRows()).toEqual([]);
  });
});

it('on an .xlsx file: refused as unsupported, the file unchanged', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Clients');
  for (const r of ledger()) ws.addRow(r);
  const port = XlsxWorkbookPort.open(new Uint8Array(await wb.xlsx.writeBuffer()));
  await checkContacts(ctxFor(port));
  const before = port.toBytes();
  await expect(filterProblems(ctxFor(port), { on: true })).rejects.toMatchObject({ name: 'WorkbookError', code: 'unsupported' });
  await expect(port.apply({ description: 'x', ops: [{ op: 'autoFilter', sheet: 'Clients', address: 'A1:G6', column: 3, show: 'nonBlank' }] })).rejects.toMatchObject({ code: 'unsupported' });
  expect(port.toBytes()).toEqual(before);
});
