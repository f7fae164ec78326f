/**
 * Playground entry (playground.html): no office.js; the simulator is the pane's Excel. ?lang=en-US for
 * English; ?paneWidth=320 gives the pane one of Excel's widths (320, 350, 450…) to try it at.
 */
import { createRoot } from 'react-dom/client';
import { Playground, paneWidthOf } from './Playground';

const params = new URLSearchParams(window.location.search);
const language = params.get('lang') ?? 'zh-CN';
const paneWidth = paneWidthOf(params.get('paneWidth'));
document.documentElement.lang = language;
const root = document.getElementById('root');
if (root) createRoot(root).render(<Playground language={language} paneWidth={paneWidth} />);
