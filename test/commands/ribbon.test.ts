/**
 * A ribbon click reports back even with the pane closed: success opens the pane (its card holds the
 * result) only when the pane is not showing; a failure always opens it.
 */
import { registerCommands, runRibbonCommand } from '../../src/commands/register';
import { lastRibbonEvent } from '../../src/taskpane/logic/ribbonStore';
import { LEDGER, paneHost } from '../taskpane/paneHost';

function ribbonHost() {
  const t = paneHost({ Clients: LEDGER });
  let visibility: ((e: { visibilityMode: string }) => void) | null = null;
  const show = jest.fn(() => Promise.resolve());
  const office = t.host.Office as unknown as { actions: unknown; addin: unknown };
  office.actions = { associate: () => undefined };
  office.addin = {
    showAsTaskpane: show,
    onVisibilityModeChanged: (h: (e: { visibilityMode: string }) => void) => { visibility = h; return Promise.resolve(() => Promise.resolve()); },
  };
  registerCommands(t.host);
  return { ...t, show, setVisibility: (mode: 'Hidden' | 'Taskpane') => visibility!({ visibilityMode: mode }) };
}

describe('ribbon commands with the pane closed or open', () => {
  it('opens the pane after a successful click when it is hidden, and not when it is showing', async () => {
    const t = ribbonHost();
    t.setVisibility('Hidden');
    await runRibbonCommand(t.host, 'findDuplicates');
    expect(lastRibbonEvent()).toMatchObject({ action: 'findDuplicates', ok: true });
    expect(t.show).toHaveBeenCalledTimes(1);

    t.setVisibility('Taskpane');
    await runRibbonCommand(t.host, 'checkContacts');
    expect(lastRibbonEvent()).toMatchObject({ action: 'checkContacts', ok: true });
    expect(t.show).toHaveBeenCalledTimes(1);
  });

  it('always opens the pane when the click failed, so the user reads why', async () => {
    const t = ribbonHost();
    t.setVisibility('Taskpane');
    t.sim.workbook.sheet('Clients').protect();
    await runRibbonCommand(t.host, 'checkContacts');
    expect(lastRibbonEvent()).toMatchObject({ action: 'checkContacts', ok: false });
    expect(t.show).toHaveBeenCalledTimes(1);
  });
});
