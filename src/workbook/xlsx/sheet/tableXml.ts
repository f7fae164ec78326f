/** Excel table parts (xl/tables/tableN.xml): reading their name and range, writing a new one. */
import { attribute, escapeAttr, rootElement, withAttribute } from '../xml/xml';

export interface TablePart {
  id: number;
  name: string;
  ref: string;
}

export function readTable(xml: string): TablePart {
  const root = rootElement(xml);
  return {
    id: Number(attribute(root.tag, 'id') ?? 0),
    name: attribute(root.tag, 'displayName') ?? attribute(root.tag, 'name') ?? '',
    ref: attribute(root.tag, 'ref') ?? '',
  };
}

/** The table with its range (and its autofilter's) set to `ref`. */
export function withTableRef(xml: string, ref: string): string {
  const root = rootElement(xml);
  let out = `${xml.slice(0, root.start)}${withAttribute(root.tag, 'ref', ref)}${xml.slice(root.start + root.tag.length)}`;
  out = out.replace(/(<(?:\w+:)?autoFilter\b[^>]*\bref\s*=\s*)("[^"]*"|'[^']*')/, `$1"${ref}"`);
  return out;
}

export function newTableXml(table: TablePart, headers: readonly string[], style: string): string {
  const columns = headers.map((h, i) => `<tableColumn id="${i + 1}" name="${escapeAttr(h)}"/>`).join('');
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${table.id}" name="${escapeAttr(table.name)}" ` +
    `displayName="${escapeAttr(table.name)}" ref="${table.ref}" totalsRowShown="0"><autoFilter ref="${table.ref}"/>` +
    `<tableColumns count="${headers.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${escapeAttr(style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
}

/** A table name Excel accepts, made from `base`, not in `taken` (lower case). */
export function uniqueTableName(base: string, taken: ReadonlySet<string>): string {
  let clean = base.replace(/[^\w.\\\u0080-\uffff]/g, '_');
  if (!/^[A-Za-z_\\\u0080-\uffff]/.test(clean)) clean = `_${clean}`;
  // A name that reads as a cell reference (A1, R1C1) is not allowed.
  if (/^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[RrCc])$/.test(clean)) clean = `_${clean}`;
  clean = clean.slice(0, 250);
  let name = clean;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${clean}_${n}`;
  return name;
}

/** A copy of a table part under a new id and name (the range, columns and style as they are). */
export function renameTable(xml: string, id: number, name: string): string {
  const root = rootElement(xml);
  const tag = withAttribute(withAttribute(withAttribute(root.tag, 'id', String(id)), 'name', name), 'displayName', name);
  return `${xml.slice(0, root.start)}${tag}${xml.slice(root.start + root.tag.length)}`;
}

/** Rows with structured references to renamed tables following the new names (a copied sheet's own tables). */
export function* renameTablesInRows(rows: Iterable<string>, renames: ReadonlyMap<string, string>): Generator<string> {
  if (renames.size === 0) {
    yield* rows;
    return;
  }
  const patterns = [...renames].map(([from, to]) => [new RegExp(`(^|[^\\w.\\u0080-\\uffff])${from.replace(/[.\\]/g, (c) => `\\${c}`)}\\[`, 'gi'), to] as const);
  for (const row of rows) {
    if (![...renames.keys()].some((n) => row.toLowerCase().includes(`${n.toLowerCase()}[`))) {
      yield row;
      continue;
    }
    yield row.replace(/(<(?:\w+:)?f\b[^>]*>)([^<]*)(<\/(?:\w+:)?f>)/g, (_m, open: string, body: string, close: string) => {
      let text = body;
      for (const [re, to] of patterns) text = text.replace(re, (_x, pre: string) => `${pre}${to}[`);
      return `${open}${text}${close}`;
    });
  }
}
