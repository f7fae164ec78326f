/**
 * Cell values out of a <row> element, fast: this runs once per cell of every sheet read (millions on a
 * big ledger), so it scans characters instead of building element objects. Values come as Office.js
 * would hand them to the engine, except dates: a number in a date format is a Date, as exceljs gave it
 * (the engine takes both). Formula cells give their cached result (none for a formula never calculated).
 */
import { XmlError, decodeCellText, decodeXml } from '../xml/xml';

export interface ValueContext {
  sharedString(index: number): string;
  isDateStyle(style: number): boolean;
  date1904: boolean;
}

/** An error value, as exceljs represents one ({ error: '#N/A' }); the engine reads it as missing. */
export interface CellError {
  error: string;
}

/** Excel serial → Date, as exceljs converts it (the engine has always seen these). */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

function isSpaceOrEnd(c: number): boolean {
  return c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;
}

/** Column letters at `at` → 0-based column and the index after them (row digits follow). */
function columnAt(s: string, at: number, end: number): number {
  let col = 0;
  for (let i = at; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return col - 1;
}

/** Text of the <t> elements inside [from, to) (rich-text runs joined, phonetic <rPh> runs left out). */
function inlineText(s: string, from: number, to: number): string {
  let out = '';
  let i = from;
  while (i < to) {
    const lt = s.indexOf('<', i);
    if (lt < 0 || lt >= to) break;
    let n = lt + 1;
    const closing = s.charCodeAt(n) === 47;
    if (closing) n++;
    let nameEnd = n;
    while (nameEnd < to && !isSpaceOrEnd(s.charCodeAt(nameEnd))) nameEnd++;
    const q = s.slice(n, nameEnd);
    const name = q.slice(q.indexOf(':') + 1);
    const gt = s.indexOf('>', nameEnd);
    if (gt < 0) break;
    if (!closing && name === 'rPh') {
      const close = s.indexOf(`</${q}>`, gt);
      i = close < 0 ? to : close + q.length + 3;
      continue;
    }
    if (!closing && name === 't' && s.charCodeAt(gt - 1) !== 47) {
      const close = s.indexOf('<', gt + 1);
      out += s.slice(gt + 1, close < 0 ? to : close);
      i = close < 0 ? to : close;
      continue;
    }
    i = gt + 1;
  }
  return decodeCellText(decodeXml(out));
}

/**
 * Calls `cell(col, value)` for every cell of the row that holds a value (empty cells and cells holding
 * only a style are skipped). `prefix` is the sheet's namespace prefix ("" almost always).
 */
export function rowValues(s: string, prefix: string, ctx: ValueContext, cell: (col: number, value: unknown) => void): void {
  const cOpen = `<${prefix}c`;
  const cClose = `</${prefix}c>`;
  let i = s.indexOf('>') + 1;
  if (s.charCodeAt(i - 2) === 47) return; // <row …/>
  let lastCol = -1;
  for (;;) {
    const lt = s.indexOf(cOpen, i);
    if (lt < 0) return;
    if (!isSpaceOrEnd(s.charCodeAt(lt + cOpen.length))) {
      i = lt + cOpen.length;
      continue;
    }
    // Attributes r, s, t of the start tag.
    let col = -1;
    let style = 0;
    let type = '';
    let j = lt + cOpen.length;
    let selfClosing = false;
    for (;;) {
      let c = s.charCodeAt(j);
      while (c === 32 || c === 9 || c === 10 || c === 13) c = s.charCodeAt(++j);
      if (c === 62) { j++; break; }
      if (c === 47) { selfClosing = true; j += 2; break; }
      const eq = s.indexOf('=', j);
      if (eq < 0 || Number.isNaN(c)) throw new XmlError('a cell tag is cut short');
      const name = s.slice(j, eq).trim();
      let vStart = eq + 1;
      while (vStart < s.length && s[vStart] !== '"' && s[vStart] !== "'") vStart++;
      const quote = s[vStart];
      vStart++;
      const vEnd = quote === undefined ? -1 : s.indexOf(quote, vStart);
      if (vEnd < 0) throw new XmlError('a cell attribute is cut short');
      if (name === 'r') col = columnAt(s, vStart, vEnd);
      else if (name === 's') style = Number(s.slice(vStart, vEnd));
      else if (name === 't') type = s.slice(vStart, vEnd);
      j = vEnd + 1;
    }
    if (col < 0) col = lastCol + 1;
    lastCol = col;
    if (selfClosing) {
      i = j;
      continue;
    }
    const end = s.indexOf(cClose, j);
    if (end < 0) return;
    i = end + cClose.length;
    // The value: <v>…</v> or an inline string <is>…</is>; a formula's <f> is skipped here.
    let raw: string | null = null;
    let inline = false;
    let k = j;
    while (k < end) {
      const open = s.indexOf('<', k);
      if (open < 0 || open >= end) break;
      let n = open + 1;
      let nameEnd = n;
      while (nameEnd < end && !isSpaceOrEnd(s.charCodeAt(nameEnd))) nameEnd++;
      const q = s.slice(n, nameEnd);
      const name = q.slice(q.indexOf(':') + 1);
      const gt = s.indexOf('>', nameEnd);
      if (gt < 0 || gt > end) break;
      if (s.charCodeAt(gt - 1) === 47) { k = gt + 1; continue; } // <f …/>, <v/>
      const close = s.indexOf(`</${q}>`, gt);
      const closeAt = close < 0 || close > end ? end : close;
      if (name === 'v') raw = s.slice(gt + 1, closeAt);
      else if (name === 'is') { raw = inlineText(s, gt + 1, closeAt); inline = true; }
      k = close < 0 ? end : close + q.length + 3;
      n = k;
    }
    if (raw === null) continue;
    let value: unknown;
    if (inline) value = raw;
    else if (type === 's') value = ctx.sharedString(Number(raw));
    else if (type === 'str' || type === 'inlineStr') value = decodeCellText(decodeXml(raw));
    else if (type === 'b') value = raw === '1' || raw === 'true';
    else if (type === 'e') value = { error: decodeXml(raw) } satisfies CellError;
    else if (type === 'd') {
      const d = new Date(raw);
      value = Number.isNaN(d.getTime()) ? raw : d;
    } else {
      if (raw === '') continue;
      const n = Number(raw);
      value = Number.isNaN(n) ? decodeXml(raw) : ctx.isDateStyle(style) ? serialToDate(n, ctx.date1904) : n;
    }
    if (value === '') continue;
    cell(col, value);
  }
}
