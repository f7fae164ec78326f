/**
 * PivotTables: the definition and its computation. Excel computes a PivotTable from its source when it is
 * created or refreshed (not when the source changes) and writes the result into the destination cells in
 * compact layout: "Row Labels" / "Column Labels" captions, items sorted ascending, grand totals.
 */
import { intersect } from '../../core/grid/rect';
import { XlError, type Scalar } from './values';
import { compare } from './operands';
import { ModelError } from './errors';
import type { Aggregation, PivotModel, PivotSource, WorkbookModel } from './workbook';

export type { Aggregation, DataField, PivotModel, PivotSource } from './workbook';

export function pivotSource(p: PivotModel): PivotSource {
  const { sheet, rect } = p.source.kind === 'table' ? { sheet: p.source.table.sheet, rect: p.source.table.rect } : p.source;
  const headers: string[] = [];
  for (let c = rect.c0; c <= rect.c1; c++) {
    const v = sheet.value(rect.r0, c);
    headers.push(v === null ? '' : String(v instanceof XlError ? v.code : v));
  }
  const fields = pivotFieldNames(headers);
  const records: Scalar[][] = [];
  for (let r = rect.r0 + 1; r <= rect.r1; r++) {
    const row: Scalar[] = [];
    let any = false;
    for (let c = rect.c0; c <= rect.c1; c++) {
      const v = sheet.value(r, c);
      if (v !== null) any = true;
      row.push(v);
    }
    if (any) records.push(row);
  }
  return { fields, records };
}

/**
 * The PivotTable's field names for a source's headers: Excel numbers a repeated header ("备注", "备注2",
 * "备注3"; case-insensitive), skipping a number another header already has.
 */
