/**
 * The port over an in-memory exceljs Workbook: the CLI (`customer-ledger apply FILE --out OUT`) and tests
 * on real files. Reading and writing happen elsewhere (readWorkbook.ts, fileParts.ts); this only changes
 * the model, so a failed plan leaves the file on disk untouched.
 *
 * What exceljs 4.4 cannot write: PivotTables and charts (capabilities say so; the ops throw
 * WorkbookError('unsupported')). Everything else in WriteOp is implemented here.
 *
 * Workbook structure protection (<workbookProtection lockStructure="1"> in xl/workbook.xml) is not
 * modelled by exceljs 4.4: it is neither read nor written (checked: a protected file loads with no trace
 * of it and saves without it), so checkPlan cannot refuse on it as the Office.js adapter does; the file
 * check (fileParts.ts) is where it can be seen.
 */
import type ExcelJS from 'exceljs';
import {
  VALIDATION_LIMITS,
  WorkbookError,
  throwIfStopped,
  typedListSource,
  type ApplyOptions,
  type Capabilities,
  type CellArea,
  type CellInput,
  type SheetInfo,
  type ValidationRule,
  type WorkbookPort,
  type WriteOp,
  type WritePlan,
} from '../port';
import { boxAddress, contains, intersects, parseBox, parseBoxes, type Box } from './a1';
import { internals, type CfRule } from './internals';
import { copySheet, deleteRows, uniqueTableName } from './sheetEdits';

export { VALIDATION_LIMITS };

const FORMULA = 6; // ExcelJS.ValueType.Formula
const ALIGN = { left: 'left', center: 'center', right: 'right' } as const;

type Op<K extends WriteOp['op']> = Extract<WriteOp, { op: K }>;

const key = (name: string): string => name.toLowerCase();

function stripEquals(formula: string): string {
  const f = formula.trim();
  return f.startsWith('=') ? f.slice(1).trim() : f;
}

/** Formula text compared as Excel would see it: no "=", no spaces, one case. */
function normalizeFormula(f: string): string {
  return stripEquals(f).replace(/\s+/g, '').toUpperCase();
}

/** "#DDEBF7" (or "#DEB") → "FFDDEBF7". */
export function argb(color: string): string {
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(color.trim());
  if (!m) throw new WorkbookError('unsupported', `"${color}" is not a #RRGGBB colour.`);
  const hex = (m[1] as string).length === 3 ? [...(m[1] as string)].map((c) => c + c).join('') : (m[1] as string);
  return `FF${hex.toUpperCase()}`;
}

/** Cuts text to at most `max` UTF-16 units without splitting a surrogate pair, ending with "…" when cut. */
function clampText(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = max - 1;
  const prev = s.charCodeAt(cut - 1);
  if (prev >= 0xd800 && prev <= 0xdbff) cut--;
  return `${s.slice(0, cut)}…`;
}

function isoDate(text: string): Date {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : new Date(text);
  if (Number.isNaN(d.getTime())) throw new WorkbookError('unsupported', `Validation date "${text}" is not an ISO date.`);
  return d;
}

function between(min: unknown, max: unknown): Pick<ExcelJS.DataValidation, 'operator' | 'formulae'> {
  return max === undefined ? { operator: 'greaterThanOrEqual', formulae: [min] } : { operator: 'between', formulae: [min, max] };
}

/** exceljs's DataValidation for a port rule; throws WorkbookError('unsupported') for what Excel cannot hold. */
export function toDataValidation(rule: ValidationRule): ExcelJS.DataValidation {
  switch (rule.type) {
    case 'list': {
      const source = typedListSource(rule.items);
      return { type: 'list', allowBlank: true, formulae: [`"${source.replace(/"/g, '""')}"`] };
    }
    case 'listRange':
      return { type: 'list', allowBlank: true, formulae: [stripEquals(rule.source)] };
    case 'custom':
      return { type: 'custom', allowBlank: true, formulae: [stripEquals(rule.formula)] };
    case 'date':
      return { type: 'date', allowBlank: true, ...between(isoDate(rule.min), rule.max === undefined ? undefined : isoDate(rule.max)) };
    case 'wholeNumber':
      return { type: 'whole', allowBlank: true, ...between(rule.min, rule.max) };
    case 'decimal':
      return { type: 'decimal', allowBlank: true, ...between(rule.min, rule.max) };
  }
}

