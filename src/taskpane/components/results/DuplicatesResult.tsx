/** "Find duplicates": the groups found (and those the user hid), the pairs that only look alike, and the review list. */
import { Text } from '@fluentui/react-components';
import type { DuplicatesSummary } from '../../../actions';
import { explainMatch, strings } from '../../../i18n/strings';
import { describeResult } from '../../../addin/describeResult';
import type { ActionResult } from '../../../addin/runAction';
import { DuplicateReview } from '../DuplicateReview/DuplicateReview';
import { renderGoTo, type ResultContext } from '../goTo';

const TOP_POSSIBLE = 10;

function PossiblePairs({ summary, ctx }: { summary: DuplicatesSummary; ctx: ResultContext }) {
  const t = strings(ctx.locale);
  const { s } = ctx;
  const shown = summary.possible.slice(0, TOP_POSSIBLE);
  const row = (n: number) => renderGoTo(ctx, summary.sheet, `A${n}`, s.rowLink(n), s.goToRow(n));
  return (
    <>
      <Text size={200}>{s.possibleResult(summary.possible.length)}</Text>
      <ul className={ctx.styles.list} aria-label={s.possibleTitle}>
        {shown.map((p) => (
          <li key={`${p.rows[0]}-${p.rows[1]}`}>
            {row(p.rows[0])}{' · '}{row(p.rows[1])} · {explainMatch(ctx.locale, p.codes) || t.duplicateReason[p.reason]}
          </li>
        ))}
      </ul>
      {summary.possible.length > shown.length ? <Text size={200}>{t.more(summary.possible.length - shown.length)}</Text> : null}
    </>
  );
}

export function DuplicatesResult({ result, ctx }: { result: Extract<ActionResult, { action: 'findDuplicates' }>; ctx: ResultContext }) {
  const { summary } = result;
  return (
    <>
      <Text>{describeResult(result, ctx.locale)}</Text>
      {summary.dismissed > 0 ? <Text size={200} className={ctx.styles.muted}>{ctx.s.dismissedResult(summary.dismissed)}</Text> : null}
      {summary.possible.length > 0 ? <PossiblePairs summary={summary} ctx={ctx} /> : null}
      {summary.groups.length > 0 && summary.archived.length === 0 ? <DuplicateReview summary={summary} ctx={ctx} /> : null}
    </>
  );
}
