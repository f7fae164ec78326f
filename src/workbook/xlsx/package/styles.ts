/**
 * xl/styles.xml: which cell formats are dates (for reading), and new formats derived from a cell's own
 * (bold, a fill, a number format…) appended at the end of their lists — the user's formats are never
 * changed, so every other cell looks as it did.
 */
import { attribute, childElements, escapeAttr, openTag, rootElement, withAttribute, type ElementSpan } from '../xml/xml';

export interface StyleChange {
  bold?: boolean;
  /** "#RRGGBB" */
  fontColor?: string;
  fill?: string;
  wrap?: boolean;
  align?: 'left' | 'center' | 'right';
  numFmt?: string;
  /** false: the cell takes edits when the sheet is protected (cells are locked unless a format says otherwise). */
  locked?: boolean;
}

/** Built-in number formats by code (the ones the add-in writes). */
const BUILT_IN: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '@': 49 };
/** Built-in formats that show dates or times (27–36 and 50–58: East Asian dates). */
const DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A format code shows a date or time when it has y m d h s outside quotes, brackets and escapes. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*]/g, '').replace(/_.|\*./g, '');
  // General and number-only sections contain E (exponent) but none of these.
  return /[ymdhs]/i.test(bare) && !/^General$/i.test(bare.trim());
}

/** "#DDEBF7" → "FFDDEBF7". */
export function argbOf(color: string): string {
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(color.trim());
  if (!m) throw new Error(`"${color}" is not a #RRGGBB colour`);
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return `FF${hex.toUpperCase()}`;
}

export const MINIMAL_STYLES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/></styleSheet>';

/** CT_Stylesheet's children in schema order. */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

export class Styles {
  private xml: string;
  private changed = false;
  private readonly derived = new Map<string, number>();
  private dateXfs: boolean[] | null = null;

  constructor(xml: string) {
    this.xml = xml;
  }

  get text(): string {
    return this.xml;
  }

  get dirty(): boolean {
    return this.changed;
  }

  private get prefix(): string {
    const q = rootElement(this.xml).qname;
    return q.slice(0, q.indexOf(':') + 1);
  }

  private list(local: string): { span: ElementSpan | undefined; items: ElementSpan[] } {
    const root = rootElement(this.xml);
    const span = childElements(this.xml, root.innerStart, root.innerEnd).find((e) => e.local === local);
    return { span, items: span && !span.selfClosing ? childElements(this.xml, span.innerStart, span.innerEnd) : [] };
  }

  private numFmtCodes(): Map<number, string> {
    const out = new Map<number, string>();
    for (const f of this.list('numFmts').items) out.set(Number(attribute(f.tag, 'numFmtId')), attribute(f.tag, 'formatCode') ?? '');
    return out;
  }

  /** Whether cell format `index` (a cell's s attribute) shows numbers as dates. */
  isDateStyle(index: number): boolean {
    if (!this.dateXfs) {
      const codes = this.numFmtCodes();
      this.dateXfs = this.list('cellXfs').items.map((xf) => {
        const id = Number(attribute(xf.tag, 'numFmtId') ?? 0);
        const code = codes.get(id);
        return code !== undefined ? isDateFormat(code) : DATE_IDS.has(id);
      });
    }
    return this.dateXfs[index] === true;
  }

  get cellFormatCount(): number {
    return this.list('cellXfs').items.length;
  }

  /**
   * The index of `element` in list `local`: an identical one already there (a re-run derives the same
   * formats, and the list must not grow each time), else appended (the list made when missing).
   */
  private append(local: string, element: string): number {
    const { span, items } = this.list(local);
    const same = items.findIndex((e) => this.xml.slice(e.start, e.end) === element);
    if (same >= 0) return same;
    const p = this.prefix;
    if (!span) {
      const root = rootElement(this.xml);
      const rank = ORDER.indexOf(local);
      let at = root.innerStart;
      for (const k of childElements(this.xml, root.innerStart, root.innerEnd)) {
        const r = ORDER.indexOf(k.local);
        if (r >= 0 && r < rank) at = k.end;
      }
      this.xml = `${this.xml.slice(0, at)}<${p}${local} count="1">${element}</${p}${local}>${this.xml.slice(at)}`;
      this.changed = true;
      return 0;
    }
    const count = items.length + 1;
    const tag = withAttribute(openTag(span), 'count', String(count));
    const inner = span.selfClosing ? '' : this.xml.slice(span.innerStart, span.innerEnd);
    this.xml = `${this.xml.slice(0, span.start)}${tag}${inner}${element}</${span.qname}>${this.xml.slice(span.end)}`;
    this.changed = true;
    this.dateXfs = null;
    return items.length;
  }

