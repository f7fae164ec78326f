import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text } from '@fluentui/react-components';
import { CollapsibleCard } from '../CollapsibleCard/CollapsibleCard';
import type { ProtectCardProps, ProtectCardState } from './ProtectCard.types';

export function renderProtectCard({ pane, styles }: ProtectCardProps, card: ProtectCardState) {
  const { s } = pane;
  const disabled = pane.anyBusy || pane.view?.kind !== 'ready';
  return (
    <CollapsibleCard title={s.protectTitle} titleId="protect-title" toggleLabel={s.cardDetails(s.protectTitle)} defaultOpen={false}
      attention={card.busy ? 'busy' : card.resultText ?? card.error} busy={card.busy} data={{ 'data-card': 'protect' }}>
      <Text size={200} className={styles.muted}>{s.protectAbout}</Text>
      <Field label={s.protectPassword} hint={s.protectPasswordHint} className={styles.shrink}>
        <Input type="password" autoComplete="new-password" className={styles.fill} value={card.password}
          onChange={(_, d) => card.setPassword(d.value)} />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" disabled={disabled} onClick={() => card.run('protectLedger')}>{s.protectRun}</Button>
        <Button disabled={disabled} onClick={() => card.run('unprotectLedger')}>{s.unprotectRun}</Button>
      </div>
      {card.columns.length > 0 ? (
        // A group of checkboxes, not a Field: a Field gives its one control its id, and every checkbox would share it.
        <div role="group" aria-labelledby="hide-columns-label" aria-describedby="hide-columns-hint" className={styles.cardBody}>
          <Text id="hide-columns-label" weight="semibold">{s.hideColumnsLabel}</Text>
          <Text id="hide-columns-hint" size={200} className={styles.muted}>{s.hideColumnsHint}</Text>
          <div className={styles.checkList}>
            {card.columns.map((c) => (
              <Checkbox key={c.column} label={s.hideColumnOption(c.column, c.header)} checked={card.chosen.includes(c.column)}
                onChange={(_, d) => card.tick(c.column, d.checked === true)} />
            ))}
          </div>
          {/* The list scrolls: what is ticked is said below it, whatever is in view. */}
          <Text size={200} className={styles.wrap}>{s.hideColumnsTicked(card.chosen.map((c) => s.hideColumnOption(c, card.columns.find((h) => h.column === c)?.header ?? '')))}</Text>
        </div>
      ) : null}
      <div className={styles.row}>
        <Button disabled={disabled} onClick={() => card.run('hideColumns')}>{s.hideAmountsRun}</Button>
        <Button disabled={disabled} onClick={() => card.run('showColumns')}>{s.showAmountsRun}</Button>
        {card.busy ? <Spinner size="tiny" label={s.running} /> : null}
      </div>
      {card.resultText ? <Text role="status" className={styles.wrap}>{card.resultText}</Text> : null}
      {card.error ? (
        <MessageBar intent="error"><MessageBarBody><MessageBarTitle>{s.errorTitle}</MessageBarTitle>{card.error}</MessageBarBody></MessageBar>
      ) : null}
      <Text size={200} className={styles.muted}>{s.protectUndo}</Text>
    </CollapsibleCard>
  );
}
