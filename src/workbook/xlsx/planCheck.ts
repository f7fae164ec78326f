/**
 * Everything that can fail without touching the workbook, checked before the first write (the file is
 * written only when the whole plan is through, but a refused plan must not leave half a package).
 */
import { WorkbookError, type CellInput, type WriteOp } from '../port';
import { boxAddress, intersects, parseBox, parseBoxes, type Box } from './box';
import { argbOf } from './package/styles';
import { findRowMoveBlockers } from './sheet/deleteRows';
import { isHashablePassword, passwordOpens } from './sheet/sheetProtection';
import { validationXml } from './sheet/validationXml';
import { readTable } from './sheet/tableXml';
import { REL, resolveTarget } from './package/parts';
import { key, widthOf, type SheetRef, type XlsxSession } from './session';
import { MAX_CELL_TEXT } from './xml/xml';

/** Excel's rules for sheet names. */
export function checkSheetName(name: string): void {
  if (name.trim() === '' || name.length > 31 || /[*?:/\\[\]]/.test(name) || /^'|'$/.test(name) || key(name) === 'history') {
    throw new WorkbookError('unsupported', `"${name}" cannot be a sheet name (1–31 characters, none of * ? : / \\ [ ], not starting or ending with ').`);
  }
}

/** The op's address as a box, or a refusal naming the op. */
export function needBox(address: string, what: string): Box {
  const box = parseBox(address);
  if (!box) throw new WorkbookError('not-found', `${what}: "${address}" is not a range address.`);
  return box;
}

function checkColour(color: string | undefined): void {
  if (color === undefined) return;
  try {
    argbOf(color);
  } catch {
    throw new WorkbookError('unsupported', `"${color}" is not a #RRGGBB colour.`);
  }
}

/** Print title rows as a defined name holds them ("$1:$3"), or a refusal: whole rows of the sheet, top first. */
export function needTitleRows(rows: string): string {
  const m = /^\$?(\d+):\$?(\d+)$/.exec(rows.trim());
  const top = Number(m?.[1]);
  const bottom = Number(m?.[2]);
  if (!m || top < 1 || bottom < top || bottom > 1_048_576) {
    throw new WorkbookError('unsupported', `pageLayout: "${rows}" is not a range of whole rows ("$1:$3").`);
  }
  return `$${top}:$${bottom}`;
}

const isBlankInput = (v: CellInput | undefined): boolean => v === null || v === undefined || v === '';

/**
 * Everything that can fail without touching the workbook, before the first write: sheets exist where
 * the plan needs them (following its own adds and deletes), none it changes is protected, nothing is
 * written into part of a merged area or an array formula, rows can be moved. Returns ops to skip.
 */
