/**
 * One plan over the package: the checks first (planCheck.ts), then each op in plan order on the sheets'
 * pending rows and frames, every sheet written out once at the end. Nothing is saved until the caller
 * asks for the bytes, so a refused plan leaves the file as it was.
 */
import { WorkbookError, throwIfStopped, type ApplyOptions, type WriteOp, type WritePlan } from '../port';
import { conditionalFormat } from './ops/conditionalFormat';
import { deleteRows } from './ops/deleteRows';
import { clearRange, deleteColumns, removeConditionalFormats, removeValidation } from './ops/columns';
import { columnWidths, format, freeze, pageLayout } from './ops/format';
import { hideColumns, protectSheet, unprotectSheet } from './ops/protection';
import { addSheet, copySheet, deleteSheet } from './ops/sheets';
import { addTable, growTable } from './ops/table';
import { validation } from './ops/validation';
import { writeBlock } from './ops/writeBlock';
import { REL, resolveTarget } from './package/parts';
import { checkPlan } from './planCheck';
import type { XlsxSession } from './session';

export async function runPlan(s: XlsxSession, plan: WritePlan, options: ApplyOptions = {}): Promise<void> {
  const skip = checkPlan(s, plan.ops);
  throwIfStopped(options.signal);
  const total = plan.ops.length;
  let changed = false;
  for (let i = 0; i < plan.ops.length; i++) {
    if (!skip.has(i)) {
      applyOp(s, plan.ops[i]!);
      changed = true;
    }
    options.onProgress?.({ done: i + 1, total });
    await options.turn?.();
  }
  s.flushAll();
  if (changed) afterChange(s);
}

function applyOp(s: XlsxSession, op: WriteOp): void {
  switch (op.op) {
    case 'addSheet':
      addSheet(s, op.name, op.visibility ?? 'visible');
      return;
    case 'deleteSheet':
      deleteSheet(s, s.ref(op.name));
      return;
    case 'copySheet':
      copySheet(s, s.ref(op.from), op.to);
      return;
    case 'writeBlock':
      writeBlock(s, op);
      return;
    case 'format':
      format(s, op);
      return;
    case 'columnWidths':
      columnWidths(s, op);
      return;
    case 'freeze':
      freeze(s, op);
      return;
    case 'pageLayout':
      pageLayout(s, op);
      return;
    case 'validation':
      validation(s, op);
      return;
    case 'conditionalFormat':
      conditionalFormat(s, op);
      return;
    case 'addTable':
      addTable(s, s.ref(op.sheet), op);
      return;
    case 'growTable':
      growTable(s, s.ref(op.sheet), op);
      return;
    case 'deleteRows':
      deleteRows(s, op);
      return;
    case 'protectSheet':
      protectSheet(s, op);
      return;
    case 'unprotectSheet':
      unprotectSheet(s, op);
      return;
    case 'hideColumns':
      hideColumns(s, op);
      return;
    case 'deleteColumns':
      deleteColumns(s, op);
      return;
    case 'clearRange':
      clearRange(s, op);
      return;
    case 'removeConditionalFormats':
      removeConditionalFormats(s, op);
      return;
    case 'removeValidation':
      removeValidation(s, op);
      return;
    case 'pivot':
    case 'chart':
    case 'autoFilter':
    case 'clearAutoFilter':
      throw new WorkbookError('unsupported', `${op.op}: this tool cannot write it to a file.`);
  }
}

/** Excel recalculates on open (new formulas have no cached results) and rebuilds its calculation chain. */
function afterChange(s: XlsxSession): void {
  s.pkg.workbook.setFullCalcOnLoad();
  const rels = s.pkg.rels(s.pkg.workbookPath);
  for (const rel of rels.byType(REL.calcChain)) {
    s.pkg.remove(resolveTarget(s.pkg.workbookPath, rel.target));
    rels.remove(rel.id);
    s.pkg.touchRels(s.pkg.workbookPath);
  }
}
