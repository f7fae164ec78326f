/** Waiting on the pane between steps: a button free again, a confirmation open (the pane may redraw a card while it re-reads the workbook). */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/** The pane disables its buttons while anything runs (the sheet watch included): click once it is free and watching again. */
export async function clickWhenEnabled(button: HTMLElement) {
  await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false), { timeout: 15_000 });
  await waitFor(() => expect(screen.getByRole('main').getAttribute('data-watching')).toBe('true'), { timeout: 15_000 });
  await userEvent.click(button);
}

/** Opens a confirmation (in place, under its button), found by its title; the button is found again at each attempt. */
export async function openConfirmation(button: () => HTMLElement, name: string): Promise<HTMLElement> {
  for (let attempt = 1; ; attempt++) {
    if (button().getAttribute('aria-expanded') !== 'true') await clickWhenEnabled(button());
    try {
      return await screen.findByRole('region', { name }, { timeout: 3_000 });
    } catch (err) {
      if (attempt >= 4) throw new Error(`${String(err).slice(0, 60)} | ${screen.getByRole('main').textContent?.slice(0, 900)}`);
    }
  }
}
