/**
 * Deleting whole rows of a sheet in the package, as Excel does it: the rows below move up, and every
 * reference follows — the sheet's formulas (shared ones written out), merged areas, conditional formats,
 * validations, hyperlinks, filters, tables, notes, pictures and charts placed on it, chart ranges and
 * PivotTable sources, other sheets' formulas and defined names. What cannot follow (part of an array
 * formula, a table's header row, rules in Excel 2010 extensions) makes the move refused beforehand.
 */
import type { XlsxPackage } from '../package/xlsxPackage';
import { REL, resolveTarget } from '../package/parts';
import { boxAddress, parseBox, parseBoxes, type Box } from '../box';
import { columnLetter } from '../../../core/grid/a1';
import { DeletedRows, shiftFormula, translateFormula } from '../rowShift';
import { attribute, decodeXml, escapeText, withAttribute } from '../xml/xml';
import { cellContent, cellSpans, rowNumber, rowTag } from './rowXml';
import { sheetPieces } from './sheetStream';
import type { SheetScan } from './readSheet';
import { SheetFrame } from './sheetFrame';
import { readTable, withTableRef } from './tableXml';

interface SheetRef {
  name: string;
  path: string;
}

/** How the sheet's name appears in formulas of the package ('客户 信息'!A1 or Data!A1), XML-escaped. */
function mentions(name: string): string[] {
  return [escapeText(name), escapeText(name.replace(/'/g, "''"))];
}

/**
 * Why the rows cannot be moved in this file, or null when they can: part of an array formula would go,
 * a table would lose its header row, or rules live in Excel 2010 extensions (their ranges are not read).
 */
export function findRowMoveBlockers(pkg: XlsxPackage, ref: SheetRef, scan: SheetScan, rows: readonly number[]): string | null {
  const deleted = new DeletedRows(rows);
  const first = deleted.rows[0];
  if (first === undefined) return null;
  for (const a of scan.arrays) {
    const moved = deleted.box(a);
    const inside = deleted.countBelow(a.bottom, true) - deleted.countBelow(a.top);
    if (inside > 0 && moved !== null) return `the array formula in ${boxAddress(a)} covers some of them`;
  }
  for (const rel of pkg.rels(ref.path).byType(REL.table)) {
    const target = resolveTarget(ref.path, rel.target);
    if (!pkg.has(target)) continue;
    const t = readTable(pkg.readText(target));
    const box = parseBox(t.ref);
    if (box && deleted.countBelow(box.top, true) !== deleted.countBelow(box.top)) return `the header row of table "${t.name}" is one of them`;
  }
  const frameText = scan.frame.elements().map((e) => e.text).join('');
  if (/<(?:\w+:)?extLst\b/.test(frameText) && /sqref/.test(frameText.slice(frameText.search(/<(?:\w+:)?extLst\b/)))) {
    return 'it has conditional formats, validations or sparklines Excel keeps in its 2010 extension';
  }
  return null;
}

/** Notes and threaded comments: on a deleted row they go (the backup keeps them), below it they move up. */
function shiftCommentRefs(xml: string, deleted: DeletedRows): string {
  return xml.replace(/<((?:\w+:)?(?:comment|threadedComment))\b[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/g, (el) => {
    const open = /^<[^>]*>/.exec(el)![0];
    const ref = attribute(open, 'ref') ?? '';
    const m = /^([A-Za-z]+)(\d+)$/.exec(ref);
    if (!m) return el;
    const row = Number(m[2]);
    if (deleted.countBelow(row, true) !== deleted.countBelow(row)) return '';
    return `${withAttribute(open, 'ref', `${m[1]}${row - deleted.countBelow(row)}`)}${el.slice(open.length)}`;
  });
}

/** A note's shape in the legacy VML drawing: anchored by 0-based rows, dropped with its row. */
function shiftNoteShapes(vml: string, deleted: DeletedRows): string {
  return vml.replace(/<v:shape\b[\s\S]*?<\/v:shape>/g, (shape) => {
    const row = /<x:Row>(\d+)<\/x:Row>/.exec(shape);
    if (!row) return shape;
    const r = Number(row[1]) + 1;
    if (deleted.countBelow(r, true) !== deleted.countBelow(r)) return '';
    const delta = -deleted.countBelow(r);
    if (delta === 0) return shape;
    return shape.replace(/<x:Row>(\d+)<\/x:Row>/, (_m, n: string) => `<x:Row>${Number(n) + delta}</x:Row>`)
      .replace(/<x:Anchor>([^<]*)<\/x:Anchor>/, (_m, body: string) => {
        const parts = body.split(',').map((p) => p.trim());
        if (parts.length !== 8) return _m;
        parts[2] = String(Math.max(0, Number(parts[2]) + delta));
        parts[6] = String(Math.max(0, Number(parts[6]) + delta));
        return `<x:Anchor>${parts.join(', ')}</x:Anchor>`;
      });
  });
}

/** Pictures and charts placed on the sheet: each anchor row (0-based) moves up with the rows above it. */
function shiftAnchors(xml: string, deleted: DeletedRows): string {
  return xml.replace(/(<(?:\w+:)?(?:from|to)>[\s\S]*?<((?:\w+:)?)row>)(\d+)(<\/\2row>)/g, (_m, before: string, _p: string, n: string, after: string) => {
    const r = Number(n) + 1;
    return `${before}${Math.max(0, r - deleted.countBelow(r) - 1)}${after}`;
  });
}

/** A range list (sqref) after the deletion; null when nothing of it is left. */
function shiftSqref(sqref: string, deleted: DeletedRows): string | null {
  const moved = parseBoxes(sqref).map((b) => deleted.box(b)).filter((b): b is Box => b !== null);
  return moved.length === 0 ? null : moved.map(boxAddress).join(' ');
}

/** Formula elements (<formula>, <formula1>, <formula2>) inside `text`, each rewritten by `change`. */
function mapFormulaElements(text: string, change: (f: string) => string): string {
  return text.replace(/(<(?:\w+:)?formula[12]?>)([^<]*)(<\/(?:\w+:)?formula[12]?>)/g,
    (_m, open: string, body: string, close: string) => `${open}${escapeText(change(decodeXml(body)))}${close}`);
}

/** The frame's ranges and rule formulas after the deletion on its own sheet. */
function shiftOwnFrame(frame: SheetFrame, sheet: string, deleted: DeletedRows): void {
  const ctx = { sheet, deleted, host: sheet };
  frame.rewrite('mergeCells', (text) => text.replace(/<(?:\w+:)?mergeCell\b[^>]*\/>/g, (el) => {
    const box = parseBox(attribute(el, 'ref') ?? '');
    const moved = box && deleted.box(box);
    return moved && (moved.bottom > moved.top || moved.right > moved.left) ? withAttribute(el, 'ref', boxAddress(moved)) : '';
  }).replace(/(<(?:\w+:)?mergeCells\b[^>]*?)\scount\s*=\s*"\d+"/, '$1'));
  frame.rewrite('conditionalFormatting', (text) => {
    const open = /^<[^>]*>/.exec(text)![0];
    const sqref = attribute(open, 'sqref') ?? '';
    const moved = shiftSqref(sqref, deleted);
    if (!moved) return '';
    // Relative references in a rule follow the range's top-left cell.
    const top = parseBoxes(sqref)[0]?.top ?? 1;
    const relativeDelta = (parseBoxes(moved)[0]?.top ?? top) - top;
    return mapFormulaElements(`${withAttribute(open, 'sqref', moved)}${text.slice(open.length)}`,
      (f) => shiftFormula(f, { ...ctx, relativeDelta }));
  });
  frame.rewrite('dataValidations', (text) => text.replace(/<(?:\w+:)?dataValidation\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?dataValidation>)/g, (el) => {
    const open = /^<[^>]*>/.exec(el)![0];
    const sqref = attribute(open, 'sqref') ?? '';
    const moved = shiftSqref(sqref, deleted);
    if (!moved) return '';
    const top = parseBoxes(sqref)[0]?.top ?? 1;
    const relativeDelta = (parseBoxes(moved)[0]?.top ?? top) - top;
    return mapFormulaElements(`${withAttribute(open, 'sqref', moved)}${el.slice(open.length)}`, (f) => shiftFormula(f, { ...ctx, relativeDelta }));
  }));
  for (const local of ['hyperlinks', 'ignoredErrors', 'protectedRanges']) {
    frame.rewrite(local, (text) => text.replace(/<(?:\w+:)?(?:hyperlink|ignoredError|protectedRange)\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?(?:hyperlink|ignoredError|protectedRange)>)/g, (el) => {
      const open = /^<[^>]*>/.exec(el)![0];
      const attr = attribute(open, 'ref') !== undefined ? 'ref' : 'sqref';
      const moved = shiftSqref(attribute(open, attr) ?? '', deleted);
      return moved ? `${withAttribute(open, attr, moved)}${el.slice(open.length)}` : '';
    }));
  }
  frame.rewrite('autoFilter', (text) => {
    const open = /^<[^>]*>/.exec(text)![0];
    const moved = shiftSqref(attribute(open, 'ref') ?? '', deleted);
    return moved ? `${withAttribute(open, 'ref', moved)}${text.slice(open.length)}` : '';
  });
  frame.rewrite('rowBreaks', (text) => text.replace(/<(?:\w+:)?brk\b[^>]*\/>/g, (el) => {
    const id = Number(attribute(el, 'id') ?? 0);
    const s = deleted.span(id, id);
    return s ? withAttribute(el, 'id', String(s[0])) : '';
  }));
  const dim = frame.dimension();
  if (dim) frame.setDimension(deleted.box(dim) ?? { top: 1, left: 1, bottom: 1, right: 1 });
}

/** Another sheet's frame: only formulas that point at the sheet whose rows were deleted change. */
function shiftOtherFrame(frame: SheetFrame, host: string, sheet: string, deleted: DeletedRows): void {
  for (const local of ['conditionalFormatting', 'dataValidations']) {
    frame.rewrite(local, (text) => mapFormulaElements(text, (f) => shiftFormula(f, { sheet, deleted, host })));
  }
}

/** A formula cell's <f> rewritten as a plain formula with `text`, array formulas keeping their (moved) range. */
function plainFormula(inner: string, text: string, arrayRef: string | null): string {
  return inner.replace(/<((?:\w+:)?)f\b[^>]*?(?:\/>|>[^<]*<\/(?:\w+:)?f>)/, (_m, p: string) =>
    (arrayRef ? `<${p}f t="array" ref="${arrayRef}">${escapeText(text)}</${p}f>` : `<${p}f>${escapeText(text)}</${p}f>`));
}

export function deleteSheetRows(pkg: XlsxPackage, refs: readonly SheetRef[], ref: SheetRef, scan: SheetScan, rows: readonly number[],
  invalidate: (path: string) => void): void {
  const deleted = new DeletedRows(rows);
  if (deleted.rows.length === 0) return;
  const sheet = ref.name;

  // This sheet: rows dropped and renumbered, every formula shifted (shared ones written out).
  const frame = scan.frame.clone();
  shiftOwnFrame(frame, sheet, deleted);
  const { head, tail } = frame.split();
  const writer = pkg.writer(ref.path);
  writer.write(head);
  const masters = new Map<string, { text: string; row: number; col: number }>();
  let previous = 0;
  for (const piece of sheetPieces(pkg.readTexts(ref.path))) {
    if (piece.kind !== 'row') continue;
    const r = rowNumber(piece.xml, previous + 1);
    previous = r;
    const gone = deleted.countBelow(r, true) !== deleted.countBelow(r);
    const hasFormula = /<(?:\w+:)?f[\s>/]/.test(piece.xml);
    if (gone && !hasFormula) continue;
    const target = r - deleted.countBelow(r);
    const spans = cellSpans(piece.xml, frame.prefix);
    let body = '';
    for (const span of spans) {
      let cell = piece.xml.slice(span.start, span.end);
      const content = hasFormula ? cellContent(piece.xml, span) : null;
      const f = content?.formula ?? null;
      if (f) {
        let text = f.text;
        if (f.type === 'shared' && f.si !== undefined) {
          if (text !== '') masters.set(f.si, { text, row: r, col: span.col });
          else {
            const m = masters.get(f.si);
            text = m ? translateFormula(m.text, r - m.row, span.col - m.col) : text;
          }
        }
        if (!gone) {
          const shifted = shiftFormula(text, { sheet, deleted, host: sheet });
          const arrayBox = f.type === 'array' && f.ref ? parseBox(f.ref) : null;
          const arrayRef = arrayBox ? boxAddress(deleted.box(arrayBox) ?? arrayBox) : null;
          const inner = plainFormula(piece.xml.slice(span.innerStart, span.innerEnd), shifted, arrayRef);
          // The cached result stays: Excel recalculates on open anyway.
          cell = `${cell.slice(0, span.innerStart - span.start)}${inner}${cell.slice(span.innerEnd - span.start)}`;
        }
      }
      if (gone) continue;
      const tag = cell.slice(0, span.tag.length);
      body += `${withAttribute(tag, 'r', `${columnLetter(span.col)}${target}`)}${cell.slice(span.tag.length)}`;
    }
    if (gone) continue;
    const open = withAttribute(withAttribute(rowTag(piece.xml), 'r', String(target)), 'spans', null);
    const selfClosing = open.endsWith('/>');
    const close = `</${open.match(/^<([^\s/>]+)/)![1]}>`;
    writer.write(selfClosing && spans.length === 0 ? open : `${selfClosing ? `${open.slice(0, -2)}>` : open}${body}${close}`);
  }
  writer.write(tail);
  writer.close();
  invalidate(ref.path);

  // Its tables shrink with it.
  for (const rel of pkg.rels(ref.path).byType(REL.table)) {
    const path = resolveTarget(ref.path, rel.target);
    if (!pkg.has(path)) continue;
    const xml = pkg.readText(path);
    const box = parseBox(readTable(xml).ref);
    const moved = box && deleted.box(box);
    if (moved && box && (moved.top !== box.top || moved.bottom !== box.bottom)) pkg.setText(path, withTableRef(xml, boxAddress(moved)));
  }

  // What the sheet's relationships hold: notes, threaded comments, pictures and charts placed on it.
  for (const rel of pkg.rels(ref.path).list()) {
    if (rel.external) continue;
    const path = resolveTarget(ref.path, rel.target);
    if (!pkg.has(path)) continue;
    const kind = rel.type.slice(rel.type.lastIndexOf('/') + 1);
    if (kind === 'comments' || kind === 'threadedComment') pkg.setText(path, shiftCommentRefs(pkg.readText(path), deleted));
    else if (kind === 'vmlDrawing') pkg.setText(path, shiftNoteShapes(pkg.readText(path), deleted));
    else if (kind === 'drawing') pkg.setText(path, shiftAnchors(pkg.readText(path), deleted));
  }
  // Chart ranges and PivotTable sources anywhere in the workbook that read this sheet.
  const said = mentions(sheet);
  for (const name of pkg.names()) {
    if (/^xl\/charts\/[^/]+\.xml$/.test(name)) {
      const xml = pkg.readText(name);
      if (!said.some((m) => xml.includes(m))) continue;
      const next = xml.replace(/(<(?:\w+:)?f>)([^<]*)(<\/(?:\w+:)?f>)/g, (_m, open: string, body: string, close: string) =>
        `${open}${escapeText(shiftFormula(decodeXml(body), { sheet, deleted, host: '' }))}${close}`);
      if (next !== xml) pkg.setText(name, next);
    } else if (/^xl\/pivotCache\/[^/]+\.xml$/.test(name)) {
      const xml = pkg.readText(name);
      const next = xml.replace(/<(?:\w+:)?worksheetSource\b[^>]*\/>/g, (el) => {
        if ((attribute(el, 'sheet') ?? '').toLowerCase() !== sheet.toLowerCase()) return el;
        const box = parseBox(attribute(el, 'ref') ?? '');
        const moved = box && deleted.box(box);
        return moved ? withAttribute(el, 'ref', boxAddress(moved)) : el;
      });
      if (next !== xml) pkg.setText(name, next);
    }
  }

  // Other sheets whose formulas point here: looked for first, rewritten only when found.
  for (const other of refs) {
    if (other.path === ref.path) continue;
    let mentioned = false;
    for (const piece of sheetPieces(pkg.readTexts(other.path))) {
      if (said.some((s) => piece.xml.includes(s))) {
        mentioned = true;
        break;
      }
    }
    if (!mentioned) continue;
    const w = pkg.writer(other.path);
    let head = '';
    let headWritten = false;
    let prefix = '';
    for (const piece of sheetPieces(pkg.readTexts(other.path))) {
      if (piece.kind === 'head') {
        head = piece.xml;
        prefix = piece.prefix;
      } else if (piece.kind === 'row') {
        if (!headWritten) {
          w.write(head);
          headWritten = true;
        }
        w.write(said.some((s) => piece.xml.includes(s))
          ? piece.xml.replace(/(<(?:\w+:)?f\b[^>]*>)([^<]*)(<\/(?:\w+:)?f>)/g, (_m, open: string, body: string, close: string) =>
            `${open}${escapeText(shiftFormula(decodeXml(body), { sheet, deleted, host: other.name }))}${close}`)
          : piece.xml);
      } else {
        // Rules of conditional formats and validations live in the tail, after the rows.
        const f = new SheetFrame(head, piece.xml, prefix);
        shiftOtherFrame(f, other.name, sheet, deleted);
        const split = f.split();
        if (!headWritten) w.write(split.head);
        w.write(split.tail);
      }
    }
    w.close();
    invalidate(other.path);
  }

  // Defined names (print areas, filters, the user's own names).
  const sheets = pkg.workbook.sheets();
  pkg.workbook.mapDefinedNames((n) => shiftFormula(n.formula, { sheet, deleted, host: n.localSheetId === null ? '' : sheets[n.localSheetId]?.name ?? '' }));
}
