/** Whether a column writes its numeric dates d/m or m/d (or y/m/d), from the values that can only be read one way. */
import { hasIsoShape } from './calendar';
import { NUMERIC_DATE, type DateOrder } from './dates';
import { cleanText } from './text';

/**
 * The order to read a column's ambiguous numeric dates in, from the unambiguous ones: 13/02/2025 votes
 * dmy (first > 12), 02/13/2025 votes mdy (second > 12), 25/05/17-style short forms with a first part
 * above 31 vote ymd. Year-first forms with four digits and non-text values don't vote. Majority wins;
 * no votes or a tie → 'mdy'.
 */
export function inferDateOrder(values: readonly unknown[]): DateOrder {
  const votes = new DateOrderVotes();
  for (const value of values) votes.add(value);
  return votes.order();
}

/** inferDateOrder's count, one value at a time: a caller reading several date columns reads each row once. */
export class DateOrderVotes {
  private readonly votes: Record<DateOrder, number> = { mdy: 0, dmy: 0, ymd: 0 };
  add(value: unknown): void {
    if (typeof value !== 'string' || hasIsoShape(value)) return;
    const vote = dateOrderVote(value);
    if (vote) this.votes[vote]++;
  }
  order(): DateOrder {
    const votes = this.votes;
    if (votes.dmy > votes.mdy && votes.dmy >= votes.ymd) return 'dmy';
    if (votes.ymd > votes.mdy && votes.ymd > votes.dmy) return 'ymd';
    return 'mdy';
  }
}

const FULL_WIDTH = /[\uFF01-\uFF5E]/;

function dateOrderVote(raw: string): DateOrder | null {
  // Only full-width digits and separators need folding; the usual non-ASCII text (2025年…) cannot vote.
  const m = NUMERIC_DATE.exec(FULL_WIDTH.test(raw) ? cleanText(raw) : raw.trim());
  if (!m) return null;
  const a = m[1] ?? '';
  const c = m[4] ?? '';
  if (a.length > 2 || c.length === 3) return null;
  const x = +a;
  const y = +(m[3] ?? '');
  if (c.length === 4) {
    if (x > 12 && y <= 12) return 'dmy';
    if (y > 12 && x <= 12) return 'mdy';
    return null;
  }
  // Two-digit year: only readings that rule out the others vote.
  if (x > 31) return 'ymd';
  if (y > 12 && x <= 12) return 'mdy';
  if (x > 12 && +c > 31) return 'dmy';
  return null;
}
