/**
 * Rewrites a sheet's rows as they stream by, applying the plan's cell writes and formats. A row no op
 * touches is copied as it is, text for text; in a row an op touches, only the cells it touches change.
 * New rows and cells are made where a write lands outside the existing ones.
 */
import type { CellInput } from '../../port';
import { columnLetter } from '../../../core/grid/a1';
import type { Box } from '../box';
import type { StyleChange } from '../package/styles';
import { attribute, decodeXml, encodeCellText, escapeText, withAttribute } from '../xml/xml';
import { cellSpans, parseCellRef, rowNumber, rowTag, type CellSpan } from './rowXml';
import { translateFormula } from '../rowShift';

/** A block of values (1-based top-left) with an optional number format per column. */
export interface ValuesOp {
  kind: 'values';
  top: number;
  left: number;
  rows: readonly (readonly CellInput[])[];
  numberFormats?: readonly (string | undefined)[];
}

export interface StyleOp {
  kind: 'style';
  box: Box;
  change: StyleChange;
}

/** Cells in the box lose everything: value, formula and format (Range.clear('All')). */
export interface ClearOp {
  kind: 'clear';
  box: Box;
}

/**
 * Whole columns deleted (1-based, sorted) over the box's rows: their cells go, the cells right of them
 * take the columns' places. Used only where those cells hold no value (see planCheck), so no formula
 * inside them needs re-pointing.
 */
export interface DeleteColumnsOp {
  kind: 'deleteColumns';
  box: Box;
  cols: readonly number[];
}

export type CellOp = ValuesOp | StyleOp | ClearOp | DeleteColumnsOp;

export interface PatchContext {
  prefix: string;
  /** A cell format like `base` with `change` applied. */
  derive(base: number, change: StyleChange): number;
  /** The style a new cell of 1-based column `col` gets from its column. */
  columnStyle(col: number): number;
}

const opTop = (op: CellOp): number => (op.kind === 'values' ? op.top : op.box.top);
const opBottom = (op: CellOp): number => (op.kind === 'values' ? op.top + op.rows.length - 1 : op.box.bottom);

/** What a cell is while its row is rebuilt: its original text until something changes it. */
interface CellState {
  col: number;
  original: string | null;
  style: number;
  type: string | null;
  inner: string;
  /** Attributes other than r, s, t (kept unless the value is replaced: cm and vm describe the old value). */
  extra: string;
}

function stateOf(rowXml: string, span: CellSpan): CellState {
  const t = attribute(span.tag, 't');
  const s = attribute(span.tag, 's');
  const extra = span.tag
    .replace(/^<[^\s/>]+/, '')
    .replace(/\/?>$/, '')
    .replace(/\s(r|s|t)\s*=\s*("[^"]*"|'[^']*')/g, '');
  return {
    col: span.col,
    original: rowXml.slice(span.start, span.end),
    style: s === undefined ? 0 : Number(s),
    type: t ?? null,
    inner: rowXml.slice(span.innerStart, span.innerEnd),
    extra,
  };
}

function cellXml(prefix: string, row: number, c: CellState): string {
  const ref = `${columnLetter(c.col)}${row}`;
  const attrs = `${c.style ? ` s="${c.style}"` : ''}${c.type ? ` t="${c.type}"` : ''}${c.extra}`;
  return c.inner === '' ? `<${prefix}c r="${ref}"${attrs}/>` : `<${prefix}c r="${ref}"${attrs}>${c.inner}</${prefix}c>`;
}

/**
 * A formula as the file format stores it: without "=", and with the "@" of a structured reference
 * spelled out — `T[@Col]` and `T[@[Col]]` are what Excel shows, `T[[#This Row],[Col]]` is what a file
 * holds (Excel and other readers refuse the short form there).
 */
export function fileFormula(formula: string): string {
  const f = formula.trim();
  const text = f.startsWith('=') ? f.slice(1) : f;
  if (!text.includes('[@')) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      const end = text.indexOf('"', i + 1);
      const stop = end < 0 ? text.length : end;
      out += text.slice(i, stop + 1);
      i = stop;
      continue;
    }
    if (c === '[' && text[i + 1] === '@') {
      if (text[i + 2] === '[') {
        // T[@[A]] or T[@[A]:[B]] → T[[#This Row],[A]] / T[[#This Row],[A]:[B]]
        out += '[[#This Row],';
        i += 1;
        continue;
      }
      const close = text.indexOf(']', i);
      const name = text.slice(i + 2, close < 0 ? text.length : close);
      out += name === '' ? '[#This Row]' : `[[#This Row],[${name}]]`;
      i = close < 0 ? text.length : close;
      continue;
    }
    out += c;
  }
  return out;
}

