/**
 * The parts of an .xlsx package and the two small registries every edit touches: content types
 * ([Content_Types].xml) and relationships (*.rels). Both are edited by splicing their text, so
 * whatever else they hold stays as it was.
 */
import { attribute, childElements, escapeAttr, rootElement } from '../xml/xml';

export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  table: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table',
  calcChain: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain',
  hyperlink: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink',
} as const;

/** The same relationship types in Strict Open XML, which the tool does not write. */
export const STRICT_MAIN_NS = 'http://purl.oclc.org/ooxml/spreadsheetml/main';

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
} as const;

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels". */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's target as a part name, resolved against the folder of the part that holds it. */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = sourcePart.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

/** The target to write in `sourcePart`'s rels for `part` (relative, as Excel writes them). */
export function relativeTarget(sourcePart: string, part: string): string {
  const from = sourcePart.split('/').slice(0, -1);
  const to = part.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** A .rels part: read, and edited by adding or removing single Relationship elements. */
export class Relationships {
  constructor(private xml: string) {}

  static empty(): Relationships {
    return new Relationships('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>');
  }

  get text(): string {
    return this.xml;
  }

  list(): Relationship[] {
    const root = rootElement(this.xml);
    return childElements(this.xml, root.innerStart, root.innerEnd)
      .filter((e) => e.local === 'Relationship')
      .map((e) => ({
        id: attribute(e.tag, 'Id') ?? '',
        type: attribute(e.tag, 'Type') ?? '',
        target: attribute(e.tag, 'Target') ?? '',
        external: attribute(e.tag, 'TargetMode') === 'External',
      }));
  }

  byType(type: string): Relationship[] {
    return this.list().filter((r) => r.type === type);
  }

  get(id: string): Relationship | undefined {
    return this.list().find((r) => r.id === id);
  }

  /** Adds a relationship and returns its new id (rId1, rId2… the first not taken). */
  add(type: string, target: string): string {
    const taken = new Set(this.list().map((r) => r.id));
    let n = taken.size + 1;
    while (taken.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const root = rootElement(this.xml);
    const element = `<Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(target)}"/>`;
    this.xml = root.selfClosing
      ? `${this.xml.slice(0, root.start)}${root.tag.slice(0, -2)}>${element}</${root.qname}>${this.xml.slice(root.end)}`
      : `${this.xml.slice(0, root.innerEnd)}${element}${this.xml.slice(root.innerEnd)}`;
    return id;
  }

  /** Adds a relationship under a given id (a copy of a part keeps the ids its XML refers to). */
  addWithId(id: string, type: string, target: string, external: boolean): void {
    const root = rootElement(this.xml);
    const element = `<Relationship Id="${escapeAttr(id)}" Type="${escapeAttr(type)}" Target="${escapeAttr(target)}"${external ? ' TargetMode="External"' : ''}/>`;
    this.xml = root.selfClosing
      ? `${this.xml.slice(0, root.start)}${root.tag.slice(0, -2)}>${element}</${root.qname}>${this.xml.slice(root.end)}`
      : `${this.xml.slice(0, root.innerEnd)}${element}${this.xml.slice(root.innerEnd)}`;
  }

  remove(id: string): void {
    const root = rootElement(this.xml);
    const el = childElements(this.xml, root.innerStart, root.innerEnd).find((e) => e.local === 'Relationship' && attribute(e.tag, 'Id') === id);
    if (el) this.xml = this.xml.slice(0, el.start) + this.xml.slice(el.end);
  }
}

/** [Content_Types].xml: an Override per part we add, removed with the part. */
export class ContentTypes {
  constructor(private xml: string) {}

  get text(): string {
    return this.xml;
  }

  private overrides() {
    const root = rootElement(this.xml);
    return childElements(this.xml, root.innerStart, root.innerEnd).filter((e) => e.local === 'Override');
  }

  /** The content type of a part: its Override, else the Default for its extension. */
  typeOf(part: string): string | undefined {
    const o = this.overrides().find((e) => attribute(e.tag, 'PartName') === `/${part}`);
    if (o) return attribute(o.tag, 'ContentType');
    const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    const root = rootElement(this.xml);
    const d = childElements(this.xml, root.innerStart, root.innerEnd)
      .find((e) => e.local === 'Default' && (attribute(e.tag, 'Extension') ?? '').toLowerCase() === ext);
    return d ? attribute(d.tag, 'ContentType') : undefined;
  }

  setOverride(part: string, contentType: string): void {
    this.removeOverride(part);
    const root = rootElement(this.xml);
    const element = `<Override PartName="/${escapeAttr(part)}" ContentType="${escapeAttr(contentType)}"/>`;
    this.xml = `${this.xml.slice(0, root.innerEnd)}${element}${this.xml.slice(root.innerEnd)}`;
  }

  hasOverride(part: string): boolean {
    return this.overrides().some((e) => attribute(e.tag, 'PartName') === `/${part}`);
  }

  removeOverride(part: string): void {
    const el = this.overrides().find((e) => attribute(e.tag, 'PartName') === `/${part}`);
    if (el) this.xml = this.xml.slice(0, el.start) + this.xml.slice(el.end);
  }
}
