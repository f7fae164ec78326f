/** @jest-environment jsdom */
/**
 * The pane says the ledger's word (issue 17, "Words"): on a Chinese ledger whose cells say 休眠, the
 * settings and the tiers result say 休眠 as the sheet does; on one that says neither, 沉睡.
 */
import { render, screen, within } from '@testing-library/react';
import { isoToExcelSerial } from '../../src/core/calendar';
import { Pane } from '../../src/taskpane/Pane';
import { card, expand } from './dom';
import { paneHost } from './paneHost';
import { clickWhenEnabled } from './waitPane';

jest.setTimeout(120_000);

function ledger(note: string): unknown[][] {
  const d = (iso: string) => isoToExcelSerial(iso);
  return [
    ['客户姓名', '联系电话', '累计消费金额', '最近购买日期', '购买次数', '备注'],
    ['张伟', '13800138000', 1200, d('2026-11-01'), 3, note],
    ['王芳', '13900139000', 300, d('2026-05-06'), 1, null],
    ['李娜', '13700137000', 80, d('2024-05-06'), 1, null],
  ];
}

async function paneOn(note: string) {
  const t = paneHost({ 客户: ledger(note) }, { displayLanguage: 'zh-CN' });
  render(<Pane host={t.host} />);
  await screen.findByText(/表头在第 1 行，共 3 位客户/, undefined, { timeout: 30_000 });
  return t;
}

it('a ledger that says 休眠: the settings and the tiers result say 休眠, never 沉睡', async () => {
  const t = await paneOn('休眠客户，月底回访');
  const settings = await expand(card('设置'));
  expect(within(settings).getByRole('spinbutton', { name: '超过多少天未购买或联系算休眠' })).toBeTruthy();
  expect(within(settings).getByText('超过 90 天未购买或联系 → 休眠；超过 365 天 → 流失。')).toBeTruthy();
  const tiers = await expand(card('计算客户分层'));
  await clickWhenEnabled(within(tiers).getByRole('button', { name: '计算客户分层' }));
  await within(tiers).findByText(/分层统计日期/, undefined, { timeout: 30_000 });
  expect(within(tiers).getByText(/休眠 1/)).toBeTruthy();
  expect(document.body.textContent).not.toContain('沉睡');
  const values = t.sim.workbook.sheet('客户').values();
  expect(values.map((r) => r[values[0]!.indexOf('客户状态')])).toContain('休眠');
  // Saving the settings writes their meanings again: in the ledger's word too.
  await clickWhenEnabled(within(settings).getByRole('button', { name: '保存设置' }));
  await screen.findByText('设置已保存到工作簿。', undefined, { timeout: 20_000 });
  const stored = t.sim.workbook.sheet('台账设置').values();
  expect(stored.find((r) => r[0] === 'dormantDays')?.[2]).toBe('最近活动距今 ≤ 此天数为休眠，超过为流失');
});

it('a ledger that says neither: 沉睡, the add-in\'s own word', async () => {
  await paneOn('老客户');
  const settings = await expand(card('设置'));
  expect(within(settings).getByRole('spinbutton', { name: '超过多少天未购买或联系算沉睡' })).toBeTruthy();
  expect(document.body.textContent).not.toContain('休眠');
});
