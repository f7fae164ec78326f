/** The CLI says the ledger's word too (issue 17, "Words"): 休眠 for a ledger whose cells say 休眠. */
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { run, tempDir } from './cliHarness';

async function ledger(file: string, note: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  ws.addRow(['姓名', '手机', '累计消费', '最近购买日期', '购买次数', '备注']);
  ws.addRow(['王伟', '13800138000', 1200, new Date('2026-11-01'), 3, note]);
  ws.addRow(['李静', '13900139000', 300, new Date('2026-05-06'), 1, null]);
  ws.addRow(['赵敏', '13700137000', 80, new Date('2024-05-06'), 1, null]);
  await wb.xlsx.writeFile(file);
  return file;
}

it('analyze and tiers say 休眠 on a ledger that says 休眠, 沉睡 on one that says neither', async () => {
  const dir = tempDir('ledger-terms-');
  const zh = { LANG: 'zh_CN.UTF-8' };
  const xiumian = await ledger(path.join(dir, 'a.xlsx'), '休眠客户，月底回访');
  const analyzed = await run(['analyze', xiumian, '--as-of', '2026-11-22'], zh);
  expect(analyzed.out).toMatch(/休眠 1/);
  expect(analyzed.out).not.toContain('沉睡');
  const applied = await run(['apply', xiumian, '--only', 'tiers', '--out', path.join(dir, 'a-out.xlsx'), '--as-of', '2026-11-22'], zh);
  expect(applied.out).toMatch(/活跃 1，休眠 1，流失 1/);

  const plain = await ledger(path.join(dir, 'b.xlsx'), '老客户');
  expect((await run(['analyze', plain, '--as-of', '2026-11-22'], zh)).out).toMatch(/沉睡 1/);
});
