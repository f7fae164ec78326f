/**
 * Workbook structure protection (Review → Protect Workbook): a plan that adds, deletes or renames sheets
 * is refused in the Office.js adapter's preflight, before anything is written and within its one
 * preflight sync; plans that only write cells still run.
 */
import { checkContacts, computeTiers, findDuplicates, restoreBackup, type ActionContext } from '../../src/actions';
import { WorkbookError, type WorkbookPort } from '../../src/workbook/port';
import { simWith } from '../helpers/simLedger';

const NOW = new Date(2026, 10, 23, 9, 5);
const ctxFor = (port: WorkbookPort, extra: Partial<ActionContext> = {}): ActionContext => ({ port, locale: 'zh-CN', now: NOW, settings: { asOf: '2026-11-22' }, ...extra });

const ROWS = [
  ['姓名', '手机', '邮箱', '消费金额', '最近购买'],
  ['张三', '138 0013 8000', 'zhang@qq.com', 100, 46000],
  ['李四', '13900139000', 'li@163.com', 80, 46010],
  ['张三', '13800138000', '', 50, 46020],
];

type Sim = ReturnType<typeof simWith>;
const snapshot = ({ host }: Sim) => host.workbook.sheetNames().map((n) => ({ n, values: host.workbook.sheet(n).values(), formulas: host.workbook.sheet(n).formulas() }));

async function expectStructureRefusal(sim: Sim, run: () => Promise<unknown>): Promise<void> {
  const before = snapshot(sim);
  const error = await run().then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(WorkbookError);
  expect(error).toMatchObject({ code: 'protected', detail: 'workbook-structure' });
  expect((error as Error).message).toMatch(/workbook structure is protected.*Review → Protect Workbook/);
  expect(snapshot(sim)).toEqual(before);
}

describe('workbook structure protection in the Office.js adapter', () => {
  it('refuses plans that add, copy or delete sheets before writing anything; cell-only plans run', async () => {
    const sim = simWith({ 客户: ROWS });
    // The first run creates the settings sheet: refused while the structure is protected.
    sim.host.workbook.protect();
    await expectStructureRefusal(sim, () => checkContacts(ctxFor(sim.port)));
    sim.host.workbook.unprotect();
    await checkContacts(ctxFor(sim.port));
    sim.host.workbook.protect();
    // Now only cells change: allowed.
    await checkContacts(ctxFor(sim.port));
    await computeTiers(ctxFor(sim.port));
    // A backup (copySheet: add + rename), an archive sheet: refused, nothing half done.
    await expectStructureRefusal(sim, () => checkContacts(ctxFor(sim.port), { fixPhones: true }));
    await expectStructureRefusal(sim, () => findDuplicates(ctxFor(sim.port), { archive: true }));
    sim.host.workbook.unprotect();
    const fixed = await checkContacts(ctxFor(sim.port), { fixPhones: true });
    sim.host.workbook.protect();
    await expectStructureRefusal(sim, () => restoreBackup(ctxFor(sim.port), { backupSheet: fixed.backupSheet! }));
  });

  it('costs no sync: the refusal comes from the preflight sync itself', async () => {
    const sim = simWith({ 客户: ROWS });
    const syncsOf = async (f: () => Promise<unknown>) => {
      sim.host.resetStats();
      await f().catch(() => undefined);
      return sim.host.stats().syncs;
    };
    const plan = { description: 'add', ops: [{ op: 'addSheet' as const, name: 'X' }, { op: 'writeBlock' as const, sheet: 'X', row: 0, col: 0, values: [[1]] }] };
    sim.host.workbook.protect();
    expect(await syncsOf(() => sim.port.apply(plan))).toBe(1);
    expect(sim.host.workbook.sheetNames()).toEqual(['客户']);
    sim.host.workbook.unprotect();
    expect(await syncsOf(() => sim.port.apply(plan))).toBe(2);
    expect(sim.host.workbook.sheetNames()).toEqual(['客户', 'X']);
  });

  it('below ExcelApi 1.10 (where the add-in cannot run) it refuses up front, before any sync', async () => {
    const sim = simWith({ 客户: ROWS }, { requirementSets: { ExcelApi: '1.6' } });
    sim.host.resetStats();
    await expect(sim.port.apply({ description: 'add', ops: [{ op: 'addSheet', name: 'X' }] })).rejects.toMatchObject({ name: 'WorkbookError', code: 'unsupported', detail: 'excel-too-old' });
    expect(sim.host.stats().syncs).toBe(0);
    expect(sim.host.workbook.sheetNames()).toEqual(['客户']);
  });
});
