/**
 * Find the header row of a user's own customer sheet and map its columns to template fields.
 * Real ledgers put title rows and merged banners above the header, split a header over two rows,
 * add totals rows and footnotes below the data: all of that is recognised here.
 */
import { type FieldId, normalizeHeader } from './fields';
import { headerCandidates } from './columns/headerVocabulary';
import { decideColumns, type EvidenceCode } from './columns/columnEvidence';
import { profileValues, type ValueProfile } from './columns/valueShapes';
import { cellText, cleanText, codeAt, isBlankCell } from './text';
import { inSteps, runToEnd } from './steps';

export interface ColumnMatch {
  field: FieldId;
  /** 0-based column index in the sheet. */
  column: number;
  header: string;
  /** 1 for an exact header word, less for a partial match or a guess from the values. */
  confidence: number;
  how: 'header' | 'partial' | 'values' | 'user';
  /** Why: what the header said and what the values showed (worded for the user by the pane and the CLI). */
  evidence?: readonly EvidenceCode[];
}

export interface UnmappedColumn { column: number; header: string }

export interface SheetLayout {
  /** 1-based sheet row of the (last) header row. */
  headerRow: number;
  /** 1-based sheet rows that hold the header (two when a header is split over two rows). */
  headerRows: number[];
  columns: Partial<Record<FieldId, ColumnMatch>>;
  unmapped: UnmappedColumn[];
  /** 1-based sheet rows holding customers: no blank, totals, repeated-header or footnote rows. */
  dataRows: number[];
  totalsRows: number[];
  /** How sure we are that this is a customer sheet at all (0..1); used to pick among sheets. */
  score: number;
}

export interface LayoutOptions {
  /** Sheet row number of values[0] (1 when the read starts at A1). */
  firstRow?: number;
  /** User-confirmed mapping: field → 0-based column; wins over detection. */
  mapping?: Partial<Record<FieldId, number>>;
  /** How many rows from the top may hold the header. */
  scanRows?: number;
  /** 0-based columns never mapped to a field (the add-in's own check and tier columns). */
  ignoreColumns?: readonly number[];
}

type HeaderMatch = { field: FieldId; confidence: number; how: 'header' | 'partial' };

// The header scan asks about the same few hundred cell texts several times (each row alone and as half
// of a two-row band), and each miss walks every known word: remember the answers (bounded, cleared when full).
const MEMO_LIMIT = 10_000;
const headerMemo = new Map<string, HeaderMatch | null>();

/** Which field a header cell names, and how sure that is (its most specific known word; see headerVocabulary). */
export function matchHeader(text: string): HeaderMatch | null {
  let hit = headerMemo.get(text);
  if (hit === undefined) {
    if (headerMemo.size >= MEMO_LIMIT) headerMemo.clear();
    const best = headerCandidates(text)[0];
    // A shared word alone ("地址" inside a longer header) is too weak to make a row a header row.
    hit = best && best.strength >= 0.5
      ? { field: best.field, confidence: best.strength, how: best.code === 'header-exact' ? 'header' : 'partial' } : null;
    headerMemo.set(text, hit);
  }
  return hit && { ...hit }; // a copy: a caller cannot change a remembered answer
}

function rowTexts(row: readonly unknown[] | undefined): string[] {
  return (row ?? []).map((v) => cleanText(cellText(v)));
}

interface HeaderCandidate { rows: number[]; headers: string[]; matches: ColumnMatch[]; score: number }

/** Map one header band to fields: the best match wins each field, ties to the leftmost column. */
function mapHeaders(headers: readonly string[]): ColumnMatch[] {
  const best = new Map<FieldId, ColumnMatch>();
  headers.forEach((header, column) => {
    if (!header) return;
    const m = matchHeader(header);
    if (!m) return;
    const prev = best.get(m.field);
    if (!prev || m.confidence > prev.confidence) best.set(m.field, { column, header, ...m });
  });
  return [...best.values()];
}

function candidateScore(matches: readonly ColumnMatch[], headers: readonly string[]): number {
  const filled = headers.filter(Boolean).length;
  const sum = matches.reduce((s, m) => s + m.confidence, 0);
  // A header row is mostly recognised words; a data row that happens to contain "王经理" is not.
  return filled === 0 ? 0 : sum + (matches.length / filled);
}

