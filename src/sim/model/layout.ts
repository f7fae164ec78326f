/**
 * A sheet's layout beyond its cells: merged areas, hidden rows and columns, the AutoFilter. Excel's
 * rules as the add-in meets them: a merged area's value lives in its top-left cell and a write of a
 * value into any other of its cells fails; Range.values reads and writes hidden and filtered-out rows
 * like any other; an AutoFilter hides the data rows its criteria reject (until cleared or removed).
 */
import { MAX_COLUMNS, MAX_ROWS } from '../../core/grid/a1';
import { contains, intersect, type Rect } from '../../core/grid/rect';
import { formatValue, type Scalar } from './values';
import { ModelError } from './errors';

/** FilterCriteria as Office.js takes it (the subset the simulator evaluates). */
export interface FilterCriteriaModel {
  filterOn: string;
  values?: string[];
  criterion1?: string;
  criterion2?: string;
  operator?: string;
}

export interface AutoFilterModel {
  /** Header row through the last data row. */
  rect: Rect;
  /** Column offset within rect → criteria. */
  criteria: Map<number, FilterCriteriaModel>;
  /** Rows (0-based) the criteria hide. */
  hidden: Set<number>;
}

/** What a sheet's layout needs from the sheet model (kept apart so the model file stays about cells). */
export interface LayoutHost {
  merges: Rect[];
  hiddenRows: Set<number>;
  hiddenColumns: Set<number>;
  autoFilter: AutoFilterModel | null;
  value(r: number, c: number): Scalar;
  numberFormat(r: number, c: number): string;
}

export function mergeAt(sheet: Pick<LayoutHost, 'merges'>, r: number, c: number): Rect | undefined {
  return sheet.merges.find((m) => r >= m.r0 && r <= m.r1 && c >= m.c0 && c <= m.c1);
}

/** Rows per bucket of the index below. */
const MERGE_BLOCK_ROWS = 64;
const mergeIndexes = new WeakMap<Rect[], { length: number; byBlock: Map<number, Rect[]> }>();

/**
 * Whether (r, c) is a merged area's cell other than its top-left: Excel reads such a cell as empty,
 * whatever a file holds there. Indexed by bands of rows (a sheet may hold thousands of merges).
 */
export function isMergeFollower(sheet: Pick<LayoutHost, 'merges'>, r: number, c: number): boolean {
  const merges = sheet.merges;
  if (merges.length === 0) return false;
  let index = mergeIndexes.get(merges);
  if (!index || index.length !== merges.length) {
    const byBlock = new Map<number, Rect[]>();
    for (const m of merges) {
      for (let b = Math.floor(m.r0 / MERGE_BLOCK_ROWS); b <= Math.floor(m.r1 / MERGE_BLOCK_ROWS); b++) {
        const list = byBlock.get(b);
        if (list) list.push(m);
        else byBlock.set(b, [m]);
      }
    }
    index = { length: merges.length, byBlock };
    mergeIndexes.set(merges, index);
  }
  const m = index.byBlock.get(Math.floor(r / MERGE_BLOCK_ROWS))?.find((x) => r >= x.r0 && r <= x.r1 && c >= x.c0 && c <= x.c1);
  return m !== undefined && (r !== m.r0 || c !== m.c0);
}

/** Throws as Excel does when a write would put a value into a merged area's cell other than its top-left. */
export function checkMergedWrite(sheet: Pick<LayoutHost, 'merges'>, rect: Rect, hasValue: (r: number, c: number) => boolean): void {
  for (const m of sheet.merges) {
    const x = intersect(m, rect);
    if (!x) continue;
    for (let r = x.r0; r <= x.r1; r++) {
      for (let c = x.c0; c <= x.c1; c++) {
        if ((r !== m.r0 || c !== m.c0) && hasValue(r, c)) {
          throw new ModelError('InvalidOperation', 'Cannot change part of a merged cell: a value can only go into the top-left cell of a merged area.');
        }
      }
    }
  }
}

/** The areas `rect` would become; throws for an area that only partly overlaps an existing merge. */
export function planMerge(sheet: Pick<LayoutHost, 'merges'>, rect: Rect, across: boolean): { add: Rect[]; replaced: Rect[] } {
  const add: Rect[] = [];
  if (across) {
    for (let r = rect.r0; r <= rect.r1; r++) if (rect.c1 > rect.c0) add.push({ r0: r, r1: r, c0: rect.c0, c1: rect.c1 });
  } else if (rect.r1 > rect.r0 || rect.c1 > rect.c0) add.push({ ...rect });
  const replaced: Rect[] = [];
  for (const m of sheet.merges) {
    if (!intersect(m, rect)) continue;
    if (!contains(rect, m)) throw new ModelError('InvalidOperation', 'Cannot merge: the range overlaps part of a merged area.');
    replaced.push(m);
  }
  return { add, replaced };
}

/** How many of the rows r0..r1 are hidden (by the user or by the filter). */
export function hiddenRowCount(sheet: LayoutHost, r0: number, r1: number): number {
  const all = new Set<number>();
  for (const r of sheet.hiddenRows) if (r >= r0 && r <= r1) all.add(r);
  for (const r of sheet.autoFilter?.hidden ?? []) if (r >= r0 && r <= r1) all.add(r);
  return all.size;
}

export function hiddenColumnCount(sheet: LayoutHost, c0: number, c1: number): number {
  let n = 0;
  for (const c of sheet.hiddenColumns) if (c >= c0 && c <= c1) n++;
  return n;
}

