/**
 * The two whole-sheet edits exceljs only half does: copying a sheet (its `model` round trip drops merges
 * and would duplicate table names) and deleting rows (its spliceRows moves values and styles but leaves
 * formulas, shared formulas, merges, validations, conditional formats and tables pointing at the old rows).
 */
import type ExcelJS from 'exceljs';
import { boxAddress, parseBox, parseBoxes, type Box } from './a1';
import { internals, type TableModel } from './internals';
import { DeletedRows, shiftFormula, type ShiftContext } from './rowShift';

const FORMULA = 6; // ExcelJS.ValueType.Formula (a const enum at type level only)

/** Table names and defined names in use (lower case): a new table's name must differ from all of them. */
export function usedTableNames(wb: ExcelJS.Workbook): Set<string> {
  const names = new Set<string>();
  for (const ws of wb.worksheets) for (const t of Object.values(internals(ws).tables)) names.add(t.model.name.toLowerCase());
  const defined = (wb.definedNames as unknown as { model?: { name: string }[] }).model ?? [];
  for (const d of defined) names.add(d.name.toLowerCase());
  return names;
}

/** `base`, or `base_2`, `base_3`… — the first a table may take. */
export function uniqueTableName(wb: ExcelJS.Workbook, base: string): string {
  let clean = base.replace(/[^\w.\\\u0080-\uffff]/g, '_');
  if (!/^[A-Za-z_\\\u0080-\uffff]/.test(clean)) clean = `_${clean}`;
  // A name that reads as a cell reference (A1, R1C1) is not allowed.
  if (/^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[RrCc])$/.test(clean)) clean = `_${clean}`;
  clean = clean.slice(0, 250);
  const used = usedTableNames(wb);
  let name = clean;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${clean}_${n}`;
  return name;
}

function replaceTableNames(formula: string, renames: Map<string, string>): string {
  let out = formula;
  for (const [from, to] of renames) {
    const escaped = from.replace(/[.\\]/g, (c) => `\\${c}`);
    out = out.replace(new RegExp(`(^|[^\\w.\\u0080-\\uffff])${escaped}\\[`, 'gi'), (_m, pre: string) => `${pre}${to}[`);
  }
  return out;
}

/**
 * A new sheet `to` holding everything of `from` that exceljs models: values, formulas (shared ones too),
 * styles, column widths and styles, row heights, merges, conditional formats, data validations, images,
 * views, page setup, autofilter and protection. Tables are copied under new unique names (as Excel does),
 * and the copy's structured references follow them.
 */
export function copySheet(wb: ExcelJS.Workbook, from: ExcelJS.Worksheet, to: string): ExcelJS.Worksheet {
  const model = from.model as unknown as Record<string, unknown> & { merges: string[]; tables: TableModel[]; views?: Record<string, unknown>[] };
  const clone = structuredClone({ ...model, tables: [] as TableModel[] }) as typeof model;
  const copy = wb.addWorksheet(to);
  const renames = new Map<string, string>();
  const tables: TableModel[] = [];
  for (const t of model.tables) {
    const name = uniqueTableName(wb, t.name);
    // Names taken by earlier tables of this copy are not in the workbook yet: keep them apart.
    let unique = name;
    for (let n = 2; tables.some((x) => x.name.toLowerCase() === unique.toLowerCase()); n++) unique = `${name}_${n}`;
    renames.set(t.name, unique);
    const { rows: _rows, ...rest } = t;
    tables.push({ ...structuredClone(rest), name: unique, displayName: unique });
  }
  (copy as unknown as { model: unknown }).model = {
    ...clone,
    name: to,
    mergeCells: clone.merges,
    tables,
    views: (clone.views ?? []).map((v) => ({ ...v, tabSelected: false })),
  };
  copy.state = 'visible';
  if (renames.size > 0) {
    copy.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value as { formula?: string } | null;
        if (cell.type === FORMULA && v && typeof v.formula === 'string') {
          cell.value = { ...(v as ExcelJS.CellFormulaValue), formula: replaceTableNames(v.formula, renames) };
        }
      });
    });
  }
  return copy;
}

type FormulaValue = { formula?: string; sharedFormula?: string; result?: unknown; shareType?: string; ref?: string };

/**
 * Rewrites every formula of `ws` that refers to the deleted rows' sheet. Shared formulas on a sheet
 * that changes become ordinary formulas (their master may move or disappear).
 */
function shiftSheetFormulas(ws: ExcelJS.Worksheet, ctx: Omit<ShiftContext, 'host'>, force: boolean): void {
  const pending: { cell: ExcelJS.Cell; value: FormulaValue; formula: string; shifted: string }[] = [];
  let changed = force;
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type !== FORMULA) return;
      const formula = cell.formula;
      const shifted = shiftFormula(formula, { ...ctx, host: ws.name });
      if (shifted !== formula) changed = true;
      pending.push({ cell, value: cell.value as FormulaValue, formula, shifted });
    });
  });
  if (!changed) return;
  for (const p of pending) {
    const v = p.value;
    if (v.shareType === 'array' && v.ref) {
      const box = parseBox(v.ref);
      const ref = ws.name.toLowerCase() === ctx.sheet.toLowerCase() && box ? ctx.deleted.box(box) : box;
      p.cell.value = ref ? { formula: p.shifted, result: v.result, shareType: 'array', ref: boxAddress(ref) } as ExcelJS.CellValue : { formula: p.shifted, result: v.result } as ExcelJS.CellValue;
    } else {
      p.cell.value = { formula: p.shifted, result: p.shifted === p.formula ? v.result : undefined } as ExcelJS.CellValue;
    }
  }
}

function shiftRef(ref: string, deleted: DeletedRows): { ref: string; top: number } | null {
  const boxes = parseBoxes(ref);
  const moved = boxes.map((b) => deleted.box(b)).filter((b): b is Box => b !== null);
  if (moved.length === 0 || !boxes[0]) return null;
  return { ref: moved.map(boxAddress).join(' '), top: boxes[0].top };
}

/** Delete whole rows (1-based) of `ws`, keeping the workbook's references right. */
export function deleteRows(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, rows: readonly number[]): void {
  const deleted = new DeletedRows(rows);
  const last = ws.rowCount;
  if (deleted.rows.length === 0 || (deleted.rows[0] as number) > last) return;
  const ctx = { sheet: ws.name, deleted };
  const x = internals(ws);

  // 1. Formulas everywhere, before any cell moves.
  for (const sheet of wb.worksheets) shiftSheetFormulas(sheet, ctx, sheet === ws);

  // 2. Merges: undone here, redone at their new place.
  const merges = Object.values(x._merges).map((m) => m.range);
  for (const m of merges) ws.unMergeCells(m);

  // 3. The rows themselves, bottom run first so the numbers below stay right. spliceRows carries values,
  //    styles and heights; notes, hidden rows and outline levels are carried here.
  const first = deleted.rows[0] as number;
  const notes: { row: number; col: number; note: unknown }[] = [];
  const rowProps: { row: number; hidden: boolean; outlineLevel: number }[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (r < first) return;
    if (row.hidden || row.outlineLevel) rowProps.push({ row: r, hidden: row.hidden, outlineLevel: row.outlineLevel ?? 0 });
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const own = cell as unknown as { _comment?: { note: unknown } };
      if (own._comment) {
        notes.push({ row: r, col: c, note: own._comment.note });
        own._comment = undefined;
      }
    });
    row.hidden = false;
    row.outlineLevel = 0;
  });
  for (const [start, count] of deleted.runsBottomUp()) if (start <= last) ws.spliceRows(start, count);
  for (const p of rowProps) {
    const s = deleted.span(p.row, p.row);
    if (!s) continue;
    const row = ws.getRow(s[0]);
    row.hidden = p.hidden;
    row.outlineLevel = p.outlineLevel;
  }
  for (const n of notes) {
    const s = deleted.span(n.row, n.row);
    if (s) ws.getCell(s[0], n.col).note = n.note as ExcelJS.Comment;
  }

  for (const m of merges) {
    const box = parseBox(m);
    const moved = box && deleted.box(box);
    if (moved && (moved.bottom > moved.top || moved.right > moved.left)) x.mergeCellsWithoutStyle(boxAddress(moved));
  }

  // 4. Conditional formats: ranges shrink, formulas stay relative to the (moved) top-left.
  const formats = [];
  for (const cf of x.conditionalFormattings) {
    const moved = shiftRef(cf.ref, deleted);
    if (!moved) continue;
    const delta = -deleted.countBelow(moved.top);
    for (const rule of cf.rules) {
      if (rule.formulae) rule.formulae = rule.formulae.map((f) => (typeof f === 'string' ? shiftFormula(f, { ...ctx, host: ws.name, relativeDelta: delta }) : f));
    }
    formats.push({ ...cf, ref: moved.ref });
  }
  x.conditionalFormattings = formats;
  for (const other of wb.worksheets) {
    if (other === ws) continue;
    for (const cf of internals(other).conditionalFormattings) {
      for (const rule of cf.rules) {
        if (rule.formulae) rule.formulae = rule.formulae.map((f) => (typeof f === 'string' ? shiftFormula(f, { ...ctx, host: other.name }) : f));
      }
    }
  }

  // 5. Data validations: cells move up; a rule's formulas follow its top-left.
  const model = x.dataValidations.model;
  const tops = new Map<ExcelJS.DataValidation, number>();
  for (const [address, dv] of Object.entries(model)) {
    const box = dv && parseBox(address);
    if (dv && box) tops.set(dv, Math.min(tops.get(dv) ?? Infinity, box.top));
  }
  const shiftedRules = new Map<ExcelJS.DataValidation, ExcelJS.DataValidation>();
  for (const [dv, top] of tops) {
    const delta = -deleted.countBelow(top);
    shiftedRules.set(dv, {
      ...dv,
      formulae: (dv.formulae ?? []).map((f: unknown) => (typeof f === 'string' ? shiftFormula(f, { ...ctx, host: ws.name, relativeDelta: delta }) : f)),
    });
  }
  const next: Record<string, ExcelJS.DataValidation> = {};
  for (const [address, dv] of Object.entries(model)) {
    const box = dv && parseBox(address);
    const moved = box && deleted.box(box);
    if (dv && moved) next[boxAddress(moved)] = shiftedRules.get(dv) ?? dv;
  }
  x.dataValidations.model = next;
  for (const other of wb.worksheets) {
    if (other === ws) continue;
    const m = internals(other).dataValidations.model;
    for (const [address, dv] of Object.entries(m)) {
      if (dv?.formulae) m[address] = { ...dv, formulae: dv.formulae.map((f: unknown) => (typeof f === 'string' ? shiftFormula(f, { ...ctx, host: other.name }) : f)) };
    }
  }

  // 6. Tables and the autofilter shrink; a table whose header row went is removed (Excel would too).
  for (const [name, table] of Object.entries(x.tables)) {
    const t = table.model;
    const box = parseBox(t.tableRef ?? t.ref);
    const moved = box && deleted.box(box);
    const headerGone = box && t.headerRow !== false && deleted.countBelow(box.top, true) !== deleted.countBelow(box.top);
    if (!box || !moved || headerGone || moved.bottom === moved.top) {
      delete x.tables[name];
      continue;
    }
    t.tableRef = boxAddress(moved);
    t.ref = boxAddress({ ...moved, bottom: moved.top, right: moved.left });
    const filter = t.autoFilterRef ? parseBox(t.autoFilterRef) : null;
    const filterMoved = filter && deleted.box(filter);
    t.autoFilterRef = filterMoved ? boxAddress(filterMoved) : t.tableRef;
    if (t.tl) t.tl = { ...t.tl, row: moved.top };
    if (t.rows) t.rows = t.rows.slice(0, Math.max(0, moved.bottom - moved.top + 1 - (t.headerRow === false ? 0 : 1) - (t.totalsRow ? 1 : 0)));
  }
  if (typeof ws.autoFilter === 'string') {
    const box = parseBox(ws.autoFilter);
    const moved = box && deleted.box(box);
    ws.autoFilter = moved ? boxAddress(moved) : (null as unknown as string);
  }
}
