/// <reference types="office-js" />
/**
 * Imported first by the pages that Office uses as the ribbon's function file (taskpane.html in the
 * shared runtime, commands.html): associates the ribbon's handlers while the script is evaluated, before
 * React and the rest of the pane, and again after Office.onReady where Office.actions came late.
 */
import { globalHost } from '../addin/host';
import { registerCommands } from './register';

if (typeof Office !== 'undefined') {
  registerCommands(globalHost);
  void Office.onReady(() => registerCommands(globalHost));
}
