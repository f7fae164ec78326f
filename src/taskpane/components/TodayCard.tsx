/** "Whom to call": overdue and due follow-ups, high-value customers going quiet, new ones not contacted — each a go-to link. */
import { Button, Card, CardHeader, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { errorMessage } from '../../addin/errorWording';
import { callReasonText } from '../../i18n/callList';
import type { PaneState } from '../usePane';
import type { PaneStyles } from '../usePaneStyles';
import { renderGoTo, type ResultContext } from './goTo';
import { useTodayCard } from './useTodayCard';

/** Shown in the pane; the CLI's `today` and the list's full length have the rest. */
const SHOWN = 15;

export function TodayCard({ pane, styles, ctx }: { pane: PaneState; styles: PaneStyles; ctx: ResultContext }) {
  const today = useTodayCard(pane.loadCalls, (err) => errorMessage(err, pane.locale));
  const { s } = pane;
  const items = today.list?.items ?? [];
  const shown = items.slice(0, SHOWN);
  return (
    <Card className={styles.card} role="region" aria-label={s.todayTitle}>
      <CardHeader header={<Text as="h2" weight="semibold">{s.todayTitle}</Text>} />
      <div className={styles.cardBody}>
        <div>
          <Button disabled={pane.anyBusy || today.busy} onClick={() => void today.make()}>{s.todayRun}</Button>
          {today.busy ? <Spinner size="tiny" /> : null}
        </div>
        {today.error ? <MessageBar intent="error"><MessageBarBody>{today.error}</MessageBarBody></MessageBar> : null}
        {today.list && items.length === 0 ? <Text>{s.todayEmpty}</Text> : null}
        {items.length > 0 ? (
          <>
            <Text>{s.todayCount(items.length)}</Text>
            <ul className={styles.list} aria-label={s.todayTitle}>
              {shown.map((i) => (
                <li key={i.row}>
                  {renderGoTo(ctx, today.list!.sheet, `A${i.row}`, i.name || s.rowLink(i.row), s.goToRow(i.row))}
                  {i.phone ? ` · ${i.phone}` : ''} · {callReasonText(i, pane.locale)}
                </li>
              ))}
            </ul>
            {items.length > shown.length ? <Text size={200}>{s.todayMore(items.length - shown.length)}</Text> : null}
          </>
        ) : null}
      </div>
    </Card>
  );
}
