/// <reference types="office-js" />
/** Task pane entry (taskpane.html): waits for Office, registers the ribbon commands (shared runtime), renders the pane. */
import { createRoot } from 'react-dom/client';
import { registerCommands } from '../commands/register';
import { globalHost } from './logic/host';
import { Pane } from './Pane';

void Office.onReady(() => {
  const host = globalHost();
  registerCommands(host);
  const root = document.getElementById('root');
  if (root) createRoot(root).render(<Pane host={host} />);
});
