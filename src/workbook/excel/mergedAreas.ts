/// <reference types="office-js" />
/**
 * Merged cells under the plan's block writes. Excel refuses a value written into a merged area's cell
 * other than its top-left, and by then the plan's earlier ops are done: the preflight looks at the
 * merged areas of each block's own cells (Range.getMergedAreasOrNullObject, ExcelApi 1.13). That call
 * fails above 512 areas (Chinese ledgers merge a lot): then the blocks are probed again in halves until
 * each piece answers.
 */
import { WorkbookError, type WriteOp } from '../port';
import { blockAddress, parseRange, stripSheet } from '../../core/grid/a1';
import { intersects, type Rect } from '../../core/grid/rect';
import { blockRect, sheetKey } from './planShape';
import type { Session } from './session';

export interface BlockProbe { sheet: string; rect: Rect }
export interface MergedProbe { sheet: string; read(): Rect[] }

/** Queues one load per block, to be sent with the caller's sync. */
export function queueMergedAreas(s: Session, blocks: readonly BlockProbe[]): MergedProbe[] {
  return blocks.map(({ sheet, rect }) => {
    const areas = s.context.workbook.worksheets.getItem(sheet).getRangeByIndexes(rect.r0, rect.c0, rect.r1 - rect.r0 + 1, rect.c1 - rect.c0 + 1).getMergedAreasOrNullObject().load('address');
    return { sheet, read: () => (areas.isNullObject ? [] : splitAreas(areas.address).map((a) => parseRange(stripSheet(a))).filter((r): r is Rect => r !== null)) };
  });
}

/** Merged areas per sheet key, each once. */
export function mergedBySheet(probes: readonly MergedProbe[]): Map<string, Rect[]> {
  const out = new Map<string, Rect[]>();
  const seen = new Set<string>();
  for (const p of probes) {
    for (const r of p.read()) {
      const id = `${sheetKey(p.sheet)}!${r.r0},${r.c0},${r.r1},${r.c1}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const list = out.get(sheetKey(p.sheet)) ?? [];
      list.push(r);
      out.set(sheetKey(p.sheet), list);
    }
  }
  return out;
}

/** The rect in two along its longer side; itself when it is one cell. */
function halves(r: Rect): Rect[] {
  const rows = r.r1 - r.r0 + 1;
  const cols = r.c1 - r.c0 + 1;
  if (rows === 1 && cols === 1) return [r];
  if (rows >= cols) {
    const mid = r.r0 + Math.floor(rows / 2) - 1;
    return [{ ...r, r1: mid }, { ...r, r0: mid + 1 }];
  }
  const mid = r.c0 + Math.floor(cols / 2) - 1;
  return [{ ...r, c1: mid }, { ...r, c0: mid + 1 }];
}

/**
 * The blocks' merged areas in syncs of their own. A refused sync does not say which load failed: the
 * blocks are tried again in two groups, and a block alone that still fails is tried in two halves.
 */
export async function probeMergedAreas(s: Session, blocks: readonly BlockProbe[]): Promise<Map<string, Rect[]>> {
  return mergedBySheet(await probeEach(s, blocks));
}

async function probeEach(s: Session, blocks: readonly BlockProbe[]): Promise<MergedProbe[]> {
  if (blocks.length === 0) return [];
  s.doing = 'looking at merged cells';
  const probes = queueMergedAreas(s, blocks);
  try {
    await s.sync();
    return probes;
  } catch (e) {
    const only = blocks[0] as BlockProbe;
    const parts = blocks.length > 1 ? [blocks.slice(0, blocks.length >> 1), blocks.slice(blocks.length >> 1)] : halves(only.rect).map((rect) => [{ sheet: only.sheet, rect }]);
    if (parts.length < 2) throw e;
    const out: MergedProbe[] = [];
    for (const part of parts) out.push(...(await probeEach(s, part)));
    return out;
  }
}

/** "S!A1:B2,'a,b'!C3:C4" → ["S!A1:B2", "'a,b'!C3:C4"]: commas inside quoted sheet names do not split. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") quoted = !quoted;
    else if (ch === ',' && !quoted) {
      out.push(address.slice(start, i));
      start = i + 1;
    }
  }
  if (address.length > start) out.push(address.slice(start));
  return out.filter((a) => a.trim() !== '');
}

/** No block write puts a value into a merged area's cell other than its top-left (Excel would refuse it mid-plan). */
export function checkMergedWrites(ops: readonly WriteOp[], original: readonly boolean[], merged: Map<string, Rect[]>): void {
  ops.forEach((op, i) => {
    if (op.op !== 'writeBlock' || !original[i]) return;
    const areas = merged.get(sheetKey(op.sheet));
    const block = blockRect(op);
    if (!areas || !block) return;
    for (const m of areas) {
      if (!intersects(m, block)) continue;
      for (let r = Math.max(m.r0, block.r0); r <= Math.min(m.r1, block.r1); r++) {
        const row = op.values[r - op.row] ?? [];
        for (let c = Math.max(m.c0, block.c0); c <= Math.min(m.c1, block.c1); c++) {
          if (r === m.r0 && c === m.c0) continue;
          const v = row[c - op.col];
          if (v === null || v === undefined || v === '') continue;
          const shown = blockAddress(m.r0, m.c0, m.r1 - m.r0 + 1, m.c1 - m.c0 + 1);
          throw new WorkbookError('unsupported', `Cells ${shown} on sheet "${op.sheet}" are merged, and the add-in needs to write into ${blockAddress(r, c, 1, 1)}; unmerge them (Home → Merge & Center) and try again. Nothing was changed.`, 'merged-cells');
        }
      }
    }
  });
}
