/**
 * The pane as a pure function of its state: the notice, the status, then the cards in one order
 * (logic/cardOrder): the sheet and its columns, the action cards, whom to call, backups, settings.
 */
import { Button, Checkbox, MessageBar, MessageBarActions, MessageBarBody, Spinner, Switch, Text, Title3 } from '@fluentui/react-components';
import { ArrowClockwise20Regular } from '@fluentui/react-icons/svg/arrow-clockwise';
import { Dismiss16Regular } from '@fluentui/react-icons/svg/dismiss';
import { strings } from '../i18n/strings';
import { ACTION_IDS, type ActionId } from '../i18n/pane';
import { renderActionCard } from './components/ActionCard';
import { BackupsCard } from './components/BackupsCard/BackupsCard';
import { MappingCard } from './components/MappingCard/MappingCard';
import { ProtectCard } from './components/ProtectCard/ProtectCard';
import { renderResult, type ResultContext } from './components/results';
import { SettingsCard } from './components/SettingsCard/SettingsCard';
import { renderSheetPicker } from './components/SheetPicker';
import { TodayCard } from './components/TodayCard/TodayCard';
import { ImportCard } from './components/ImportCard/ImportCard';
import { ExportCard } from './components/ExportCard/ExportCard';
import { asOfLine } from './logic/asOf';
import { nextStep, paneCards, type CardId } from './logic/cardOrder';
import type { PaneState } from './paneState';
import type { PaneStyles } from './usePaneStyles';

/** Before the cards: reading, a load error, an empty workbook, or no customer sheet (with the list to choose one from). */
function renderStatus(pane: PaneState, styles: PaneStyles) {
  const { s, view } = pane;
  if (pane.loadError) {
    return <MessageBar intent="error"><MessageBarBody>{pane.loadError}</MessageBarBody></MessageBar>;
  }
  if (!view) return <Spinner size="small" label={s.loading} />;
  if (view.kind === 'empty') return <MessageBar intent="info"><MessageBarBody>{s.emptyWorkbook}</MessageBarBody></MessageBar>;
  if (view.kind === 'no-sheet') {
    const chosen = pane.chosenSheet !== undefined && view.sheets.includes(pane.chosenSheet) ? pane.chosenSheet : undefined;
    return (
      <>
        <MessageBar intent="warning">
          <MessageBarBody className={styles.wrap}>{chosen ? s.sheetNotList(chosen) : s.noCustomerSheet}</MessageBarBody>
        </MessageBar>
        {renderSheetPicker({ s, sheets: view.sheets, value: chosen, disabled: pane.anyBusy, onChoose: pane.chooseSheet, styles })}
      </>
    );
  }
  return null;
}

/** "Keep checking as I type", beside the button of "Check phones & emails" once the sheet has its columns. */
function renderLive(pane: PaneState) {
  if (!pane.live.available) return null;
  return (
    <>
      <Switch label={pane.s.liveSwitch} checked={pane.live.on} onChange={(_, d) => pane.live.set(d.checked)} />
      <Text size={200} role="status" aria-live="polite">{pane.live.note ?? ''}</Text>
    </>
  );
}

