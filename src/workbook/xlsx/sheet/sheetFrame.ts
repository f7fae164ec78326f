/**
 * A worksheet without its rows: the head and tail around <sheetData>, held as one text with a mark
 * where the rows go. Column widths, views, merged areas, protection, conditional formats, validations
 * and table parts live here; edits splice this text, and the rows are streamed in at the mark.
 */
import { attribute, childElements, decodeXml, elementAt, escapeAttr, escapeText, openTag, rootElement, withAttribute, type ElementSpan } from '../xml/xml';
import { boxAddress, intersects, parseBox, parseBoxes, sameBox, subtractBox, type Box } from '../box';

/** Where the rows go: NUL cannot occur in XML, so the mark cannot collide with the user's text. */
const MARK = '\u0000rows\u0000';

/** CT_Worksheet's children in schema order. */
const ORDER = ['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr',
  'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter',
  'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing',
  'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

export interface ColumnSpec {
  /** 1-based, inclusive. */
  min: number;
  max: number;
  tag: string;
}

export class SheetFrame {
  private xml: string;

  constructor(head: string, tail: string, readonly prefix: string) {
    this.xml = `${head}${MARK}${tail}`;
  }

  /** An empty worksheet, for a sheet the add-in adds. */
  static blank(): SheetFrame {
    return new SheetFrame('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetViews><sheetView workbookViewId="0"/></sheetViews>' +
      '<sheetFormatPr defaultRowHeight="15"/><sheetData>', '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>', '');
  }

  /** Head and tail, to stream the rows between. */
  split(): { head: string; tail: string } {
    const at = this.xml.indexOf(MARK);
    return { head: this.xml.slice(0, at), tail: this.xml.slice(at + MARK.length) };
  }

  private kids(): { root: ElementSpan; kids: ElementSpan[] } {
    const root = rootElement(this.xml);
    return { root, kids: childElements(this.xml, root.innerStart, root.innerEnd) };
  }

  private child(local: string): ElementSpan | undefined {
    return this.kids().kids.find((k) => k.local === local);
  }

  private children(local: string): ElementSpan[] {
    return this.kids().kids.filter((k) => k.local === local);
  }

  private replace(span: { start: number; end: number }, text: string): void {
    this.xml = `${this.xml.slice(0, span.start)}${text}${this.xml.slice(span.end)}`;
  }

  /** Inserts a child of <worksheet> after every child that comes before it in the schema. */
  private insert(local: string, element: string): void {
    const { root, kids } = this.kids();
    const rank = ORDER.indexOf(local);
    let at = root.innerStart;
    for (const k of kids) {
      const r = ORDER.indexOf(k.local);
      if (r >= 0 && r <= rank) at = k.end;
    }
    this.xml = `${this.xml.slice(0, at)}${element}${this.xml.slice(at)}`;
  }

  /** The elements inside a child of <worksheet> (e.g. the <mergeCell>s of <mergeCells>). */
  private inside(span: ElementSpan | undefined): ElementSpan[] {
    return span && !span.selfClosing ? childElements(this.xml, span.innerStart, span.innerEnd) : [];
  }

  get isProtected(): boolean {
    const p = this.child('sheetProtection');
    const v = p ? attribute(p.tag, 'sheet') : undefined;
    return v === '1' || v === 'true';
  }

  merges(): Box[] {
    return this.inside(this.child('mergeCells')).flatMap((m) => {
      const b = parseBox(attribute(m.tag, 'ref') ?? '');
      return b ? [b] : [];
    });
  }

  /** The raw text of a child element, for diagnostics and the copy of a sheet. */
  has(local: string): boolean {
    return this.child(local) !== undefined;
  }

  columns(): ColumnSpec[] {
    return this.inside(this.child('cols')).filter((c) => c.local === 'col').map((c) => ({
      min: Number(attribute(c.tag, 'min') ?? 0),
      max: Number(attribute(c.tag, 'max') ?? 0),
      tag: c.tag,
    }));
  }

  /** The style a new cell in 1-based column `col` takes from the column (0 when none). */
  columnStyle(col: number): number {
    for (const c of this.columns()) {
      if (col >= c.min && col <= c.max) return Number(attribute(c.tag, 'style') ?? 0);
    }
    return 0;
  }

  /** 1-based columns hidden by the user. */
  hiddenColumns(): Set<number> {
    const out = new Set<number>();
    for (const c of this.columns()) {
      const h = attribute(c.tag, 'hidden');
      if (h === '1' || h === 'true') for (let i = c.min; i <= c.max && i <= 16384; i++) out.add(i);
    }
    return out;
  }

  /** Sets widths (characters) of 1-based columns; other attributes of a column's spec are kept. */
  setColumnWidths(widths: readonly { col: number; width: number }[]): void {
    if (widths.length === 0) return;
    const want = new Map(widths.map((w) => [w.col, Math.min(255, Math.max(0, w.width))]));
    const p = this.prefix;
    // Split every spec into single columns where a width changes, keep the rest whole.
    const specs: { min: number; max: number; tag: string }[] = [];
    for (const c of this.columns()) {
      let start = c.min;
      for (let col = c.min; col <= c.max; col++) {
        if (!want.has(col)) continue;
        if (col > start) specs.push({ min: start, max: col - 1, tag: c.tag });
        specs.push({ min: col, max: col, tag: widthTag(c.tag, want.get(col)!) });
        want.delete(col);
        start = col + 1;
      }
      if (start <= c.max) specs.push({ min: start, max: c.max, tag: c.tag });
    }
    for (const [col, width] of want) specs.push({ min: col, max: col, tag: widthTag(`<${p}col/>`, width) });
    specs.sort((a, b) => a.min - b.min);
    const body = specs.map((s) => withAttribute(withAttribute(s.tag, 'min', String(s.min)), 'max', String(s.max))).map(selfClose).join('');
    const cols = this.child('cols');
    if (cols) this.replace(cols, `<${p}cols>${body}</${p}cols>`);
    else this.insert('cols', `<${p}cols>${body}</${p}cols>`);
  }

  /** Hides or shows 1-based columns; a column's other attributes (width, style) are kept. */
  setColumnsHidden(cols: readonly number[], hidden: boolean): void {
    const want = new Set(cols);
    if (want.size === 0) return;
    const p = this.prefix;
    const mark = (tag: string) => withAttribute(tag, 'hidden', hidden ? '1' : null);
    const specs: { min: number; max: number; tag: string }[] = [];
    for (const c of this.columns()) {
      let start = c.min;
      for (let col = c.min; col <= Math.min(c.max, 16384); col++) {
        if (!want.has(col)) continue;
        if (col > start) specs.push({ min: start, max: col - 1, tag: c.tag });
        specs.push({ min: col, max: col, tag: mark(c.tag) });
        want.delete(col);
        start = col + 1;
      }
      if (start <= c.max) specs.push({ min: start, max: c.max, tag: c.tag });
    }
    // A column without a spec has the default width; hiding it needs one (showing it needs none).
    if (hidden) for (const col of want) specs.push({ min: col, max: col, tag: mark(`<${p}col width="9.140625"/>`) });
    specs.sort((a, b) => a.min - b.min);
    const body = specs.map((x) => withAttribute(withAttribute(x.tag, 'min', String(x.min)), 'max', String(x.max))).map(selfClose).join('');
    const colsEl = this.child('cols');
    if (colsEl) this.replace(colsEl, body ? `<${p}cols>${body}</${p}cols>` : '');
    else if (body) this.insert('cols', `<${p}cols>${body}</${p}cols>`);
  }

  /** The <sheetProtection> start tag, when the sheet has one. */
  protectionTag(): string | null {
    return this.child('sheetProtection')?.tag ?? null;
  }

  /** Protects the sheet with `attributes` (the password hash and what stays allowed), replacing any earlier element. */
  protect(attributes: Readonly<Record<string, string>>): void {
    this.remove('sheetProtection');
    const attrsText = Object.entries(attributes).map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
    this.insert('sheetProtection', `<${this.prefix}sheetProtection${attrsText}/>`);
  }

  unprotect(): void {
    this.remove('sheetProtection');
  }

  /** Freezes the top `rows` rows and left `columns` columns in the first sheet view (0 and 0 unfreezes). */
  freeze(rows: number, columns: number): void {
    const p = this.prefix;
    let views = this.child('sheetViews');
    if (!views) {
      this.insert('sheetViews', `<${p}sheetViews><${p}sheetView workbookViewId="0"/></${p}sheetViews>`);
      views = this.child('sheetViews')!;
    }
    const view = this.inside(views).find((v) => v.local === 'sheetView');
    if (!view) return;
    // The view's own children, without any pane or selection: they are made again for the new split.
    let inner = view.selfClosing ? '' : this.xml.slice(view.innerStart, view.innerEnd);
    for (const k of childElements(inner).filter((e) => e.local === 'pane' || e.local === 'selection').reverse()) {
      inner = inner.slice(0, k.start) + inner.slice(k.end);
    }
    let pane = '';
    if (rows > 0 || columns > 0) {
      const topLeft = boxAddress({ top: rows + 1, left: columns + 1, bottom: rows + 1, right: columns + 1 });
      const active = rows > 0 && columns > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
      pane = `<${p}pane${columns > 0 ? ` xSplit="${columns}"` : ''}${rows > 0 ? ` ySplit="${rows}"` : ''} topLeftCell="${topLeft}" activePane="${active}" state="frozen"/>` +
        `<${p}selection pane="${active}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
    }
    const open = openTag(view);
    this.replace(view, `${open}${pane}${inner}</${view.qname}>`);
  }

  /**
   * Page setup: `orientation`, and `fitToWidth` (all columns on one page wide, as many pages tall as
   * needed: fitToWidth="1" fitToHeight="0", which Excel honours only with <sheetPr><pageSetUpPr
   * fitToPage="1"/>). An existing <pageSetup> keeps its other attributes (paper, printer settings).
   */
  setPageSetup(o: { orientation?: 'portrait' | 'landscape'; fitToWidth?: boolean }): void {
    if (o.orientation === undefined && o.fitToWidth === undefined) return;
    const p = this.prefix;
    const setup = this.child('pageSetup');
    let tag = setup ? selfClose(setup.tag) : `<${p}pageSetup/>`;
    if (o.orientation !== undefined) tag = withAttribute(tag, 'orientation', o.orientation);
    if (o.fitToWidth !== undefined) {
      tag = withAttribute(tag, 'fitToWidth', o.fitToWidth ? '1' : null);
      tag = withAttribute(tag, 'fitToHeight', o.fitToWidth ? '0' : null);
    }
    if (setup) this.replace(setup, setup.selfClosing ? tag : `${tag.slice(0, -2)}>${this.xml.slice(setup.innerStart, setup.end)}`);
    else this.insert('pageSetup', tag);
    if (o.fitToWidth !== undefined) this.setFitToPage(o.fitToWidth);
  }

  /** <sheetPr><pageSetUpPr fitToPage> (CT_SheetPr: tabColor, outlinePr, pageSetUpPr, in that order), merged into the sheet's own <sheetPr>. */
  private setFitToPage(fit: boolean): void {
    const p = this.prefix;
    const pr = this.child('sheetPr');
    if (!pr) {
      if (fit) this.insert('sheetPr', `<${p}sheetPr><${p}pageSetUpPr fitToPage="1"/></${p}sheetPr>`);
      return;
    }
    const inner = pr.selfClosing ? '' : this.xml.slice(pr.innerStart, pr.innerEnd);
    const setUp = childElements(inner).find((e) => e.local === 'pageSetUpPr');
    let next: string;
    if (setUp) {
      const tag = withAttribute(setUp.tag, 'fitToPage', fit ? '1' : null);
      next = `${inner.slice(0, setUp.start)}${tag}${inner.slice(setUp.start + setUp.tag.length)}`;
    } else if (fit) {
      next = `${inner}<${p}pageSetUpPr fitToPage="1"/>`;
    } else {
      return;
    }
    const open = openTag(pr);
    this.replace(pr, `${open}${next}</${pr.qname}>`);
  }

  /** Adds a conditional format (expression rule) after the sheet's own, with `priority` or the lowest yet. */
  addConditionalFormat(sqref: string, formula: string, dxfId: number, priority?: number): void {
    const p = this.prefix;
    if (priority === undefined) {
      const priorities = this.children('conditionalFormatting').flatMap((cf) => this.inside(cf))
        .map((r) => Number(attribute(r.tag, 'priority') ?? 0));
      priority = Math.max(0, ...priorities) + 1;
    }
    const element = `<${p}conditionalFormatting sqref="${escapeAttr(sqref)}"><${p}cfRule type="expression" dxfId="${dxfId}" priority="${priority}">` +
      `<${p}formula>${escapeText(formula)}</${p}formula></${p}cfRule></${p}conditionalFormatting>`;
    this.insert('conditionalFormatting', element);
  }

  /**
   * Removes expression rules equal to `formula` (spaces and case aside) from formats whose ranges
   * overlap `boxes`: a re-run replaces its own rule instead of stacking a copy. Returns the priority the
   * removed rule had (its replacement keeps it), or undefined.
   */
  removeConditionalFormats(boxes: readonly Box[], formula: string): number | undefined {
    const wanted = normalizeFormula(formula);
    let priority: number | undefined;
    for (const cf of this.children('conditionalFormatting').reverse()) {
      const ranges = parseBoxes(attribute(cf.tag, 'sqref') ?? '');
      if (!ranges.some((a) => boxes.some((b) => intersects(a, b)))) continue;
      const rules = this.inside(cf);
      const drop = rules.filter((r) => {
        if (r.local !== 'cfRule' || attribute(r.tag, 'type') !== 'expression') return false;
        const f = childElements(this.xml, r.innerStart, r.innerEnd).find((e) => e.local === 'formula');
        return f !== undefined && normalizeFormula(this.xml.slice(f.innerStart, f.innerEnd)) === wanted;
      });
      if (drop.length === 0) continue;
      priority ??= Number(attribute(drop[0]!.tag, 'priority') ?? NaN) || undefined;
      if (drop.length === rules.length) {
        this.replace(cf, '');
        continue;
      }
      for (const r of drop.reverse()) this.replace(r, '');
    }
    return priority;
  }

  /**
   * The validation rules touching `boxes`: each rule's cells and error title. Rules kept in <extLst>
   * (Excel's x14 form, for lists on another sheet) are listed too, with their own title.
   */
  validationsOver(boxes: readonly Box[]): { boxes: Box[]; errorTitle: string | null }[] {
    const touches = (ranges: readonly Box[]) => ranges.some((r) => boxes.some((b) => intersects(r, b)));
    const out: { boxes: Box[]; errorTitle: string | null }[] = [];
    for (const dv of this.inside(this.child('dataValidations')).filter((e) => e.local === 'dataValidation')) {
      const ranges = parseBoxes(attribute(dv.tag, 'sqref') ?? '');
      if (touches(ranges)) out.push({ boxes: ranges, errorTitle: decodeXml(attribute(dv.tag, 'errorTitle') ?? '') || null });
    }
    const ext = this.child('extLst');
    const extXml = ext ? this.xml.slice(ext.start, ext.end) : '';
    for (const m of extXml.matchAll(/<(?:\w+:)?dataValidation\b([^>]*)>[\s\S]*?<(?:\w+:)?sqref>([^<]*)<\/(?:\w+:)?sqref>/g)) {
      const ranges = parseBoxes(m[2]!.trim());
      const title = /\berrorTitle="([^"]*)"/.exec(m[1]!)?.[1];
      if (touches(ranges)) out.push({ boxes: ranges, errorTitle: title ? decodeXml(title) : null });
    }
    return out;
  }

  /**
   * Takes `boxes` out of each element's sqref (validation rules, conditional formats): an element left
   * with no cells goes, one they do not touch stays as it is. Last first, so earlier offsets hold.
   */
  private cutBoxes(elements: readonly ElementSpan[], boxes: readonly Box[]): void {
    for (const el of [...elements].reverse()) {
      const ranges = parseBoxes(attribute(el.tag, 'sqref') ?? '');
      let left = ranges;
      for (const b of boxes) left = left.flatMap((r) => subtractBox(r, b));
      if (left.length === ranges.length && left.every((r, i) => sameBox(r, ranges[i]!))) continue;
      if (left.length === 0) this.replace(el, '');
      else this.replace(el, `${withAttribute(el.tag, 'sqref', left.map(boxAddress).join(' '))}${el.selfClosing ? '' : this.xml.slice(el.innerStart, el.end)}`);
    }
  }

  /** Replaces every validation rule on `boxes` (other cells keep theirs) with `element`, a <dataValidation>. */
  replaceValidation(boxes: readonly Box[], element: string): void {
    const p = this.prefix;
    let dvs = this.child('dataValidations');
    if (dvs) {
      this.cutBoxes(this.inside(dvs).filter((e) => e.local === 'dataValidation'), boxes);
      dvs = this.child('dataValidations')!;
    }
    if (!dvs) {
      this.insert('dataValidations', `<${p}dataValidations count="1">${element}</${p}dataValidations>`);
      return;
    }
    const inner = dvs.selfClosing ? '' : this.xml.slice(dvs.innerStart, dvs.innerEnd);
    const count = childElements(inner).filter((e) => e.local === 'dataValidation').length + 1;
    const open = withAttribute(openTag(dvs), 'count', String(count));
    this.replace(dvs, `${open}${inner}${element}</${dvs.qname}>`);
  }

  /** Takes `boxes` out of every validation rule (a rule left with no cells goes); the rest of the rules stay. */
  clearValidation(boxes: readonly Box[]): void {
    const dvs = this.child('dataValidations');
    if (!dvs) return;
    this.cutBoxes(this.inside(dvs).filter((e) => e.local === 'dataValidation'), boxes);
    const after = this.child('dataValidations')!;
    const inner = after.selfClosing ? '' : this.xml.slice(after.innerStart, after.innerEnd);
    const count = childElements(inner).filter((e) => e.local === 'dataValidation').length;
    if (count === 0) this.replace(after, '');
    else this.replace(after, `${withAttribute(after.tag, 'count', String(count))}${inner}</${after.qname}>`);
  }

  /** Takes `boxes` out of every conditional format's cells (a format left with no cells goes). */
  clearConditionalFormats(boxes: readonly Box[]): void {
    this.cutBoxes(this.children('conditionalFormatting'), boxes);
  }

  /**
   * Whole columns deleted: `shift` gives a box's place afterwards (null when nothing of it is left). Column
   * widths and the cells of conditional formats and validations follow.
   */
  deleteColumns(shift: (b: Box) => Box | null): void {
    const cols = this.child('cols');
    if (cols && !cols.selfClosing) {
      const kept: string[] = [];
      for (const col of this.inside(cols).filter((e) => e.local === 'col')) {
        const min = Number(attribute(col.tag, 'min'));
        const max = Number(attribute(col.tag, 'max'));
        const b = shift({ top: 1, bottom: 1, left: min, right: max });
        if (!b) continue;
        const tag = withAttribute(withAttribute(col.tag, 'min', String(b.left)), 'max', String(b.right));
        kept.push(`${tag}${col.selfClosing ? '' : this.xml.slice(col.innerStart, col.end)}`);
      }
      this.replace(cols, kept.length === 0 ? '' : `${cols.tag}${kept.join('')}</${cols.qname}>`);
    }
    const moveSqref = (span: ElementSpan, rest: string): string | null => {
      const boxes = parseBoxes(attribute(span.tag, 'sqref') ?? '').flatMap((b) => shift(b) ?? []);
      return boxes.length === 0 ? null : `${withAttribute(span.tag, 'sqref', boxes.map(boxAddress).join(' '))}${rest}`;
    };
    for (const cf of this.children('conditionalFormatting').reverse()) {
      this.replace(cf, moveSqref(cf, cf.selfClosing ? '' : this.xml.slice(cf.innerStart, cf.end)) ?? '');
    }
    const dvs = this.child('dataValidations');
    if (dvs && !dvs.selfClosing) {
      for (const dv of this.inside(dvs).filter((e) => e.local === 'dataValidation').reverse()) {
        this.replace(dv, moveSqref(dv, dv.selfClosing ? '' : this.xml.slice(dv.innerStart, dv.end)) ?? '');
      }
      this.clearValidation([]);
    }
  }

  /** Every custom rule whose formula is one of these goes, wherever it applies (a conditionalFormatting left empty goes too). */
  removeConditionalFormatsByFormula(formulas: readonly string[]): void {
    const wanted = new Set(formulas.map(normalizeFormula));
    for (const cf of this.children('conditionalFormatting').reverse()) {
      const rules = this.inside(cf);
      const drop = rules.filter((r) => {
        if (r.local !== 'cfRule' || attribute(r.tag, 'type') !== 'expression') return false;
        const f = childElements(this.xml, r.innerStart, r.innerEnd).find((e) => e.local === 'formula');
        return f !== undefined && wanted.has(normalizeFormula(this.xml.slice(f.innerStart, f.innerEnd)));
      });
      if (drop.length === 0) continue;
      if (drop.length === rules.length) {
        this.replace(cf, '');
        continue;
      }
      for (const r of drop.reverse()) this.replace(r, '');
    }
  }

  /** The r:id of every table part of the sheet. */
  tableRelIds(): string[] {
    return this.inside(this.child('tableParts')).map((t) => {
      for (const [k, v] of Object.entries(attrs(t.tag))) if (k.endsWith(':id')) return v;
      return '';
    });
  }

  addTablePart(relId: string, relPrefix: string): void {
    const p = this.prefix;
    const parts = this.child('tableParts');
    const element = `<${p}tablePart ${relPrefix}:id="${escapeAttr(relId)}"/>`;
    if (!parts) {
      this.insert('tableParts', `<${p}tableParts count="1">${element}</${p}tableParts>`);
      return;
    }
    const inner = parts.selfClosing ? '' : this.xml.slice(parts.innerStart, parts.innerEnd);
    const count = childElements(inner).length + 1;
    const open = withAttribute(openTag(parts), 'count', String(count));
    this.replace(parts, `${open}${inner}${element}</${parts.qname}>`);
  }

  /** The prefix bound to the relationships namespace on <worksheet>, declared when missing. */
  relPrefix(): string {
    const root = rootElement(this.xml);
    for (const [k, v] of Object.entries(attrs(root.tag))) {
      if (k.startsWith('xmlns:') && v === 'http://schemas.openxmlformats.org/officeDocument/2006/relationships') return k.slice(6);
    }
    this.replace({ start: root.start, end: root.start + root.tag.length },
      withAttribute(root.tag, 'xmlns:r', 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'));
    return 'r';
  }

  autoFilter(): Box | null {
    const f = this.child('autoFilter');
    return f ? parseBox(attribute(f.tag, 'ref') ?? '') : null;
  }

  setAutoFilter(box: Box): void {
    this.removeAutoFilter();
    this.insert('autoFilter', `<${this.prefix}autoFilter ref="${boxAddress(box)}"/>`);
  }

  removeAutoFilter(): void {
    const f = this.child('autoFilter');
    if (f) this.replace(f, '');
  }

  /** Sets <dimension ref> (Excel reads it as a hint of the used area). */
  setDimension(box: Box | null): void {
    const d = this.child('dimension');
    const ref = box ? boxAddress(box) : 'A1';
    if (d) this.replace({ start: d.start, end: d.start + d.tag.length }, withAttribute(d.tag, 'ref', ref));
    else this.insert('dimension', `<${this.prefix}dimension ref="${ref}"/>`);
  }

  dimension(): Box | null {
    const d = this.child('dimension');
    return d ? parseBox(attribute(d.tag, 'ref') ?? '') : null;
  }

  /** Every child element of <worksheet> with its text (for copies and checks). */
  elements(): { local: string; text: string; tag: string }[] {
    return this.kids().kids.map((k) => ({ local: k.local, text: this.xml.slice(k.start, k.end), tag: k.tag }));
  }

  /** Removes children of <worksheet> by local name. */
  remove(local: string): void {
    for (const k of this.children(local).reverse()) this.replace(k, '');
  }

  /** Applies `change` to the text of every child element of <worksheet> with this local name. */
  rewrite(local: string, change: (text: string) => string): void {
    for (const k of this.children(local).reverse()) {
      const text = this.xml.slice(k.start, k.end);
      const next = change(text);
      if (next !== text) this.replace(k, next);
    }
  }

  /** A copy of this frame (a backup sheet starts as a copy of the sheet it backs up). */
  clone(): SheetFrame {
    const { head, tail } = this.split();
    return new SheetFrame(head, tail, this.prefix);
  }

  /** The element text at a span found by one of the readers above (used by row-shifting edits). */
  elementText(at: number): string {
    const el = elementAt(this.xml, at);
    return this.xml.slice(el.start, el.end);
  }
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([^\s=/<>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(tag); m; m = re.exec(tag)) out[m[1]!] = m[3] ?? m[4] ?? '';
  return out;
}

function selfClose(tag: string): string {
  return tag.endsWith('/>') ? tag : `${tag.slice(0, -1)}/>`;
}

function widthTag(tag: string, width: number): string {
  return withAttribute(withAttribute(selfClose(tag), 'width', String(width)), 'customWidth', '1');
}

/** Formula text as Excel compares it: no "=", no spaces, one case (`f` may still be XML-escaped). */
export function normalizeFormula(f: string): string {
  const t = decodeXml(f).trim();
  return (t.startsWith('=') ? t.slice(1) : t).replace(/\s+/g, '').toUpperCase();
}
