/**
 * Direct, synchronous access to the simulated workbook, beside the Office.js-shaped API: tests seed
 * and inspect sheets with it, and the playground draws its grid from it. Nothing here goes through
 * load/sync or counts against the payload limits.
 */
import { columnLetter, fullAddress, parseRange, rangeAddress } from '../core/grid/a1';
import type { Rect } from '../core/grid/rect';
import { writeContents } from './api/cells';
import { titleRowsAddress } from './api/pageLayout';
import { evaluateFormula } from './model/evaluate';
import { tryParseFormula } from './model/formula';
import { planMerge } from './model/layout';
import { formatValue, toApiValue, type Scalar } from './model/values';
import { ModelError, type SheetModel, type WorkbookModel } from './model/workbook';

export interface SimCell {
  value: unknown;
  formula: string | null;
  numberFormat: string;
  text: string;
  fill: string | null;
  bold: boolean;
  fontColor: string;
  /** The fill a conditional format gives the cell (first matching rule), if any. */
  conditionalFill: string | null;
  /** Refuses edits once the sheet is protected (every cell starts locked). */
  locked: boolean;
}

export interface SimSheet {
  readonly name: string;
  readonly id: string;
  /** Values of the used range (from A1), as Range.values reports them. */
  values(): unknown[][];
  formulas(): unknown[][];
  cell(address: string): SimCell;
  /** Writes as Range.values does (Excel's interpretation of '=', '+', '-', numbers, apostrophes). */
  write(address: string, values: unknown[][]): void;
  /** Stores values as given (strings stay text, except '=' formulas): a workbook as saved. */
  seed(address: string, values: unknown[][]): void;
  /** A formula with a cached result that is kept (never recalculated). */
  seedFormula(address: string, formula: string, cachedValue: unknown): void;
  setNumberFormat(address: string, format: string): void;
  usedAddress(): string | null;
  readonly freeze: { rows: number; columns: number };
  /**
   * Page setup (Excel.PageLayout): orientation, the rows repeated on every printed page ("$1:$3", null
   * when none), and the print zoom as PageLayoutZoomOptions.
   */
  readonly pageLayout: { orientation: 'Portrait' | 'Landscape'; printTitleRows: string | null; zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number } };
  readonly protected: boolean;
  protect(password?: string): void;
  unprotect(): void;
  /** The options the sheet was protected with through the API (allowFormatCells…), null otherwise. */
  readonly protectionOptions: Record<string, unknown> | null;
  readonly columnWidths: ReadonlyMap<number, number>;
  /** Merged areas, as A1 addresses ("A1:H1"). */
  merges(): string[];
  /** Merges as Range.merge() does (the top-left value stays, the others are cleared). */
  merge(address: string, across?: boolean): void;
  /** Makes an Excel table over `address` (header row included), as Worksheet.tables.add would: a test's set-up. */
  addTable(address: string): void;
  /** 1-based rows hidden, by the user or by the AutoFilter. */
  hiddenRows(): number[];
  /** Column letters of the hidden columns. */
  hiddenColumns(): string[];
  /** The AutoFilter: its range, criteria by column offset, whether it filters now. */
  autoFilter(): { address: string; criteria: Record<number, unknown>; isDataFiltered: boolean } | null;
}

export interface SimWorkbook {
  addSheet(name: string, values?: unknown[][]): SimSheet;
  sheet(name: string): SimSheet;
  sheetNames(): string[];
  readonly tables: { name: string; sheet: string; address: string; columns: string[]; showTotals: boolean; style: string }[];
  readonly validations: { sheet: string; addresses: string[]; type: string; rule: unknown; prompt: unknown; errorAlert: unknown; ignoreBlanks: boolean }[];
  readonly conditionalFormats: { sheet: string; addresses: string[]; type: string; formula: string | null; fill: string | null; fontColor: string | null; priority: number }[];
  readonly pivots: { name: string; sheet: string; address: string | null; dataBodyAddress: string | null; rows: string[]; columns: string[]; data: { name: string; field: string; summarizeBy: string }[] }[];
  readonly charts: { name: string; sheet: string; type: string; source: string; title: string; seriesBy: string }[];
  /** The raw model, for the playground renderer. */
  readonly model: WorkbookModel;
  /** Workbook structure protection (Review → Protect Workbook): sheets cannot be added, deleted, renamed, moved, hidden. */
  readonly protected: boolean;
  protect(password?: string): void;
  unprotect(): void;
}

