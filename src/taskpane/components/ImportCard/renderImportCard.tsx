import { Button, MessageBar, MessageBarBody, Select, Spinner, Text } from '@fluentui/react-components';
import type { ChangeEvent } from 'react';
import type { ImportChoice } from '../../../actions';
import { columnLetter } from '../../../core/grid/a1';
import type { ImportRow } from '../../../core/importRows';
import type { PaneStrings } from '../../../i18n/pane';
import { CollapsibleCard } from '../CollapsibleCard/CollapsibleCard';
import { ConfirmButton } from '../ConfirmButton';
import { renderGoTo } from '../goTo';
import type { ImportCardProps, ImportCardState } from './ImportCard.types';
import { choiceCounts, choicesFor, groupByKind, mappedLines, rowGist } from './importPreview';
import type { ImportCardStyles } from './useImportCardStyles.styles';

/** Accepted by the picker; anything else picked anyway ("All files") is refused in words by the reader. */
const ACCEPT = '.csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function choiceText(s: PaneStrings, choice: ImportChoice, row: ImportRow): string {
  if (choice === 'update') return s.importUpdate(row.match ?? 0);
  return choice === 'add' ? s.importAdd : s.importSkip;
}

function renderRow(row: ImportRow, state: ImportCardState, p: ImportCardProps, own: ImportCardStyles, disabled: boolean) {
  const { s } = p.pane;
  const preview = state.preview!;
  const gist = rowGist(row, preview.plan.mapped);
  const ledgerMatch = row.match !== null && (row.kind === 'same' || row.kind === 'possible');
  return (
    <li key={row.source} className={own.item}>
      <Text>{gist || s.rowLink(row.source)}</Text>
      {ledgerMatch ? (
        <Text size={200}>
          {row.kind === 'same' ? s.importMatches : s.importMaybe}{' '}
          {renderGoTo(p.ctx, preview.sheet, `A${row.match}`, s.rowLink(row.match!), s.goToRow(row.match!))}
        </Text>
      ) : null}
      {row.kind === 'repeat' && row.match !== null ? <Text size={200}>{s.importRepeats(row.match)}</Text> : null}
      <Select size="small" className={own.choice} aria-label={s.importChoiceLabel(row.source, gist)} disabled={disabled}
        value={state.choices[row.source]} onChange={(_, d) => state.choose(row.source, d.value as ImportChoice)}>
        {choicesFor(row).map((c) => <option key={c} value={c}>{choiceText(s, c, row)}</option>)}
      </Select>
    </li>
  );
}

function renderPreview(p: ImportCardProps, state: ImportCardState, own: ImportCardStyles, disabled: boolean) {
  const { pane, styles } = p;
  const { s, view } = pane;
  const preview = state.preview;
  const file = state.file;
  if (!preview || !file) return null;
  const { plan } = preview;
  const headers = view?.kind === 'ready' ? view.headers : [];
  const ledgerHeader = (col: number) => {
    const letter = columnLetter(col);
    return headers.find((h) => h.column === letter)?.header || letter;
  };
  const counts = choiceCounts(plan.rows, state.choices);
  const lines = [
    s.importBackupLine(preview.sheet),
    ...(counts.add > 0 ? [s.importAddLine(counts.add)] : []),
    ...(counts.update > 0 ? [s.importFillLine(counts.update)] : []),
    ...(counts.skip > 0 ? [s.importSkipLine(counts.skip)] : []),
  ];
  const nothing = counts.add === 0 && counts.update === 0;
  return (
    <>
      <Text className={styles.wrap}>{s.importFile(file.name, plan.rows.length, file.sheet, file.encoding)}</Text>
      <Text weight="semibold">{s.importMapped}</Text>
      <ul className={styles.list} aria-label={s.importMapped}>
        {mappedLines(plan.mapped, ledgerHeader).map((line) => <li key={line}>{line}</li>)}
      </ul>
      {plan.notBrought.length > 0 ? <Text size={200} className={styles.wrap}>{s.importNotBrought(plan.notBrought.join(', '))}</Text> : null}
      {plan.skipped > 0 ? <Text size={200}>{s.importSkipped(plan.skipped)}</Text> : null}
      {groupByKind(plan.rows).map((g) => {
        const title = `${s.importKinds[g.kind]} (${g.rows.length})`;
        const shown = g.rows.slice(0, state.shownOf(g.kind));
        return (
          <section key={g.kind} className={styles.group} aria-label={title} data-kind={g.kind}>
            <Text as="h3" weight="semibold" className={own.heading}>{title}</Text>
            <ul className={styles.list}>{shown.map((r) => renderRow(r, state, p, own, disabled))}</ul>
            {g.rows.length > shown.length ? (
              <Button size="small" appearance="subtle" onClick={() => state.showMore(g.kind)}>
                {s.importShowMore(Math.min(g.rows.length - shown.length, 20))}
              </Button>
            ) : null}
          </section>
        );
      })}
      {nothing ? <Text>{s.importNothing}</Text> : null}
      <div className={styles.row}>
        <ConfirmButton label={s.importRun} title={s.importConfirmTitle} lines={lines} confirm={s.confirm} cancel={s.cancelDialog}
          disabled={disabled || nothing} onConfirm={() => void state.apply()} />
      </div>
    </>
  );
}

