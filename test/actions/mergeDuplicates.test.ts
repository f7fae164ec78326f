/**
 * Merge: a duplicate group folded into its kept row on the simulated Excel host — values by rule, the
 * others archived as they were, a backup first, formulas in the kept row never replaced.
 */
import { findDuplicates, type ActionContext } from '../../src/actions';
import { isoToExcelSerial } from '../../src/core/calendar';
import { simWith } from '../helpers/simLedger';

const NOW = new Date('2026-11-23T09:00:00Z');
const ctxFor = (port: ActionContext['port']): ActionContext => ({ port, locale: 'zh-CN', now: NOW, settings: { asOf: '2026-11-22' } });
const d = (iso: string) => isoToExcelSerial(iso);

const HEADER = ['客户名称', '手机', '邮箱', '累计消费', '订单数', '首次购买', '最近购买', '备注'];
function ledger(): unknown[][] {
  return [
    HEADER,
    ['张伟', '13812345678', 'zw@qq.com', 1200, 3, d('2024-03-01'), d('2025-01-10'), '老客户'],
    ['李娜', '13900001111', 'ln@163.com', 300, 1, d('2025-02-02'), d('2025-02-02'), ''],
    ['张伟', '138 1234 5678', '', 800, 2, d('2023-11-20'), d('2024-12-31'), '要发票'],
    ['王芳', '13700002222', 'wf@126.com', 50, 1, d('2025-05-05'), d('2025-05-05'), ''],
  ];
}

describe('findDuplicates with merge', () => {
  it('folds the group into the kept row by the stated rules and archives the other row as it was', async () => {
    const { host, port } = simWith({ 客户: ledger() });
    const preview = await findDuplicates(ctxFor(port));
    expect(preview.groups).toHaveLength(1);
    const group = preview.groups[0]!;
    expect([...group.rows].sort()).toEqual([2, 4]);

    const result = await findDuplicates(ctxFor(port), { merge: true });
    expect(result.backupSheet).not.toBeNull();
    expect(result.archived).toHaveLength(1);
    expect(result.merged?.rules.find((r) => r.header === '累计消费')?.rule).toBe('sum');
    expect(result.merged?.rules.find((r) => r.header === '备注')?.rule).toBe('join');

    const s = host.workbook.sheet('客户');
    const rows = s.values();
    expect(rows).toHaveLength(4); // header + 3 customers: one row moved out
    const kept = rows.find((r) => r[0] === '张伟')!;
    expect(kept[3]).toBe(2000);
    expect(kept[4]).toBe(5);
    expect(kept[5]).toBe(d('2023-11-20'));
    expect(kept[6]).toBe(d('2025-01-10'));
    expect(kept[7]).toBe('老客户；要发票');
    expect(kept[2]).toBe('zw@qq.com');
    // Nothing lost: the moved row is in the archive exactly as it was, and the backup holds the original.
    const archive = host.workbook.sheet(result.archiveSheet!).values();
    const moved = archive.find((r) => r[1] === '138 1234 5678')!;
    expect(moved.slice(0, 8)).toEqual(ledger()[3]);
    expect(host.workbook.sheet(result.backupSheet!).values().slice(0, 5).map((r) => r.slice(0, 8))).toEqual(ledger());
  });

  it('never replaces a formula in the kept row, and says how many it left', async () => {
    const { host, port } = simWith({ 客户: ledger() });
    host.workbook.sheet('客户').seedFormula('D2', '=1000+200', 1200);
    const result = await findDuplicates(ctxFor(port), { merge: true });
    expect(result.merged?.formulasKept).toBe(1);
    expect(host.workbook.sheet('客户').cell('D2').formula).toBe('=1000+200');
  });

  it('a second run changes nothing', async () => {
    const { host, port } = simWith({ 客户: ledger() });
    await findDuplicates(ctxFor(port), { merge: true });
    const after = host.workbook.sheetNames().map((n) => [n, host.workbook.sheet(n).values()]);
    const again = await findDuplicates(ctxFor(port), { merge: true });
    expect(again.groups).toHaveLength(0);
    expect(host.workbook.sheetNames().map((n) => [n, host.workbook.sheet(n).values()])).toEqual(after);
  });
});
