/** addSheet, deleteSheet, copySheet: sheets as parts of the package, related from workbook.xml. */
import { CONTENT_TYPE, REL, Relationships, relativeTarget, relsPathOf, resolveTarget } from '../package/parts';
import type { SheetState } from '../package/workbookXml';
import { SheetFrame } from '../sheet/sheetFrame';
import { readTable, renameTable, renameTablesInRows, uniqueTableName } from '../sheet/tableXml';
import { key, type SheetRef, type XlsxSession } from '../session';
import { dropRelationshipsNotIn } from '../xml/xml';
import { allTables } from './table';

function nextSheetPath(s: XlsxSession): string {
  for (let n = 1; ; n++) {
    const path = `xl/worksheets/sheet${n}.xml`;
    if (!s.pkg.has(path)) return path;
  }
}

/** A new sheet at the end of the tabs; its part holds `frame` with no rows (or `rows` from a copy). */
export function addSheet(s: XlsxSession, name: string, state: SheetState, frame: SheetFrame = SheetFrame.blank(), rows?: Iterable<string>, path = nextSheetPath(s)): SheetRef {
  const { head, tail } = frame.split();
  const writer = s.pkg.writer(path);
  writer.write(head);
  if (rows) for (const row of rows) writer.write(row);
  writer.write(tail);
  writer.close();
  s.pkg.contentTypes.setOverride(path, CONTENT_TYPE.worksheet);
  const relId = s.pkg.relate(s.pkg.workbookPath, REL.worksheet, path);
  const sheetId = Math.max(0, ...s.pkg.workbook.sheets().map((x) => x.sheetId)) + 1;
  s.pkg.workbook.addSheet({ name, sheetId, relId, state }, s.pkg.workbook.relPrefix());
  return { name, path, relId, state };
}

export function deleteSheet(s: XlsxSession, ref: SheetRef): void {
  s.pending.delete(ref.path);
  s.scans.delete(ref.path);
  const index = s.pkg.workbook.sheets().findIndex((x) => key(x.name) === key(ref.name));
  s.pkg.workbook.removeSheet(index);
  const wbRels = s.pkg.rels(s.pkg.workbookPath);
  wbRels.remove(ref.relId);
  s.pkg.touchRels(s.pkg.workbookPath);
  // What only this sheet used goes with it: its tables, drawings, notes (the add-in deletes only its own sheets).
  for (const rel of s.pkg.rels(ref.path).list()) {
    if (rel.external) continue;
    const target = resolveTarget(ref.path, rel.target);
    if (s.pkg.has(target) && rel.type === REL.table) s.pkg.remove(target);
  }
  s.pkg.remove(`${ref.path.replace(/[^/]+$/, '')}_rels/${ref.path.slice(ref.path.lastIndexOf('/') + 1)}.rels`);
  s.pkg.remove(ref.path);
}

/**
 * A copy of a sheet, as Excel's Copy makes one (a backup): its rows (values, formulas, styles), its
 * frame, its tables under new names (the copy's formulas follow them), its notes and external links,
 * with the same visibility as the sheet it copies. Pictures and charts placed on it are not copied:
 * a backup is for the cells.
 */
export function copySheet(s: XlsxSession, from: SheetRef, to: string): void {
  s.flush(from.path);
  const frame = s.scan(from).frame.clone();
  const path = nextSheetPath(s);
  const rels = Relationships.empty();
  const renames = new Map<string, string>();
  const kept = new Set<string>();
  for (const rel of s.pkg.rels(from.path).list()) {
    const type = rel.type.slice(rel.type.lastIndexOf('/') + 1);
    if (rel.external) {
      if (type === 'hyperlink') kept.add(rel.id);
      if (type === 'hyperlink') rels.addWithId(rel.id, rel.type, rel.target, true);
      continue;
    }
    const target = resolveTarget(from.path, rel.target);
    if (!s.pkg.has(target)) continue;
    let copyPath: string | null = null;
    if (type === 'table') {
      const xml = s.pkg.readText(target);
      const table = readTable(xml);
      const taken = new Set<string>([...allTables(s).map((t) => t.name.toLowerCase()), ...s.pkg.workbook.definedNames().map((d) => d.name.toLowerCase())]);
      const name = uniqueTableName(table.name, taken);
      renames.set(table.name, name);
      copyPath = freePath(s, 'xl/tables/table', '.xml');
      s.pkg.setText(copyPath, renameTable(xml, Math.max(0, ...allTables(s).map((t) => t.id)) + 1, name));
      s.pkg.contentTypes.setOverride(copyPath, CONTENT_TYPE.table);
    } else if (type === 'comments' || type === 'vmlDrawing') {
      const ext = target.slice(target.lastIndexOf('.'));
      const base = target.slice(0, target.length - ext.length).replace(/\d+$/, '');
      copyPath = freePath(s, base, ext);
      s.pkg.copyPart(target, copyPath, type === 'vmlDrawing' ? renumberVml(s, s.pkg.readText(target)) : undefined);
    }
    if (!copyPath) continue;
    rels.addWithId(rel.id, rel.type, relativeTarget(path, copyPath), false);
    kept.add(rel.id);
  }
  // Elements pointing at a relationship the copy does not have are left out of it.
  for (const local of ['drawing', 'legacyDrawing', 'legacyDrawingHF', 'picture', 'oleObjects', 'controls', 'tableParts', 'hyperlinks', 'pageSetup']) {
    frame.rewrite(local, (text) => dropRelationshipsNotIn(text, kept));
  }
  frame.rewrite('sheetPr', (text) => text.replace(/\scodeName\s*=\s*("[^"]*"|'[^']*')/, ''));
  frame.rewrite('sheetViews', (text) => text.replace(/\stabSelected\s*=\s*("[^"]*"|'[^']*')/g, ''));
  if (rels.list().length > 0) s.pkg.setText(relsPathOf(path), rels.text);
  addSheet(s, to, from.state, frame, renameTablesInRows(s.rowsOf(from.path), renames), path);
}

/**
 * A copied VML drawing (notes, header pictures) with a block of shape ids of its own: each drawing of
 * a workbook owns the ids 1024 × block + 1… (its <o:idmap data>), and two drawings must not share them.
 */
function renumberVml(s: XlsxSession, vml: string): string {
  let used = 0;
  for (const name of s.pkg.names().filter((n) => n.endsWith('.vml'))) {
    for (const m of s.pkg.readText(name).matchAll(/<o:idmap\b[^>]*\bdata="([\d,]+)"/g)) used = Math.max(used, ...m[1]!.split(',').map(Number));
  }
  const block = used + 1;
  const old = Number(/<o:idmap\b[^>]*\bdata="(\d+)/.exec(vml)?.[1] ?? NaN);
  if (Number.isNaN(old)) return vml;
  return vml.replace(/(<o:idmap\b[^>]*\bdata=")[\d,]+"/, `$1${block}"`)
    .replace(/_x0000_s(\d+)/g, (_m, n: string) => `_x0000_s${Number(n) - old * 1024 + block * 1024}`);
}

/** The first free part name `base` + n + `ext` (n = 1, 2, …). */
export function freePath(s: XlsxSession, base: string, ext: string): string {
  for (let n = 1; ; n++) if (!s.pkg.has(`${base}${n}${ext}`)) return `${base}${n}${ext}`;
}
