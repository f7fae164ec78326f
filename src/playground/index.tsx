/** Playground entry (playground.html): no office.js; the simulator is the pane's Excel. ?lang=en-US for English. */
import { createRoot } from 'react-dom/client';
import { Playground } from './Playground';

const params = new URLSearchParams(window.location.search);
const language = params.get('lang') ?? 'zh-CN';
document.documentElement.lang = language;
const root = document.getElementById('root');
if (root) createRoot(root).render(<Playground language={language} />);