function validationOf(op: Op<'validation'>): ExcelJS.DataValidation {
  const dv = toDataValidation(op.rule);
  if (op.prompt) {
    dv.showInputMessage = true;
    dv.promptTitle = clampText(op.prompt.title, VALIDATION_LIMITS.title);
    dv.prompt = clampText(op.prompt.message, VALIDATION_LIMITS.prompt);
  }
  // Excel's default: reject what the rule does not allow (a Stop alert), with or without a message.
  dv.showErrorMessage = true;
  if (op.error) {
    dv.errorTitle = clampText(op.error.title, VALIDATION_LIMITS.title);
    dv.error = clampText(op.error.message, VALIDATION_LIMITS.error);
    if (op.error.style !== 'stop') dv.errorStyle = op.error.style;
  }
  return dv;
}

function needBox(address: string, what: string): Box {
  const box = parseBox(address);
  if (!box) throw new WorkbookError('not-found', `${what}: "${address}" is not a range address.`);
  return box;
}

/** Excel's rules for sheet names. */
function checkSheetName(name: string): void {
  if (name.trim() === '' || name.length > 31 || /[*?:/\\[\]]/.test(name) || /^'|'$/.test(name) || key(name) === 'history') {
    throw new WorkbookError('unsupported', `"${name}" cannot be a sheet name (1–31 characters, none of * ? : / \\ [ ], not starting or ending with ').`);
  }
}

/** A copy of the cell's style with its own font / fill / alignment objects: exceljs shares style objects between cells. */
function restyle(cell: ExcelJS.Cell, change: (style: Partial<ExcelJS.Style>) => void): void {
  const style: Partial<ExcelJS.Style> = { ...cell.style };
  if (style.font) style.font = { ...style.font };
  if (style.alignment) style.alignment = { ...style.alignment };
  change(style);
  cell.style = style;
}

function plainText(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v && typeof v === 'object' && 'richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
  return null;
}

export class XlsxWorkbookPort implements WorkbookPort {
  readonly kind = 'xlsx' as const;

  constructor(readonly workbook: ExcelJS.Workbook) {}

  async capabilities(): Promise<Capabilities> {
    return { kind: 'xlsx', pivotTables: false, dataValidation: true, conditionalFormats: true, charts: false, copySheet: true };
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.workbook.worksheets.map((ws) => {
      const { rows, columns } = usedSize(ws);
      return {
        name: ws.name,
        visible: ws.state === 'visible' || ws.state === undefined,
        protected: isProtected(ws),
        rowCount: rows,
        columnCount: columns,
      };
    });
  }

