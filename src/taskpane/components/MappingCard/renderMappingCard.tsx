import { Badge, Button, MessageBar, MessageBarBody, Select, Text, mergeClasses } from '@fluentui/react-components';
import { FIELD_LABELS } from '../../logic/fieldLabels';
import { renderSheetPicker } from '../SheetPicker';
import { CollapsibleCard } from '../CollapsibleCard/CollapsibleCard';
import type { MappingCardProps, MappingCardState } from './MappingCard.types';
import type { MappingCardStyles } from './useMappingCardStyles.styles';

/** At or above this the column is taken as sure (a green badge); below it the card opens so the user looks. */
const SURE = 0.8;

function confidenceColor(c: number): 'success' | 'warning' | 'danger' {
  return c >= SURE ? 'success' : c >= 0.5 ? 'warning' : 'danger';
}

/**
 * The status (sheet, header row, customers), "is this the right sheet?", the sheet list and how many
 * columns were recognised: always shown. The columns themselves open by default only when one needs a
 * look or another sheet looks as likely: a ledger of 17 sure columns would otherwise push every
 * action a screen and a half down a 320 px pane.
 */
export function renderMappingCard({ view, pane, styles }: MappingCardProps, editor: MappingCardState, own: MappingCardStyles) {
  const { s, locale } = pane;
  const label = (field: string) => FIELD_LABELS[field]?.[locale] ?? field;
  const unsure = view.mapping.filter((m) => m.confidence < SURE).length;
  const needsLook = unsure > 0 || view.alternatives.length > 0;
  const summary = (
    <div className={styles.cardBody}>
      <Text className={own.summary}>{s.sheetSummary(view.sheet, view.headerRow, view.dataRows)}</Text>
      {view.alternatives.length > 0 ? (
        <MessageBar intent="warning"><MessageBarBody>{s.sheetUnsure(view.sheet, view.alternatives)}</MessageBarBody></MessageBar>
      ) : null}
      {view.sheets.length > 1 ? renderSheetPicker({ s, sheets: view.sheets, value: view.sheet, disabled: pane.anyBusy, onChoose: pane.chooseSheet, styles }) : null}
      <Text size={200} className={styles.muted}>{s.mappingSummary(view.mapping.length, unsure)}</Text>
    </div>
  );
  return (
    <CollapsibleCard title={s.mappingTitle} titleId="mapping-title" toggleLabel={s.cardDetails(s.mappingTitle)} defaultOpen={needsLook}
      attention={needsLook ? `${view.sheet}|${unsure}|${view.alternatives.join('|')}` : null} data={{ 'data-card': 'mapping' }}
      summary={summary}>
      <ul className={own.fields} aria-label={s.mappingTitle}>
        {view.mapping.map((m) => (
          <li key={m.field} className={own.field}>
            <div className={own.head}>
              <Text weight="semibold">{label(m.field)}</Text>
              <Badge className={own.badge} appearance="tint" color={confidenceColor(m.confidence)}
                title={s.mappingConfidence}>{`${Math.round(m.confidence * 100)}%`}</Badge>
              <Text size={200} className={styles.muted}>{s.how[m.how] ?? m.how}</Text>
            </div>
            <Select size="small" className={styles.fill} aria-label={s.mappingSelect(label(m.field))} value={editor.columnOf(m.field, m.column)}
              disabled={pane.anyBusy} onChange={(_, d) => editor.choose(m.field, d.value)}>
              {view.headers.map((h) => <option key={h.column} value={h.column}>{`${h.column} · ${h.header}`}</option>)}
            </Select>
            {m.evidence?.length ? (
              <Text size={200} className={mergeClasses(styles.muted, own.evidence)}>{m.evidence.map((code) => s.evidence(code, m.header)).join(' · ')}</Text>
            ) : null}
          </li>
        ))}
      </ul>
      <div>
        <Button disabled={pane.anyBusy || !editor.changed} onClick={() => void pane.saveMapping(editor.mapping())}>{s.mappingSave}</Button>
      </div>
    </CollapsibleCard>
  );
}
