import { MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text } from '@fluentui/react-components';
import { CollapsibleCard } from '../CollapsibleCard/CollapsibleCard';
import { ConfirmButton } from '../ConfirmButton';
import type { BackupsCardProps, BackupsCardState } from './BackupsCard.types';
import type { BackupsCardStyles } from './useBackupsCardStyles.styles';

export function renderBackupsCard({ backups, pane, styles }: BackupsCardProps, card: BackupsCardState, own: BackupsCardStyles) {
  const { s, restoreState: st } = pane;
  return (
    <CollapsibleCard title={s.backupsTitle} titleId="backups-title" toggleLabel={s.cardDetails(s.backupsTitle)} defaultOpen={false}
      attention={card.attention} busy={st.busy !== null} data={{ 'data-card': 'backups' }}>
      <Text size={200} className={styles.muted}>{s.backupsAbout}</Text>
      <ul className={styles.list} aria-labelledby="backups-title">
        {backups.map((b) => (
          <li key={b.sheet} className={own.item}>
            <span className={own.name}>
              <Text weight="semibold">{b.sheet}</Text>
              {b.of || b.made ? <Text size={200} className={styles.muted}>{` · ${s.backupOf(b.of, b.made, b.before)}`}</Text> : null}
            </span>
            <ConfirmButton size="small" label={s.restore} ariaLabel={s.restoreLabel(b.sheet)} title={s.restoreTitle} lines={card.rules(b)}
              confirm={s.restoreConfirm} cancel={s.restoreCancel} disabled={pane.anyBusy} onConfirm={() => void pane.restore(b.sheet)} />
            {st.busy === b.sheet ? <Spinner size="tiny" label={s.running} /> : null}
          </li>
        ))}
      </ul>
      {st.result ? <MessageBar intent="success" role="status"><MessageBarBody>{st.result}</MessageBarBody></MessageBar> : null}
      {st.error ? <MessageBar intent="error"><MessageBarBody><MessageBarTitle>{s.errorTitle}</MessageBarTitle>{st.error}</MessageBarBody></MessageBar> : null}
    </CollapsibleCard>
  );
}