function rectOf(address: string): Rect {
  const p = parseRange(address);
  if (!p) throw new ModelError('InvalidArgument', `"${address}" is not a valid address`);
  return { r0: p.r0, c0: p.c0, r1: p.r1, c1: p.c1 };
}

function conditionalFill(sheet: SheetModel, r: number, c: number): string | null {
  const wb = sheet.wb;
  for (const cf of wb.conditionalFormats) {
    if (cf.sheet !== sheet || cf.type !== 'Custom' || !cf.formula) continue;
    const anchor = cf.rects.find((x) => r >= x.r0 && r <= x.r1 && c >= x.c0 && c <= x.c1);
    if (!anchor) continue;
    const first = cf.rects[0] as Rect;
    const ast = tryParseFormula(cf.formula.slice(1));
    if (!ast) continue;
    const v = evaluateFormula(ast, { wb, sheet, r, c, dr: r - first.r0, dc: c - first.c0 });
    if (v === true || (typeof v === 'number' && v !== 0)) {
      if (cf.fill) return cf.fill;
      if (cf.stopIfTrue) return null;
    }
  }
  return null;
}

function sheetView(sheet: SheetModel): SimSheet {
  const grid = (f: (r: number, c: number) => unknown): unknown[][] => {
    const used = sheet.usedRect(true);
    if (!used) return [];
    const out: unknown[][] = [];
    for (let r = 0; r <= used.r1; r++) {
      const row: unknown[] = [];
      for (let c = 0; c <= used.c1; c++) row.push(f(r, c));
      out.push(row);
    }
    return out;
  };
  const each = (address: string, values: unknown[][], f: (r: number, c: number, v: unknown) => void) => {
    const rect = rectOf(address);
    values.forEach((row, i) => row.forEach((v, j) => f(rect.r0 + i, rect.c0 + j, v)));
  };
  return {
    get name() {
      return sheet.name;
    },
    get id() {
      return sheet.id;
    },
    values: () => grid((r, c) => toApiValue(sheet.value(r, c))),
    formulas: () => grid((r, c) => sheet.get(r, c)?.f ?? toApiValue(sheet.value(r, c))),
    cell(address) {
      const { r0: r, c0: c } = rectOf(address);
      const value = sheet.value(r, c);
      const nf = sheet.numberFormat(r, c);
      return {
        value: toApiValue(value),
        formula: sheet.get(r, c)?.f ?? null,
        numberFormat: nf,
        text: formatValue(value, nf),
        fill: sheet.format(r, c, 'fill') as string | null,
        bold: sheet.format(r, c, 'bold') as boolean,
        fontColor: sheet.format(r, c, 'fontColor') as string,
        conditionalFill: conditionalFill(sheet, r, c),
        locked: sheet.format(r, c, 'locked') !== false,
      };
    },
    write(address, values) {
      const rect = rectOf(address);
      const full = { r0: rect.r0, c0: rect.c0, r1: rect.r0 + values.length - 1, c1: rect.c0 + (values[0]?.length ?? 1) - 1 };
      writeContents({ sheet, rect: full }, values, 'values');
    },
    seed(address, values) {
      each(address, values, (r, c, v) => {
        if (typeof v === 'string' && v.startsWith('=') && v.length > 1) sheet.store(r, c, { kind: 'formula', formula: v });
        else sheet.store(r, c, { kind: 'value', value: v === '' || v === undefined ? null : (v as Scalar) });
      });
    },
    seedFormula(address, formula, cachedValue) {
      const { r0, c0 } = rectOf(address);
      sheet.seedFormula(r0, c0, formula, cachedValue as Scalar);
    },
    setNumberFormat(address, format) {
      sheet.setFormat(rectOf(address), 'numberFormat', format);
    },
    usedAddress() {
      const u = sheet.usedRect(true);
      return u ? rangeAddress(u) : null;
    },
    get freeze() {
      return { ...sheet.freeze };
    },
    get pageLayout() {
      return { orientation: sheet.pageLayout.orientation, printTitleRows: titleRowsAddress(sheet.pageLayout.titleRows), zoom: { ...sheet.pageLayout.zoom } };
    },
    get protected() {
      return sheet.protection.protected;
    },
    protect(password) {
      sheet.protection = { protected: true, password, options: undefined };
    },
    unprotect() {
      sheet.protection = { protected: false, password: undefined, options: undefined };
    },
    get protectionOptions() {
      return sheet.protection.options ? { ...sheet.protection.options } : null;
    },
    get columnWidths() {
      return sheet.columnWidths;
    },
    merges: () => sheet.merges.map(rangeAddress),
    merge(address, across) {
      const rect = rectOf(address);
      const { add, replaced } = planMerge(sheet, rect, Boolean(across));
      sheet.merges = sheet.merges.filter((m) => !replaced.includes(m));
      for (const m of add) {
        for (let r = m.r0; r <= m.r1; r++) for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) sheet.clearContents({ r0: r, r1: r, c0: c, c1: c });
        sheet.merges.push(m);
      }
    },
    addTable(address) {
      sheet.wb.addTable(sheet, rectOf(address), true);
    },
    hiddenRows: () => [...new Set([...sheet.hiddenRows, ...(sheet.autoFilter?.hidden ?? [])])].sort((a, b) => a - b).map((r) => r + 1),
    hiddenColumns: () => [...sheet.hiddenColumns].sort((a, b) => a - b).map(columnLetter),
    autoFilter: () => (sheet.autoFilter
      ? { address: rangeAddress(sheet.autoFilter.rect), criteria: Object.fromEntries(sheet.autoFilter.criteria), isDataFiltered: sheet.autoFilter.criteria.size > 0 }
      : null),
  };
}

