/**
 * "Not a duplicate" sticks: the choice is stored in the settings sheet as an identity of the group's
 * members (not row numbers, no customer data), later runs leave the group out and count it, a group
 * that changes membership is shown again. Through the Office.js adapter on the simulator and through
 * the exceljs adapter.
 */
import ExcelJS from 'exceljs';
import { findDuplicates, type ActionContext } from '../../src/actions';
import { openXlsx } from '../helpers/exceljsRead';
import type { WorkbookPort } from '../../src/workbook/port';
import { simWith } from '../helpers/simLedger';

const NOW = new Date('2026-11-23T09:00:00Z');
const ctxFor = (port: WorkbookPort, extra: Partial<ActionContext> = {}): ActionContext => ({ port, locale: 'zh-CN', now: NOW, settings: { asOf: '2026-11-22' }, ...extra });

const HEADER = ['姓名', '手机', '邮箱', '公司', '消费金额'];
const ZHANG1 = ['张三', '13800138000', 'zhang@qq.com', '甲公司', 100];
const ZHANG2 = ['张三', '138 0013 8000', '', '甲公司', 50];
const LI1 = ['李四', '13900139000', 'li@163.com', '乙公司', 80];
const LI2 = ['李四', '139-0013-9000', '', '', 20];
const WANG = ['王五', '13700137000', 'wang@126.com', '丙公司', 10];

const groupOf = (summary: { groups: { id: number; rows: number[] }[] }, row: number) => summary.groups.find((g) => g.rows.includes(row));

function settingsText(values: unknown[][], key: string): string {
  const row = values.find((r) => r[0] === key);
  return row ? String(row[1] ?? '') : '';
}

describe('"not a duplicate" persisted (Office.js adapter on the simulator)', () => {
  it('leaves the group out on later runs, survives moved rows, shows it again when it gains a member', async () => {
    const { host, port } = simWith({ 客户: [HEADER, ZHANG1, LI1, ZHANG2, WANG, LI2] });
    const first = await findDuplicates(ctxFor(port));
    expect(first.groups.length).toBe(2);
    expect(first.dismissed).toBe(0);
    const zhang = groupOf(first, 2)!;
    expect(zhang.rows).toEqual([2, 4]);

    const marked = await findDuplicates(ctxFor(port), { notDuplicates: [zhang.id] });
    expect(marked.groups.map((g) => g.rows)).toEqual([[3, 6]]);
    expect(marked.dismissed).toBe(1);

    // Stored in the settings sheet: a digest, no phone, email or name in it.
    const stored = settingsText(host.workbook.sheet('台账设置').values(), 'dismissedDuplicates');
    expect(JSON.parse(stored)).toHaveLength(1);
    expect(stored).not.toMatch(/138|zhang|张三|甲公司/);

    // A later run without the option still leaves it out, and its rows carry no group.
    const later = await findDuplicates(ctxFor(port));
    expect(later.groups.map((g) => g.rows)).toEqual([[3, 6]]);
    expect(later.dismissed).toBe(1);
    const s = host.workbook.sheet('客户');
    const groupCol = s.values()[0]!.indexOf('重复组');
    expect(s.values()[1]![groupCol]).toBe('');
    expect(s.values()[3]![groupCol]).toBe('');
    expect(s.values()[2]![groupCol]).toBe(later.groups[0]!.id);

    // Idempotent: the same run again changes nothing.
    const snapshot = host.workbook.sheetNames().map((n) => host.workbook.sheet(n).values());
    await findDuplicates(ctxFor(port));
    await findDuplicates(ctxFor(port), { notDuplicates: [zhang.id] });
    // (ids are the analysis's, which still finds both groups: the same id names the same group)
    expect(host.workbook.sheetNames().map((n) => host.workbook.sheet(n).values())).toEqual(snapshot);
    expect(JSON.parse(settingsText(host.workbook.sheet('台账设置').values(), 'dismissedDuplicates'))).toHaveLength(1);

    // The user sorts the sheet: the members move, the choice holds.
    const sorted = [HEADER, WANG, LI2, ZHANG2, LI1, ZHANG1];
    const moved = simWith({ 客户: sorted });
    moved.host.workbook.addSheet('台账设置', host.workbook.sheet('台账设置').values());
    const afterSort = await findDuplicates(ctxFor(moved.port));
    expect(afterSort.dismissed).toBe(1);
    expect(afterSort.groups.map((g) => g.rows)).toEqual([[3, 5]]);

    // A new member joins the group: it is a different group now, shown again.
    const grown = simWith({ 客户: [...sorted, ['张三', '+86 138 0013 8000', '', '', 5]] });
    grown.host.workbook.addSheet('台账设置', host.workbook.sheet('台账设置').values());
    const afterGrowth = await findDuplicates(ctxFor(grown.port));
    expect(afterGrowth.dismissed).toBe(0);
    expect(groupOf(afterGrowth, 4)?.rows).toEqual([4, 6, 7]);
  });

  it('keeps earlier dismissals when another group is dismissed, and an edited member shows the group again', async () => {
    const { host, port } = simWith({ 客户: [HEADER, ZHANG1, LI1, ZHANG2, WANG, LI2] });
    const first = await findDuplicates(ctxFor(port));
    await findDuplicates(ctxFor(port), { notDuplicates: [groupOf(first, 2)!.id] });
    const second = await findDuplicates(ctxFor(port));
    expect(second.groups).toHaveLength(1);
    const third = await findDuplicates(ctxFor(port), { notDuplicates: [second.groups[0]!.id] });
    expect(third).toMatchObject({ groups: [], dismissed: 2 });
    expect(JSON.parse(settingsText(host.workbook.sheet('台账设置').values(), 'dismissedDuplicates'))).toHaveLength(2);
    expect((await findDuplicates(ctxFor(port))).dismissed).toBe(2);

    // The company of one 李四 row is corrected: that member is not the one the user judged.
    host.workbook.sheet('客户').write('D6', [['乙公司']]);
    const edited = await findDuplicates(ctxFor(port));
    expect(edited.dismissed).toBe(1);
    expect(edited.groups.map((g) => g.rows)).toEqual([[3, 6]]);
  });
});

describe('"not a duplicate" persisted (exceljs adapter)', () => {
  it('stores the choice in the workbook and leaves the group out on the next run', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    for (const r of [HEADER, ZHANG1, LI1, ZHANG2, WANG, LI2]) ws.addRow(r);
    const x = await openXlsx(wb);
    const port = x.port;
    const first = await findDuplicates(ctxFor(port));
    expect(first.dismissed).toBe(0);
    await findDuplicates(ctxFor(port), { notDuplicates: [groupOf(first, 3)!.id] });
    const next = await findDuplicates(ctxFor(port));
    expect(next.groups.map((g) => g.rows)).toEqual([[2, 4]]);
    expect(next.dismissed).toBe(1);
    const settings = (await x.reload()).getWorksheet('台账设置')!;
    const values: unknown[][] = [];
    settings.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    expect(JSON.parse(settingsText(values, 'dismissedDuplicates'))).toHaveLength(1);
  });
});
