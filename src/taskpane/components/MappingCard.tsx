/** The customer sheet and its columns: field, chosen column (editable), confidence, how it was found and the evidence in words. */
import { Badge, Button, Card, CardHeader, Field, Select, Text } from '@fluentui/react-components';
import { FIELD_LABELS } from '../logic/fieldLabels';
import type { WorkbookView } from '../../addin/workbookView';
import type { PaneState } from '../usePane';
import type { PaneStyles } from '../usePaneStyles';
import { useMappingEditor } from './useMappingEditor';

type Ready = Extract<WorkbookView, { kind: 'ready' }>;

export function MappingCard({ view, pane, styles }: { view: Ready; pane: PaneState; styles: PaneStyles }) {
  const editor = useMappingEditor(view);
  return renderMappingCard(view, pane, styles, editor);
}

function confidenceColor(c: number): 'success' | 'warning' | 'danger' {
  return c >= 0.8 ? 'success' : c >= 0.5 ? 'warning' : 'danger';
}

function renderMappingCard(view: Ready, pane: PaneState, styles: PaneStyles, editor: ReturnType<typeof useMappingEditor>) {
  const { s, locale } = pane;
  const label = (field: string) => FIELD_LABELS[field]?.[locale] ?? field;
  return (
    <Card className={styles.card} role="region" aria-labelledby="mapping-title">
      <CardHeader header={<Text weight="semibold" id="mapping-title">{s.mappingTitle}</Text>}
/>
      {view.sheets.length > 1 ? (
        <Field label={s.sheetLabel} size="small">
          <Select size="small" value={view.sheet} disabled={pane.anyBusy} onChange={(_, d) => pane.chooseSheet(d.value)}>
            {view.sheets.map((n) => <option key={n} value={n}>{n}</option>)}
          </Select>
        </Field>
      ) : null}
      <table className={styles.table}>
        <thead>
          <tr><th className={styles.th} scope="col">{s.mappingField}</th><th className={styles.th} scope="col">{s.mappingColumn}</th>
            <th className={styles.th} scope="col">{s.mappingConfidence}</th></tr>
        </thead>
        <tbody>
          {view.mapping.map((m) => (
            <tr key={m.field}>
              <th className={styles.td} scope="row">{label(m.field)}</th>
              <td className={styles.td}>
                <Select size="small" aria-label={s.mappingSelect(label(m.field))} value={editor.columnOf(m.field, m.column)}
                  disabled={pane.anyBusy} onChange={(_, d) => editor.choose(m.field, d.value)}>
                  {view.headers.map((h) => <option key={h.column} value={h.column}>{`${h.column} · ${h.header}`}</option>)}
                </Select>
              </td>
              <td className={styles.td}>
                <Badge appearance="tint" color={confidenceColor(m.confidence)}>{`${Math.round(m.confidence * 100)}%`}</Badge>{' '}
                <Text size={200} className={styles.muted}>{s.how[m.how] ?? m.how}</Text>
                {m.evidence?.length ? (
                  <><br /><Text size={200} className={styles.muted}>{m.evidence.map((code) => s.evidence(code, m.header)).join(' · ')}</Text></>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div>
        <Button disabled={pane.anyBusy || !editor.changed} onClick={() => void pane.saveMapping(editor.mapping())}>{s.mappingSave}</Button>
      </div>
    </Card>
  );
}
