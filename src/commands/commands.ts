/** commands.html: the ribbon's function file when it runs without the pane (same handlers, registered at load). */
import './registerAtLoad';
