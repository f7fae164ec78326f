/**
 * One card per action: what it does, its primary button, a spinner while it runs (a progress bar with
 * the phase and Cancel once the run is long), then its result, its error, or why it stopped.
 */
import type { ReactNode } from 'react';
import { Button, Card, CardHeader, Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Spinner, Text } from '@fluentui/react-components';
import type { ActionId, PaneStrings } from '../../i18n/pane';
import type { ActionProgress } from '../../addin/runAction';
import type { ActionState } from '../usePane';
import type { PaneStyles } from '../usePaneStyles';

export interface ActionCardProps {
  id: ActionId;
  s: PaneStrings;
  state: ActionState;
  disabled: boolean;
  hint: string | null;
  onRun: () => void;
  onCancel: () => void;
  result: ReactNode;
  /** Below the button (the live-check switch of "Check phones & emails"). */
  extra?: ReactNode;
  /** What the action does, when the host changes it (the playground downloads the masked copy). */
  about?: string;
}

/** The phase in words: "Reading…", "Checking rows 40,000 of 100,000", "Writing…". */
export function phaseText(p: ActionProgress, s: PaneStrings): string {
  if (p.phase === 'write') return s.progressWrite;
  if (p.phase === 'analyze' && p.total > 0) return s.progressAnalyze(Math.min(p.done, p.total), p.total);
  return s.progressRead;
}

function renderProgress(p: ActionCardProps, progress: ActionProgress, styles: PaneStyles) {
  const writing = progress.phase === 'write';
  const hintId = `action-${p.id}-finishing`;
  // Reading has no known total: an indeterminate bar.
  const value = progress.phase !== 'read' && progress.total > 0 ? Math.min(1, progress.done / progress.total) : undefined;
  return (
    <div className={styles.progress}>
      <Field label={phaseText(progress, p.s)} size="small" className={styles.grow}>
        <ProgressBar value={value} thickness="large" />
      </Field>
      <div className={styles.row}>
        <Button size="small" disabledFocusable={writing} aria-describedby={writing ? hintId : undefined} onClick={p.onCancel}>{p.s.cancel}</Button>
        {writing ? <Text size={200} id={hintId} className={styles.muted}>{p.s.finishing}</Text> : null}
      </div>
    </div>
  );
}

export function renderActionCard(p: ActionCardProps, styles: PaneStyles) {
  const { name } = p.s.actions[p.id];
  const about = p.about ?? p.s.actions[p.id].about;
  const headingId = `action-${p.id}-title`;
  const { busy, progress } = p.state;
  return (
    <Card key={p.id} className={styles.card} aria-busy={busy ? 'true' : 'false'} aria-labelledby={headingId} data-action={p.id} role="region">
      <CardHeader header={<Text weight="semibold" id={headingId}>{name}</Text>} description={<Text size={200} className={styles.muted}>{about}</Text>} />
      <div className={styles.cardBody}>
        <div className={styles.row}>
          <Button appearance="primary" disabled={p.disabled} onClick={p.onRun}>{name}</Button>
          {busy && !progress ? <Spinner size="tiny" label={p.s.running} /> : null}
          {p.hint ? <Text size={200} className={styles.muted}>{p.hint}</Text> : null}
        </div>
        {busy && progress ? renderProgress(p, progress, styles) : null}
        {p.extra}
        {p.state.stopped ? (
          <MessageBar intent="info" role="status"><MessageBarBody>{p.state.stopped}</MessageBarBody></MessageBar>
        ) : null}
        {p.state.error ? (
          <MessageBar intent="error"><MessageBarBody><MessageBarTitle>{p.s.errorTitle}</MessageBarTitle>{p.state.error}</MessageBarBody></MessageBar>
        ) : null}
        {p.state.note ? <Text size={200} className={styles.muted}>{p.state.note}</Text> : null}
        {p.result}
      </div>
    </Card>
  );
}