/** "Also RFM segments": ticked and fixed once the sheet has RFM columns (every run keeps them current). */
function renderRfm(pane: PaneState, styles: PaneStyles) {
  const written = pane.view?.kind === 'ready' && pane.view.rfmColumns;
  return (
    <>
      <Checkbox label={pane.s.rfmOption} checked={pane.rfm.on} disabled={written || pane.anyBusy} onChange={(_, d) => pane.rfm.set(d.checked === true)} />
      <Text size={200} className={styles.muted}>{written ? pane.s.rfmKept : pane.s.rfmAbout}</Text>
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

/** What an action goes by, said on its card until its result says it: the phone region on the check, the as-of date on the tiers. */
function renderContext(id: ActionId, pane: PaneState, styles: PaneStyles) {
  const { s, view } = pane;
  if (view?.kind !== 'ready' || pane.actions[id]?.result) return null;
  if (id === 'checkContacts') {
    const region = strings(pane.locale).regionLabel(view.region, view.settings.region === 'auto');
    return <Text size={200} className={styles.muted}>{s.checkRegion(region)}</Text>;
  }
  if (id === 'computeTiers') return <Text size={200} className={styles.muted}>{asOfLine(s, view.settings.asOf)}</Text>;
  return null;
}

function renderAction(id: ActionId, pane: PaneState, styles: PaneStyles, ctx: ResultContext, next: ActionId | null) {
  const { s, view } = pane;
  const hasLedger = view?.kind === 'ready';
  const blocked = id !== 'installTemplate' && !hasLedger;
  return renderActionCard({
    id, s, state: pane.actions[id],
    disabled: pane.anyBusy || view === null || blocked,
    hint: blocked && view !== null ? s.needsSheet : null,
    onRun: () => void pane.run(id, id === 'computeTiers' && pane.rfm.on ? { tiers: { rfm: true } } : {}),
    onCancel: pane.cancel,
    result: renderResult(pane.actions[id].result, ctx),
    extra: id === 'checkContacts' ? renderLive(pane) : null,
    options: id === 'computeTiers' && hasLedger ? renderRfm(pane, styles) : null,
    about: id === 'exportMasked' && pane.newWorkbook === 'download' ? s.maskedAboutDownload : undefined,
    context: renderContext(id, pane, styles),
    next: id === next,
  }, styles);
}

function renderCard(id: CardId, pane: PaneState, styles: PaneStyles, ctx: ResultContext, next: ActionId | null) {
  const { view } = pane;
  switch (id) {
    case 'mapping':
      return view?.kind === 'ready' ? <MappingCard key={id} view={view} pane={pane} styles={styles} /> : null;
    case 'today':
      return view?.kind === 'ready' ? <TodayCard key={id} pane={pane} styles={styles} ctx={ctx} /> : null;
    case 'import':
      return view?.kind === 'ready' ? <ImportCard key={id} pane={pane} styles={styles} ctx={ctx} /> : null;
    case 'export':
      return view?.kind === 'ready' ? <ExportCard key={id} pane={pane} styles={styles} /> : null;
    case 'protect':
      return view?.kind === 'ready' ? <ProtectCard key={id} pane={pane} styles={styles} /> : null;
    case 'backups':
      return view && view.backups.length > 0 ? <BackupsCard key={id} backups={view.backups} pane={pane} styles={styles} /> : null;
    case 'settings':
      return view ? <SettingsCard key={id} settings={view.settings} detected={view.kind === 'ready' ? view.region : null} pane={pane} styles={styles} /> : null;
    default:
      return pane.actions[id] ? renderAction(id, pane, styles, ctx, next) : null;
  }
}

export function renderPane(pane: PaneState, styles: PaneStyles) {
  const { s, view } = pane;
  const ctx: ResultContext = {
    s, locale: pane.locale, styles, busy: pane.anyBusy, goTo: pane.goTo,
    applyReview: (choices) => void pane.run('findDuplicates', { duplicates: choices }),
    fixAll: () => void pane.run('checkContacts', { contacts: { fixPhones: true, fixEmails: true, acceptSuggestions: true } }),
    filter: pane.filter,
    removeAdded: ({ archives, backups }) => void pane.run('removeAdded', { removeAdded: { preview: false, archives, backups } }),
    fixOne: (cell) => void pane.run('checkContacts', { contacts: { fixPhones: true, fixEmails: true, acceptSuggestions: true, only: [cell] } }),
  };
  const next = nextStep(view, (id) => pane.actions[id]?.result != null);
  return (
    <main id="pane" className={styles.root} aria-label={s.appTitle} lang={pane.locale} data-watching={pane.watching ? 'true' : 'false'}>
      <header className={styles.header}>
        <Title3 as="h1" className={styles.shrink}>{s.appTitle}</Title3>
        <Button appearance="subtle" icon={<ArrowClockwise20Regular />} aria-label={s.reload} title={s.reload}
          disabled={pane.anyBusy} onClick={() => void pane.refresh()} />
      </header>
      {renderNotice(pane)}
      {renderStatus(pane, styles)}
      {paneCards(ACTION_IDS, view?.kind === 'ready').map((id) => renderCard(id, pane, styles, ctx, next))}
    </main>
  );
}
