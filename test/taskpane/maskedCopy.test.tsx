/** @jest-environment jsdom */
/** The Export masked copy card: it opens a new workbook (the playground downloads it) and says what the copy holds and left out. */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Pane } from '../../src/taskpane/Pane';
import { card } from './dom';
import { LEDGER, paneHost } from './paneHost';

jest.setTimeout(60_000);

/** The pane's ledger with a notes column holding a phone, and the Company column (D) hidden. */
async function ledgerHost(displayLanguage: string, requirementSets?: Record<string, string>) {
  const rows = LEDGER.map((r, i) => [...r, i === 0 ? 'Notes' : i === 1 ? 'call 139-1234-5678 after 6' : null]);
  const t = paneHost({ Clients: rows }, { displayLanguage, ...(requirementSets ? { requirementSets } : {}) });
  await t.sim.Excel.run(async (context) => {
    context.workbook.worksheets.getItem('Clients').getRange('D:D').columnHidden = true;
    await context.sync();
  });
  return t;
}

const ready = (text: RegExp) => screen.findByText(text, undefined, { timeout: 30_000 });

describe('Export masked copy card', () => {
  it('says it opens a new workbook; the result says what happened, what was masked and what was left out', async () => {
    const t = await ledgerHost('en-US');
    render(<Pane host={t.host} />);
    await ready(/header on row 1, 4 customers/);
    const masked = card('Export masked copy');
    expect(within(masked).getByText(/^Opens a new workbook holding only the customer rows/)).toBeTruthy();
    const before = t.sim.workbook.sheetNames();
    await userEvent.click(within(masked).getByRole('button', { name: 'Export masked copy' }));
    await within(masked).findByText('Opened a new workbook with 4 rows of "Clients", masked. It is not saved yet: save it before you share it. Your workbook was not changed.',
      undefined, { timeout: 20_000 });
    expect(within(masked).getByText('Masked columns: phones B, emails C.')).toBeTruthy();
    expect(within(masked).getByText('A phone number or address inside 1 other cell was masked too.')).toBeTruthy();
    expect(within(masked).getByText('Left out 1 hidden column (D): hidden columns are usually hidden for a reason.')).toBeTruthy();
    expect(t.sim.workbook.sheetNames()).toEqual(before);
    expect(t.sim.createdWorkbooks()).toHaveLength(1);
  });

  it('speaks Chinese', async () => {
    const t = await ledgerHost('zh-CN');
    render(<Pane host={t.host} />);
    await ready(/表头在第 1 行，共 4 位客户/);
    const masked = card('导出脱敏副本');
    expect(within(masked).getByText(/^新建一个只含客户数据行的工作簿/)).toBeTruthy();
    await userEvent.click(within(masked).getByRole('button', { name: '导出脱敏副本' }));
    await within(masked).findByText('已新建工作簿：「Clients」的 4 行，已脱敏。新工作簿尚未保存，分享前请先保存。您的工作簿未做任何更改。', undefined, { timeout: 20_000 });
    expect(within(masked).getByText('脱敏的列：电话 B，邮箱 C。')).toBeTruthy();
    expect(within(masked).getByText('另有 1 个单元格中的电话或邮箱也已脱敏。')).toBeTruthy();
    expect(within(masked).getByText('未复制 1 个隐藏列（D）：隐藏的列通常有其原因。')).toBeTruthy();
  });

  it('in the playground (a host that downloads new workbooks) says it downloads, and names the file, in both languages', async () => {
    for (const [language, about, done] of [
      ['en-US', /^Downloads a new workbook \(\.xlsx\)/, 'Downloaded "Clients (masked).xlsx": 4 rows of "Clients", masked. Your workbook was not changed.'],
      ['zh-CN', /^下载一个只含客户数据行的新工作簿/, '已下载「Clients (masked).xlsx」：「Clients」的 4 行，已脱敏。您的工作簿未做任何更改。'],
    ] as const) {
      const t = await ledgerHost(language);
      t.host.newWorkbook = 'download';
      const view = render(<Pane host={t.host} />);
      await ready(language === 'en-US' ? /header on row 1, 4 customers/ : /表头在第 1 行，共 4 位客户/);
      const masked = card(language === 'en-US' ? 'Export masked copy' : '导出脱敏副本');
      expect(within(masked).getByText(about)).toBeTruthy();
      await userEvent.click(within(masked).getByRole('button', { name: language === 'en-US' ? 'Export masked copy' : '导出脱敏副本' }));
      await within(masked).findByText(done, undefined, { timeout: 20_000 });
      view.unmount();
    }
  });

  it('on an Excel below the add-in\'s minimum (ExcelApi 1.7, no Excel.createWorkbook either), says it is too old in plain words, in both languages', async () => {
    for (const [language, name, message] of [
      ['en-US', 'Export masked copy', 'This version of Excel is too old for the add-in. It needs Microsoft 365, Excel 2021 or later, or Excel on the web. Nothing was changed.'],
      ['zh-CN', '导出脱敏副本', '此版本的 Excel 太旧，无法使用本加载项。需要 Microsoft 365、Excel 2021 或更高版本，或网页版 Excel。未做任何更改。'],
    ] as const) {
      const t = await ledgerHost(language, { ExcelApi: '1.7' });
      const view = render(<Pane host={t.host} />);
      await ready(language === 'en-US' ? /header on row 1, 4 customers/ : /表头在第 1 行，共 4 位客户/);
      const before = t.sim.workbook.sheetNames();
      await userEvent.click(within(card(name)).getByRole('button', { name }));
      await within(card(name)).findByText(message, undefined, { timeout: 20_000 });
      expect(t.sim.workbook.sheetNames()).toEqual(before);
      expect(t.sim.createdWorkbooks()).toEqual([]);
      view.unmount();
    }
  });
});