/** true / false when every / no row of the range is hidden, null when mixed (as Range.rowHidden reports). */
export function tri(hidden: number, total: number): boolean | null {
  return hidden === 0 ? false : hidden === total ? true : null;
}

function wildcard(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

function matchCustom(criterion: string, v: Scalar, text: string): boolean {
  const m = /^(<>|>=|<=|=|>|<)?(.*)$/s.exec(criterion) as RegExpExecArray;
  const op = m[1] ?? '=';
  const operand = m[2] ?? '';
  const n = Number(operand);
  if (operand !== '' && Number.isFinite(n) && typeof v === 'number') {
    switch (op) {
      case '=': return v === n;
      case '<>': return v !== n;
      case '>': return v > n;
      case '<': return v < n;
      case '>=': return v >= n;
      default: return v <= n;
    }
  }
  if (op === '=' || op === '<>') {
    const equal = operand === '' ? text === '' : wildcard(operand).test(text);
    return op === '=' ? equal : !equal;
  }
  const cmp = text.localeCompare(operand, undefined, { sensitivity: 'base' });
  return op === '>' ? cmp > 0 : op === '<' ? cmp < 0 : op === '>=' ? cmp >= 0 : cmp <= 0;
}

export function checkCriteria(c: FilterCriteriaModel): void {
  if (c.filterOn === 'Values' && Array.isArray(c.values)) return;
  if (c.filterOn === 'Custom' && typeof c.criterion1 === 'string') return;
  throw new ModelError('NotImplemented', `AutoFilter criteria filterOn "${c.filterOn}" are not simulated (Values and Custom are).`);
}

function matches(c: FilterCriteriaModel, v: Scalar, text: string): boolean {
  if (c.filterOn === 'Values') return (c.values ?? []).some((x) => x.toLowerCase() === text.toLowerCase());
  const first = matchCustom(c.criterion1 ?? '', v, text);
  if (c.criterion2 === undefined) return first;
  const second = matchCustom(c.criterion2, v, text);
  return c.operator === 'Or' ? first || second : first && second;
}

/** Re-evaluates which data rows the filter hides (apply, reapply). */
export function evaluateFilter(sheet: LayoutHost): void {
  const f = sheet.autoFilter;
  if (!f) return;
  f.hidden.clear();
  for (let r = f.rect.r0 + 1; r <= f.rect.r1; r++) {
    for (const [offset, c] of f.criteria) {
      const col = f.rect.c0 + offset;
      const v = sheet.value(r, col);
      if (!matches(c, v, formatValue(v, sheet.numberFormat(r, col)))) {
        f.hidden.add(r);
        break;
      }
    }
  }
}

function shiftSet(set: Set<number>, first: number, n: number): void {
  const kept = [...set].filter((x) => x < first || x >= first + n).map((x) => (x >= first + n ? x - n : x));
  set.clear();
  for (const x of kept) set.add(x);
}

/**
 * Whole rows r0..r1 deleted (Range.delete('Up') on entire rows): merges inside go, merges across
 * shrink, everything below moves up; hidden rows and the filter follow.
 */
export function deleteWholeRows(sheet: LayoutHost, r0: number, r1: number): void {
  const n = r1 - r0 + 1;
  const shrink = (m: Rect): Rect | null => {
    if (m.r1 < r0) return m;
    if (m.r0 > r1) return { ...m, r0: m.r0 - n, r1: m.r1 - n };
    const top = Math.min(m.r0, r0);
    const bottom = m.r1 > r1 ? m.r1 - n : r0 - 1;
    return bottom < top ? null : { ...m, r0: top, r1: bottom };
  };
  sheet.merges = sheet.merges.map(shrink).filter((m): m is Rect => m !== null && (m.r1 > m.r0 || m.c1 > m.c0));
  shiftSet(sheet.hiddenRows, r0, n);
  const f = sheet.autoFilter;
  if (f) {
    if (f.rect.r0 >= r0 && f.rect.r0 <= r1) {
      sheet.autoFilter = null; // its header row is gone
      return;
    }
    const rect = shrink(f.rect);
    shiftSet(f.hidden, r0, n);
    if (rect) f.rect = rect;
    else sheet.autoFilter = null;
  }
}

/** A delete of part of the rows (not whole rows) may not cut through a merged area. */
export function checkPartialDelete(sheet: Pick<LayoutHost, 'merges'>, rect: Rect, shift: 'Up' | 'Left'): void {
  const moving: Rect = shift === 'Up' ? { ...rect, r1: MAX_ROWS - 1 } : { ...rect, c1: MAX_COLUMNS - 1 };
  for (const m of sheet.merges) {
    if (intersect(m, moving)) throw new ModelError('InvalidOperation', 'Cannot delete or shift part of a merged cell (the simulator shifts merged areas only with whole rows).');
  }
}

/** Copy for Worksheet.copy. */
export function copyLayout(from: LayoutHost, to: LayoutHost): void {
  to.merges = from.merges.map((m) => ({ ...m }));
  for (const r of from.hiddenRows) to.hiddenRows.add(r);
  for (const c of from.hiddenColumns) to.hiddenColumns.add(c);
  to.autoFilter = from.autoFilter
    ? { rect: { ...from.autoFilter.rect }, criteria: new Map([...from.autoFilter.criteria].map(([k, v]) => [k, { ...v, values: v.values ? [...v.values] : undefined }])), hidden: new Set(from.autoFilter.hidden) }
    : null;
}
