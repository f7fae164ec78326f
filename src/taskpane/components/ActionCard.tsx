/** One card per action: what it does, its primary button, a spinner while it runs, then its result or error. */
import type { ReactNode } from 'react';
import { Button, Card, CardHeader, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text } from '@fluentui/react-components';
import type { ActionId, PaneStrings } from '../../i18n/pane';
import type { ActionState } from '../usePane';
import type { PaneStyles } from '../usePaneStyles';

export interface ActionCardProps {
  id: ActionId;
  s: PaneStrings;
  state: ActionState;
  disabled: boolean;
  hint: string | null;
  onRun: () => void;
  result: ReactNode;
}

export function renderActionCard(p: ActionCardProps, styles: PaneStyles) {
  const { name, about } = p.s.actions[p.id];
  const headingId = `action-${p.id}-title`;
  return (
    <Card key={p.id} className={styles.card} aria-busy={p.state.busy ? 'true' : 'false'} aria-labelledby={headingId} data-action={p.id} role="region">
      <CardHeader header={<Text weight="semibold" id={headingId}>{name}</Text>} description={<Text size={200} className={styles.muted}>{about}</Text>} />
      <div className={styles.cardBody}>
        <div className={styles.row}>
          <Button appearance="primary" disabled={p.disabled} onClick={p.onRun}>{name}</Button>
          {p.state.busy ? <Spinner size="tiny" label={p.s.running} /> : null}
          {p.hint ? <Text size={200} className={styles.muted}>{p.hint}</Text> : null}
        </div>
        {p.state.error ? (
          <MessageBar intent="error"><MessageBarBody><MessageBarTitle>{p.s.errorTitle}</MessageBarTitle>{p.state.error}</MessageBarBody></MessageBar>
        ) : null}
        {p.result}
      </div>
    </Card>
  );
}