export function directWorkbook(wb: WorkbookModel): SimWorkbook {
  const get = (name: string): SheetModel => {
    const s = wb.sheet(name);
    if (!s) throw new Error(`No worksheet named "${name}"`);
    return s;
  };
  const addrs = (s: SheetModel, rects: Rect[]) => rects.map((r) => fullAddress(s.name, r));
  return {
    addSheet(name, values) {
      const view = sheetView(wb.addSheet(name));
      if (values) view.seed('A1', values);
      return view;
    },
    sheet: (name) => sheetView(get(name)),
    sheetNames: () => wb.sheets.map((s) => s.name),
    get tables() {
      return wb.tables.map((t) => ({
        name: t.name,
        sheet: t.sheet.name,
        address: fullAddress(t.sheet.name, { ...t.rect, r1: t.rect.r1 + (t.showTotals ? 1 : 0) }),
        columns: wb.tableColumnNames(t),
        showTotals: t.showTotals,
        style: t.style,
      }));
    },
    get validations() {
      return wb.validations.map((v) => ({
        sheet: v.sheet.name,
        addresses: addrs(v.sheet, v.rects),
        type: v.rule?.type ?? 'None',
        rule: v.rule,
        prompt: { ...v.prompt },
        errorAlert: { ...v.errorAlert },
        ignoreBlanks: v.ignoreBlanks,
      }));
    },
    get conditionalFormats() {
      return wb.conditionalFormats.map((cf) => ({
        sheet: cf.sheet.name,
        addresses: addrs(cf.sheet, cf.rects),
        type: cf.type,
        formula: cf.formula ?? null,
        fill: cf.fill,
        fontColor: cf.fontColor,
        priority: wb.conditionalFormats.filter((x) => x.sheet === cf.sheet).indexOf(cf),
      }));
    },
    get pivots() {
      return wb.pivots.map((p) => ({
        name: p.name,
        sheet: p.sheet.name,
        address: p.lastRect ? fullAddress(p.sheet.name, p.lastRect) : null,
        dataBodyAddress: p.lastBody ? fullAddress(p.sheet.name, p.lastBody) : null,
        rows: [...p.rows],
        columns: [...p.columns],
        data: p.data.map((d) => ({ name: d.name, field: d.field, summarizeBy: d.summarizeBy })),
      }));
    },
    get charts() {
      return wb.charts.map((c) => ({ name: c.name, sheet: c.sheet.name, type: c.type, source: fullAddress(c.source.sheet.name, c.source.rect), title: c.title, seriesBy: c.seriesBy }));
    },
    model: wb,
    get protected() {
      return wb.protection.protected;
    },
    protect(password) {
      wb.protection = { protected: true, password };
    },
    unprotect() {
      wb.protection = { protected: false, password: undefined };
    },
  };
}
