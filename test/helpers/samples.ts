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

/** Unordered pairs of rows that share a group. */
export function pairsOf(groups: readonly (readonly number[])[]): Set<string> {
  const out = new Set<string>();
  for (const g of groups) {
    const rows = [...g].sort((a, b) => a - b);
    for (let i = 0; i < rows.length; i++) for (let j = i + 1; j < rows.length; j++) out.add(`${rows[i]}-${rows[j]}`);
  }
  return out;
}

export function pairF1(found: Set<string>, truth: Set<string>): { precision: number; recall: number; f1: number } {
  let tp = 0;
  for (const p of found) if (truth.has(p)) tp++;
  const precision = found.size === 0 ? 1 : tp / found.size;
  const recall = truth.size === 0 ? 1 : tp / truth.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