  private numFmtId(code: string): number {
    const builtIn = BUILT_IN[code];
    if (builtIn !== undefined) return builtIn;
    const codes = this.numFmtCodes();
    for (const [id, c] of codes) if (c === code) return id;
    const id = Math.max(163, ...codes.keys()) + 1;
    this.append('numFmts', `<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  private font(baseId: number, change: StyleChange): number {
    const fonts = this.list('fonts').items;
    const base = fonts[baseId] ?? fonts[0];
    const p = this.prefix;
    let inner = base && !base.selfClosing ? this.xml.slice(base.innerStart, base.innerEnd) : '';
    const without = (local: string) => {
      for (const k of childElements(inner).filter((e) => e.local === local).reverse()) inner = inner.slice(0, k.start) + inner.slice(k.end);
    };
    if (change.bold !== undefined) {
      without('b');
      if (change.bold) inner = `<${p}b/>${inner}`;
    }
    if (change.fontColor !== undefined) {
      without('color');
      // CT_Font is a sequence in order b i strike … color sz u … : color goes before sz when there is one.
      const sz = childElements(inner).find((e) => e.local === 'sz' || e.local === 'name');
      const el = `<${p}color rgb="${argbOf(change.fontColor)}"/>`;
      inner = sz ? `${inner.slice(0, sz.start)}${el}${inner.slice(sz.start)}` : `${inner}${el}`;
    }
    return this.append('fonts', `<${p}font>${inner}</${p}font>`);
  }

  private fillId(color: string): number {
    const p = this.prefix;
    return this.append('fills', `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argbOf(color)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`);
  }

  /** The index of a cell format like `base` with `change` applied (made once per base and change). */
  derive(base: number, change: StyleChange): number {
    const key = `${base}|${JSON.stringify(change)}`;
    const known = this.derived.get(key);
    if (known !== undefined) return known;
    const xfs = this.list('cellXfs').items;
    const xf = xfs[base] ?? xfs[0];
    const p = this.prefix;
    let tag = xf ? xf.tag : `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    let inner = xf && !xf.selfClosing ? this.xml.slice(xf.innerStart, xf.innerEnd) : '';
    if (tag.endsWith('/>')) tag = `${tag.slice(0, -2)}>`;
    if (change.numFmt !== undefined) {
      tag = withAttribute(withAttribute(tag, 'numFmtId', String(this.numFmtId(change.numFmt))), 'applyNumberFormat', '1');
    }
    if (change.bold !== undefined || change.fontColor !== undefined) {
      tag = withAttribute(withAttribute(tag, 'fontId', String(this.font(Number(attribute(tag, 'fontId') ?? 0), change))), 'applyFont', '1');
    }
    if (change.fill !== undefined) tag = withAttribute(withAttribute(tag, 'fillId', String(this.fillId(change.fill))), 'applyFill', '1');
    if (change.wrap !== undefined || change.align !== undefined) {
      const existing = childElements(inner).find((e) => e.local === 'alignment');
      let align = existing ? existing.tag : `<${p}alignment/>`;
      if (change.wrap !== undefined) align = withAttribute(align, 'wrapText', change.wrap ? '1' : null);
      if (change.align !== undefined) align = withAttribute(align, 'horizontal', change.align);
      inner = existing ? `${inner.slice(0, existing.start)}${align}${inner.slice(existing.end)}` : `${align}${inner}`;
      tag = withAttribute(tag, 'applyAlignment', '1');
    }
    if (change.locked !== undefined) {
      // CT_Xf's children in order: alignment, protection, extLst.
      const existing = childElements(inner).find((e) => e.local === 'protection');
      const protection = withAttribute(existing ? existing.tag : `<${p}protection/>`, 'locked', change.locked ? null : '0');
      if (existing) inner = `${inner.slice(0, existing.start)}${protection}${inner.slice(existing.end)}`;
      else {
        const ext = childElements(inner).find((e) => e.local === 'extLst');
        inner = ext ? `${inner.slice(0, ext.start)}${protection}${inner.slice(ext.start)}` : `${inner}${protection}`;
      }
      tag = withAttribute(tag, 'applyProtection', '1');
    }
    const index = this.append('cellXfs', `${tag}${inner}</${xf ? xf.qname : `${p}xf`}>`);
    this.derived.set(key, index);
    return index;
  }

  /** A differential format (conditional formatting): a fill and/or a font colour. */
  addDxf(fill: string | undefined, fontColor: string | undefined): number {
    const p = this.prefix;
    const font = fontColor ? `<${p}font><${p}color rgb="${argbOf(fontColor)}"/></${p}font>` : '';
    const pattern = fill ? `<${p}fill><${p}patternFill patternType="solid"><${p}bgColor rgb="${argbOf(fill)}"/></${p}patternFill></${p}fill>` : '';
    const key = `dxf|${fill}|${fontColor}`;
    const known = this.derived.get(key);
    if (known !== undefined) return known;
    const index = this.append('dxfs', `<${p}dxf>${font}${pattern}</${p}dxf>`);
    this.derived.set(key, index);
    return index;
  }
}
