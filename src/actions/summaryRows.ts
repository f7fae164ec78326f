/**
 * The summary's input: one record per customer row, from the analysis (tiers, status, lifecycle, amount)
 * and the ledger's own cells (the dimension columns, first purchase dates, blank names), read once.
 */
import { columnIndex } from '../core/columns';
import { parseDate } from '../core/dates';
import { inferDateOrder } from '../core/dateOrderVotes';
import { rfmScores } from '../core/rfm';
import { inSteps, runToEnd } from '../core/steps';
import { SUMMARY_DIMENSIONS, type QualityInput, type SummaryDimension, type SummaryInputRow } from '../core/summaryTables';
import { cellText, cleanText } from '../core/text';
import type { Ledger } from './context';

export interface SummaryRows {
  rows: SummaryInputRow[];
  /** Dimension → its 0-based column, for the dimensions the ledger has. */
  dimensionColumns: Partial<Record<SummaryDimension, number>>;
  hasFirstPurchase: boolean;
  quality: QualityInput;
}

/** The summary's input rows in one go (tests, the CLI): summaryRowsSteps run to its end. */
export function summaryRows(ledger: Pick<Ledger, 'report' | 'values'>, withRfm: boolean): SummaryRows {
  return runToEnd(summaryRowsSteps(ledger, withRfm));
}

/** Rows read between two host turns: a pass over a million rows in one go held the pane too long. */
const ROWS_PER_STEP = 16384;

export function* summaryRowsSteps(ledger: Pick<Ledger, 'report' | 'values'>, withRfm: boolean): Generator<void, SummaryRows, void> {
  const { report, values } = ledger;
  const cells = (row: number) => values[row - 1] ?? [];
  const dimensionColumns: Partial<Record<SummaryDimension, number>> = {};
  for (const d of SUMMARY_DIMENSIONS) {
    const letter = report.columns[d];
    if (letter) dimensionColumns[d] = columnIndex(letter);
  }
  const dims = Object.entries(dimensionColumns) as [SummaryDimension, number][];
  const firstLetter = report.columns.firstPurchase;
  const firstCol = firstLetter ? columnIndex(firstLetter) : -1;
  // The column's own unambiguous dates decide how 03/04/2025 reads, as the analysis does.
  const order = firstCol >= 0 ? inferDateOrder(report.rows.map((r) => cells(r.row)[firstCol])) : 'mdy';
  yield;
  const rfm = withRfm ? rfmScores(report.rows, report.asOf) : null;
  if (rfm) yield;
  const nameLetter = report.columns.name;
  const nameCol = nameLetter ? columnIndex(nameLetter) : -1;
  let nameMissing = 0;
  const rows: SummaryInputRow[] = new Array<SummaryInputRow>(report.rows.length);
  yield* inSteps(report.rows.length, ROWS_PER_STEP, (from, to) => {
    for (let i = from; i < to; i++) {
      const r = report.rows[i]!;
      const line = cells(r.row);
      const d: SummaryInputRow['dims'] = {};
      for (const [dim, col] of dims) d[dim] = cleanText(cellText(line[col]));
      if (nameCol >= 0 && cleanText(cellText(line[nameCol])) === '') nameMissing++;
      rows[i] = {
        valueTier: r.valueTier, statusTier: r.statusTier, lifecycle: r.lifecycle, total: r.total, dims: d,
        firstPurchase: firstCol >= 0 ? parseDate(line[firstCol], order) : null,
        rfm: rfm?.[i]?.segment ?? null,
      };
    }
  });
  const quality: QualityInput = {
    rows: report.rows.length,
    phone: report.columns.phone ? report.counts.phone : null,
    email: report.columns.email ? report.counts.email : null,
    nameMissing: nameCol >= 0 ? nameMissing : null,
    duplicateGroups: report.duplicateGroups,
    possibleDuplicates: report.possibleDuplicates.length,
  };
  return { rows, dimensionColumns, hasFirstPurchase: firstCol >= 0, quality };
}
