/**
 * One card per action: its primary button always in reach, and — when open — what it does, a spinner
 * while it runs (a progress bar with the phase and Cancel once the run is long), then its result, its
 * error, or why it stopped. It opens by itself when it runs, has something to say, or is the next step.
 */
import type { ReactNode } from 'react';
import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Spinner, Text } from '@fluentui/react-components';
import type { ActionId, PaneStrings } from '../../i18n/pane';
import type { ActionProgress } from '../../addin/runAction';
import type { ActionState } from '../paneState';
import type { PaneStyles } from '../usePaneStyles';
import { CollapsibleCard } from './CollapsibleCard/CollapsibleCard';

export interface ActionCardProps {
  id: ActionId;
  s: PaneStrings;
  state: ActionState;
  disabled: boolean;
  hint: string | null;
  onRun: () => void;
  onCancel: () => void;
  result: ReactNode;
  /** Beside the button, open or collapsed (the live-check switch of "Check phones & emails"). */
  extra?: ReactNode;
  /** Choices for the next run, in the card's body below what it does (the tiers' RFM option). */
  options?: ReactNode;
  /** What the action does, when the host changes it (the playground downloads the masked copy). */
  about?: string;
  /** What the action will go by, in words (the phone region, the as-of date). */
  context?: ReactNode;
  /** The next useful step: open from the start, and opened when it becomes the next step. */
  next?: boolean;
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

/** What opens the card: a run starting, a result, an error, a stop, or becoming the next step. */
function attentionOf(p: ActionCardProps): unknown {
  const { busy, result, error, stopped, note } = p.state;
  if (busy) return 'busy';
  return result ?? error ?? stopped ?? note ?? (p.next ? 'next' : null);
}

export function renderActionCard(p: ActionCardProps, styles: PaneStyles) {
  const words = p.s.actions[p.id] ?? { name: p.id, about: '' };
  const about = p.about ?? words.about;
  const { busy, progress } = p.state;
  return (
    <CollapsibleCard key={p.id} title={words.name} titleId={`action-${p.id}-title`} toggleLabel={p.s.cardDetails(words.name)}
      defaultOpen={Boolean(p.next)} attention={attentionOf(p)} busy={busy} data={{ 'data-action': p.id }}
      summary={(
        <div className={styles.row}>
          <Button appearance="primary" disabled={p.disabled} onClick={p.onRun}>{words.name}</Button>
          {busy && !progress ? <Spinner size="tiny" label={p.s.running} /> : null}
          {p.hint ? <Text size={200} className={styles.muted}>{p.hint}</Text> : null}
          {p.extra}
        </div>
      )}>
      <Text size={200} className={styles.muted}>{about}</Text>
      {p.context}
      {p.options}
      {busy && progress ? renderProgress(p, progress, styles) : null}
      {p.state.stopped ? (
        <MessageBar intent="info" role="status"><MessageBarBody>{p.state.stopped}</MessageBarBody></MessageBar>
      ) : null}
      {p.state.error ? (
        <MessageBar intent="error"><MessageBarBody><MessageBarTitle>{p.s.errorTitle}</MessageBarTitle>{p.state.error}</MessageBarBody></MessageBar>
      ) : null}
      {p.state.note ? <Text size={200} className={styles.muted}>{p.state.note}</Text> : null}
      {p.result}
    </CollapsibleCard>
  );
}