function renderResult(p: ImportCardProps, state: ImportCardState) {
  const r = state.result;
  if (!r) return null;
  const { s } = p.pane;
  const text = r.backupSheet ? s.importDone(r.added, r.updated, r.cellsFilled, r.backupSheet) : s.importDoneNothing;
  const sep = p.pane.locale === 'zh-CN' ? '' : ' '; // Chinese sentences follow one another without a space
  return (
    <MessageBar intent="success" role="status">
      <MessageBarBody className={p.styles.wrap}>
        {[text,
          ...(r.formulasKept > 0 ? [s.importFormulasKept(r.formulasKept)] : []),
          ...(r.refreshed.length > 0 ? [s.importRefreshed(r.refreshed.includes('tiers'), r.refreshed.includes('checks'))] : []),
          ...(r.refreshFailed.length > 0 ? [s.importRefreshFailed(r.refreshFailed.includes('tiers'), r.refreshFailed.includes('checks'))] : []),
        ].join(sep)}
        {r.firstAddedRow !== null ? (
          <>{sep}{s.importFirstAdded}{sep}{renderGoTo(p.ctx, r.sheet, `A${r.firstAddedRow}`, s.rowLink(r.firstAddedRow), s.goToRow(r.firstAddedRow))}</>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}

/** "…or a sheet of this workbook": every sheet but the customer sheet (a sheet that is no list says so when read). */
function renderSheetChoice(p: ImportCardProps, state: ImportCardState, disabled: boolean) {
  const { s, view } = p.pane;
  const ledger = view?.kind === 'ready' ? view.sheet : null;
  const others = (view?.sheets ?? []).filter((n) => n !== ledger);
  if (others.length === 0) return null;
  return (
    <div className={p.styles.row}>
      <Select size="small" aria-label={s.importSheetLabel} disabled={disabled} value=""
        onChange={(_, d) => { if (d.value) void state.pickSheet(d.value); }}>
        <option value="">{s.importSheetPlaceholder}</option>
        {others.map((n) => <option key={n} value={n}>{n}</option>)}
      </Select>
    </div>
  );
}

export function renderImportCard(p: ImportCardProps, state: ImportCardState, own: ImportCardStyles) {
  const { pane, styles } = p;
  const { s } = pane;
  const disabled = pane.anyBusy || state.busy !== null;
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const picked = e.target.files?.[0];
    e.target.value = ''; // the same file picked again (after editing it) is read again
    if (picked) void state.pick(picked);
  };
  return (
    <CollapsibleCard title={s.importTitle} titleId="import-title" toggleLabel={s.cardDetails(s.importTitle)} defaultOpen={false}
      attention={state.busy ?? state.preview ?? state.result ?? state.error} busy={state.busy !== null} data={{ 'data-card': 'import' }}
      summary={(
        <div className={styles.row}>
          <Button disabled={disabled} onClick={state.openPicker}>{s.importPick}</Button>
          <input ref={state.inputRef} type="file" accept={ACCEPT} className={own.hiddenInput} aria-label={s.importFileLabel}
            disabled={disabled} onChange={onFile} />
          {state.busy ? <Spinner size="tiny" label={state.busy === 'reading' ? s.importReading : s.running} /> : null}
        </div>
      )}>
      {renderSheetChoice(p, state, disabled)}
      <Text size={200} className={styles.muted}>{s.importAbout}</Text>
      {state.error ? <MessageBar intent="error" role="alert"><MessageBarBody className={styles.wrap}>{state.error}</MessageBarBody></MessageBar> : null}
      {renderPreview(p, state, own, disabled)}
      {renderResult(p, state)}
    </CollapsibleCard>
  );
}
