/**
 * Pick the customer sheet among a workbook's sheets: the one whose header looks most like a customer
 * list (the summary/backup sheets the add-in writes never win over the real data).
 */
import { detectLayoutSteps } from './columns';
import { runToEnd } from './steps';

export interface SheetValues { name: string; values: readonly (readonly unknown[])[]; hidden?: boolean }

export interface SheetChoice { name: string; score: number; dataRows: number }

/** Every sheet that has a customer-like header, best first. */
export function rankCustomerSheets(sheets: readonly SheetValues[]): SheetChoice[] {
  return runToEnd(rankCustomerSheetsSteps(sheets));
}

/** rankCustomerSheets as steps (those of each sheet's detectLayoutSteps), for a UI thread. */
export function* rankCustomerSheetsSteps(sheets: readonly SheetValues[]): Generator<void, SheetChoice[], void> {
  const choices: SheetChoice[] = [];
  for (const s of sheets) {
    const layout = yield* detectLayoutSteps(s.values);
    if (!layout) continue;
    // Hidden sheets and empty tables are unlikely to be what the user means.
    const score = layout.score - (s.hidden ? 0.5 : 0) - (layout.dataRows.length === 0 ? 0.3 : 0);
    choices.push({ name: s.name, score, dataRows: layout.dataRows.length });
  }
  return choices.sort((a, b) => b.score - a.score || b.dataRows - a.dataRows);
}

/** Scores this close count as a tie between sheets. */
export const TIE_MARGIN = 0.05;

/**
 * The sheets that looked about as much like the customer list as the best one (which the ranking puts
 * first: best score, then most data rows, then tab order). Empty sheets never tie with a sheet holding data.
 */
export function tiedWithBest(ranked: readonly SheetChoice[]): string[] {
  const best = ranked[0];
  if (!best) return [];
  return ranked.slice(1).filter((c) => best.score - c.score <= TIE_MARGIN && c.dataRows > 0).map((c) => c.name);
}
