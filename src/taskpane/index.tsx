/// <reference types="office-js" />
/**
 * Task pane entry (taskpane.html, also the ribbon's function file in the shared runtime). The ribbon's
 * handlers are associated by the first import, before React is even evaluated; the pane renders once
 * Office is ready.
 */
import '../commands/registerAtLoad';
import { createRoot } from 'react-dom/client';
import { globalHost } from '../addin/host';
import { Pane } from './Pane';

void Office.onReady(() => {
  const root = document.getElementById('root');
  if (root) createRoot(root).render(<Pane host={globalHost()} />);
});
