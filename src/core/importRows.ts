/**
 * Bringing a list in without creating duplicates: the incoming rows are mapped onto the ledger's columns
 * by the same column engine, then the ledger and the incoming rows are analyzed as one list, so every
 * incoming row is matched against the ledger and against the other incoming rows by the same duplicate
 * engine the user already trusts. Pure: grids in, a classification out; the action writes.
 */
import { analyzeSheetSteps } from './analyze';
import { columnIndex, detectLayoutSteps } from './columns';
import { runToEnd } from './steps';
import type { FieldId } from './fields';
import type { Report } from './report';
import { cellText, isBlankCell } from './text';

/**
 * new: no match, add it; same: the ledger's row `match` is this customer; repeat: an earlier incoming
 * row (`match`, its source row) is this customer; possible: may be the ledger's row `match` — the user decides.
 */
export type ImportKind = 'new' | 'same' | 'repeat' | 'possible';

export interface ImportRow {
  /** 1-based row of the incoming sheet or file. */
  source: number;
  /** The row laid out in the ledger's columns, as read (blank where the ledger has a column the file lacks). */
  cells: unknown[];
  kind: ImportKind;
  match: number | null;
  reasons: Report['duplicateGroups'][number]['reasons'];
}

export interface ImportPlan {
  rows: ImportRow[];
  /** Each incoming column brought in: its header and the ledger column (0-based) it goes to. */
  mapped: { field: FieldId; from: string; to: number }[];
  /** Incoming columns with no ledger column to go to (their values are not brought in). */
  notBrought: string[];
  /** Incoming rows that are not customers (blank, totals, a repeated header). */
  skipped: number;
}

export class ImportError extends Error {
  constructor(readonly code: 'no-header' | 'no-common-columns', message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

/** Ledger rows copied into the combined list between two steps. */
const ROWS_PER_STEP = 16384;

export interface ImportLedger {
  values: readonly (readonly unknown[])[];
  report: Pick<Report, 'columns' | 'rows' | 'headerRow' | 'asOf' | 'region'>;
  /** Width of the user's own columns (the add-in's columns to their right are not filled). */
  width: number;
}

export function planImport(ledger: ImportLedger, incoming: readonly (readonly unknown[])[], settings?: unknown): ImportPlan {
  return runToEnd(planImportSteps(ledger, incoming, settings));
}

/** planImport in steps (the analysis's own), so a caller on a UI thread can give the host a turn between them. */
export function* planImportSteps(ledger: ImportLedger, incoming: readonly (readonly unknown[])[], settings?: unknown): Generator<unknown, ImportPlan, void> {
  const layout = yield* detectLayoutSteps(incoming);
  if (!layout) throw new ImportError('no-header', 'The list to import has no header row with columns such as name, phone or email.');
  const ledgerCol = new Map<FieldId, number>();
  for (const [field, letter] of Object.entries(ledger.report.columns) as [FieldId, string][]) ledgerCol.set(field, columnIndex(letter));

  const mapped: ImportPlan['mapped'] = [];
  const notBrought: string[] = layout.unmapped.map((u) => u.header).filter(Boolean);
  for (const m of Object.values(layout.columns)) {
    if (!m) continue;
    const to = ledgerCol.get(m.field);
    if (to === undefined) notBrought.push(m.header);
    else mapped.push({ field: m.field, from: m.header, to });
  }
  if (mapped.length === 0) {
    throw new ImportError('no-common-columns', 'None of the columns of the list to import matches a column of the ledger.');
  }
  const from = new Map(mapped.map((m) => [m.to, layout.columns[m.field]!.column]));
  const laidOut = (row: readonly unknown[]) => Array.from({ length: ledger.width }, (_, c) => (from.has(c) ? row[from.get(c)!] ?? null : null));

  // One list: the ledger's header, its customers, then the incoming customers. Row numbers of that list
  // map back to where each row came from.
  const header = ledger.values[ledger.report.headerRow - 1] ?? [];
  const combined: unknown[][] = [Array.from({ length: ledger.width }, (_, c) => header[c] ?? null)];
  const origin: { ledger?: number; source?: number }[] = [{}];
  for (let i = 0; i < ledger.report.rows.length; i++) {
    const r = ledger.report.rows[i]!;
    if (i % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
    combined.push(Array.from({ length: ledger.width }, (_, c) => ledger.values[r.row - 1]?.[c] ?? null));
    origin.push({ ledger: r.row });
  }
  const firstIncoming = combined.length;
  yield;
  for (const sourceRow of layout.dataRows) {
    const cells = laidOut(incoming[sourceRow - 1] ?? []);
    // A row whose only values are in columns not brought in adds nothing.
    if (cells.every((v) => isBlankCell(v) || cellText(v).trim() === '')) continue;
    combined.push(cells);
    origin.push({ source: sourceRow });
  }
  const mapping = Object.fromEntries([...ledgerCol.entries()].filter(([, c]) => c < ledger.width)) as Partial<Record<FieldId, number>>;
  yield;
  const report = yield* analyzeSheetSteps({ sheet: 'import', values: combined, mapping, settings: settings ?? { region: ledger.report.region, asOf: ledger.report.asOf } });
  const result = new Map<number, ImportRow>();
  const incomingRows = report.rows.filter((r) => r.row > firstIncoming);
  const skipped = layout.dataRows.length + layout.totalsRows.length - incomingRows.length;
  for (const r of incomingRows) {
    result.set(r.row, { source: origin[r.row - 1]!.source!, cells: combined[r.row - 1]!, kind: 'new', match: null, reasons: [] });
  }
  for (const g of report.duplicateGroups) {
    const ledgerRows = g.rows.filter((row) => row <= firstIncoming);
    const newRows = g.rows.filter((row) => row > firstIncoming).sort((a, b) => a - b);
    const anchor = ledgerRows.includes(g.keep) ? g.keep : ledgerRows[0];
    newRows.forEach((row, i) => {
      const item = result.get(row);
      if (!item) return;
      if (anchor !== undefined) Object.assign(item, { kind: 'same', match: origin[anchor - 1]!.ledger!, reasons: g.reasons });
      else if (i > 0) Object.assign(item, { kind: 'repeat', match: origin[newRows[0]! - 1]!.source!, reasons: g.reasons });
    });
  }
  for (const p of report.possibleDuplicates) {
    const [a, b] = p.rows;
    const [inRow, ledgerRow] = a > firstIncoming && b <= firstIncoming ? [a, b] : b > firstIncoming && a <= firstIncoming ? [b, a] : [0, 0];
    const item = result.get(inRow);
    if (item && item.kind === 'new') Object.assign(item, { kind: 'possible', match: origin[ledgerRow - 1]!.ledger!, reasons: [p.reason] });
  }
  return { rows: [...result.values()].sort((x, y) => x.source - y.source), mapped, notBrought, skipped };
}