  async readValues(sheet: string): Promise<unknown[][]> {
    const ws = this.sheet(sheet);
    const { rows, columns } = usedSize(ws);
    const out: unknown[][] = [];
    for (let r = 1; r <= rows; r++) {
      const row = ws.findRow(r);
      const values: unknown[] = new Array<unknown>(columns).fill(null);
      if (row) {
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          if (c <= columns) values[c - 1] = cellValue(cell);
        });
      }
      out.push(values);
    }
    return out;
  }

  async readFormulas(sheet: string, col: number, fromRow: number, toRow: number): Promise<unknown[]> {
    const ws = this.sheet(sheet);
    const out: unknown[] = [];
    for (let r = fromRow; r <= toRow; r++) {
      const cell = ws.findCell(r + 1, col + 1);
      if (!cell) out.push('');
      else if (cell.type === FORMULA) out.push(`=${cell.formula}`);
      else {
        const v = cellValue(cell);
        out.push(v === null || v === undefined ? '' : v);
      }
    }
    return out;
  }

  async readAreas(sheet: string, areas: readonly CellArea[]): Promise<unknown[][][]> {
    const ws = this.sheet(sheet);
    return areas.map((a) => {
      const out: unknown[][] = [];
      for (let r = 0; r < a.rows; r++) {
        const values: unknown[] = new Array<unknown>(Math.max(0, a.cols)).fill(null);
        if (ws.findRow(a.row + r + 1)) {
          for (let c = 0; c < a.cols; c++) {
            const cell = ws.findCell(a.row + r + 1, a.col + c + 1); // never creates a cell
            if (cell) values[c] = cellValue(cell);
          }
        }
        out.push(values);
      }
      return out;
    });
  }

  async apply(plan: WritePlan, options: ApplyOptions = {}): Promise<void> {
    const { onProgress, signal } = options;
    const skip = this.checkPlan(plan.ops);
    throwIfStopped(signal);
    const total = plan.ops.length;
    plan.ops.forEach((op, i) => {
      if (!skip.has(i)) this.applyOp(op);
      onProgress?.({ done: i + 1, total });
    });
  }

  // ---------------------------------------------------------------------------------------------------

  private find(name: string): ExcelJS.Worksheet | undefined {
    return this.workbook.worksheets.find((ws) => key(ws.name) === key(name));
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = this.find(name);
    if (!ws) throw new WorkbookError('not-found', `There is no sheet "${name}".`);
    return ws;
  }

  /**
   * Everything that can fail without touching the workbook, before the first write: sheets exist where
   * the plan needs them (following its own adds and deletes), none it changes is protected, addresses,
   * colours and validation rules are valid, no PivotTable or chart is asked for. Returns ops to skip.
   */
  private checkPlan(ops: readonly WriteOp[]): Set<number> {
    const exists = new Set(this.workbook.worksheets.map((ws) => key(ws.name)));
    const created = new Set<string>();
    const touched = new Set<string>();
    const skip = new Set<number>();
    const mustExist = (name: string, what: string): void => {
      if (!exists.has(key(name))) throw new WorkbookError('not-found', `${what}: there is no sheet "${name}".`);
    };
    const touch = (name: string): void => {
      if (!created.has(key(name))) touched.add(key(name));
    };
    ops.forEach((op, i) => {
      switch (op.op) {
        case 'addSheet':
          checkSheetName(op.name);
          if (exists.has(key(op.name))) throw new WorkbookError('exists', `addSheet: a sheet "${op.name}" already exists.`);
          exists.add(key(op.name));
          created.add(key(op.name));
          return;
        case 'deleteSheet':
          if (!exists.has(key(op.name))) {
            skip.add(i);
            return;
          }
          touch(op.name);
          exists.delete(key(op.name));
          created.delete(key(op.name));
          return;
        case 'copySheet':
          checkSheetName(op.to);
          mustExist(op.from, 'copySheet');
          if (exists.has(key(op.to))) throw new WorkbookError('exists', `copySheet: a sheet "${op.to}" already exists.`);
          exists.add(key(op.to));
          created.add(key(op.to));
          return;
        case 'pivot':
          throw new WorkbookError('unsupported', `PivotTable "${op.name}": exceljs cannot write PivotTables; use the Excel add-in, or the summary's formula tables.`);
        case 'chart':
          throw new WorkbookError('unsupported', `Chart "${op.name}": exceljs cannot write charts; use the Excel add-in.`);
        case 'format':
          needBox(op.address, 'format');
          if (op.fill !== undefined) argb(op.fill);
          if (op.fontColor !== undefined) argb(op.fontColor);
          break;
        case 'addTable':
          needBox(op.address, 'addTable');
          break;
        case 'validation':
          if (parseBoxes(op.address).length === 0) needBox(op.address, 'validation');
          validationOf(op);
          break;
        case 'conditionalFormat':
          if (parseBoxes(op.address).length === 0) needBox(op.address, 'conditionalFormat');
          if (op.fill !== undefined) argb(op.fill);
          if (op.fontColor !== undefined) argb(op.fontColor);
          break;
        case 'writeBlock':
          if (op.row < 0 || op.col < 0) throw new WorkbookError('not-found', `writeBlock: row ${op.row}, column ${op.col} is outside the sheet.`);
          break;
        default:
          break;
      }
      mustExist(op.sheet, op.op);
      touch(op.sheet);
    });
    for (const name of touched) {
      const ws = this.find(name);
      if (ws && isProtected(ws)) {
        throw new WorkbookError('protected', `The sheet "${ws.name}" is protected; unprotect it (Review → Unprotect Sheet) and try again. Nothing was changed.`);
      }
    }
    return skip;
  }

  private applyOp(op: WriteOp): void {
    switch (op.op) {
      case 'addSheet': {
        const ws = this.workbook.addWorksheet(op.name);
        if (op.activate) this.activate(ws);
        return;
      }
      case 'deleteSheet':
        return this.deleteSheet(this.sheet(op.name));
      case 'copySheet':
        copySheet(this.workbook, this.sheet(op.from), op.to);
        return;
      case 'writeBlock':
        return writeBlock(this.sheet(op.sheet), op);
      case 'format':
        return format(this.sheet(op.sheet), op);
      case 'columnWidths': {
        const ws = this.sheet(op.sheet);
        for (const w of op.widths) ws.getColumn(w.col + 1).width = Math.min(255, Math.max(0, w.width));
        return;
      }
      case 'freeze':
        return freeze(this.sheet(op.sheet), op);
      case 'addTable':
        return this.addTable(this.sheet(op.sheet), op);
      case 'validation':
        return validation(this.sheet(op.sheet), op);
      case 'conditionalFormat':
        return conditionalFormat(this.sheet(op.sheet), op);
      case 'deleteRows':
        return deleteRows(this.workbook, this.sheet(op.sheet), op.rows);
      case 'pivot':
      case 'chart':
        throw new WorkbookError('unsupported', `${op.op}: exceljs cannot write it.`);
    }
  }

  /** The sheet Excel opens on; only one tab selected (several selected tabs are "grouped" in Excel). */
  private activate(ws: ExcelJS.Worksheet): void {
    const index = this.workbook.worksheets.indexOf(ws);
    const views = this.workbook.views ?? [];
    const first = views[0] ?? { x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, visibility: 'visible' };
    this.workbook.views = [{ ...first, activeTab: index } as ExcelJS.WorkbookView, ...views.slice(1)];
    for (const other of this.workbook.worksheets) {
      const vs = other.views ?? [];
      other.views = vs.length ? vs.map((v) => ({ ...v, tabSelected: other === ws })) : other === ws ? [{ state: 'normal', tabSelected: true } as unknown as ExcelJS.WorksheetView] : [];
    }
  }

  private deleteSheet(ws: ExcelJS.Worksheet): void {
    const before = this.workbook.worksheets.indexOf(ws);
    this.workbook.removeWorksheet(ws.id);
    const views = this.workbook.views ?? [];
    const first = views[0] as (ExcelJS.WorkbookView & { activeTab?: number }) | undefined;
    const count = this.workbook.worksheets.length;
    if (first && typeof first.activeTab === 'number' && count > 0) {
      let tab = first.activeTab > before ? first.activeTab - 1 : first.activeTab;
      tab = Math.min(tab, count - 1);
      this.workbook.views = [{ ...first, activeTab: tab }, ...views.slice(1)];
      if (first.activeTab === before) this.activate(this.workbook.worksheets[tab] as ExcelJS.Worksheet);
    }
  }

  /**
   * An Excel table over existing cells. exceljs's addTable writes the header names and rows it is given
   * into the cells, so it gets the cells' own values (a no-op write, shared formulas included — tested).
   * Where Excel would have to rename headers (blank, duplicate, not text, multi-line) or the range holds
   * merged cells, it falls back to an autofilter and a bold header row, which changes no cell value.
   */
  private addTable(ws: ExcelJS.Worksheet, op: Op<'addTable'>): void {
    const box = needBox(op.address, 'addTable');
    if (box.bottom === box.top) box.bottom++; // Excel adds one empty row under a header-only table
    const x = internals(ws);
    const covered = Object.values(x.tables).some((t) => {
      const b = parseBox(t.model.tableRef ?? t.model.ref);
      return b !== null && intersects(b, box);
    });
    if (covered) return;

    const headers: string[] = [];
    let usable = true;
    for (let c = box.left; c <= box.right; c++) {
      const cell = ws.getCell(box.top, c);
      const text = cell.type === FORMULA ? null : plainText(cell.value);
      if (text === null || text.trim() === '' || /[\r\n\t]/.test(text) || text.length > 255) usable = false;
      else headers.push(text);
    }
    const lower = headers.map((h) => h.toLowerCase());
    if (new Set(lower).size !== lower.length) usable = false;
    for (let r = box.top; r <= box.bottom && usable; r++) {
      for (let c = box.left; c <= box.right; c++) if (ws.getCell(r, c).isMerged) usable = false;
    }
    if (!usable) {
      if (!ws.autoFilter) ws.autoFilter = boxAddress(box);
      for (let c = box.left; c <= box.right; c++) restyle(ws.getCell(box.top, c), (s) => (s.font = { ...s.font, bold: true }));
      return;
    }
    if (typeof ws.autoFilter === 'string') {
      // One sheet cannot have an autofilter over a table's range (Excel repairs the file).
      const filter = parseBox(ws.autoFilter);
      if (filter && intersects(filter, box)) ws.autoFilter = null as unknown as string;
    }
    const rows: ExcelJS.CellValue[][] = [];
    for (let r = box.top + 1; r <= box.bottom; r++) {
      const row: ExcelJS.CellValue[] = [];
      for (let c = box.left; c <= box.right; c++) row.push(ws.getCell(r, c).value);
      rows.push(row);
    }
    const name = uniqueTableName(this.workbook, op.name);
    ws.addTable({
      name,
      displayName: name,
      ref: boxAddress({ ...box, bottom: box.top, right: box.left }),
      headerRow: true,
      totalsRow: false,
      style: { theme: (op.style ?? 'TableStyleMedium2') as ExcelJS.TableStyleProperties['theme'], showRowStripes: true },
      columns: headers.map((h) => ({ name: h, filterButton: true })),
      rows,
    });
  }
}