export function pivotFieldNames(headers: readonly string[]): string[] {
  const taken = new Set(headers.map((h) => h.toLowerCase()));
  const used = new Set<string>();
  return headers.map((h) => {
    let name = h;
    if (h !== '' && used.has(h.toLowerCase())) {
      let k = 2;
      while (used.has(`${h}${k}`.toLowerCase()) || taken.has(`${h}${k}`.toLowerCase())) k++;
      name = `${h}${k}`;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

export function fieldIndex(src: PivotSource, name: string): number {
  const lower = name.toLowerCase();
  return src.fields.findIndex((f) => f.toLowerCase() === lower);
}

export function defaultAggregation(src: PivotSource, field: string): Aggregation {
  const i = fieldIndex(src, field);
  const all = src.records.map((r) => r[i] ?? null).filter((v) => v !== null);
  return all.length > 0 && all.every((v) => typeof v === 'number') ? 'Sum' : 'Count';
}

export function dataFieldName(summarizeBy: Aggregation, field: string): string {
  const word: Record<Aggregation, string> = { Sum: 'Sum', Count: 'Count', Average: 'Average', Max: 'Max', Min: 'Min', CountNumbers: 'Count', Product: 'Product' };
  return `${word[summarizeBy]} of ${field}`;
}

function aggregate(values: Scalar[], how: Aggregation): Scalar {
  const nums = values.filter((v): v is number => typeof v === 'number');
  switch (how) {
    case 'Count':
      return values.filter((v) => v !== null).length;
    case 'CountNumbers':
      return nums.length;
    case 'Sum':
      return nums.reduce((s, x) => s + x, 0);
    case 'Product':
      return nums.reduce((s, x) => s * x, 1);
    case 'Average':
      return nums.length ? nums.reduce((s, x) => s + x, 0) / nums.length : XlError.of('#DIV/0!');
    case 'Max':
      return nums.length ? nums.reduce((a, b) => Math.max(a, b)) : 0;
    case 'Min':
      return nums.length ? nums.reduce((a, b) => Math.min(a, b)) : 0;
  }
}

type Key = string;
const BLANK = '(blank)';

function itemKey(v: Scalar): { key: Key; label: Scalar } {
  if (v === null || v === '') return { key: '\u0000blank', label: BLANK };
  if (v instanceof XlError) return { key: `\u0000e${v.code}`, label: v };
  if (typeof v === 'string') return { key: `s${v.toLowerCase()}`, label: v };
  return { key: `${typeof v}${String(v)}`, label: v };
}

export interface PivotGrid {
  cells: Scalar[][];
  /** Offsets of the numbers (data body incl. grand totals) inside cells. */
  body: { r0: number; c0: number; r1: number; c1: number };
}

/** Computes the PivotTable's cells (relative to its top-left corner). */
export function computePivot(p: PivotModel): PivotGrid {
  const src = p.cache ?? pivotSource(p);
  const idx = (name: string) => {
    const i = fieldIndex(src, name);
    if (i < 0) throw new Error(`no field ${name}`);
    return i;
  };
  const rowIdx = p.rows.map(idx);
  const colIdx = p.columns.map(idx);
  const dataIdx = p.data.map((d) => idx(d.field));
  const combo = (rec: Scalar[], fields: number[]) => {
    const parts = fields.map((f) => itemKey(rec[f] ?? null));
    return { key: parts.map((x) => x.key).join('\u0001'), labels: parts.map((x) => x.label) };
  };
  const rowItems = new Map<Key, Scalar>();
  const rowLabels = new Map<Key, Scalar[]>();
  const colItems = new Map<Key, Scalar>();
  const colLabels = new Map<Key, Scalar[]>();
  const groups = new Map<string, Scalar[][]>(); // `${row}\u0002${col}` → per data field values
  const add = (rk: Key, ck: Key, rec: Scalar[]) => {
    const k = `${rk}\u0002${ck}`;
    let g = groups.get(k);
    if (!g) {
      g = dataIdx.map(() => []);
      groups.set(k, g);
    }
    dataIdx.forEach((f, i) => (g as Scalar[][])[i]?.push(rec[f] ?? null));
  };
  for (const rec of src.records) {
    const r = combo(rec, rowIdx);
    const c = combo(rec, colIdx);
    rowItems.set(r.key, r.labels[0] ?? null);
    rowLabels.set(r.key, r.labels);
    colItems.set(c.key, c.labels[0] ?? null);
    colLabels.set(c.key, c.labels);
    add(r.key, c.key, rec);
    add(r.key, '*', rec);
    add('*', c.key, rec);
    add('*', '*', rec);
  }
  const sortCombos = (labels: Map<Key, Scalar[]>) =>
    [...labels.entries()].sort(([, a], [, b]) => {
      for (let i = 0; i < a.length; i++) {
        const av = a[i] ?? null;
        const bv = b[i] ?? null;
        if (av === bv) continue;
        if (av === BLANK) return 1;
        if (bv === BLANK) return -1;
        if (av instanceof XlError || bv instanceof XlError) return av instanceof XlError ? 1 : -1;
        const c = compare(av, bv);
        if (c !== 0) return c;
      }
      return 0;
    });
  const rowsSorted = p.rows.length ? sortCombos(rowLabels) : [];
  const colsSorted = p.columns.length ? sortCombos(colLabels) : [];
  const value = (rk: Key, ck: Key, d: number): Scalar => {
    const g = groups.get(`${rk}\u0002${ck}`);
    return g ? aggregate(g[d] ?? [], p.data[d]?.summarizeBy ?? 'Sum') : null;
  };
  const nData = p.data.length;
  const cells: Scalar[][] = [];
  const labelCols = Math.max(1, p.rows.length);
  const rowCaption = p.rows.length === 1 ? 'Row Labels' : (p.rows[0] ?? '');
  if (p.columns.length === 0) {
    // Header: row labels caption, then one column per data field.
    const header: Scalar[] = p.rows.length ? [rowCaption, ...p.rows.slice(1)] : [];
    if (nData === 0) header.push(null);
    for (const d of p.data) header.push(d.name);
    cells.push(header);
    for (const [rk, labels] of rowsSorted) cells.push([...labels, ...p.data.map((_, d) => value(rk, '*', d))]);
    const total: Scalar[] = p.rows.length ? ['Grand Total', ...new Array<Scalar>(labelCols - 1).fill(null)] : [];
    cells.push([...total, ...p.data.map((_, d) => value('*', '*', d))]);
    const c0 = p.rows.length ? labelCols : 0;
    return { cells, body: { r0: 1, c0, r1: cells.length - 1, c1: c0 + Math.max(nData, 1) - 1 } };
  }
  // With column fields: a caption row, a column-label row (and a data-name row for several data fields).
  const perItem = Math.max(nData, 1);
  const width = labelCols + colsSorted.length * perItem + perItem;
  const blankRow = () => new Array<Scalar>(width).fill(null);
  const top = blankRow();
  top[0] = nData === 1 ? (p.data[0]?.name ?? null) : null;
  top[labelCols] = 'Column Labels';
  cells.push(top);
  const labelsRow = blankRow();
  labelsRow[0] = nData > 1 ? null : rowCaption;
  colsSorted.forEach(([, labels], i) => (labelsRow[labelCols + i * perItem] = labels[0] ?? null));
  if (nData > 1) p.data.forEach((d, j) => (labelsRow[labelCols + colsSorted.length * perItem + j] = `Total ${d.name}`));
  else labelsRow[labelCols + colsSorted.length] = 'Grand Total';
  cells.push(labelsRow);
  if (nData > 1) {
    const names = blankRow();
    names[0] = rowCaption;
    colsSorted.forEach((_, i) => p.data.forEach((d, j) => (names[labelCols + i * perItem + j] = d.name)));
    cells.push(names);
  }
  const bodyStart = cells.length;
  const line = (rk: Key, labels: Scalar[]) => {
    const row = blankRow();
    labels.forEach((l, i) => (row[i] = l));
    colsSorted.forEach(([ck], i) => p.data.forEach((_, j) => (row[labelCols + i * perItem + j] = value(rk, ck, j))));
    p.data.forEach((_, j) => (row[labelCols + colsSorted.length * perItem + j] = value(rk, '*', j)));
    cells.push(row);
  };
  for (const [rk, labels] of rowsSorted) line(rk, labels);
  line('*', ['Grand Total']);
  return { cells, body: { r0: bodyStart, c0: labelCols, r1: cells.length - 1, c1: width - 1 } };
}

/** Recomputes a PivotTable and writes it into its destination (clearing what it wrote before). */
export function refreshPivot(wb: WorkbookModel, p: PivotModel, rereadSource: boolean): void {
  if (rereadSource || !p.cache) p.cache = pivotSource(p);
  const empty = p.rows.length === 0 && p.columns.length === 0 && p.data.length === 0;
  const grid = empty ? null : computePivot(p);
  const { r, c } = p.dest;
  if (grid) {
    // Excel refuses a PivotTable that would grow into another one, and leaves both as they were.
    const rect = { r0: r, c0: c, r1: r + grid.cells.length - 1, c1: c + Math.max(...grid.cells.map((row) => row.length)) - 1 };
    const other = wb.pivots.find((x) => x !== p && x.sheet === p.sheet && x.lastRect && intersect(x.lastRect, rect));
    if (other) throw new ModelError('PivotTableRangeConflict', `PivotTable "${p.name}" would overlap PivotTable "${other.name}".`);
  }
  if (p.lastRect) p.sheet.clearContents(p.lastRect);
  p.lastRect = null;
  p.lastBody = null;
  if (!grid) return;
  const { cells, body } = grid;
  cells.forEach((row, i) => row.forEach((v, j) => p.sheet.store(r + i, c + j, { kind: 'value', value: v })));
  const width = Math.max(...cells.map((row) => row.length));
  p.lastRect = { r0: r, c0: c, r1: r + cells.length - 1, c1: c + width - 1 };
  p.lastBody = { r0: r + body.r0, c0: c + body.c0, r1: r + body.r1, c1: c + body.c1 };
  wb.touch();
}
