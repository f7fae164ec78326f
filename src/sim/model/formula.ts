/**
 * Excel formula syntax: a lexer and a recursive-descent parser producing a small AST. Precedence, from
 * tightest: reference operators (`:` inside a reference, space = intersection), unary minus/plus, `%`,
 * `^`, `* /`, `+ -`, `&`, comparisons.
 */
import { columnIndex, MAX_COLUMNS, MAX_ROWS } from '../../core/grid/a1';

export type Node =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'err'; v: string }
  | { t: 'missing' }
  | RefNode
  | { t: 'name'; name: string }
  | { t: 'fn'; name: string; args: Node[] }
  | { t: 'unary'; op: '-' | '+'; e: Node }
  | { t: 'pct'; e: Node }
  | { t: 'bin'; op: BinOp; a: Node; b: Node }
  | { t: 'isect'; a: Node; b: Node }
  | StructRefNode;

export type BinOp = '+' | '-' | '*' | '/' | '^' | '&' | '=' | '<>' | '<' | '>' | '<=' | '>=';

export interface RefNode {
  t: 'ref';
  sheet?: string;
  r0: number;
  c0: number;
  r1: number;
  c1: number;
  /** Which coordinates carry a `$` (absolute); whole-column/row parts are absolute by nature. */
  absR0: boolean;
  absC0: boolean;
  absR1: boolean;
  absC1: boolean;
}

export type StructSpecifier = 'data' | 'thisRow' | 'all' | 'headers' | 'totals';

export interface StructRefNode {
  t: 'sref';
  table?: string;
  columns: string[]; // zero (whole table), one, or two (a column range)
  specifier: StructSpecifier;
}

export class FormulaSyntaxError extends Error {}

type Token =
  | { k: 'num'; v: number; sp: boolean }
  | { k: 'str'; v: string; sp: boolean }
  | { k: 'err'; v: string; sp: boolean }
  | { k: 'ref'; node: RefNode; sp: boolean }
  | { k: 'sref'; node: StructRefNode; sp: boolean }
  | { k: 'id'; v: string; sp: boolean }
  | { k: 'op'; v: string; sp: boolean }
  | { k: 'end'; sp: boolean };

const ERRORS = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#SPILL!', '#CALC!'];
const ID_START = /[\p{L}_\\]/u;
const ID_CHAR = /[\p{L}\p{N}_.?\\]/u;

function makeRef(text: string, sheet: string | undefined): RefNode | null {
  const pieces = text.split(':');
  const parse = (p: string) => {
    const cell = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/.exec(p);
    if (cell) {
      const c = columnIndex(cell[2] as string);
      const r = Number(cell[4]) - 1;
      if (c < 0 || c >= MAX_COLUMNS || r < 0 || r >= MAX_ROWS) return null;
      return { r, c, absR: cell[3] === '$', absC: cell[1] === '$', kind: 'cell' as const };
    }
    const col = /^(\$?)([A-Za-z]{1,3})$/.exec(p);
    if (col) {
      const c = columnIndex(col[2] as string);
      return c < 0 || c >= MAX_COLUMNS ? null : { r: -1, c, absR: true, absC: col[1] === '$', kind: 'col' as const };
    }
    const row = /^(\$?)(\d{1,7})$/.exec(p);
    if (row) {
      const r = Number(row[2]) - 1;
      return r < 0 || r >= MAX_ROWS ? null : { r, c: -1, absR: row[1] === '$', absC: true, kind: 'row' as const };
    }
    return null;
  };
  const a = parse(pieces[0] as string);
  const b = pieces.length > 1 ? parse(pieces[1] as string) : a;
  if (!a || !b || a.kind !== b.kind || (pieces.length === 1 && a.kind !== 'cell')) return null;
  const node: RefNode = {
    t: 'ref',
    r0: a.kind === 'col' ? 0 : a.r,
    c0: a.kind === 'row' ? 0 : a.c,
    r1: a.kind === 'col' ? MAX_ROWS - 1 : b.r,
    c1: a.kind === 'row' ? MAX_COLUMNS - 1 : b.c,
    absR0: a.absR,
    absC0: a.absC,
    absR1: b.absR,
    absC1: b.absC,
  };
  if (sheet !== undefined) node.sheet = sheet;
  return node;
}

/** Reads a balanced `[...]` starting at s[i] === '['; returns the inner text and the index after it. */
function readBrackets(s: string, i: number): { inner: string; end: number } {
  let depth = 0;
  let j = i;
  for (; j < s.length; j++) {
    const ch = s[j];
    if (ch === "'") {
      j++;
      continue;
    }
    if (ch === '[') depth++;
    else if (ch === ']') {
      depth--;
      if (depth === 0) return { inner: s.slice(i + 1, j), end: j + 1 };
    }
  }
  throw new FormulaSyntaxError('unbalanced [ in structured reference');
}