function isProtected(ws: ExcelJS.Worksheet): boolean {
  return internals(ws).sheetProtection?.sheet === true;
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || v === '';
}

/** Rows × columns from A1 up to the last cell holding a value (formats alone do not count, as with Excel's valuesOnly). */
function usedSize(ws: ExcelJS.Worksheet): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // A merged area's other cells read as its top-left value, so they count where it has one.
      if (isBlank(cell.value)) return;
      if (r > rows) rows = r;
      if (c > columns) columns = c;
    });
  });
  return { rows, columns };
}

/** A cell's value as exceljs gives it; a shared formula's cells all read as { formula, result }. */
function cellValue(cell: ExcelJS.Cell): unknown {
  if (cell.type === FORMULA) return { formula: cell.formula, result: cell.result };
  const v = cell.value;
  return v === undefined ? null : v;
}

function toCellValue(v: CellInput): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : ({ error: '#NUM!' } as ExcelJS.CellErrorValue);
  return { formula: stripEquals(v.formula) } as ExcelJS.CellFormulaValue;
}

function writeBlock(ws: ExcelJS.Worksheet, op: Op<'writeBlock'>): void {
  const formats = op.numberFormats ?? [];
  op.values.forEach((values, i) => {
    const row = ws.getRow(op.row + 1 + i);
    values.forEach((v, j) => {
      const cell = row.getCell(op.col + 1 + j);
      // exceljs keeps a string as a string cell whatever it starts with: "=1+1", "+86…", "@x" stay text.
      cell.value = toCellValue(v);
      const fmt = formats[j];
      if (fmt !== undefined) restyle(cell, (s) => (s.numFmt = fmt));
    });
  });
}

