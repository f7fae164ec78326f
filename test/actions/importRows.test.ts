/**
 * Import on the simulated Excel host: new customers added below the ledger after a backup, a known
 * customer's blanks filled (never a value or a formula replaced), repeats and possibles left out,
 * text that looks like a formula written as text, dates and amounts from a CSV typed.
 */
import { checkContacts, computeTiers, importRows, ImportRowsError, type ActionContext } from '../../src/actions';
import { isoToExcelSerial } from '../../src/core/calendar';
import { parseCsv } from '../../src/core/csv';
import { simWith } from '../helpers/simLedger';

const ctxFor = (port: ActionContext['port']): ActionContext => ({ port, locale: 'zh-CN', now: new Date('2026-11-23T09:00:00Z'), settings: { asOf: '2026-11-22' } });

function ledger(): unknown[][] {
  return [
    ['客户名称', '手机', '邮箱', '累计消费', '最近购买日期', '备注'],
    ['张伟', '13800138000', '', 1200, isoToExcelSerial('2026-10-01'), ''],
    ['李娜', '13900139000', 'ln@163.com', 300, isoToExcelSerial('2026-09-01'), 'VIP'],
  ];
}

const CSV = [
  '姓名,电话,电子邮箱,消费金额,最后购买,说明',
  '张伟,138 0013 8000,zw@qq.com,99,2026-11-01,展会',
  '王芳,137-0013-7000,wf@126.com,"¥1,500",2026-11-02,=HYPERLINK("http://x")',
  '王芳,13700137000,,,,',
  '',
].join('\r\n');

it('adds new customers, fills blanks of known ones, skips repeats, after a backup; a rerun adds nothing', async () => {
  const { host, port } = simWith({ 客户: ledger() });
  const result = await importRows(ctxFor(port), { incoming: parseCsv(CSV) });
  expect(result.plan.rows.map((r) => [r.source, r.kind])).toEqual([[2, 'same'], [3, 'new'], [4, 'repeat']]);
  expect(result.added).toBe(1);
  expect(result.updated).toBe(1);
  expect(result.backupSheet).not.toBeNull();
  const rows = host.workbook.sheet('客户').values();
  expect(rows).toHaveLength(4);
  // 张伟: only the blank email and note were filled; his amount and date stay his.
  expect(rows[1]).toEqual(['张伟', '13800138000', 'zw@qq.com', 1200, isoToExcelSerial('2026-10-01'), '展会']);
  // 王芳: added below, amount and date typed, the formula-like note kept as text.
  expect(rows[3]).toEqual(['王芳', '137-0013-7000', 'wf@126.com', 1500, isoToExcelSerial('2026-11-02'), '=HYPERLINK("http://x")']);
  expect(host.workbook.sheet('客户').cell('F4').formula).toBeNull();
  // The backup holds the ledger as it was.
  expect(host.workbook.sheet(result.backupSheet!).values().slice(0, 3)).toEqual(ledger());

  const again = await importRows(ctxFor(port), { incoming: parseCsv(CSV) });
  expect(again.added).toBe(0);
  expect(again.cellsFilled).toBe(0);
  expect(again.backupSheet).toBeNull();
  expect(host.workbook.sheet('客户').values()).toEqual(rows);
});

it('the user can skip a match or add a repeat; a formula in a blank-looking cell is never replaced', async () => {
  const { host, port } = simWith({ 客户: ledger() });
  host.workbook.sheet('客户').seedFormula('C2', '=""', '');
  const result = await importRows(ctxFor(port), { incoming: parseCsv(CSV), choices: { 3: 'skip' } });
  expect(result.added).toBe(0);
  expect(result.formulasKept).toBe(1);
  expect(host.workbook.sheet('客户').cell('C2').formula).toBe('=""');
});

it('refuses to add rows below a totals row, and changes nothing', async () => {
  const { host, port } = simWith({ 客户: [...ledger(), ['合计', null, null, 1500, null, null]] });
  const before = host.workbook.sheet('客户').values();
  await expect(importRows(ctxFor(port), { incoming: parseCsv(CSV) })).rejects.toBeInstanceOf(ImportRowsError);
  expect(host.workbook.sheet('客户').values()).toEqual(before);
  expect(host.workbook.sheetNames()).toEqual(['客户']);
});

it('with refresh, the add-in\'s tier and check columns cover the new rows; without, they stand blank there', async () => {
  const run = async (refresh: boolean) => {
    const { host, port } = simWith({ 客户: ledger() });
    await computeTiers(ctxFor(port));
    await checkContacts(ctxFor(port));
    const result = await importRows(ctxFor(port), { incoming: parseCsv(CSV), refresh });
    const values = host.workbook.sheet('客户').values();
    const header = values[0]!;
    const added = values[result.firstAddedRow! - 1]!;
    return { result, tier: added[header.indexOf('价值分层')], check: added[header.indexOf('标准号码')], width: header.length };
  };
  const refreshed = await run(true);
  expect(refreshed.result.refreshed).toEqual(['tiers', 'checks']);
  expect(refreshed.tier).toMatch(/价值/);
  // 王芳's phone "137-0013-7000", in the standard form the check writes for every valid number.
  expect(refreshed.check).toBe('+8613700137000');
  const plain = await run(false);
  expect(plain.result.refreshed).toEqual([]);
  expect([plain.tier ?? '', plain.check ?? '']).toEqual(['', '']);
  // Refreshing adds no second copy of any column.
  expect(refreshed.width).toBe(plain.width);
});

it('a refresh that fails after the import is said, not thrown: the rows are in and the backup on record', async () => {
  const { host, port } = simWith({ 客户: ledger() });
  await computeTiers(ctxFor(port));
  await checkContacts(ctxFor(port));
  let applies = 0;
  const apply = port.apply.bind(port);
  // The import's plan goes through; the tiers' plan (the next one) is refused, the check's goes through.
  port.apply = async (plan, options) => {
    applies++;
    if (applies === 2) throw new Error('Excel refused the write');
    return apply(plan, options);
  };
  const result = await importRows(ctxFor(port), { incoming: parseCsv(CSV), refresh: true });
  expect(result.added).toBe(1);
  expect(result.refreshFailed).toEqual(['tiers']);
  expect(result.refreshed).toEqual(['checks']);
  expect(host.workbook.sheet(result.backupSheet!).values().length).toBeGreaterThan(1);
  expect(host.workbook.sheet('客户').values().some((r) => r[0] === '王芳')).toBe(true);
});