function findHeader(grid: readonly (readonly unknown[])[], scanRows: number, ignored: ReadonlySet<number>): HeaderCandidate | null {
  let best: HeaderCandidate | null = null;
  const limit = Math.min(scanRows, grid.length);
  const texts = Array.from({ length: Math.min(limit + 1, grid.length) }, (_, i) =>
    rowTexts(grid[i]).map((t, c) => (ignored.has(c) ? '' : t)));
  for (let r = 0; r < limit; r++) {
    const single = texts[r] ?? [];
    const candidates: { rows: number[]; headers: string[] }[] = [{ rows: [r], headers: single }];
    const next = texts[r + 1];
    if (next) {
      // A header split over two rows: a parent row with merged group titles and a child row.
      const width = Math.max(single.length, next.length);
      const combined = Array.from({ length: width }, (_, c) => {
        const top = single[c] ?? '';
        const bottom = next[c] ?? '';
        if (!bottom) return top;
        if (!top) return bottom;
        const mb = matchHeader(bottom);
        const mt = matchHeader(top);
        return (mt?.confidence ?? 0) > (mb?.confidence ?? 0) ? top : bottom;
      });
      candidates.push({ rows: [r, r + 1], headers: combined });
    }
    for (const c of candidates) {
      const matches = mapHeaders(c.headers);
      if (matches.length < 2) continue;
      const score = candidateScore(matches, c.headers);
      // A two-row band must earn its second row.
      if (!best || score > best.score + (c.rows.length > best.rows.length ? 0.5 : 0)) {
        best = { ...c, matches, score };
      }
    }
  }
  return best;
}

// The whole cell must be the totals word: "Total Solutions Ltd" is a customer, "合计：" is not.
const TOTALS = /^(合计|总计|小计|共计|总和|汇总|累计合计|总数|合 计|总 计|grand total|sub-?total|totals?|sum)\s*(?:[:：]|\(.*\)|（.*）)?\s*$/i;
/** Every TOTALS word starts with one of these (its /i folds no other character into them): most cells skip the regex. */
const TOTALS_FIRST = new Set([...'合总小共累汇gGsStT'].map((c) => c.charCodeAt(0)));
const isTotalsWord = (text: string) => TOTALS_FIRST.has(codeAt(text, 0)) && TOTALS.test(text);
const FOOTNOTE = /^(注|备注|说明|制表|制表人|填表人|审核|note|notes|source|prepared by)\s*[:：]/i;

const EMAIL_LIKE = /^[^\s@]+@[^\s@]+$|@/;

/** Rows below the header whose values are profiled to tell what each column holds. */
const PROFILE_ROWS = 200;

/** Columns profiled between two steps: a ledger's few dozen take one step, a sheet thousands wide gets turns. */
const PROFILE_COLUMNS_PER_STEP = 64;

/** The value profile of every column, from the first rows below the header; yields every few columns. */
function* profileColumns(grid: readonly (readonly unknown[])[], from: number, width: number): Generator<void, ValueProfile[], void> {
  const sample = grid.slice(from, from + PROFILE_ROWS);
  const profiles: ValueProfile[] = [];
  for (let c = 0; c < width; c++) {
    if (c > 0 && c % PROFILE_COLUMNS_PER_STEP === 0) yield;
    profiles.push(profileValues(sample.map((row) => row[c])));
  }
  return profiles;
}

type RowKind = 'data' | 'totals' | 'skip';

/**
 * True when cleanText(s) starts with the same character as s: a visible ASCII character not followed by
 * a combining mark (NFKC composes only then), or a CJK unified ideograph (NFKC-stable, composes with nothing).
 */
function keepsFirstCharacter(s: string): boolean {
  const c = codeAt(s, 0);
  return (c > 32 && c < 127 && codeAt(s, 1) < 128) || (c >= 0x4e00 && c <= 0x9fff);
}

/** A non-blank cell that cannot make its row a totals row (no totals word starts like it). */
function neverTotals(v: unknown): boolean {
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return true; // their text has no letters of a totals word
  return typeof v === 'string' && keepsFirstCharacter(v) && !TOTALS_FIRST.has(v.charCodeAt(0));
}

/**
 * What kind of row a data-area row is, judged by its first few non-blank cells: data, a totals row, or
 * one to skip (blank, the header pasted again, a lone footnote). Most rows are plain data, decided
 * without cleaning any text (a million rows stay cheap); any row that might be something else is
 * judged on the cleaned texts.
 */
function rowKinds(headers: readonly string[]): (row: readonly unknown[]) => RowKind {
  const headerKey = headers.map((h) => normalizeHeader(h)).join('\u0001');
  const headerLead = headers.find(Boolean) ?? '';
  const headerLeadFirst = codeAt(headerLead, 0);
  const headerLeadNumeric = /^[-\d]/.test(headerLead); // String(n) of a finite number starts with a digit or '-'
  // A row whose values all lie right of the last headed column holds no customer (a stray note, a value
  // pasted at XFD1048576): nothing of it can be read as a field.
  let headerWidth = headers.length;
  while (headerWidth > 0 && !headers[headerWidth - 1]) headerWidth--;
  const judged = (row: readonly unknown[]): RowKind => {
    const lead: string[] = [];
    for (const v of row) {
      if (isBlankCell(v)) continue;
      lead.push(cleanText(cellText(v)));
      if (lead.length === 3) break; // only 0, 1 or more filled cells matter below
    }
    if (lead.length === 0) return 'skip';
    if (lead[0] === headerLead && rowTexts(row).map((h) => normalizeHeader(h)).join('\u0001') === headerKey) return 'skip'; // header pasted again
    if (lead.some(isTotalsWord) && !lead.some((t) => EMAIL_LIKE.test(t))) return 'totals';
    if (lead.length === 1 && FOOTNOTE.test(lead[0] ?? '')) return 'skip';
    return 'data';
  };
  return (row) => {
    let filled = 0;
    let first: unknown;
    let firstCol = -1;
    let plain = true;
    for (let c = 0; c < row.length && filled < 3; c++) {
      const v = row[c];
      if (isBlankCell(v)) continue;
      if (filled === 0) {
        first = v;
        firstCol = c;
      }
      filled++;
      if (!neverTotals(v)) plain = false;
    }
    if (filled === 0 || firstCol >= headerWidth) return 'skip';
    // Not a lone cell (a footnote), no totals word, and a first cell that cannot be the header's.
    const notHeader = typeof first === 'string' ? keepsFirstCharacter(first) && first.charCodeAt(0) !== headerLeadFirst
      : typeof first === 'number' && !headerLeadNumeric;
    return plain && filled > 1 && notHeader ? 'data' : judged(row);
  };
}

