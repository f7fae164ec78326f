/**
 * What the import card shows of a preview, worked out without React: the engine's default choice per
 * row, the rows grouped by kind, a row's few telling cells, "电话 → 手机", and what a confirm will do.
 */
import type { ImportChoice, ImportSummary } from '../../../actions';
import type { FieldId } from '../../../core/fields';
import type { ImportKind, ImportRow } from '../../../core/importRows';

/** The engine's defaults (actions/importRows): new → add, same → fill blanks, repeat and possible → leave out. */
export const DEFAULT_CHOICE: Record<ImportKind, ImportChoice> = { new: 'add', same: 'update', repeat: 'skip', possible: 'skip' };

/** Shown in this order: what needs the user's eye (possible) right after what is plainly new. */
export const KIND_ORDER: readonly ImportKind[] = ['new', 'possible', 'same', 'repeat'];

/** Fields that tell a customer apart at a glance, most telling first. */
const TELLING: readonly FieldId[] = ['name', 'lastName', 'firstName', 'company', 'phone', 'email'];

/** The engine's default, among the choices the row offers (a row with no ledger row to fill is left out). */
export function defaultChoices(rows: readonly ImportRow[]): Record<number, ImportChoice> {
  return Object.fromEntries(rows.map((r) => [r.source, choicesFor(r).includes(DEFAULT_CHOICE[r.kind]) ? DEFAULT_CHOICE[r.kind] : 'skip']));
}

/** The choices a row offers: filling blanks needs a ledger row to fill (same or possible). */
export function choicesFor(row: ImportRow): ImportChoice[] {
  return (row.kind === 'same' || row.kind === 'possible') && row.match !== null ? ['update', 'add', 'skip'] : ['add', 'skip'];
}

export function groupByKind(rows: readonly ImportRow[]): { kind: ImportKind; rows: ImportRow[] }[] {
  return KIND_ORDER.map((kind) => ({ kind, rows: rows.filter((r) => r.kind === kind) })).filter((g) => g.rows.length > 0);
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim());

/** Up to three non-empty cells: name, company, phone, email where the file has them, else the first ones. */
export function rowGist(row: ImportRow, mapped: ImportSummary['plan']['mapped']): string {
  const col = new Map(mapped.map((m) => [m.field, m.to]));
  const order = [...TELLING.flatMap((f) => (col.has(f) ? [col.get(f)!] : [])), ...row.cells.keys()];
  const seen = new Set<number>();
  const out: string[] = [];
  for (const c of order) {
    if (seen.has(c)) continue;
    seen.add(c);
    const t = text(row.cells[c]);
    if (t) out.push(t);
    if (out.length === 3) break;
  }
  return out.join(' · ');
}

/** "电话 → 手机": the file's header, then the ledger's (its letter when the header is blank). */
export function mappedLines(mapped: ImportSummary['plan']['mapped'], ledgerHeader: (col: number) => string): string[] {
  return mapped.map((m) => `${m.from} → ${ledgerHeader(m.to)}`);
}

/** What a confirm with these choices will write, counted as the engine counts it. */
export function choiceCounts(rows: readonly ImportRow[], choices: Readonly<Record<number, ImportChoice>>) {
  let add = 0;
  let update = 0;
  let skip = 0;
  for (const r of rows) {
    const c = choices[r.source] ?? DEFAULT_CHOICE[r.kind];
    if (c === 'add') add++;
    else if (c === 'update' && r.match !== null && (r.kind === 'same' || r.kind === 'possible')) update++;
    else skip++;
  }
  return { add, update, skip };
}
