/** @jest-environment jsdom */
/**
 * The ribbon's "Fix selected cells" shows its outcome on the check card: the cells fixed and the
 * backup, or that the selected cells had nothing to fix (no backup made).
 */
import { act, render, screen, within } from '@testing-library/react';
import { RIBBON_FUNCTIONS, runRibbonCommand } from '../../src/commands/register';
import { Pane } from '../../src/taskpane/Pane';
import { card } from './dom';
import { LEDGER, paneHost } from './paneHost';

jest.setTimeout(120_000);

it('says what the selection fix did, on the check card', async () => {
  const t = paneHost({ Clients: LEDGER });
  render(<Pane host={t.host} />);
  await screen.findByText(/header on row 1, 4 customers/, undefined, { timeout: 30_000 });
  const select = (address: string) => t.host.Excel.run(async (context) => {
    context.workbook.worksheets.getItem('Clients').getRange(address).select();
    await context.sync();
  });
  const fixSelection = RIBBON_FUNCTIONS.fixSelection!;

  await select('A2');
  await act(() => runRibbonCommand(t.host, fixSelection.action, { run: fixSelection.options, show: { retryDelayMs: 5 } }));
  const check = card('Check phones & emails');
  expect(await within(check).findByText(/Nothing to fix in Clients!A2/, undefined, { timeout: 20_000 })).toBeTruthy();
  expect(t.sim.workbook.sheetNames()).toEqual(['Clients', 'Ledger Settings']); // checked, but no backup: nothing was fixed

  await select('C3');
  await act(() => runRibbonCommand(t.host, fixSelection.action, { run: fixSelection.options, show: { retryDelayMs: 5 } }));
  expect(await within(check).findByText(/Fixed 1 cell, after a backup in/, undefined, { timeout: 20_000 })).toBeTruthy();
  expect(t.sim.workbook.sheet('Clients').cell('C3').value).toBe('bo@qq.com');
});