function cellsOf(ws: ExcelJS.Worksheet, box: Box): ExcelJS.Cell[] {
  // A whole row or column is formatted over the cells in use, not a million rows.
  const bottom = Math.min(box.bottom, Math.max(box.top, ws.rowCount));
  const right = Math.min(box.right, Math.max(box.left, ws.columnCount));
  const cells: ExcelJS.Cell[] = [];
  for (let r = box.top; r <= bottom; r++) for (let c = box.left; c <= right; c++) cells.push(ws.getCell(r, c));
  return cells;
}

function format(ws: ExcelJS.Worksheet, op: Op<'format'>): void {
  const fill = op.fill === undefined ? undefined : argb(op.fill);
  const color = op.fontColor === undefined ? undefined : argb(op.fontColor);
  for (const cell of cellsOf(ws, needBox(op.address, 'format'))) {
    restyle(cell, (s) => {
      if (op.bold !== undefined || color !== undefined) {
        const font: Partial<ExcelJS.Font> = { ...s.font };
        if (op.bold !== undefined) font.bold = op.bold;
        if (color !== undefined) font.color = { argb: color };
        s.font = font;
      }
      if (fill !== undefined) s.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
      if (op.wrap !== undefined || op.align !== undefined) {
        const alignment: Partial<ExcelJS.Alignment> = { ...s.alignment };
        if (op.wrap !== undefined) alignment.wrapText = op.wrap;
        if (op.align !== undefined) alignment.horizontal = ALIGN[op.align];
        s.alignment = alignment;
      }
    });
  }
}