/** Sets a cell's content to `value`; strings are always text (an inline string), never a formula. */
function setValue(prefix: string, c: CellState, value: CellInput): void {
  c.original = null;
  c.extra = c.extra.replace(/\s(cm|vm)\s*=\s*("[^"]*"|'[^']*')/g, '');
  if (value === null || value === undefined) {
    c.type = null;
    c.inner = '';
  } else if (typeof value === 'string') {
    if (value === '') {
      c.type = null;
      c.inner = '';
      return;
    }
    const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : '';
    c.type = 'inlineStr';
    c.inner = `<${prefix}is><${prefix}t${space}>${encodeCellText(value)}</${prefix}t></${prefix}is>`;
  } else if (typeof value === 'number') {
    if (Number.isFinite(value)) {
      c.type = null;
      c.inner = `<${prefix}v>${String(value)}</${prefix}v>`;
    } else {
      c.type = 'e';
      c.inner = `<${prefix}v>#NUM!</${prefix}v>`;
    }
  } else if (typeof value === 'boolean') {
    c.type = 'b';
    c.inner = `<${prefix}v>${value ? 1 : 0}</${prefix}v>`;
  } else {
    c.type = null;
    c.inner = `<${prefix}f>${escapeText(fileFormula(value.formula))}</${prefix}f>`;
  }
}

/** A shared formula whose first cell was overwritten: its other cells get the formula written out. */
interface Orphan {
  text: string;
  row: number;
  col: number;
}

/** The formula of a cell that starts a shared-formula group, when it does. */
function sharedMaster(inner: string): { si: string; text: string } | null {
  const m = /<(?:\w+:)?f\b([^>]*)>([^<]*)<\/(?:\w+:)?f>/.exec(inner);
  if (!m || !/\bt\s*=\s*["']shared["']/.test(m[1]!) || !/\bref\s*=/.test(m[1]!)) return null;
  const si = /\bsi\s*=\s*["'](\d+)["']/.exec(m[1]!);
  return si ? { si: si[1]!, text: m[2]! } : null;
}

/** The column of a row's last cell, read from its reference; null when it has none (then cells are counted). */
function lastCellColumn(rowXml: string, prefix: string): number | null {
  const at = Math.max(rowXml.lastIndexOf(`<${prefix}c `), rowXml.lastIndexOf(`<${prefix}c>`), rowXml.lastIndexOf(`<${prefix}c/`));
  if (at < 0) return -1;
  const end = rowXml.indexOf('>', at);
  const ref = attribute(rowXml.slice(at, end + 1), 'r');
  const cell = ref === undefined ? null : parseCellRef(ref);
  return cell ? cell.col : null;
}

const FOLLOWER = /<((?:\w+:)?)f\b([^>]*?)\/>/;

export class RowPatcher {
  private readonly orphans = new Map<string, Orphan>();
  /** Derived formats per change and base format: the same few pairs recur on every row. */
  private readonly derived = new Map<StyleChange | string, Map<number, number>>();
  /** The last row written out, existing or new. */
  lastRow = 0;

  constructor(private readonly ops: readonly CellOp[], private readonly ctx: PatchContext) {
    this.byTop = ops.map((_, i) => i).sort((a, b) => opTop(ops[a]!) - opTop(ops[b]!));
  }

  private derive(base: number, change: StyleChange | string): number {
    let byBase = this.derived.get(change);
    if (!byBase) {
      byBase = new Map();
      this.derived.set(change, byBase);
    }
    let style = byBase.get(base);
    if (style === undefined) {
      style = this.ctx.derive(base, typeof change === 'string' ? { numFmt: change } : change);
      byBase.set(base, style);
    }
    return style;
  }

  /** Rows (as XML) in order: the existing rows, patched, with new rows between and after them. */
  *patch(rows: Iterable<string>): Generator<string> {
    let previous = 0;
    for (const xml of rows) {
      const r = rowNumber(xml, previous + 1);
      yield* this.newRowsBefore(r);
      yield this.patchRow(xml, r);
      previous = r;
      this.lastRow = r;
    }
    yield* this.newRowsBefore(Infinity);
  }

  /** Ops by their first row, and the ones covering the row being patched (in plan order). */
  private readonly byTop: number[];
  private nextStart = 0;
  private active: number[] = [];

  /** The first row ≥ `from` that some op writes to (Infinity when none). Rows are asked for in order. */
  private nextCovered(from: number): number {
    this.advance(from);
    if (this.active.length > 0) return from;
    const next = this.byTop[this.nextStart];
    return next === undefined ? Infinity : opTop(this.ops[next]!);
  }

  /** Brings the active ops up to row `r`: started ones in, ended ones out. */
  private advance(r: number): void {
    let added = false;
    while (this.nextStart < this.byTop.length && opTop(this.ops[this.byTop[this.nextStart]!]!) <= r) {
      this.active.push(this.byTop[this.nextStart++]!);
      added = true;
    }
    if (added) this.active.sort((a, b) => a - b);
    if (this.active.some((i) => opBottom(this.ops[i]!) < r)) this.active = this.active.filter((i) => opBottom(this.ops[i]!) >= r);
  }

  private *newRowsBefore(limit: number): Generator<string> {
    for (let r = this.nextCovered(this.lastRow + 1); r < limit; r = this.nextCovered(r + 1)) {
      const xml = this.patchRow(null, r);
      if (xml) yield xml;
      this.lastRow = r;
    }
  }

  private activeOps(r: number): CellOp[] {
    this.advance(r);
    return this.active.map((i) => this.ops[i]!);
  }

  /** Bottom-right of the non-blank values written, and what was written into A1 (the sheet's new extent). */
  readonly written = { rows: 0, columns: 0, a1: undefined as CellInput | undefined };

  /** A clear or a column deletion on one row's parsed cells (0-based columns in `cells`). */
  private dropOrMove(cells: Map<number, CellState>, r: number, op: ClearOp | DeleteColumnsOp): void {
    const deleted = op.kind === 'deleteColumns' ? new Set(op.cols.map((c) => c - 1)) : null;
    const moved: CellState[] = [];
    for (const [col, c] of [...cells].sort((a, b) => a[0] - b[0])) {
      if (col < op.box.left - 1 || col > op.box.right - 1) continue;
      if (!deleted || deleted.has(col)) {
        // A shared formula's first cell going: its other cells get the formula written out.
        const master = c.original !== null ? sharedMaster(c.inner) : null;
        if (master) this.orphans.set(master.si, { text: master.text, row: r, col: c.col });
        cells.delete(col);
        continue;
      }
      let shift = 0;
      for (const d of deleted) if (d < col) shift++;
      cells.delete(col);
      c.col = col - shift;
      c.original = null;
      moved.push(c);
    }
    for (const c of moved) cells.set(c.col, c);
  }

  /** The row rewritten (or as it was when nothing touches it); "" for a new row that ends up empty. */
  private patchRow(xml: string | null, r: number): string {
    const ops = this.activeOps(r);
    const hasFollowers = this.orphans.size > 0 && xml !== null && xml.includes('shared');
    if (ops.length === 0 && !hasFollowers) return xml ?? '';
    const p = this.ctx.prefix;
    const tag = xml === null ? `<${p}row r="${r}">` : rowTag(xml);
    // Cells left of every op's first column are copied as they are, unparsed: most rows only gain
    // cells on their right (the add-in's columns).
    let firstCol = hasFollowers ? 0 : Infinity;
    for (const op of ops) firstCol = Math.min(firstCol, op.kind === 'values' ? op.left - 1 : op.box.left - 1);
    const cells = new Map<number, CellState>();
    let kept = '';
    if (xml !== null && !tag.endsWith('/>')) {
      const innerStart = tag.length;
      const innerEnd = xml.lastIndexOf('</');
      const last = lastCellColumn(xml, p);
      if (last !== null && last < firstCol) {
        kept = xml.slice(innerStart, innerEnd);
      } else {
        let keptEnd = innerEnd;
        for (const span of cellSpans(xml, p)) {
          if (span.col < firstCol) continue;
          if (keptEnd === innerEnd) keptEnd = span.start;
          cells.set(span.col, stateOf(xml, span));
        }
        kept = xml.slice(innerStart, keptEnd);
      }
    }
    const rowStyle = (() => {
      const custom = attribute(tag, 'customFormat');
      const s = attribute(tag, 's');
      return (custom === '1' || custom === 'true') && s !== undefined ? Number(s) : null;
    })();
    const cellAt = (col: number): CellState => {
      let c = cells.get(col);
      if (!c) {
        c = { col, original: null, style: rowStyle ?? this.ctx.columnStyle(col + 1), type: null, inner: '', extra: '' };
        cells.set(col, c);
      }
      return c;
    };
    for (const op of ops) {
      if (op.kind === 'values') {
        const values = op.rows[r - op.top] ?? [];
        for (let j = 0; j < values.length; j++) {
          const c = cellAt(op.left - 1 + j);
          const master = c.original !== null ? sharedMaster(c.inner) : null;
          if (master) this.orphans.set(master.si, { text: master.text, row: r, col: c.col });
          const value = values[j] as CellInput;
          setValue(p, c, value);
          if (value !== null && value !== undefined && value !== '') {
            if (r > this.written.rows) this.written.rows = r;
            if (c.col + 1 > this.written.columns) this.written.columns = c.col + 1;
          }
          if (r === 1 && c.col === 0) this.written.a1 = value;
          const fmt = op.numberFormats?.[j];
          if (fmt !== undefined) c.style = this.derive(c.style, fmt);
        }
      } else if (op.kind === 'clear' || op.kind === 'deleteColumns') {
        this.dropOrMove(cells, r, op);
      } else {
        for (let col = op.box.left - 1; col <= op.box.right - 1; col++) {
          const c = cellAt(col);
          c.style = this.derive(c.style, op.change);
          c.original = null;
        }
      }
    }
    if (hasFollowers) {
      for (const c of cells.values()) {
        if (c.original === null) continue;
        const m = FOLLOWER.exec(c.inner);
        if (!m || !/\bt\s*=\s*["']shared["']/.test(m[2]!)) continue;
        const si = /\bsi\s*=\s*["'](\d+)["']/.exec(m[2]!)?.[1];
        const orphan = si === undefined ? undefined : this.orphans.get(si);
        if (!orphan) continue;
        const text = translateFormula(decodeXml(orphan.text), r - orphan.row, c.col - orphan.col);
        c.inner = c.inner.replace(FOLLOWER, `<${m[1]}f>${escapeText(text)}</${m[1]}f>`);
        c.original = null;
      }
    }
    const sorted = [...cells.values()].sort((a, b) => a.col - b.col);
    const body = kept + sorted.map((c) => c.original ?? cellXml(p, r, c)).join('');
    if (xml === null && body === '') return '';
    // The spans hint ("1:5") would be wrong once a cell is added past it; Excel does without it.
    const open = withAttribute(withAttribute(tag.endsWith('/>') ? `${tag.slice(0, -2)}>` : tag, 'spans', null), 'r', String(r));
    return `${open}${body}</${tag.match(/^<([^\s/>]+)/)![1]}>`;
  }
}

