/**
 * The Office theme as it is now, not only as it was when the pane opened. Excel has no theme-changed
 * event for task panes on every platform (the documented OfficeThemeChanged event is Outlook's and
 * PowerPoint's), so: the event where the host offers it, a re-read when the pane becomes visible or
 * gets focus (the user changed the theme in File → Account while the pane was behind), and a cheap
 * re-read every few seconds (a property read, no Excel request).
 */
import { useEffect, useState } from 'react';
import type { AddinHost } from '../addin/host';
import { themeOf } from './logic/officeView';

export const THEME_POLL_MS = 5000;

interface ThemeEvents {
  EventType?: { OfficeThemeChanged?: string };
  context: {
    document?: {
      addHandlerAsync?: (type: string, handler: () => void, callback?: (r: unknown) => void) => void;
      removeHandlerAsync?: (type: string, options: { handler: () => void }, callback?: (r: unknown) => void) => void;
    };
  };
}

export function useOfficeTheme(host: AddinHost): 'light' | 'dark' {
  const [theme, setTheme] = useState(() => themeOf(host));
  useEffect(() => {
    const update = () => setTheme(themeOf(host));
    const office = host.Office as unknown as ThemeEvents;
    const type = office.EventType?.OfficeThemeChanged;
    const doc = office.context.document;
    // Hosts without the event fail the call through its callback: the re-reads below still follow.
    if (type && doc?.addHandlerAsync) {
      try {
        doc.addHandlerAsync(type, update, () => undefined);
      } catch {
        /* not offered here */
      }
    }
    const onVisible = () => { if (document.visibilityState === 'visible') update(); };
    window.addEventListener('focus', update);
    document.addEventListener('visibilitychange', onVisible);
    const timer = setInterval(update, THEME_POLL_MS);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', update);
      document.removeEventListener('visibilitychange', onVisible);
      if (type && doc?.removeHandlerAsync) {
        try {
          doc.removeHandlerAsync(type, { handler: update }, () => undefined);
        } catch {
          /* nothing registered */
        }
      }
    };
  }, [host]);
  return theme;
}
