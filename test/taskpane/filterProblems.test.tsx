/** @jest-environment jsdom */
/**
 * "Show only rows with problems" on the check's result: on hides exactly the rows without a problem, off
 * shows every row; a filter the user set is refused in plain words and left exactly as it was.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import { Pane } from '../../src/taskpane/Pane';
import { card } from './dom';
import { LEDGER, paneHost } from './paneHost';
import { clickWhenEnabled } from './waitPane';

jest.setTimeout(120_000);

const CHECK = 'Check phones & emails';
const TOGGLE = 'Show only rows with problems';

async function checked() {
  const t = paneHost({ Clients: LEDGER });
  render(<Pane host={t.host} />);
  await screen.findByText(/header on row 1, 4 customers/, undefined, { timeout: 30_000 });
  await clickWhenEnabled(within(card(CHECK)).getByRole('button', { name: CHECK }));
  const toggle = await within(card(CHECK)).findByRole('button', { name: TOGGLE }, { timeout: 20_000 });
  return { t, toggle };
}

/** 1-based rows of data whose phone check cell is blank (valid numbers), read from the workbook. */
function rowsWithoutProblems(values: unknown[][]): number[] {
  const col = values[0]!.indexOf('Phone check');
  expect(col).toBeGreaterThan(0);
  return values.slice(1).map((r, i) => (r[col] === '' || r[col] === null ? i + 2 : 0)).filter(Boolean);
}

it('on: hidden rows are exactly those without problems; off: none hidden; values unchanged', async () => {
  const { t } = await checked();
  const sheet = t.sim.workbook.sheet('Clients');
  const values = sheet.values();
  const clean = rowsWithoutProblems(values);
  expect(clean.length).toBeGreaterThan(0);
  expect(clean.length).toBeLessThan(values.length - 1);
  await clickWhenEnabled(within(card(CHECK)).getByRole('button', { name: TOGGLE }));
  await within(card(CHECK)).findByText(/Showing only the \d+ rows? with problems/, undefined, { timeout: 20_000 });
  expect(sheet.hiddenRows()).toEqual(clean);
  expect(within(card(CHECK)).getByRole('button', { name: TOGGLE }).getAttribute('aria-pressed')).toBe('true');
  expect(sheet.values()).toEqual(values);

  await clickWhenEnabled(within(card(CHECK)).getByRole('button', { name: TOGGLE }));
  await within(card(CHECK)).findByText('Every row shows again.', undefined, { timeout: 20_000 });
  expect(sheet.hiddenRows()).toEqual([]);
  expect(sheet.autoFilter()).toBeNull();
  expect(within(card(CHECK)).getByRole('button', { name: TOGGLE }).getAttribute('aria-pressed')).toBe('false');
  expect(sheet.values()).toEqual(values);
});

it("refuses when the user set a filter of their own, says so plainly, and leaves the filter as it was", async () => {
  const { t } = await checked();
  await t.sim.Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem('Clients');
    ws.autoFilter.apply(ws.getRange('A1:D5'), 3, { filterOn: 'Values', values: ['Acme Ltd'] } as never);
    await context.sync();
  });
  const sheet = t.sim.workbook.sheet('Clients');
  const before = { filter: sheet.autoFilter(), hidden: sheet.hiddenRows(), values: sheet.values() };
  expect(before.hidden.length).toBeGreaterThan(0);
  await clickWhenEnabled(within(card(CHECK)).getByRole('button', { name: TOGGLE }));
  await within(card(CHECK)).findByText(/already has a filter you set; clear it first \(Data › Clear\)/, undefined, { timeout: 20_000 });
  expect({ filter: sheet.autoFilter(), hidden: sheet.hiddenRows(), values: sheet.values() }).toEqual(before);
  await waitFor(() => expect(within(card(CHECK)).getByRole('button', { name: TOGGLE }).getAttribute('aria-pressed')).toBe('false'));
});
