/**
 * How right the duplicate finder is on every labelled ledger in the repository: the samples (with
 * their truth files) and the Febrl record-linkage sets. Pairwise precision, recall and F1 of the
 * groups, and of the groups with the review list added. Shared by `npm run accuracy` and
 * test/accuracy.test.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XlsxWorkbookPort } from '../../src/workbook/xlsx/xlsxPort';
import { analyzeSheet } from '../../src/core/analyze';
import type { FieldId } from '../../src/core/fields';
import type { Report } from '../../src/core/report';

/** test/fixtures, found upwards from here (this file also runs compiled, from dist/accuracy). */
function fixturesDir(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'test/fixtures/datasets');
    if (fs.existsSync(candidate)) return path.dirname(candidate);
    if (path.dirname(dir) === dir) throw new Error('test/fixtures not found');
  }
}
const FIXTURES = fixturesDir();

export interface Score { precision: number; recall: number; f1: number; found: number; truth: number }
export interface Measured {
  name: string;
  rows: number;
  groups: Score;
  withReview: Score;
  /** Share of rows whose phone / email check agrees with the truth (samples only). */
  phone?: number;
  email?: number;
  tiers?: number;
  /** Columns given to the engine by the harness because the mapper did not find them. */
  mappedByHarness: FieldId[];
  seconds: number;
}

interface SampleTruth {
  asOf: string; sheet: string; duplicateGroups: number[][];
  rows: { row: number; phone: { status: string; e164: string | null }; email: { status: string; normalized: string | null; suggestion: string | null };
    valueTier: string; statusTier: string; lifecycle: string }[];
}
interface DatasetTruth { headerRow: number; dataRows: number; duplicateGroups: number[][] }

/** Unordered row pairs ("a-b", a < b) of groups. */
export function pairsOf(groups: readonly (readonly number[])[]): Set<string> {
  const out = new Set<string>();
  for (const g of groups) {
    const rows = [...g].sort((a, b) => a - b);
    for (let i = 0; i < rows.length; i++) for (let j = i + 1; j < rows.length; j++) out.add(`${rows[i]}-${rows[j]}`);
  }
  return out;
}

export function score(found: Set<string>, truth: Set<string>): Score {
  let tp = 0;
  for (const p of found) if (truth.has(p)) tp++;
  const precision = found.size === 0 ? 1 : tp / found.size;
  const recall = truth.size === 0 ? 1 : tp / truth.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, found: found.size, truth: truth.size };
}

function scores(report: Report, truthGroups: readonly (readonly number[])[]): { groups: Score; withReview: Score } {
  const truth = pairsOf(truthGroups);
  const found = pairsOf(report.duplicateGroups.map((g) => g.rows));
  const withReview = new Set(found);
  // A review pair joins two groups (or rows): every pair across them counts as proposed.
  const groupOf = new Map<number, number[]>();
  for (const g of report.duplicateGroups) for (const r of g.rows) groupOf.set(r, g.rows);
  for (const p of report.possibleDuplicates) {
    const a = groupOf.get(p.rows[0]) ?? [p.rows[0]];
    const b = groupOf.get(p.rows[1]) ?? [p.rows[1]];
    for (const x of a) for (const y of b) if (x !== y) withReview.add(x < y ? `${x}-${y}` : `${y}-${x}`);
  }
  return { groups: score(found, truth), withReview: score(withReview, truth) };
}

async function readSheet(file: string, sheet: string): Promise<unknown[][]> {
  return XlsxWorkbookPort.open(fs.readFileSync(file)).readValues(sheet);
}

export async function measureSample(name: string): Promise<Measured> {
  const truth = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'samples', `${name}.truth.json`), 'utf8')) as SampleTruth;
  const values = await readSheet(path.join(FIXTURES, 'samples', `${name}.xlsx`), truth.sheet);
  const start = process.hrtime.bigint();
  const report = analyzeSheet({ sheet: truth.sheet, values, settings: { asOf: truth.asOf } });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const byRow = new Map(report.rows.map((r) => [r.row, r]));
  const share = (ok: (t: SampleTruth['rows'][number]) => boolean) => truth.rows.filter(ok).length / truth.rows.length;
  return {
    name, rows: report.dataRows, ...scores(report, truth.duplicateGroups), mappedByHarness: [], seconds,
    phone: share((t) => byRow.get(t.row)?.phone?.status === t.phone.status && (byRow.get(t.row)?.phone?.e164 ?? null) === t.phone.e164),
    email: share((t) => {
      const e = byRow.get(t.row)?.email;
      return e?.status === t.email.status && (e?.normalized ?? null) === t.email.normalized && (e?.suggestion ?? null) === t.email.suggestion;
    }),
    tiers: share((t) => {
      const r = byRow.get(t.row);
      return r?.valueTier === t.valueTier && r?.statusTier === t.statusTier && r?.lifecycle === t.lifecycle;
    }),
  };
}

/** Febrl's header words and the fields they hold: given to the engine only for columns its mapper left out. */
const FEBRL_FIELDS: Readonly<Record<string, FieldId>> = {
  'given name': 'firstName', surname: 'lastName', 'address 1': 'address', postcode: 'postcode', 'date of birth': 'birthDate',
};
const IDENTIFIERS = new Set(['record id', 'social security number']);

export async function measureDataset(name: string): Promise<Measured> {
  const truth = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'datasets', `${name}.truth.json`), 'utf8')) as DatasetTruth;
  const values = await readSheet(path.join(FIXTURES, 'datasets', `${name}.xlsx`), 'People');
  const header = (values[truth.headerRow - 1] ?? []).map((h) => String(h ?? '').trim().toLowerCase());
  const settings = { asOf: '2026-01-01' };
  const detected = analyzeSheet({ sheet: 'People', values: values.slice(0, truth.headerRow + 20), settings,
    ignoreColumns: header.flatMap((h, column) => (IDENTIFIERS.has(h) ? [column] : [])) });
  const mapping: Partial<Record<FieldId, number>> = {};
  const mappedByHarness: FieldId[] = [];
  header.forEach((h, column) => {
    const field = FEBRL_FIELDS[h];
    if (!field) return;
    mapping[field] = column;
    const letter = detected.mapping.find((m) => m.field === field)?.column;
    if (letter === undefined || letter !== columnLetter(column)) mappedByHarness.push(field);
  });
  // The record id and the social security number are left out: matching must work without an identifier.
  const ignoreColumns = header.flatMap((h, column) => (IDENTIFIERS.has(h) ? [column] : []));
  const start = process.hrtime.bigint();
  const report = analyzeSheet({ sheet: 'People', values, settings, mapping, ignoreColumns });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { name, rows: report.dataRows, ...scores(report, truth.duplicateGroups), mappedByHarness, seconds };
}

function columnLetter(column: number): string {
  let s = '';
  for (let c = column + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

export const SAMPLES = ['customers-zh', 'customers-en'];
export const DATASETS = ['febrl3', 'febrl4'];

export async function measureAll(): Promise<Measured[]> {
  const out: Measured[] = [];
  for (const s of SAMPLES) out.push(await measureSample(s));
  for (const d of DATASETS) out.push(await measureDataset(d));
  return out;
}
