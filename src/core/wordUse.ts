/**
 * Which of several words for one idea a sheet's own cells use (e.g. 沉睡 or 休眠): the add-in then says
 * that one. Only the first rows are looked at: the word a ledger uses shows in its first thousands of
 * rows, and a million-row sheet must not pay a substring search per cell.
 */

export interface WordUseScope {
  /** 0-based first row looked at (the header row: a header may hold the word too). */
  fromRow: number;
  /** 0-based columns skipped (the add-in's own: its words must not vote for themselves). */
  ignoreColumns: readonly number[];
  /** How many rows at most. */
  maxRows?: number;
}

/** Rows looked at by default: enough for any ledger's habit, cheap at a million rows. */
export const WORD_USE_ROWS = 5000;

/** The word of `words` in the most cells (a cell counts once per word it holds); ties and none: the first. */
export function mostUsedWord<W extends string>(values: readonly (readonly unknown[] | undefined)[], words: readonly [W, ...W[]], scope: WordUseScope): W {
  const counts = new Array<number>(words.length).fill(0);
  const skip = new Set(scope.ignoreColumns);
  const end = Math.min(values.length, scope.fromRow + (scope.maxRows ?? WORD_USE_ROWS));
  for (let r = Math.max(0, scope.fromRow); r < end; r++) {
    const row = values[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== 'string' || skip.has(c)) continue;
      for (let i = 0; i < words.length; i++) if (v.includes(words[i]!)) counts[i]!++;
    }
  }
  let best = 0;
  for (let i = 1; i < words.length; i++) if (counts[i]! > counts[best]!) best = i;
  return words[best]!;
}
