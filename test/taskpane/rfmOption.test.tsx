/** @jest-environment jsdom */
/**
 * RFM segments from the pane: an option on the tiers card (the CLI had --rfm, the pane had nothing).
 * Ticked, the run writes the RFM columns and the result counts the segments; afterwards the option stays
 * ticked and fixed, since every run keeps the sheet's RFM columns current. Unticked, no RFM column.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OWNED_COLUMNS } from '../../src/actions/names';
import { paneStrings } from '../../src/i18n/pane';
import { Pane } from '../../src/taskpane/Pane';
import { card, expand } from './dom';
import { LEDGER, paneHost } from './paneHost';
import { clickWhenEnabled } from './waitPane';

jest.setTimeout(120_000);
const en = paneStrings('en-US');

async function tiersCard(t: ReturnType<typeof paneHost>) {
  render(<Pane host={t.host} />);
  await screen.findByText(/header on row 1, 4 customers/, undefined, { timeout: 30_000 });
  return expand(card(en.actions.computeTiers.name));
}

it('ticked: the RFM columns are written, the segments counted, and the option stays on', async () => {
  const t = paneHost({ Clients: LEDGER });
  const region = await tiersCard(t);
  const option = within(region).getByRole('checkbox', { name: en.rfmOption });
  expect((option as HTMLInputElement).checked).toBe(false);
  await userEvent.click(option);
  await clickWhenEnabled(within(region).getByRole('button', { name: en.actions.computeTiers.name }));
  await within(region).findByText(en.rfmResult, undefined, { timeout: 20_000 });
  const header = t.sim.workbook.sheet('Clients').values()[0]!;
  expect(header).toContain(OWNED_COLUMNS.rfmSegment['en-US']);
  expect(header).toContain(OWNED_COLUMNS.rfmScore['en-US']);
  await waitFor(() => expect((within(card(en.actions.computeTiers.name)).getByRole('checkbox', { name: en.rfmOption }) as HTMLInputElement).disabled).toBe(true), { timeout: 20_000 });
  expect((within(card(en.actions.computeTiers.name)).getByRole('checkbox', { name: en.rfmOption }) as HTMLInputElement).checked).toBe(true);
  expect(within(card(en.actions.computeTiers.name)).getByText(en.rfmKept)).toBeTruthy();
});

it('unticked: tiers alone, no RFM column', async () => {
  const t = paneHost({ Clients: LEDGER });
  const region = await tiersCard(t);
  await clickWhenEnabled(within(region).getByRole('button', { name: en.actions.computeTiers.name }));
  await within(region).findByText(/Value tier/, undefined, { timeout: 20_000 });
  expect(t.sim.workbook.sheet('Clients').values()[0]).not.toContain(OWNED_COLUMNS.rfmSegment['en-US']);
  expect(within(region).queryByText(en.rfmResult)).toBeNull();
});
