/**
 * "Remove what the add-in added": the preview's list (each column with its letter, each sheet with its
 * kind and whether it goes or why it stays), the archives and backups the user may add to it, and the
 * confirmation that says a backup comes first. After the removal, its one line.
 */
import { Checkbox, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { AddedSheet } from '../../../actions/removeAdded';
import type { PaneStrings } from '../../../i18n/pane';
import { describeResult } from '../../../addin/describeResult';
import type { ActionResult } from '../../../addin/runAction';
import { ConfirmButton } from '../ConfirmButton';
import type { ResultContext } from '../goTo';

type Result = Extract<ActionResult, { action: 'removeAdded' }>;

function sheetStatus(x: AddedSheet, s: PaneStrings, choice: { archives: boolean; backups: boolean }): string {
  if (x.remove) return s.removeAddedGoes;
  switch (x.keptBecause) {
    case 'not-asked':
      return (x.kind === 'archive' && choice.archives) || (x.kind === 'backup' && choice.backups) ? s.removeAddedGoes : s.removeAddedNotAsked;
    case 'template':
      return s.removeAddedTemplateNote;
    case 'records':
      return s.removeAddedRecordsNote;
    default:
      return s.removeAddedStays;
  }
}

export function RemoveAddedResult({ result, ctx }: { result: Result; ctx: ResultContext }) {
  const [archives, setArchives] = useState(false);
  const [backups, setBackups] = useState(false);
  const r = result.summary;
  const { s, styles } = ctx;
  const line = <Text className={styles.wrap}>{describeResult(result, ctx.locale)}</Text>;
  if (r.applied || r.nothing) return line;
  const choice = { archives, backups };
  const has = (kind: AddedSheet['kind']) => r.sheets.some((x) => x.kind === kind && x.keptBecause === 'not-asked');
  return (
    <>
      {line}
      {r.columns.length > 0 ? (
        <>
          <Text weight="semibold" id="remove-added-columns">{s.removeAddedColumnsTitle}</Text>
          <ul className={styles.list} aria-labelledby="remove-added-columns">
            {r.columns.flatMap((p) => p.columns.map((c) => (
              <li key={`${p.sheet}!${c.letter}`} className={styles.wrap}>{s.removeAddedColumnLine(p.sheet, c.letter, c.header, c.filled)}</li>
            )))}
          </ul>
          {r.columns.some((p) => p.how === 'clear') ? <Text size={200} className={styles.muted}>{s.removeAddedClearNote}</Text> : null}
        </>
      ) : null}
      {r.sheets.length > 0 ? (
        <>
          <Text weight="semibold" id="remove-added-sheets">{s.removeAddedSheetsTitle}</Text>
          <ul className={styles.list} aria-labelledby="remove-added-sheets">
            {r.sheets.map((x) => (
              <li key={x.name} className={styles.wrap}>
                {s.removeAddedSheetLine(x.name, s.removeAddedKinds[x.kind] ?? x.kind)} — {sheetStatus(x, s, choice)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {has('archive') ? <Checkbox label={s.removeAddedArchives} checked={archives} onChange={(_, d) => setArchives(d.checked === true)} /> : null}
      {has('backup') ? <Checkbox label={s.removeAddedBackups} checked={backups} onChange={(_, d) => setBackups(d.checked === true)} /> : null}
      <div className={styles.row}>
        <ConfirmButton label={s.removeAddedConfirm} title={s.removeAddedTitle} lines={s.removeAddedRules(r.columns.length > 0, archives, backups)}
          confirm={s.confirm} cancel={s.cancelDialog} disabled={ctx.busy} onConfirm={() => ctx.removeAdded(choice)} />
      </div>
    </>
  );
}
