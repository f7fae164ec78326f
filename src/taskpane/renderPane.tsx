/** The pane as a pure function of its state: status, columns, the five action cards, settings. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner, Switch, Text, Title3 } from '@fluentui/react-components';
import { ArrowClockwise20Regular } from '@fluentui/react-icons/svg/arrow-clockwise';
import { Dismiss16Regular } from '@fluentui/react-icons/svg/dismiss';
import { ACTION_IDS } from '../i18n/pane';
import { renderActionCard } from './components/ActionCard';
import { renderBackupsCard } from './components/BackupsCard';
import { MappingCard } from './components/MappingCard';
import { renderResult, type ResultContext } from './components/results';
import { SettingsCard } from './components/SettingsCard';
import { TodayCard } from './components/TodayCard';
import type { PaneState } from './usePane';
import type { PaneStyles } from './usePaneStyles';

function renderStatus(pane: PaneState) {
  const { s, view } = pane;
  if (pane.loadError) {
    return <MessageBar intent="error"><MessageBarBody>{pane.loadError}</MessageBarBody></MessageBar>;
  }
  if (!view) return <Spinner size="small" label={s.loading} />;
  if (view.kind === 'empty') return <MessageBar intent="info"><MessageBarBody>{s.emptyWorkbook}</MessageBarBody></MessageBar>;
  if (view.kind === 'no-sheet') {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{s.noCustomerSheet}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <>
      <Text>{s.sheetSummary(view.sheet, view.headerRow, view.dataRows)}</Text>
      {view.alternatives.length > 0 ? (
        <MessageBar intent="warning"><MessageBarBody>{s.sheetUnsure(view.sheet, view.alternatives)}</MessageBarBody></MessageBar>
      ) : null}
    </>
  );
}

/** "Keep checking as I type", on the card of "Check phones & emails" once the sheet has its columns. */
function renderLive(pane: PaneState) {
  if (!pane.live.available) return null;
  return (
    <>
      <Switch label={pane.s.liveSwitch} checked={pane.live.on} onChange={(_, d) => pane.live.set(d.checked)} />
      <Text size={200} role="status" aria-live="polite">{pane.live.note ?? ''}</Text>
    </>
  );
}

function renderNotice(pane: PaneState) {
  if (!pane.notice) return null;
  return (
    <MessageBar intent={pane.notice.intent} role={pane.notice.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>{pane.notice.text}</MessageBarBody>
      <MessageBarActions containerAction={<Button appearance="transparent" aria-label={pane.s.dismiss} icon={<Dismiss16Regular />} onClick={pane.dismissNotice} />} />
    </MessageBar>
  );
}

export function renderPane(pane: PaneState, styles: PaneStyles) {
  const { s, view } = pane;
  const hasLedger = view?.kind === 'ready';
  const ctx: ResultContext = {
    s, locale: pane.locale, styles, busy: pane.anyBusy, goTo: pane.goTo,
    applyReview: (choices) => void pane.run('findDuplicates', { duplicates: choices }),
    fixAll: () => void pane.run('checkContacts', { contacts: { fixPhones: true, fixEmails: true, acceptSuggestions: true } }),
  };
  return (
    <main className={styles.root} aria-label={s.appTitle} lang={pane.locale} data-watching={pane.watching ? 'true' : 'false'}>
      <header className={styles.header}>
        <Title3 as="h1">{s.appTitle}</Title3>
        <Button appearance="subtle" icon={<ArrowClockwise20Regular />} aria-label={s.reload} title={s.reload}
          disabled={pane.anyBusy} onClick={() => void pane.refresh()} />
      </header>
      {renderNotice(pane)}
      {renderStatus(pane)}
      {ACTION_IDS.map((id) => {
        const needsLedger = id !== 'installTemplate';
        const blocked = needsLedger && !hasLedger;
        return renderActionCard({
          id, s, state: pane.actions[id],
          disabled: pane.anyBusy || view === null || blocked,
          hint: blocked && view !== null ? s.needsSheet : null,
          onRun: () => void pane.run(id),
          onCancel: pane.cancel,
          result: renderResult(pane.actions[id].result, ctx),
          extra: id === 'checkContacts' ? renderLive(pane) : null,
          about: id === 'exportMasked' && pane.newWorkbook === 'download' ? s.maskedAboutDownload : undefined,
        }, styles);
      })}
      {view?.kind === 'ready' ? <TodayCard pane={pane} styles={styles} ctx={ctx} /> : null}
      {view?.kind === 'ready' ? <MappingCard view={view} pane={pane} styles={styles} /> : null}
      {view && view.backups.length > 0 ? renderBackupsCard(view.backups, pane, styles) : null}
      {view ? <SettingsCard settings={view.settings} detected={view.kind === 'ready' ? view.region : null} pane={pane} styles={styles} /> : null}
      {view && !hasLedger && view.sheets.length > 0 ? <Text size={200} className={styles.muted}>{view.sheets.join(' · ')}</Text> : null}
    </main>
  );
}
