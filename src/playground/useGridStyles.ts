import { makeStyles, tokens } from '@fluentui/react-components';

export const ROW_HEIGHT = 22;

export const useGridStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: 0, flexGrow: 1, backgroundColor: tokens.colorNeutralBackground1 },
  tabs: { display: 'flex', gap: '2px', padding: '4px', overflowX: 'auto', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, flexShrink: 0 },
  scroller: { overflow: 'auto', flexGrow: 1, minHeight: 0, position: 'relative', fontFamily: 'Calibri, "Segoe UI", "Microsoft YaHei", sans-serif', fontSize: '12px' },
  table: { borderCollapse: 'separate', borderSpacing: 0, tableLayout: 'fixed' },
  colHead: { position: 'sticky', top: 0, zIndex: 2, backgroundColor: tokens.colorNeutralBackground3, fontWeight: 'normal',
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`, borderBottom: `1px solid ${tokens.colorNeutralStroke1}`, height: `${ROW_HEIGHT}px`, textAlign: 'center' },
  corner: { position: 'sticky', top: 0, left: 0, zIndex: 3, backgroundColor: tokens.colorNeutralBackground3, width: '44px',
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`, borderBottom: `1px solid ${tokens.colorNeutralStroke1}` },
  rowHead: { position: 'sticky', left: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground3, textAlign: 'right', paddingRight: '4px',
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, fontWeight: 'normal' },
  cell: { height: `${ROW_HEIGHT - 1}px`, maxHeight: `${ROW_HEIGHT - 1}px`, padding: '0 4px', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis',
    borderRight: `1px solid ${tokens.colorNeutralStroke3}`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, color: '#000' },
  number: { textAlign: 'right' },
  // A merged cell spans rows: its height is theirs, not one row's.
  merged: { height: 'auto', maxHeight: 'none' },
  editing: { padding: 0, overflow: 'visible' },
  editor: { width: '100%', minWidth: '120px', height: `${ROW_HEIGHT - 1}px`, minHeight: 0, backgroundColor: tokens.colorNeutralBackground1 },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  footer: { padding: '2px 8px', borderTop: `1px solid ${tokens.colorNeutralStroke2}`, flexShrink: 0 },
  empty: { padding: '16px' },
});

export type GridStyles = ReturnType<typeof useGridStyles>;