/**
 * Find the header and data rows of a sheet given its values (as read: row 0 is `firstRow`).
 * Returns null when no row looks like a customer header.
 */
export function detectLayout(grid: readonly (readonly unknown[])[], options: LayoutOptions = {}): SheetLayout | null {
  return runToEnd(detectLayoutSteps(grid, options));
}

/** Rows judged between two steps of detectLayoutSteps (a few ms: most rows take the fast path). */
export const LAYOUT_ROWS_PER_STEP = 16384;

/** The length of the longest of rows from..to−1. */
function widestRow(grid: readonly (readonly unknown[])[], from: number, to: number): number {
  let width = 0;
  for (let i = from; i < to; i++) width = Math.max(width, grid[i]!.length);
  return width;
}

/** Rows from..to−1 of the grid, judged and listed by kind (outside the generator, so it is optimized on its own). */
function classifyRows(grid: readonly (readonly unknown[])[], kindOf: (row: readonly unknown[]) => RowKind, firstRow: number,
  from: number, to: number, dataRows: number[], totalsRows: number[]): void {
  for (let i = from; i < to; i++) {
    const kind = kindOf(grid[i] ?? []);
    if (kind === 'data') dataRows.push(firstRow + i);
    else if (kind === 'totals') totalsRows.push(firstRow + i);
  }
}

/** detectLayout as steps: it yields every LAYOUT_ROWS_PER_STEP rows of each of its passes, so a UI thread can take turns. */
export function* detectLayoutSteps(grid: readonly (readonly unknown[])[], options: LayoutOptions = {}): Generator<void, SheetLayout | null, void> {
  const firstRow = options.firstRow ?? 1;
  const ignored = new Set(options.ignoreColumns ?? []);
  const found = findHeader(grid, options.scanRows ?? 30, ignored);
  if (!found) return null;
  const header = found;
  let width = 0; // the widest row: sniffing looks at every column
  yield* inSteps(grid.length, LAYOUT_ROWS_PER_STEP, (from, to) => { width = Math.max(width, widestRow(grid, from, to)); });
  yield; // the row kinds below start a step of their own
  const lastHeaderIndex = header.rows[header.rows.length - 1] ?? 0;

  const columns: Partial<Record<FieldId, ColumnMatch>> = {};
  const profiles = yield* profileColumns(grid, lastHeaderIndex + 1, width);
  const userColumns = new Set(Object.values(options.mapping ?? {}));
  const userFields = new Set(Object.keys(options.mapping ?? {}));
  for (const d of decideColumns(header.headers, profiles, new Set([...ignored, ...userColumns]))) {
    if (userFields.has(d.field)) continue;
    columns[d.field] = { field: d.field, column: d.column, header: d.header, confidence: d.confidence, how: d.how, evidence: d.evidence };
  }
  for (const [field, column] of Object.entries(options.mapping ?? {}) as [FieldId, number][]) {
    columns[field] = { field, column, header: header.headers[column] ?? '', confidence: 1, how: 'user', evidence: ['user'] };
  }
  const taken = new Set([...Object.values(columns).map((m) => m.column), ...ignored]);

  const unmapped: UnmappedColumn[] = [];
  header.headers.forEach((h, column) => { if (h && !taken.has(column)) unmapped.push({ column, header: h }); });

  const kindOf = rowKinds(header.headers);
  const dataRows: number[] = [];
  const totalsRows: number[] = [];
  const start = lastHeaderIndex + 1;
  yield* inSteps(grid.length - start, LAYOUT_ROWS_PER_STEP, (from, to) => classifyRows(grid, kindOf, firstRow, start + from, start + to, dataRows, totalsRows));

  const keyFields = (['name', 'phone', 'email', 'company'] as const).filter((f) => columns[f]).length;
  const score = Math.min(1, (header.matches.length / 8) * 0.6 + (keyFields / 4) * 0.4);
  return {
    headerRow: firstRow + lastHeaderIndex,
    headerRows: header.rows.map((r) => firstRow + r),
    columns,
    unmapped,
    dataRows,
    totalsRows,
    score,
  };
}

export { columnIndex, columnLetter } from './grid/a1';
