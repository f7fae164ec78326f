/// <reference types="office-js" />
/** commands.html: the ribbon's function file when it runs without the pane (same handlers). */
import { globalHost } from '../taskpane/logic/host';
import { registerCommands } from './register';

void Office.onReady(() => registerCommands(globalHost()));
