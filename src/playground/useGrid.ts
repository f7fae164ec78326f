/**
 * The grid's state: the sheet on show (following the sheet Excel activates), the scroll window, and the
 * visible cells read from the simulator. Only the rows in view are read and rendered (10k-row sheets stay
 * responsive); columns are capped. A merged area is one cell, selected and edited as a whole, as in Excel.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type UIEvent } from 'react';
import { columnLetter, parseRange, rangeAddress, stripSheet } from '../core/grid/a1';
import type { Rect } from '../core/grid/rect';
import { areaAt, cellKey, mergeLayout } from './mergeLayout';
import type { Playground } from './simHost';
import { ROW_HEIGHT } from './useGridStyles';

export const MAX_COLUMNS = 60;
const OVERSCAN = 8;

export interface GridCell {
  text: string; fill: string | null; bold: boolean; color: string; numeric: boolean; selected: boolean;
  /** The cell whose content this one shows (a merged area's top-left), 0-based. */
  at: { row: number; col: number };
  /** Inside a merged area drawn by another cell: not rendered. */
  covered: boolean;
  rowSpan: number;
  colSpan: number;
  /** The merged area's address ("A1:H1"), null for an ordinary cell. */
  merge: string | null;
}

/** The cell being typed into (0-based), and its text so far. */
export interface GridEdit { row: number; col: number; text: string }

const MOVES: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

export function useGrid(pg: Playground, version: number) {
  const sim = pg.sim;
  const names = useMemo(() => sim.workbook.sheetNames(), [sim, version]);
  const model = sim.workbook.model;
  const activeName = model.activeSheet?.name ?? names[0] ?? '';
  const [shown, setShown] = useState<string>(activeName);
  const lastActive = useRef(activeName);
  const scroller = useRef<HTMLDivElement | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  // Follow Excel's active sheet when an action (or "go to cell") changes it.
  useEffect(() => {
    if (activeName !== lastActive.current) {
      lastActive.current = activeName;
      setShown(activeName);
    }
  }, [activeName, version]);
  const sheet = names.includes(shown) ? shown : (names[0] ?? '');

  const selection = model.selection && model.selection.sheet.name === sheet ? model.selection.rect : null;
  const selectionKey = selection ? `${sheet}:${selection.r0}:${selection.c0}` : '';
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || !selection) return;
    const top = selection.r0 * ROW_HEIGHT;
    if (top < el.scrollTop || top > el.scrollTop + el.clientHeight - 3 * ROW_HEIGHT) el.scrollTop = Math.max(0, top - el.clientHeight / 3);
  }, [selectionKey]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setHeight(el.clientHeight || 600);
    measure();
    const ro = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null;
    ro?.observe(el);
    return () => ro?.disconnect();
  }, []);

  const view = sheet ? sim.workbook.sheet(sheet) : null;
  const usedAddress = view?.usedAddress() ?? null;
  const used = usedAddress ? parseRange(stripSheet(usedAddress)) : null; // drawn from A1 to its bottom-right
  const rowCount = used ? used.r1 + 1 : 0;
  const colCount = Math.min(used ? used.c1 + 1 : 0, MAX_COLUMNS);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rowCount - 1, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);

  const areas = (view?.merges() ?? []).map((m) => parseRange(stripSheet(m))).filter((a): a is Rect => a !== null);
  const layout = mergeLayout(areas, first, last, colCount);
  const isSelected = (a: Rect) => Boolean(selection && a.r0 <= selection.r1 && a.r1 >= selection.r0 && a.c0 <= selection.c1 && a.c1 >= selection.c0);
  const rows: { index: number; cells: GridCell[] }[] = [];
  if (view) {
    for (let r = first; r <= last; r++) {
      const cells: GridCell[] = [];
      for (let c = 0; c < colCount; c++) {
        const key = cellKey(r, c);
        if (layout.covered.has(key)) {
          cells.push({ text: '', fill: null, bold: false, color: '', numeric: false, selected: false, at: { row: r, col: c }, covered: true, rowSpan: 1, colSpan: 1, merge: null });
          continue;
        }
        const merged = layout.drawn.get(key);
        const area = merged?.area ?? { r0: r, c0: c, r1: r, c1: c };
        const cell = view.cell(`${columnLetter(area.c0)}${area.r0 + 1}`);
        cells.push({
          text: cell.text, fill: cell.conditionalFill ?? cell.fill, bold: cell.bold, color: cell.fontColor,
          numeric: typeof cell.value === 'number',
          selected: isSelected(area),
          at: { row: area.r0, col: area.c0 }, covered: false,
          rowSpan: merged?.rowSpan ?? 1, colSpan: merged?.colSpan ?? 1, merge: merged ? rangeAddress(area) : null,
        });
      }
      rows.push({ index: r, cells });
    }
  }
  const widths = Array.from({ length: colCount }, (_, c) => {
    const w = view?.columnWidths.get(c);
    return Math.round(Math.min(320, Math.max(48, w ? (w * 4) / 3 : 72)));
  });

  // Editing, as in Excel: click selects, double-click / Enter / F2 / typing edits, Enter or Tab commits, Escape cancels.
  const [editing, setEditing] = useState<GridEdit | null>(null);
  const committed = useRef(false);
  const addressOf = (row: number, col: number) => `${columnLetter(col)}${row + 1}`;
  // A cell of a merged area selects the whole area, and typing goes to its top-left cell.
  const select = (row: number, col: number) => {
    const at = { row: Math.max(0, row), col: Math.max(0, col) };
    const area = areaAt(areas, at.row, at.col);
    void pg.select(sheet, area ? rangeAddress(area) : addressOf(at.row, at.col));
  };
  const beginEdit = (row: number, col: number, text?: string) => {
    committed.current = false;
    const area = areaAt(areas, row, col);
    const at = area ? { row: area.r0, col: area.c0 } : { row, col };
    const value = view?.cell(addressOf(at.row, at.col)).value;
    setEditing({ ...at, text: text ?? (value === null || value === undefined ? '' : String(value)) });
  };
  const endEdit = (keep: boolean) => {
    if (!editing || committed.current) return;
    committed.current = true;
    setEditing(null);
    if (keep) void pg.edit(sheet, addressOf(editing.row, editing.col), editing.text);
    scroller.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing || e.target !== e.currentTarget || !sheet) return;
    const at = selection ? { row: selection.r0, col: selection.c0 } : null;
    const move = MOVES[e.key];
    if (move) {
      e.preventDefault();
      // From the selection's edge in the direction of the move, so a merged area is crossed in one step.
      if (selection) select(move[0] > 0 ? selection.r1 + 1 : selection.r0 + move[0], move[1] > 0 ? selection.c1 + 1 : selection.c0 + move[1]);
      else select(0, 0);
    } else if (at && (e.key === 'Enter' || e.key === 'F2')) {
      e.preventDefault();
      beginEdit(at.row, at.col);
    } else if (at && e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      beginEdit(at.row, at.col, e.key);
    }
  };

  return {
    editing, addressOf, select, beginEdit, onKeyDown,
    setEditText: (text: string) => setEditing((ed) => (ed ? { ...ed, text } : ed)),
    commitEdit: () => endEdit(true),
    cancelEdit: () => endEdit(false),
    names, sheet, setSheet: setShown, scroller, rows, widths, rowCount, colCount,
    totalCols: used ? used.c1 + 1 : 0,
    topPad: first * ROW_HEIGHT,
    bottomPad: Math.max(0, (rowCount - 1 - last) * ROW_HEIGHT),
    onScroll: (e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop),
  };
}
