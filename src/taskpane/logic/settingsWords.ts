/**
 * The tier thresholds in a shop owner's words: a percentile of 0.8 is "the top 20 % by spend". The
 * form shows and edits shares; the settings sheet keeps percentiles (its formulas read them).
 */

/** "0.8" → "20"; text that is no number is passed on as typed (saving then says what is wrong). */
export function topShareOf(percentile: string): string {
  const p = Number(percentile);
  if (percentile.trim() === '' || !Number.isFinite(p)) return percentile;
  return String(Math.round((1 - p) * 10000) / 100);
}

/** "20" → "0.8", the inverse of topShareOf. */
export function percentileOf(topShare: string): string {
  const t = Number(topShare);
  if (topShare.trim() === '' || !Number.isFinite(t)) return topShare;
  return String(Math.round((1 - t / 100) * 10000) / 10000);
}

/** A whole or decimal number typed in the form, or null while it is not one. */
export function numberOf(text: string): number | null {
  const n = Number(text);
  return text.trim() === '' || !Number.isFinite(n) ? null : n;
}
