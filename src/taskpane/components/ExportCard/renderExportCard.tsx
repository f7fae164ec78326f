import { Button, Field, MessageBar, MessageBarBody, Select, Spinner, Text } from '@fluentui/react-components';
import type { CrmFormat } from '../../../core/crmExport';
import { crmSignalText } from '../../../i18n/pane';
import { CollapsibleCard } from '../CollapsibleCard/CollapsibleCard';
import type { ExportCardProps, ExportCardState } from './ExportCard.types';
import { EXPORT_FORMATS } from './useExportCard';
import type { ExportCardStyles } from './useExportCardStyles.styles';

export function renderExportCard({ pane, styles }: ExportCardProps, state: ExportCardState, own: ExportCardStyles) {
  const { s } = pane;
  const disabled = pane.anyBusy || state.busy;
  return (
    <CollapsibleCard title={s.exportTitle} titleId="export-title" toggleLabel={s.cardDetails(s.exportTitle)} defaultOpen={false}
      attention={state.done ?? state.error} busy={state.busy} data={{ 'data-card': 'export' }}
      summary={(
        <div className={styles.row}>
          <Button disabled={disabled} onClick={() => void state.run()}>{s.exportRun}</Button>
          {state.busy ? <Spinner size="tiny" /> : null}
        </div>
      )}>
      <Text size={200} className={styles.muted}>{s.exportAbout}</Text>
      <Field label={s.exportFormat} className={styles.shrink}>
        <Select size="small" className={own.format} value={state.format} disabled={disabled}
          onChange={(_, d) => state.choose(d.value as CrmFormat)}>
          {EXPORT_FORMATS.map((f) => <option key={f} value={f}>{s.exportFormats[f]}</option>)}
        </Select>
      </Field>
      <Text size={200} className={styles.wrap}>{s.exportHelp[state.format]}</Text>
      {pane.view?.kind === 'ready' ? (
        <section aria-labelledby="crm-when-title" className={styles.group}>
          <Text id="crm-when-title" weight="semibold">{s.crmWhenTitle}</Text>
          {pane.view.crmSignals.length === 0 ? <Text size={200} className={styles.wrap}>{s.crmNotYet}</Text> : (
            <ul className={styles.list}>
              {pane.view.crmSignals.map((sig) => (
                <li key={sig.code}><Text size={200} className={styles.wrap}>{crmSignalText(s, sig)}</Text></li>
              ))}
            </ul>
          )}
          <Text size={200} className={styles.wrap}>{s.crmHow}</Text>
        </section>
      ) : null}
      {state.error ? <MessageBar intent="error" role="alert"><MessageBarBody className={styles.wrap}>{state.error}</MessageBarBody></MessageBar> : null}
      {state.done ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody className={styles.wrap}>{s.exportDone(state.done.count, state.done.fileName)}</MessageBarBody>
        </MessageBar>
      ) : null}
    </CollapsibleCard>
  );
}
