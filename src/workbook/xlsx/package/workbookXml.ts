/**
 * xl/workbook.xml: the sheets in tab order, defined names, the 1904 date system, structure protection
 * and the calculation settings — read, and edited by splicing (new sheets appended, ours removed).
 */
import { quoteSheet } from '../../../core/grid/a1';
import { attribute, attributes, childElements, decodeXml, escapeAttr, escapeText, openTag, rootElement, withAttribute, type ElementSpan } from '../xml/xml';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface WorkbookSheet {
  name: string;
  sheetId: number;
  relId: string;
  state: SheetState;
}

export interface DefinedName {
  name: string;
  /** Index of the sheet the name is scoped to (tab order), or null for a workbook-wide name. */
  localSheetId: number | null;
  hidden: boolean;
  formula: string;
}

/** CT_Workbook's children in schema order: a new element goes after the last one before it. */
const ORDER = ['fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups',
  'externalReferences', 'definedNames', 'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes',
  'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

function relIdOf(tag: string): string {
  for (const [k, v] of attributes(tag)) if (k.endsWith(':id')) return v;
  return '';
}

export class WorkbookXml {
  constructor(private xml: string) {}

  get text(): string {
    return this.xml;
  }

  private children(): { root: ElementSpan; kids: ElementSpan[] } {
    const root = rootElement(this.xml);
    return { root, kids: childElements(this.xml, root.innerStart, root.innerEnd) };
  }

  private child(local: string): ElementSpan | undefined {
    return this.children().kids.find((k) => k.local === local);
  }

  get prefix(): string {
    const q = rootElement(this.xml).qname;
    return q.slice(0, q.indexOf(':') + 1);
  }

  get namespace(): string | undefined {
    const root = rootElement(this.xml);
    const p = this.prefix;
    return attribute(root.tag, p ? `xmlns:${p.slice(0, -1)}` : 'xmlns');
  }

  sheets(): WorkbookSheet[] {
    const sheets = this.child('sheets');
    if (!sheets) return [];
    return childElements(this.xml, sheets.innerStart, sheets.innerEnd)
      .filter((e) => e.local === 'sheet')
      .map((e) => {
        const state = attribute(e.tag, 'state');
        return {
          name: attribute(e.tag, 'name') ?? '',
          sheetId: Number(attribute(e.tag, 'sheetId') ?? 0),
          relId: relIdOf(e.tag),
          state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        };
      });
  }

  get date1904(): boolean {
    const pr = this.child('workbookPr');
    const v = pr ? attribute(pr.tag, 'date1904') : undefined;
    return v === '1' || v === 'true';
  }

  /** Sheets cannot be added, removed, moved or hidden (Review → Protect Workbook). */
  get structureLocked(): boolean {
    const p = this.child('workbookProtection');
    const v = p ? attribute(p.tag, 'lockStructure') : undefined;
    return v === '1' || v === 'true';
  }

  definedNames(): DefinedName[] {
    const names = this.child('definedNames');
    if (!names) return [];
    return childElements(this.xml, names.innerStart, names.innerEnd)
      .filter((e) => e.local === 'definedName')
      .map((e) => {
        const local = attribute(e.tag, 'localSheetId');
        const hidden = attribute(e.tag, 'hidden');
        return {
          name: attribute(e.tag, 'name') ?? '',
          localSheetId: local === undefined ? null : Number(local),
          hidden: hidden === '1' || hidden === 'true',
          formula: decodeXml(this.xml.slice(e.innerStart, e.innerEnd)),
        };
      });
  }

  /** Rewrites every defined name's formula (e.g. after rows moved); `change` returns the new text or the same. */
  mapDefinedNames(change: (name: DefinedName) => string): void {
    const names = this.child('definedNames');
    if (!names) return;
    const elements = childElements(this.xml, names.innerStart, names.innerEnd).filter((e) => e.local === 'definedName');
    const all = this.definedNames();
    // Back to front, so earlier spans stay valid.
    for (let i = elements.length - 1; i >= 0; i--) {
      const e = elements[i]!;
      const formula = change(all[i]!);
      if (formula !== all[i]!.formula) this.xml = `${this.xml.slice(0, e.innerStart)}${escapeText(formula)}${this.xml.slice(e.innerEnd)}`;
    }
  }

  /** Inserts a child of the root element in its schema position. */
  private insertChild(local: string, element: string): void {
    const { root, kids } = this.children();
    const rank = ORDER.indexOf(local);
    let at = root.innerStart;
    for (const k of kids) {
      const r = ORDER.indexOf(k.local);
      if (r >= 0 && r < rank) at = k.end;
    }
    this.xml = `${this.xml.slice(0, at)}${element}${this.xml.slice(at)}`;
  }

  addSheet(sheet: WorkbookSheet, relPrefix: string): void {
    const p = this.prefix;
    const state = sheet.state === 'visible' ? '' : ` state="${sheet.state}"`;
    const element = `<${p}sheet name="${escapeAttr(sheet.name)}" sheetId="${sheet.sheetId}"${state} ${relPrefix}:id="${escapeAttr(sheet.relId)}"/>`;
    const sheets = this.child('sheets');
    if (!sheets) {
      this.insertChild('sheets', `<${p}sheets>${element}</${p}sheets>`);
    } else if (sheets.selfClosing) {
      this.xml = `${this.xml.slice(0, sheets.start)}${openTag(sheets)}${element}</${sheets.qname}>${this.xml.slice(sheets.end)}`;
    } else {
      this.xml = `${this.xml.slice(0, sheets.innerEnd)}${element}${this.xml.slice(sheets.innerEnd)}`;
    }
  }

  /** The prefix bound to the relationships namespace on the root ("r" almost always). */
  relPrefix(): string {
    const root = rootElement(this.xml);
    for (const [k, v] of attributes(root.tag)) {
      if (k.startsWith('xmlns:') && v === 'http://schemas.openxmlformats.org/officeDocument/2006/relationships') return k.slice(6);
    }
    // Not declared on the root: declare it, so a new <sheet r:id> is well formed.
    this.xml = `${this.xml.slice(0, root.start)}${withAttribute(root.tag, 'xmlns:r', 'http://schemas.openxmlformats.org/officeDocument/2006/relationships')}${this.xml.slice(root.start + root.tag.length)}`;
    return 'r';
  }

  /**
   * Removes the sheet at tab position `index`: names scoped to it go, later scopes move down by one,
   * and the active and first visible tab stay on a sheet that exists.
   */
  removeSheet(index: number): void {
    const sheets = this.child('sheets');
    if (!sheets) return;
    const el = childElements(this.xml, sheets.innerStart, sheets.innerEnd).filter((e) => e.local === 'sheet')[index];
    if (!el) return;
    this.xml = this.xml.slice(0, el.start) + this.xml.slice(el.end);
    const names = this.child('definedNames');
    if (names) {
      const elements = childElements(this.xml, names.innerStart, names.innerEnd).filter((e) => e.local === 'definedName');
      for (let i = elements.length - 1; i >= 0; i--) {
        const e = elements[i]!;
        const local = attribute(e.tag, 'localSheetId');
        if (local === undefined) continue;
        const n = Number(local);
        if (n === index) this.xml = this.xml.slice(0, e.start) + this.xml.slice(e.end);
        else if (n > index) this.xml = `${this.xml.slice(0, e.start)}${withAttribute(e.tag, 'localSheetId', String(n - 1))}${this.xml.slice(e.start + e.tag.length)}`;
      }
      const left = this.child('definedNames');
      if (left && childElements(this.xml, left.innerStart, left.innerEnd).length === 0) this.xml = this.xml.slice(0, left.start) + this.xml.slice(left.end);
    }
    const count = this.sheets().length;
    const views = this.child('bookViews');
    if (views) {
      for (const v of childElements(this.xml, views.innerStart, views.innerEnd).reverse()) {
        let tag = v.tag;
        for (const key of ['activeTab', 'firstSheet']) {
          const t = attribute(tag, key);
          if (t === undefined) continue;
          const n = Number(t);
          const moved = n > index ? n - 1 : n;
          tag = withAttribute(tag, key, String(Math.max(0, Math.min(moved, count - 1))));
        }
        if (tag !== v.tag) this.xml = `${this.xml.slice(0, v.start)}${tag}${this.xml.slice(v.start + v.tag.length)}`;
      }
    }
  }

  /**
   * The rows repeated at the top of every printed page of the sheet at tab position `index`: its
   * _xlnm.Print_Titles name ("'Calls today'!$1:$3"), replaced when it has one (title columns in it are
   * kept), added otherwise. No other name is touched.
   */
  setPrintTitleRows(index: number, sheetName: string, rows: string): void {
    const p = this.prefix;
    const ref = `${quoteSheet(sheetName)}!${rows}`;
    const names = this.child('definedNames');
    const elements = names ? childElements(this.xml, names.innerStart, names.innerEnd).filter((e) => e.local === 'definedName') : [];
    const own = elements.filter((e) => (attribute(e.tag, 'name') ?? '').toLowerCase() === '_xlnm.print_titles' && attribute(e.tag, 'localSheetId') === String(index));
    if (own.length > 0) {
      const first = own[0]!;
      // Title columns ("'S'!$A:$B") stay; any title rows are replaced. Excel writes the columns first.
      const columns = decodeXml(this.xml.slice(first.innerStart, first.innerEnd)).match(/(?:'(?:[^']|'')*'|[^,'!]+)!\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}(?![\w$])/g) ?? [];
      const formula = [...columns.map((c) => c.trim()), ref].join(',');
      const element = `${openTag(first)}${escapeText(formula)}</${first.qname}>`;
      // Back to front: a second (broken) copy goes, the first is rewritten in place.
      for (const extra of own.slice(1).reverse()) this.xml = this.xml.slice(0, extra.start) + this.xml.slice(extra.end);
      this.xml = `${this.xml.slice(0, first.start)}${element}${this.xml.slice(first.end)}`;
      return;
    }
    const element = `<${p}definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeText(ref)}</${p}definedName>`;
    if (!names) this.insertChild('definedNames', `<${p}definedNames>${element}</${p}definedNames>`);
    else if (names.selfClosing) this.xml = `${this.xml.slice(0, names.start)}${openTag(names)}${element}</${names.qname}>${this.xml.slice(names.end)}`;
    else this.xml = `${this.xml.slice(0, names.innerEnd)}${element}${this.xml.slice(names.innerEnd)}`;
  }

  /** Excel recalculates every formula on open: the ones written here have no cached results. */
  setFullCalcOnLoad(): void {
    const calc = this.child('calcPr');
    if (calc) {
      this.xml = `${this.xml.slice(0, calc.start)}${withAttribute(calc.tag, 'fullCalcOnLoad', '1')}${this.xml.slice(calc.start + calc.tag.length)}`;
    } else {
      this.insertChild('calcPr', `<${this.prefix}calcPr fullCalcOnLoad="1"/>`);
    }
  }
}