function freeze(ws: ExcelJS.Worksheet, op: Op<'freeze'>): void {
  const rows = Math.max(0, op.rows);
  const columns = Math.max(0, op.columns ?? 0);
  const current = (ws.views ?? [])[0] ?? {};
  const { xSplit: _x, ySplit: _y, topLeftCell: _t, ...rest } = current as Partial<ExcelJS.WorksheetViewFrozen>;
  ws.views = rows === 0 && columns === 0
    ? [{ ...rest, state: 'normal' } as ExcelJS.WorksheetView]
    : [{ ...rest, state: 'frozen', xSplit: columns, ySplit: rows, topLeftCell: boxAddress({ top: rows + 1, left: columns + 1, bottom: rows + 1, right: columns + 1 }) } as ExcelJS.WorksheetView];
}

/** Rectangles covering `outer` minus `hole` (at most four). */
function subtract(outer: Box, hole: Box): Box[] {
  if (!intersects(outer, hole)) return [outer];
  const out: Box[] = [];
  if (outer.top < hole.top) out.push({ ...outer, bottom: hole.top - 1 });
  if (outer.bottom > hole.bottom) out.push({ ...outer, top: hole.bottom + 1 });
  const top = Math.max(outer.top, hole.top);
  const bottom = Math.min(outer.bottom, hole.bottom);
  if (outer.left < hole.left) out.push({ top, bottom, left: outer.left, right: hole.left - 1 });
  if (outer.right > hole.right) out.push({ top, bottom, left: hole.right + 1, right: outer.right });
  return out;
}

/** Replaces every rule on the range (cells of other rules around it keep theirs), then adds the new one. */
function validation(ws: ExcelJS.Worksheet, op: Op<'validation'>): void {
  const dv = validationOf(op);
  const model = internals(ws).dataValidations.model;
  for (const box of parseBoxes(op.address)) {
    for (const [address, existing] of Object.entries(model)) {
      const b = parseBox(address);
      if (!existing || !b || !intersects(b, box)) continue;
      delete model[address];
      if (!contains(box, b)) for (const piece of subtract(b, box)) model[boxAddress(piece)] = existing;
    }
    model[boxAddress(box)] = { ...dv };
  }
}

function overlaps(a: string, b: string): boolean {
  const x = parseBoxes(a);
  const y = parseBoxes(b);
  return x.some((p) => y.some((q) => intersects(p, q)));
}

function conditionalFormat(ws: ExcelJS.Worksheet, op: Op<'conditionalFormat'>): void {
  const x = internals(ws);
  const formula = stripEquals(op.formula);
  const wanted = normalizeFormula(formula);
  // Idempotent: the same expression on a range that overlaps this one is replaced, not stacked — as the
  // Office.js adapter does through Range.conditionalFormats (a re-run may cover more columns than the
  // first, after other actions added theirs).
  x.conditionalFormattings = x.conditionalFormattings
    .map((cf) => (overlaps(cf.ref, op.address)
      ? { ...cf, rules: cf.rules.filter((r) => !(r.type === 'expression' && typeof r.formulae?.[0] === 'string' && normalizeFormula(r.formulae[0]) === wanted)) }
      : cf))
    .filter((cf) => cf.rules.length > 0);
  const style: Partial<ExcelJS.Style> = {};
  if (op.fill !== undefined) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(op.fill) } };
  if (op.fontColor !== undefined) style.font = { color: { argb: argb(op.fontColor) } };
  const rule: CfRule = { type: 'expression', formulae: [formula], style };
  const ref = parseBoxes(op.address).map(boxAddress).join(' ');
  ws.addConditionalFormatting({ ref, rules: [rule as ExcelJS.ConditionalFormattingRule] });
}
