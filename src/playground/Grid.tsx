/** The simulated workbook as a grid: sheet tabs, sticky headers, only the rows in view rendered. */
import { Input, Tab, TabList, Text } from '@fluentui/react-components';
import type { PaneStrings } from '../i18n/pane';
import { columnLetter } from '../core/grid/a1';
import type { Playground } from './simHost';
import { MAX_COLUMNS, useGrid } from './useGrid';
import { useGridStyles, type GridStyles } from './useGridStyles';

export function Grid({ pg, version, s }: { pg: Playground; version: number; s: PaneStrings }) {
  const grid = useGrid(pg, version);
  const styles = useGridStyles();
  return renderGrid(grid, styles, s);
}

function renderGrid(grid: ReturnType<typeof useGrid>, styles: GridStyles, s: PaneStrings) {
  const shownRows = grid.rows.length;
  return (
    <section className={styles.wrap} aria-label={s.gridLabel(grid.sheet)}>
      <TabList className={styles.tabs} size="small" selectedValue={grid.sheet} aria-label={s.sheetTabs}
        onTabSelect={(_, d) => grid.setSheet(String(d.value))}>
        {grid.names.map((n) => <Tab key={n} value={n} data-sheet={n}>{n}</Tab>)}
      </TabList>
      <div className={styles.scroller} ref={grid.scroller} onScroll={grid.onScroll} onKeyDown={grid.onKeyDown} tabIndex={0} data-testid="grid"
        aria-label={s.gridLabel(grid.sheet)} aria-describedby="grid-help">
        {grid.rowCount === 0 ? <div className={styles.empty}><Text>—</Text></div> : (
          <table className={styles.table} role="grid" aria-rowcount={grid.rowCount} aria-colcount={grid.totalCols}>
            <colgroup>
              <col style={{ width: 44 }} />
              {grid.widths.map((w, c) => <col key={c} style={{ width: w }} />)}
            </colgroup>
            <thead>
              <tr>
                <th className={styles.corner} aria-hidden="true" />
                {grid.widths.map((_, c) => <th key={c} className={styles.colHead} scope="col">{columnLetter(c)}</th>)}
              </tr>
            </thead>
            <tbody>
              {grid.topPad > 0 ? <tr aria-hidden="true" style={{ height: grid.topPad }}><td colSpan={grid.colCount + 1} /></tr> : null}
              {grid.rows.map((row) => (
                <tr key={row.index} aria-rowindex={row.index + 1}>
                  <th className={styles.rowHead} scope="row">{row.index + 1}</th>
                  {row.cells.map((cell, c) => {
                    if (cell.covered) return null;
                    const { row: r, col } = cell.at;
                    const address = grid.addressOf(r, col);
                    const editing = grid.editing && grid.editing.row === r && grid.editing.col === col ? grid.editing : null;
                    return (
                      <td key={c} title={cell.text || undefined} data-cell={address} data-merge={cell.merge ?? undefined}
                        rowSpan={cell.rowSpan > 1 ? cell.rowSpan : undefined} colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
                        className={`${styles.cell}${cell.numeric ? ` ${styles.number}` : ''}${cell.merge ? ` ${styles.merged}` : ''}${cell.selected ? ` ${styles.selected}` : ''}${editing ? ` ${styles.editing}` : ''}`}
                        style={{ backgroundColor: cell.fill ?? undefined, fontWeight: cell.bold ? 600 : undefined, color: cell.color === '#000000' ? undefined : cell.color }}
                        aria-selected={cell.selected || undefined}
                        onClick={() => grid.select(r, col)} onDoubleClick={() => grid.beginEdit(r, col)}>
                        {editing ? (
                          <Input size="small" appearance="underline" autoFocus className={styles.editor} aria-label={s.editCell(address)} value={editing.text}
                            onChange={(_, d) => grid.setEditText(d.value)} onBlur={grid.commitEdit}
                            onKeyDown={(e) => {
                              if (e.key === 'Enter' || e.key === 'Tab') { e.preventDefault(); grid.commitEdit(); }
                              else if (e.key === 'Escape') { e.preventDefault(); grid.cancelEdit(); }
                            }} />
                        ) : cell.text}
                      </td>
                    );
                  })}
                </tr>
              ))}
              {grid.bottomPad > 0 ? <tr aria-hidden="true" style={{ height: grid.bottomPad }}><td colSpan={grid.colCount + 1} /></tr> : null}
            </tbody>
          </table>
        )}
      </div>
      <Text size={200} className={styles.footer}>
        {s.rowsShown(shownRows, grid.rowCount)}{grid.totalCols > MAX_COLUMNS ? ` (${MAX_COLUMNS}/${grid.totalCols})` : ''}
        {' '}<span id="grid-help">{s.gridHelp}</span>
      </Text>
    </section>
  );
}