export function checkPlan(s: XlsxSession, ops: readonly WriteOp[]): Set<number> {
  const refs = s.sheetRefs();
  const exists = new Set(s.pkg.workbook.sheets().map((x) => key(x.name)));
  const created = new Set<string>();
  const touched = new Set<string>();
  const skip = new Set<number>();
  let structural = false;
  const mustExist = (name: string, what: string): void => {
    if (!exists.has(key(name))) throw new WorkbookError('not-found', `${what}: there is no sheet "${name}".`);
    if (!created.has(key(name)) && !refs.some((r) => key(r.name) === key(name))) {
      throw new WorkbookError('unsupported', `${what}: "${name}" is not a worksheet (a chart sheet or a macro sheet).`);
    }
  };
  // Sheets whose first op in the plan unprotects them (with the right password): their protection is no refusal.
  const opened = new Set<string>();
  const touch = (name: string): void => {
    if (!created.has(key(name)) && !opened.has(key(name))) touched.add(key(name));
  };
  ops.forEach((op, i) => {
    switch (op.op) {
      case 'addSheet':
        checkSheetName(op.name);
        if (exists.has(key(op.name))) throw new WorkbookError('exists', `addSheet: a sheet "${op.name}" already exists.`);
        exists.add(key(op.name));
        created.add(key(op.name));
        structural = true;
        return;
      case 'deleteSheet':
        if (!exists.has(key(op.name))) {
          skip.add(i);
          return;
        }
        touch(op.name);
        exists.delete(key(op.name));
        created.delete(key(op.name));
        structural = true;
        return;
      case 'copySheet':
        checkSheetName(op.to);
        mustExist(op.from, 'copySheet');
        if (exists.has(key(op.to))) throw new WorkbookError('exists', `copySheet: a sheet "${op.to}" already exists.`);
        exists.add(key(op.to));
        created.add(key(op.to));
        structural = true;
        return;
      case 'pivot':
        throw new WorkbookError('unsupported', `PivotTable "${op.name}": this tool cannot write PivotTables to a file; use the Excel add-in, or the summary's formula tables.`);
      case 'chart':
        throw new WorkbookError('unsupported', `Chart "${op.name}": this tool cannot write charts to a file; use the Excel add-in.`);
      case 'autoFilter':
      case 'clearAutoFilter':
        // Excel hides filtered rows when it filters, not when it opens a file: a filter written here would show every row.
        throw new WorkbookError('unsupported', `Showing only the rows with problems needs Excel (a filter written into a file would show every row); open the file in Excel and use the add-in.`);
      case 'unprotectSheet': {
        mustExist(op.sheet, op.op);
        const ref = refs.find((r) => key(r.name) === key(op.sheet));
        const tag = ref && !created.has(key(op.sheet)) ? s.scan(ref).frame.protectionTag() : null;
        const opens = tag === null ? true : passwordOpens(tag, op.password);
        if (opens === 'unknown') {
          throw new WorkbookError('protected', `The sheet "${op.sheet}" was protected in Excel with a password this tool cannot check; unprotect it in Excel (Review → Unprotect Sheet). Nothing was changed.`);
        }
        if (!opens) throw new WorkbookError('protected', `The password does not unprotect the sheet "${op.sheet}". Nothing was changed.`);
        if (!touched.has(key(op.sheet))) opened.add(key(op.sheet));
        return;
      }
      case 'protectSheet':
        if (op.password !== undefined && op.password !== '' && !isHashablePassword(op.password)) {
          throw new WorkbookError('unsupported', 'In a file, a sheet password can only use letters, digits and common symbols (at most 15); protect the sheet in Excel for any other password. Nothing was changed.');
        }
        break;
      case 'format':
        needBox(op.address, 'format');
        checkColour(op.fill);
        checkColour(op.fontColor);
        break;
      case 'addTable':
        needBox(op.address, 'addTable');
        break;
      case 'pageLayout':
        if (op.printTitleRows !== undefined) needTitleRows(op.printTitleRows);
        break;
      case 'validation':
        if (parseBoxes(op.address).length === 0) needBox(op.address, 'validation');
        validationXml('', op.address, op.rule, op);
        break;
      case 'conditionalFormat':
        if (parseBoxes(op.address).length === 0) needBox(op.address, 'conditionalFormat');
        checkColour(op.fill);
        checkColour(op.fontColor);
        break;
      case 'writeBlock':
        if (op.row < 0 || op.col < 0 || op.row + op.values.length > 1_048_576 ||
          op.col + widthOf(op.values) > 16_384) {
          throw new WorkbookError('too-large', `writeBlock: row ${op.row + 1}, column ${op.col + 1} and its ${op.values.length} rows do not fit on a sheet (1,048,576 rows × 16,384 columns).`);
        }
        for (const row of op.values) {
          for (const v of row) {
            if (typeof v === 'string' && v.length > MAX_CELL_TEXT) {
              throw new WorkbookError('too-large', `A cell can hold at most ${MAX_CELL_TEXT} characters; the add-in needed to write ${v.length} into sheet "${op.sheet}". Nothing was changed.`);
            }
          }
        }
        break;
      default:
        break;
    }
    mustExist(op.sheet, op.op);
    touch(op.sheet);
  });
  if (structural && s.pkg.workbook.structureLocked) {
    throw new WorkbookError('protected', 'The workbook structure is protected, and this needs to add, delete or rename sheets; unprotect it (Review → Protect Workbook) and try again. Nothing was changed.', 'workbook-structure');
  }
  for (const name of touched) {
    const ref = refs.find((r) => key(r.name) === name);
    if (ref && s.scan(ref).frame.isProtected) {
      throw new WorkbookError('protected', `The sheet "${ref.name}" is protected; unprotect it (Review → Unprotect Sheet) and try again. Nothing was changed.`);
    }
  }
  checkCellWrites(s, ops, created);
  for (const op of ops) {
    if (op.op !== 'deleteColumns' || created.has(key(op.sheet))) continue;
    const ref = refs.find((r) => key(r.name) === key(op.sheet));
    const blocker = ref ? columnMoveBlocker(s, ref, op.cols) : null;
    if (blocker) throw new WorkbookError('unsupported', `Columns of sheet "${op.sheet}" cannot be deleted in this file: ${blocker}. Nothing was changed.`);
  }
  for (const op of ops) {
    if (op.op !== 'deleteRows' || created.has(key(op.sheet))) continue;
    const ref = refs.find((r) => key(r.name) === key(op.sheet));
    if (!ref) continue;
    const blocker = findRowMoveBlockers(s.pkg, ref, s.scan(ref), op.rows);
    if (blocker) {
      throw new WorkbookError('unsupported', `Rows of sheet "${ref.name}" cannot be moved in this file: ${blocker}. Nothing was changed.`);
    }
  }
  return skip;
}

