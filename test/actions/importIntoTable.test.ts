/**
 * Import into a ledger that is an Excel table (the template's, or the user's own): the new customers
 * take the table's empty rows first and the table grows over them, in the simulator (Table.resize, which
 * is as strict as Excel and does not grow a table by itself) and in a file (the table part's ref). Blank
 * rows holding a formula are never written over; a table with a totals row is left as it is.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { importRows, installTemplate, type ActionContext } from '../../src/actions';
import { parseCsv } from '../../src/core/csv';
import type { WorkbookPort } from '../../src/workbook/port';
import { XlsxWorkbookPort } from '../../src/workbook/xlsx/xlsxPort';
import { simWith } from '../helpers/simLedger';
import { buildXlsx, row, worksheet } from '../helpers/xlsxFixture';

const ctxFor = (port: WorkbookPort): ActionContext => ({ port, locale: 'zh-CN', now: new Date('2026-11-23T09:00:00Z'), settings: { asOf: '2026-11-22' } });

const CSV = ['姓名,电话,电子邮箱,消费金额', '张伟,13800138000,zw@qq.com,99', '王芳,13700137000,wf@126.com,1500', '李娜,13900139000,ln@163.com,300'].join('\n');

function tableRefs(bytes: Uint8Array): string[] {
  return Object.entries(unzipSync(bytes)).filter(([k]) => /^xl\/tables\/[^/]+\.xml$/.test(k))
    .map(([, v]) => /<table\b[^>]*\sref="([^"]+)"/.exec(strFromU8(v))![1]!).sort();
}

describe('import into the template, an Excel table', () => {
  it('simulator: the table\'s empty first row is used and the table grows over the new rows', async () => {
    const { host, port } = simWith({ Sheet1: [['hello']] });
    await installTemplate(ctxFor(port));
    const result = await importRows(ctxFor(port), { incoming: parseCsv(CSV) });
    expect(result.added).toBe(3);
    expect(result.firstAddedRow).toBe(2);
    const values = host.workbook.sheet('客户台账').values();
    expect(values.slice(1, 4).map((r) => r[0])).toEqual(['张伟', '王芳', '李娜']);
    expect(values).toHaveLength(4);
    expect(host.workbook.tables.find((t) => t.name === 'LedgerCustomers')?.address).toBe('客户台账!A1:W4');
    // The template's formula in its first row stays where it was, now beside the first customer.
    expect(host.workbook.sheet('客户台账').cell('U2').formula).toMatch(/^=IF\(LedgerCustomers\[@/);
  });

  it('simulator below ExcelApi 1.13: the rows are added and the table stays as it was', async () => {
    const { host, port } = simWith({ Sheet1: [['hello']] }, { requirementSets: { ExcelApi: '1.12' } });
    await installTemplate(ctxFor(port));
    const result = await importRows(ctxFor(port), { incoming: parseCsv(CSV) });
    expect(result.added).toBe(3);
    expect(host.workbook.tables.find((t) => t.name === 'LedgerCustomers')?.address).toBe('客户台账!A1:W2');
  });

  it('file: the table part\'s ref (and its filter\'s) takes in the new rows; a second import grows it again', async () => {
    const first = XlsxWorkbookPort.open(buildXlsx({ sheets: [{ name: 'Sheet1', xml: worksheet(row(1, ['hello'])) }] }));
    await installTemplate(ctxFor(first));
    await importRows(ctxFor(first), { incoming: parseCsv(CSV) });
    const bytes = first.toBytes();
    expect(tableRefs(bytes)).toEqual(['A1:W2', 'A1:W4']); // the backup's table as it was, the ledger's grown
    const again = XlsxWorkbookPort.open(bytes);
    await importRows(ctxFor(again), { incoming: parseCsv('姓名,电话\n赵磊,13600136000') });
    const ledgerTable = Object.entries(unzipSync(again.toBytes())).map(([, v]) => strFromU8(v)).find((x) => x.includes('displayName="LedgerCustomers"'))!;
    expect(ledgerTable).toMatch(/\sref="A1:W5"/);
    expect(ledgerTable).toMatch(/<autoFilter ref="A1:W5"/);
    expect((await again.readValues('客户台账'))[4]?.[0]).toBe('赵磊');
  });
});

describe('import into a user\'s own table', () => {
  it('a blank row holding a formula is not written over: the rows go below it, and the table grows to them', async () => {
    const { host, port } = simWith({ 客户: [['姓名', '电话', '备注'], ['张三', '13500135000', null], [null, null, null], [null, null, null]] });
    host.workbook.sheet('客户').seedFormula('C3', '=""', '');
    await host.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('客户').tables.add('A1:C4', true).name = '客户表';
      await context.sync();
    });
    const result = await importRows(ctxFor(port), { incoming: parseCsv(CSV) });
    expect(result.firstAddedRow).toBe(4);
    expect(host.workbook.sheet('客户').cell('C3').formula).toBe('=""');
    expect(host.workbook.sheet('客户').values().slice(3).map((r) => r[0])).toEqual(['张伟', '王芳', '李娜']);
    expect(host.workbook.tables.find((t) => t.name === '客户表')?.address).toBe('客户!A1:C6');
  });

  it('a ledger kept as two tables side by side: both take in the new rows', async () => {
    const { host, port } = simWith({ 客户: [['姓名', '电话', '邮箱', '累计消费'], ['张三', '13500135000', 'zs@qq.com', 100]] });
    await host.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('客户');
      ws.tables.add('A1:B2', true).name = '联系';
      ws.tables.add('C1:D2', true).name = '消费';
      await context.sync();
    });
    await importRows(ctxFor(port), { incoming: parseCsv(CSV) });
    expect(host.workbook.tables.filter((t) => t.sheet === '客户').map((t) => t.address)).toEqual(['客户!A1:B5', '客户!C1:D5']);
  });

  it('a plain range (no table) gets its rows below, as before', async () => {
    const { host, port } = simWith({ 客户: [['姓名', '电话'], ['张三', '13500135000']] });
    const result = await importRows(ctxFor(port), { incoming: parseCsv(CSV) });
    expect(result.firstAddedRow).toBe(3);
    expect(host.workbook.sheet('客户').values()).toHaveLength(5);
    expect(host.workbook.tables).toHaveLength(0);
  });
});

describe('growTable in the Office.js adapter', () => {
  async function setUp(withOther: boolean) {
    const { host, port } = simWith({ S: [['Name', 'Phone'], ['A', '1']] });
    await host.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.tables.add('A1:B2', true).name = 'Ledger';
      if (withOther) {
        ws.getRange('D3:E4').values = [['X', 'Y'], ['1', '2']];
        ws.tables.add('D3:E4', true).name = 'Other';
      }
      await context.sync();
    });
    await port.apply({ description: 'rows', ops: [
      { op: 'writeBlock', sheet: 'S', row: 2, col: 0, values: [['B', '2'], ['C', '3'], ['D', '4']] },
      { op: 'growTable', sheet: 'S', headerRow: 0, firstCol: 0, lastCol: 4, fromRow: 2, lastRow: 4 },
    ] });
    return host.workbook.tables.find((t) => t.name === 'Ledger')!.address;
  }

  it('grows the table over the new rows', async () => {
    expect(await setUp(false)).toBe('S!A1:B5');
  });

  it('leaves it when another table lies across the new rows (Excel would refuse the resize after the rows are written)', async () => {
    expect(await setUp(true)).toBe('S!A1:B2');
  });
});
