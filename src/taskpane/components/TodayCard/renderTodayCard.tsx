import { Button, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { callReasonText } from '../../../i18n/callList';
import { asOfLine } from '../../logic/asOf';
import { CollapsibleCard } from '../CollapsibleCard/CollapsibleCard';
import { renderGoTo } from '../goTo';
import { SheetResult } from '../results/SheetResult';
import type { TodayCardProps, TodayCardState } from './TodayCard.types';
import type { TodayCardStyles } from './useTodayCardStyles.styles';

/** Shown in the pane; the CLI's `today` and the list's full length have the rest. */
const SHOWN = 15;

export function renderTodayCard({ pane, styles, ctx }: TodayCardProps, today: TodayCardState, own: TodayCardStyles) {
  const { s, view } = pane;
  const items = today.list?.items ?? [];
  const shown = items.slice(0, SHOWN);
  const sheetRun = pane.actions.callListSheet;
  return (
    <CollapsibleCard title={s.todayTitle} titleId="today-title" toggleLabel={s.cardDetails(s.todayTitle)} defaultOpen={false}
      attention={sheetRun?.busy ? 'sheet' : sheetRun?.result ?? sheetRun?.error ?? today.list ?? today.error} busy={today.busy} data={{ 'data-card': 'today' }}
      summary={(
        <div className={styles.row}>
          <Button disabled={pane.anyBusy || today.busy} onClick={() => void today.make()}>{s.todayRun}</Button>
          {today.busy ? <Spinner size="tiny" /> : null}
        </div>
      )}>
      <Text size={200} className={styles.muted}>{asOfLine(s, view?.settings.asOf)}</Text>
      {today.error ? <MessageBar intent="error"><MessageBarBody>{today.error}</MessageBarBody></MessageBar> : null}
      {today.list && items.length === 0 ? <Text>{s.todayEmpty}</Text> : null}
      {items.length > 0 ? (
        <>
          <Text>{s.todayCount(items.length)}</Text>
          <ul className={styles.list} aria-label={s.todayTitle}>
            {shown.map((i) => (
              <li key={i.row} className={own.item}>
                {renderGoTo(ctx, today.list!.sheet, `A${i.row}`, i.name || s.rowLink(i.row), s.goToRow(i.row))}
                {i.phone ? ` · ${i.phone}` : ''} · {callReasonText(i, pane.locale)}
              </li>
            ))}
          </ul>
          {items.length > shown.length ? <Text size={200}>{s.todayMore(items.length - shown.length)}</Text> : null}
        </>
      ) : null}
      {sheetRun ? (
        <>
          <div className={styles.row}>
            <Button disabled={pane.anyBusy || today.busy} onClick={() => void pane.run('callListSheet')}>{s.callListSheetRun}</Button>
            {sheetRun.busy ? <Spinner size="tiny" label={s.running} /> : null}
          </div>
          {sheetRun.error ? <MessageBar intent="error"><MessageBarBody>{sheetRun.error}</MessageBarBody></MessageBar> : null}
          {sheetRun.result?.action === 'callListSheet' ? <SheetResult result={sheetRun.result} sheet={sheetRun.result.summary.sheet} ctx={ctx} /> : null}
        </>
      ) : null}
    </CollapsibleCard>
  );
}
