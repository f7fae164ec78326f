/** @jest-environment jsdom */
/**
 * Where the user sees the phone region: the settings card's list ("Auto (detected: United States)"),
 * the check's result line, and the default area code saved with the settings.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Pane } from '../../src/taskpane/Pane';
import { card, expand } from './dom';
import { paneHost } from './paneHost';

jest.setTimeout(60_000);

const US_LEDGER: unknown[][] = [
  ['Name', 'Phone', 'Email', 'Total spend'],
  ['Ann Lee', '(415) 555-0123', 'ann@acme.com', 1200],
  ['Bob Stone', '(212) 555-0187', 'bob@stone.com', 300],
  ['Cy Park', '415-555-2671', 'cy@park.com', 50],
  ['Di Moss', '555-0199', 'di@moss.com', 80],
];

async function ready() {
  await screen.findByText(/header on row 1, 4 customers/, undefined, { timeout: 20_000 });
}

describe('phone region in the pane', () => {
  it('offers Auto with the detected region, and the check says which region it used', async () => {
    const t = paneHost({ Clients: US_LEDGER });
    render(<Pane host={t.host} />);
    await ready();
    const region = within(await expand(card('Settings'))).getByRole('combobox', { name: /Phone region/ }) as HTMLSelectElement;
    expect(region.value).toBe('auto');
    expect(region.selectedOptions[0]!.textContent).toBe('Auto (detected: United States)');
    expect(within(region).getByRole('option', { name: 'United States (US)' })).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Check phones & emails' }));
    const check = card('Check phones & emails');
    await within(check).findByText(/read as United States \(detected\)\./, undefined, { timeout: 20_000 });
    expect(within(check).getByText(/1 without its area code/)).toBeTruthy();
    const values = t.sim.workbook.sheet('Clients').values();
    const e164 = values[0]!.indexOf('Phone (E.164)');
    expect(values[1]![e164]).toBe('+14155550123');
  });

  it('saves a default area code with the settings', async () => {
    const t = paneHost({ Clients: US_LEDGER });
    render(<Pane host={t.host} />);
    await ready();
    const settings = await expand(card('Settings'));
    await userEvent.type(within(settings).getByRole('textbox', { name: /Default area code/ }), '415');
    await userEvent.click(within(settings).getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Settings saved in the workbook.', undefined, { timeout: 20_000 });
    const stored = t.sim.workbook.sheet('Ledger Settings').values();
    expect(stored.find((r) => r[0] === 'areaCode')?.[1]).toBe('415');
    expect(stored.find((r) => r[0] === 'region')?.[1]).toBe('auto');
  });
});
