/**
 * addTable: an Excel table over existing cells, or, where Excel would have to change the cells to make
 * one, a filter and a bold header instead.
 */
import type { WriteOp } from '../../port';
import { boxAddress, intersects, parseBox } from '../box';
import { CONTENT_TYPE, REL, resolveTarget } from '../package/parts';
import { needBox } from '../planCheck';
import { readSheet } from '../sheet/readSheet';
import { newTableXml, readTable, uniqueTableName, withTableRef } from '../sheet/tableXml';
import { attribute, rootElement } from '../xml/xml';
import type { Pending, SheetRef, XlsxSession } from '../session';

type Op<K extends WriteOp['op']> = Extract<WriteOp, { op: K }>;

/**
 * An Excel table over existing cells. Where Excel would have to rename headers (blank, duplicate, not
 * text, multi-line) or the range holds merged cells, an autofilter and a bold header row instead,
 * which changes no cell value. Skipped when a table already covers the range (idempotent).
 */
export function addTable(s: XlsxSession, ref: SheetRef, op: Op<'addTable'>): void {
  const box = needBox(op.address, 'addTable');
  if (box.bottom === box.top) box.bottom++; // Excel adds one empty row under a header-only table
  const tables = tablesOf(s, ref);
  if (tables.some((t) => {
    const b = parseBox(t.ref);
    return b !== null && intersects(b, box);
  })) return;
  const p = s.pendingOf(ref);
  const headers: string[] = [];
  let usable = true;
  for (let c = box.left; c <= box.right; c++) {
    const v = cellAfterPending(s, ref, p, box.top, c);
    if (typeof v !== 'string' || v.trim() === '' || /[\r\n\t]/.test(v) || v.length > 255) usable = false;
    else headers.push(v);
  }
  if (new Set(headers.map((h) => h.toLowerCase())).size !== headers.length) usable = false;
  if (p.frame.merges().some((m) => intersects(m, box))) usable = false;
  if (!usable) {
    if (!p.frame.autoFilter()) p.frame.setAutoFilter(box);
    p.cellOps.push({ kind: 'style', box: { ...box, bottom: box.top }, change: { bold: true } });
    return;
  }
  const filter = p.frame.autoFilter();
  if (filter && intersects(filter, box)) p.frame.removeAutoFilter(); // a table cannot sit under a sheet filter
  const taken = new Set<string>([...allTables(s).map((t) => t.name.toLowerCase()), ...s.pkg.workbook.definedNames().map((d) => d.name.toLowerCase())]);
  const name = uniqueTableName(op.name, taken);
  const id = Math.max(0, ...allTables(s).map((t) => t.id)) + 1;
  let n = 1;
  while (s.pkg.has(`xl/tables/table${n}.xml`)) n++;
  const path = `xl/tables/table${n}.xml`;
  s.pkg.setText(path, newTableXml({ id, name, ref: boxAddress(box) }, headers, op.style ?? 'TableStyleMedium2'));
  s.pkg.contentTypes.setOverride(path, CONTENT_TYPE.table);
  const relId = s.pkg.relate(ref.path, REL.table, path);
  p.frame.addTablePart(relId, p.frame.relPrefix());
}

/**
 * growTable: each of the sheet's tables headed on the op's header row over the written columns takes in
 * the rows down to its last row, when it ends within reach; skipped where Excel's Table.resize would
 * refuse or move cells (a totals row, no header row, another table or a merged area in the way).
 */
export function growTable(s: XlsxSession, ref: SheetRef, op: Op<'growTable'>): void {
  const parts = tableParts(s, ref);
  const boxes = new Map(parts.map((p) => [p.path, parseBox(readTable(p.xml).ref)]));
  for (const { path, xml } of parts) {
    const box = boxes.get(path);
    const root = rootElement(xml).tag;
    if (!box || box.top !== op.headerRow + 1 || box.left > op.lastCol + 1 || box.right < op.firstCol + 1) continue;
    if (Number(attribute(root, 'totalsRowCount') ?? 0) > 0 || attribute(root, 'headerRowCount') === '0') continue;
    if (box.bottom >= op.lastRow + 1 || box.bottom < op.fromRow) continue;
    const grown = { ...box, bottom: op.lastRow + 1 };
    if ([...boxes].some(([other, b]) => other !== path && b !== null && intersects(b, grown))) continue;
    if (s.pendingOf(ref).frame.merges().some((m) => intersects(m, grown))) continue;
    s.pkg.setText(path, withTableRef(xml, boxAddress(grown)));
    boxes.set(path, grown);
  }
}

function tableParts(s: XlsxSession, ref: SheetRef): { path: string; xml: string }[] {
  return s.pkg.rels(ref.path).byType(REL.table).flatMap((rel) => {
    const path = resolveTarget(ref.path, rel.target);
    return s.pkg.has(path) ? [{ path, xml: s.pkg.readText(path) }] : [];
  });
}

function tablesOf(s: XlsxSession, ref: SheetRef): { id: number; name: string; ref: string }[] {
  return tableParts(s, ref).map((p) => readTable(p.xml));
}

export function allTables(s: XlsxSession): { id: number; name: string; ref: string }[] {
  return s.pkg.names().filter((n) => /^xl\/tables\/[^/]+\.xml$/.test(n)).map((n) => readTable(s.pkg.readText(n)));
}

/** A cell's value once the plan's earlier writes are in (1-based row and column). */
function cellAfterPending(s: XlsxSession, ref: SheetRef, p: Pending, row: number, col: number): unknown {
  for (let i = p.cellOps.length - 1; i >= 0; i--) {
    const op = p.cellOps[i]!;
    if (op.kind !== 'values' || row < op.top || row >= op.top + op.rows.length) continue;
    const v = op.rows[row - op.top]?.[col - op.left];
    if (col >= op.left && v !== undefined) return v;
  }
  let found: unknown = null;
  readSheet(s.pkg.readTexts(ref.path), s.valueContext, { rowRange: { from: row, to: row }, onCell: (r, c, v) => { if (r === row && c === col - 1) found = v; } });
  return found;
}