/**
 * Why the columns cannot be deleted here, or null: the file adapter moves the cells right of them only
 * when none holds a value (formulas are not re-pointed), and no merged area, table or filter is in the way.
 */
function columnMoveBlocker(s: XlsxSession, ref: SheetRef, cols: readonly number[]): string | null {
  if (cols.length === 0) return null;
  const gone = new Set(cols);
  const first = Math.min(...cols);
  const values: unknown[][] = [];
  s.scan(ref, values);
  for (const row of values) {
    for (let c = first; c < row.length; c++) {
      const v = row[c];
      if (!gone.has(c) && v !== null && v !== undefined && v !== '') return 'cells right of them hold values';
    }
  }
  const frame = s.scan(ref).frame;
  const moving: Box = { top: 1, bottom: 1_048_576, left: first + 1, right: 16_384 };
  if (frame.merges().some((m) => intersects(m, moving))) return 'merged cells lie in or right of them';
  const filter = frame.autoFilter();
  if (filter && intersects(filter, moving)) return 'a filter lies in or right of them';
  for (const rel of s.pkg.rels(ref.path).byType(REL.table)) {
    const target = resolveTarget(ref.path, rel.target);
    if (!s.pkg.has(target)) continue;
    const t = readTable(s.pkg.readText(target));
    const box = parseBox(t.ref);
    if (!box || intersects(box, moving)) return `table "${t.name}" lies in or right of them`;
  }
  const text = frame.elements().map((e) => e.text).join('');
  const ext = text.search(/<(?:\w+:)?extLst\b/);
  if (ext >= 0 && /sqref/.test(text.slice(ext))) return 'it has conditional formats or validations Excel keeps in its 2010 extension';
  return null;
}

/** No value lands in a merged area's cell other than its top-left, or inside an array formula's range. */
function checkCellWrites(s: XlsxSession, ops: readonly WriteOp[], created: ReadonlySet<string>): void {
  for (const op of ops) {
    if (op.op !== 'writeBlock' || created.has(key(op.sheet))) continue;
    const ref = s.sheetRefs().find((r) => key(r.name) === key(op.sheet));
    if (!ref) continue;
    const scan = s.scan(ref);
    const width = widthOf(op.values);
    if (width === 0 || op.values.length === 0) continue;
    const block: Box = { top: op.row + 1, left: op.col + 1, bottom: op.row + op.values.length, right: op.col + width };
    for (const m of scan.frame.merges()) {
      if (!intersects(m, block)) continue;
      for (let r = Math.max(m.top, block.top); r <= Math.min(m.bottom, block.bottom); r++) {
        const row = op.values[r - block.top] ?? [];
        for (let c = Math.max(m.left, block.left); c <= Math.min(m.right, block.right); c++) {
          if ((r === m.top && c === m.left) || isBlankInput(row[c - block.left])) continue;
          throw new WorkbookError('unsupported', `Cells ${boxAddress(m)} on sheet "${op.sheet}" are merged, and the add-in needs to write into ${boxAddress({ top: r, left: c, bottom: r, right: c })}; unmerge them (Home → Merge & Center) and try again. Nothing was changed.`, 'merged-cells');
        }
      }
    }
    for (const a of scan.arrays) {
      if (!intersects(a, block)) continue;
      throw new WorkbookError('unsupported', `Cells ${boxAddress(a)} on sheet "${op.sheet}" hold an array formula, and the add-in needs to write into them; move the formula and try again. Nothing was changed.`);
    }
  }
}