function unescapeColumn(s: string): string {
  return s.replace(/'(.)/g, '$1').trim();
}

function parseStructured(inner: string, table: string | undefined): StructRefNode {
  const node: StructRefNode = { t: 'sref', columns: [], specifier: 'data' };
  if (table !== undefined) node.table = table;
  const specifier = (s: string): StructSpecifier | null => {
    const k = s.trim().toLowerCase();
    if (k === '#this row') return 'thisRow';
    if (k === '#all') return 'all';
    if (k === '#data') return 'data';
    if (k === '#headers') return 'headers';
    if (k === '#totals') return 'totals';
    return null;
  };
  let body = inner;
  if (body.startsWith('@')) {
    node.specifier = 'thisRow';
    body = body.slice(1).trim();
    if (body.startsWith('[')) body = readBrackets(body, 0).inner;
    if (body !== '') node.columns.push(unescapeColumn(body));
    return node;
  }
  if (!body.includes('[')) {
    const sp = specifier(body);
    if (sp) node.specifier = sp;
    else if (body.trim() !== '') node.columns.push(unescapeColumn(body));
    return node;
  }
  let i = 0;
  while (i < body.length) {
    const ch = body[i] as string;
    if (ch === '[') {
      const { inner: part, end } = readBrackets(body, i);
      const sp = specifier(part);
      if (sp) node.specifier = sp;
      else node.columns.push(unescapeColumn(part));
      i = end;
    } else if (ch === ',' || ch === ':' || ch === ' ') {
      i++;
    } else {
      throw new FormulaSyntaxError(`unexpected ${ch} in structured reference`);
    }
  }
  if (node.columns.length > 2) throw new FormulaSyntaxError('too many columns in structured reference');
  return node;
}

function lex(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    let sp = false;
    while (i < src.length && /\s/.test(src[i] as string)) {
      i++;
      sp = true;
    }
    if (i >= src.length) {
      out.push({ k: 'end', sp });
      return out;
    }
    const rest = src.slice(i);
    const ch = src[i] as string;
    // Sheet-qualified reference: 'My sheet'!A1 or Sheet1!A1:B2
    let sheet: string | undefined;
    let afterSheet = i;
    if (ch === "'") {
      const m = /^'((?:[^']|'')+)'!/.exec(rest);
      if (!m) throw new FormulaSyntaxError('bad quoted sheet name');
      sheet = (m[1] as string).replace(/''/g, "'");
      afterSheet = i + m[0].length;
    } else {
      const m = /^([\p{L}_][\p{L}\p{N}_.]*)!/u.exec(rest);
      if (m) {
        sheet = m[1] as string;
        afterSheet = i + m[0].length;
      }
    }
    const refText = /^(\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d{1,7}:\$?\d{1,7})(?![\p{L}\p{N}_.(!])/u.exec(
      src.slice(afterSheet),
    );
    if (refText) {
      const node = makeRef(refText[1] as string, sheet);
      if (node) {
        out.push({ k: 'ref', node, sp });
        i = afterSheet + refText[0].length;
        continue;
      }
    }
    if (sheet !== undefined) throw new FormulaSyntaxError(`bad reference after ${sheet}!`);
    if (/[0-9.]/.test(ch)) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(rest);
      if (!m) throw new FormulaSyntaxError(`bad number at ${i}`);
      out.push({ k: 'num', v: Number(m[0]), sp });
      i += m[0].length;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = '';
      for (;;) {
        if (j >= src.length) throw new FormulaSyntaxError('unterminated string');
        const c = src[j] as string;
        if (c === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += c;
        j++;
      }
      out.push({ k: 'str', v: s, sp });
      i = j + 1;
      continue;
    }
    if (ch === '#') {
      const e = ERRORS.find((x) => rest.toUpperCase().startsWith(x));
      if (!e) throw new FormulaSyntaxError(`bad error literal at ${i}`);
      out.push({ k: 'err', v: e, sp });
      i += e.length;
      continue;
    }
    if (ch === '[') {
      const { inner, end } = readBrackets(src, i);
      out.push({ k: 'sref', node: parseStructured(inner, undefined), sp });
      i = end;
      continue;
    }
    if (ID_START.test(ch)) {
      let j = i + 1;
      while (j < src.length && ID_CHAR.test(src[j] as string)) j++;
      const id = src.slice(i, j);
      if (src[j] === '[') {
        const { inner, end } = readBrackets(src, j);
        out.push({ k: 'sref', node: parseStructured(inner, id), sp });
        i = end;
        continue;
      }
      out.push({ k: 'id', v: id, sp });
      i = j;
      continue;
    }
    const two = rest.slice(0, 2);
    if (two === '<>' || two === '<=' || two === '>=') {
      out.push({ k: 'op', v: two, sp });
      i += 2;
      continue;
    }
    if ('+-*/^&=<>%(),;'.includes(ch)) {
      out.push({ k: 'op', v: ch === ';' ? ',' : ch, sp });
      i++;
      continue;
    }
    throw new FormulaSyntaxError(`unexpected character ${ch} at ${i}`);
  }
  out.push({ k: 'end', sp: false });
  return out;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos] as Token;
  }
  private next(): Token {
    return this.tokens[this.pos++] as Token;
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return t.k === 'op' && t.v === v;
  }
  private expectOp(v: string): void {
    if (!this.isOp(v)) throw new FormulaSyntaxError(`expected ${v}`);
    this.pos++;
  }

  parseFormula(): Node {
    const n = this.comparison();
    if (this.peek().k !== 'end') throw new FormulaSyntaxError('unexpected text after the formula');
    return n;
  }

  private comparison(): Node {
    let a = this.concat();
    for (;;) {
      const t = this.peek();
      if (t.k === 'op' && ['=', '<>', '<', '>', '<=', '>='].includes(t.v)) {
        this.pos++;
        a = { t: 'bin', op: t.v as BinOp, a, b: this.concat() };
      } else return a;
    }
  }
  private concat(): Node {
    let a = this.additive();
    while (this.isOp('&')) {
      this.pos++;
      a = { t: 'bin', op: '&', a, b: this.additive() };
    }
    return a;
  }
  private additive(): Node {
    let a = this.multiplicative();
    for (;;) {
      const t = this.peek();
      if (t.k === 'op' && (t.v === '+' || t.v === '-')) {
        this.pos++;
        a = { t: 'bin', op: t.v, a, b: this.multiplicative() };
      } else return a;
    }
  }
  private multiplicative(): Node {
    let a = this.power();
    for (;;) {
      const t = this.peek();
      if (t.k === 'op' && (t.v === '*' || t.v === '/')) {
        this.pos++;
        a = { t: 'bin', op: t.v, a, b: this.power() };
      } else return a;
    }
  }
  private power(): Node {
    let a = this.percent();
    while (this.isOp('^')) {
      this.pos++;
      a = { t: 'bin', op: '^', a, b: this.percent() };
    }
    return a;
  }
  private percent(): Node {
    let e = this.unary();
    while (this.isOp('%')) {
      this.pos++;
      e = { t: 'pct', e };
    }
    return e;
  }
  private unary(): Node {
    const t = this.peek();
    if (t.k === 'op' && (t.v === '-' || t.v === '+')) {
      this.pos++;
      return { t: 'unary', op: t.v, e: this.unary() };
    }
    return this.intersection();
  }
  private startsOperand(t: Token): boolean {
    return t.k === 'num' || t.k === 'str' || t.k === 'err' || t.k === 'ref' || t.k === 'sref' || t.k === 'id' || (t.k === 'op' && t.v === '(');
  }
  private intersection(): Node {
    let a = this.primary();
    for (;;) {
      const t = this.peek();
      if (t.sp && this.startsOperand(t)) a = { t: 'isect', a, b: this.primary() };
      else return a;
    }
  }
  private primary(): Node {
    const t = this.next();
    switch (t.k) {
      case 'num':
        return { t: 'num', v: t.v };
      case 'str':
        return { t: 'str', v: t.v };
      case 'err':
        return { t: 'err', v: t.v };
      case 'ref':
        return t.node;
      case 'sref':
        return t.node;
      case 'id': {
        if (this.isOp('(')) {
          this.pos++;
          const name = t.v.toUpperCase().replace(/^_XLFN\.|^_XLWS\./, '');
          const args: Node[] = [];
          if (this.isOp(')')) {
            this.pos++;
            return { t: 'fn', name, args };
          }
          for (;;) {
            if (this.isOp(',') || this.isOp(')')) args.push({ t: 'missing' });
            else args.push(this.comparison());
            if (this.isOp(',')) {
              this.pos++;
              continue;
            }
            this.expectOp(')');
            return { t: 'fn', name, args };
          }
        }
        const upper = t.v.toUpperCase();
        if (upper === 'TRUE' || upper === 'FALSE') return { t: 'bool', v: upper === 'TRUE' };
        return { t: 'name', name: t.v };
      }
      case 'op':
        if (t.v === '(') {
          const e = this.comparison();
          this.expectOp(')');
          return e;
        }
        throw new FormulaSyntaxError(`unexpected ${t.v}`);
      case 'end':
        throw new FormulaSyntaxError('unexpected end of formula');
    }
  }
}

/** Parses a formula body (without the leading `=`). Throws FormulaSyntaxError. */
export function parseFormula(body: string): Node {
  return new Parser(lex(body)).parseFormula();
}

export function tryParseFormula(body: string): Node | null {
  try {
    return parseFormula(body);
  } catch (e) {
    if (e instanceof FormulaSyntaxError) return null;
    throw e;
  }
}
