/**
 * The grid's state: the sheet on show (following the sheet Excel activates), the scroll window, and the
 * visible cells read from the simulator. Only the rows in view are read and rendered (10k-row sheets stay
 * responsive); columns are capped.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type UIEvent } from 'react';
import type { SimHost } from '../sim';
import { columnLetter, usedExtent } from './a1';
import { ROW_HEIGHT } from './useGridStyles';

export const MAX_COLUMNS = 60;
const OVERSCAN = 8;

export interface GridCell { text: string; fill: string | null; bold: boolean; color: string; numeric: boolean; selected: boolean }

export function useGrid(sim: SimHost, version: number) {
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
  const extent = usedExtent(view?.usedAddress() ?? null);
  const rowCount = extent?.rows ?? 0;
  const colCount = Math.min(extent?.cols ?? 0, MAX_COLUMNS);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rowCount - 1, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);

  const rows: { index: number; cells: GridCell[] }[] = [];
  if (view) {
    for (let r = first; r <= last; r++) {
      const cells: GridCell[] = [];
      for (let c = 0; c < colCount; c++) {
        const cell = view.cell(`${columnLetter(c)}${r + 1}`);
        cells.push({
          text: cell.text, fill: cell.conditionalFill ?? cell.fill, bold: cell.bold, color: cell.fontColor,
          numeric: typeof cell.value === 'number',
          selected: Boolean(selection && r >= selection.r0 && r <= selection.r1 && c >= selection.c0 && c <= selection.c1),
        });
      }
      rows.push({ index: r, cells });
    }
  }
  const widths = Array.from({ length: colCount }, (_, c) => {
    const w = view?.columnWidths.get(c);
    return Math.round(Math.min(320, Math.max(48, w ? (w * 4) / 3 : 72)));
  });

  return {
    names, sheet, setSheet: setShown, scroller, rows, widths, rowCount, colCount,
    totalCols: extent?.cols ?? 0,
    topPad: first * ROW_HEIGHT,
    bottomPad: Math.max(0, (rowCount - 1 - last) * ROW_HEIGHT),
    onScroll: (e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop),
  };
}
