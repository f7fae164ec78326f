/**
 * The sample workbooks and their ground truth, kept in the repository (test/fixtures/samples, copied from
 * the team's shared material) so a clone on its own is whole. Read with the product's own .xlsx reader.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XlsxWorkbookPort } from '../../src/workbook/xlsx/xlsxPort';
import { analyzeSheet } from '../../src/core/analyze';
import type { Report } from '../../src/core/report';

export const SAMPLES_DIR = path.resolve(__dirname, '../fixtures/samples');

export interface TruthRow {
  row: number;
  entity: number;
  phone: { status: string; e164: string | null };
  email: { status: string; normalized: string | null; suggestion: string | null };
  dates: { lastPurchase: string | null; lastContact: string | null };
  orders: number | null;
  total: number | null;
  valueTier: string;
  statusTier: string;
  lifecycle: string;
}
export interface Truth {
  asOf: string;
  sheet: string;
  headerRow: number;
  totalsRow: number | null;
  dataRows: number;
  duplicateGroups: number[][];
  rows: TruthRow[];
}

export function readTruth(name: string): Truth {
  return JSON.parse(fs.readFileSync(path.join(SAMPLES_DIR, `${name}.truth.json`), 'utf8')) as Truth;
}

export async function analyzeSample(name: string): Promise<{ report: Report; truth: Truth }> {
  const truth = readTruth(name);
  const port = XlsxWorkbookPort.open(fs.readFileSync(path.join(SAMPLES_DIR, `${name}.xlsx`)));
  const values = await port.readValues(truth.sheet);
  const report = analyzeSheet({ sheet: truth.sheet, values, settings: { asOf: truth.asOf } });
  return { report, truth };
}

/** Pairwise scoring of groups: the accuracy harness's own, so the samples test and `npm run accuracy` count alike. */
export { pairsOf, score as pairF1 } from '../../scripts/accuracy/measure';
