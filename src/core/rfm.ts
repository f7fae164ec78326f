/**
 * Recency–frequency–monetary segments: each customer scored 1–5 on how recently they were active, how
 * often they ordered and how much they spent (quintiles of the ledger itself; equal values share a
 * score), then named by the usual recency × frequency grid (champions, loyal, at risk, hibernating…).
 */
import { daysBetween, type IsoDate } from './calendar';

export const RFM_SEGMENTS = [
  'champions', 'loyal', 'potentialLoyalists', 'newCustomers', 'promising', 'needAttention',
  'aboutToSleep', 'atRisk', 'cannotLose', 'hibernating',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

export interface RfmInput {
  lastActivity: IsoDate | null;
  orders: number | null;
  total: number | null;
}

export interface RfmScore {
  r: number;
  f: number;
  m: number;
  segment: RfmSegment;
}

/**
 * Scores 1–5 by quintile of rank, higher = better; equal values get the same score (the score of their
 * first rank), so a ledger where everyone ordered once gives everyone the same F.
 */
export function quintileScores(values: readonly number[]): number[] {
  const n = values.length;
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const scores = new Array<number>(n);
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && order[j + 1]![0] === order[i]![0]) j++;
    const score = Math.min(5, Math.floor((i * 5) / n) + 1);
    for (let k = i; k <= j; k++) scores[order[k]![1]] = score;
    i = j + 1;
  }
  return scores;
}

/** The recency × frequency grid most RFM guides use (rows R 1–5, columns F 1–5). */
export function segmentOf(r: number, f: number): RfmSegment {
  if (r >= 5 && f >= 4) return 'champions';
  if (r >= 3 && f >= 4) return 'loyal';
  if (r >= 4 && f >= 2) return 'potentialLoyalists';
  if (r === 5 && f === 1) return 'newCustomers';
  if (r === 4 && f === 1) return 'promising';
  if (r === 3 && f === 3) return 'needAttention';
  if (r === 3) return 'aboutToSleep';
  if (f === 5) return 'cannotLose';
  if (f >= 3) return 'atRisk';
  return 'hibernating';
}

/**
 * Scores for every customer with a last activity (null for the others: no recency, no segment).
 * Frequency is the order count, or 1 for a customer who bought without a count; money the total, 0 if blank.
 */
export function rfmScores(rows: readonly RfmInput[], asOf: IsoDate): (RfmScore | null)[] {
  const scored = rows.map((r, i) => [r, i] as const).filter(([r]) => r.lastActivity !== null);
  // More recent is better: score the negated age.
  const rScores = quintileScores(scored.map(([r]) => -daysBetween(r.lastActivity!, asOf)));
  const fScores = quintileScores(scored.map(([r]) => r.orders ?? 1));
  const mScores = quintileScores(scored.map(([r]) => r.total ?? 0));
  const out = new Array<RfmScore | null>(rows.length).fill(null);
  scored.forEach(([, index], k) => {
    const r = rScores[k]!;
    const f = fScores[k]!;
    out[index] = { r, f, m: mScores[k]!, segment: segmentOf(r, f) };
  });
  return out;
}
