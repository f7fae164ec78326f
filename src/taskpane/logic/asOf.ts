/** The date the tiers and the call list are counted at, in words: the setting, or today (the engine's default). */
import type { PaneStrings } from '../../i18n/pane';

/** Today as YYYY-MM-DD on the user's clock, as the engine reads "blank = today". */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function asOfLine(s: PaneStrings, asOf: string | null | undefined, now?: Date): string {
  return asOf ? s.asOfSet(asOf) : s.asOfToday(todayIso(now));
}
