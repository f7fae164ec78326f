/**
 * Restore from backup: the backup sheets the add-in made (newest first), a Restore button for each, and
 * a confirmation dialog that says the current sheet is backed up first (so the restore can be undone).
 * Pure render: each row's dialog is Fluent's own (DialogTrigger opens it, closes it, and gives focus back).
 */
import {
  Button, Card, CardHeader, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, MessageBar, MessageBarBody,
  MessageBarTitle, Spinner, Text,
} from '@fluentui/react-components';
import type { BackupInfo } from '../../addin/runAction';
import type { PaneState } from '../usePane';
import type { PaneStyles } from '../usePaneStyles';

function renderRestoreDialog(b: BackupInfo, pane: PaneState) {
  const { s, view } = pane;
  const of = b.of ?? (view?.kind === 'ready' ? view.sheet : '');
  return (
    <Dialog>
      <DialogTrigger disableButtonEnhancement>
        <Button size="small" aria-label={s.restoreLabel(b.sheet)} disabledFocusable={pane.anyBusy}>{s.restore}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{s.restoreTitle}</DialogTitle>
          <DialogContent>{s.restoreBody(b.sheet, of)}</DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement action="close">
              <Button appearance="primary" onClick={() => void pane.restore(b.sheet)}>{s.restoreConfirm}</Button>
            </DialogTrigger>
            <DialogTrigger disableButtonEnhancement action="close">
              <Button appearance="secondary">{s.restoreCancel}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export function renderBackupsCard(backups: BackupInfo[], pane: PaneState, styles: PaneStyles) {
  const { s, restoreState: st } = pane;
  return (
    <Card className={styles.card} role="region" aria-labelledby="backups-title" aria-busy={st.busy ? 'true' : 'false'}>
      <CardHeader header={<Text weight="semibold" id="backups-title">{s.backupsTitle}</Text>}
        description={<Text size={200} className={styles.muted}>{s.backupsAbout}</Text>} />
      <ul className={styles.list} aria-labelledby="backups-title">
        {backups.map((b) => (
          <li key={b.sheet} className={styles.row}>
            <span className={styles.grow}>
              <Text weight="semibold">{b.sheet}</Text>
              {b.of || b.made ? <Text size={200} className={styles.muted}>{` · ${s.backupOf(b.of, b.made)}`}</Text> : null}
            </span>
            {renderRestoreDialog(b, pane)}
            {st.busy === b.sheet ? <Spinner size="tiny" label={s.running} /> : null}
          </li>
        ))}
      </ul>
      {st.result ? <MessageBar intent="success" role="status"><MessageBarBody>{st.result}</MessageBarBody></MessageBar> : null}
      {st.error ? <MessageBar intent="error"><MessageBarBody><MessageBarTitle>{s.errorTitle}</MessageBarTitle>{st.error}</MessageBarBody></MessageBar> : null}
    </Card>
  );
}
