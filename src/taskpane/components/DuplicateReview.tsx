/** Review list of duplicate groups: links to the rows, the row to keep, "not a duplicate", then apply. */
import { Button, Checkbox, Field, Select, Text } from '@fluentui/react-components';
import type { DuplicatesSummary } from '../../actions';
import { explainMatch, strings } from '../../i18n/strings';
import { renderGoTo, type ResultContext } from './goTo';
import { useDuplicateReview } from './useDuplicateReview';

export function DuplicateReview({ summary, ctx }: { summary: DuplicatesSummary; ctx: ResultContext }) {
  const review = useDuplicateReview(summary);
  return renderDuplicateReview(summary, ctx, review);
}

function renderDuplicateReview(summary: DuplicatesSummary, ctx: ResultContext, review: ReturnType<typeof useDuplicateReview>) {
  const { s, styles } = ctx;
  const t = strings(ctx.locale);
  const sep = ctx.locale === 'zh-CN' ? '、' : ', ';
  return (
    <section aria-label={s.reviewTitle} className={styles.cardBody}>
      <Text weight="semibold">{s.reviewTitle}</Text>
      {review.groups.map((g) => (
        <div key={g.id} className={styles.group} role="group" aria-label={s.groupTitle(g.id)}>
          <Text>
            <Text weight="semibold">{s.groupTitle(g.id)}</Text> · {explainMatch(ctx.locale, g.codes) || g.reasons.map((r) => t.duplicateReason[r]).join(sep)}
          </Text>
          <div className={styles.row}>
            {g.rows.map((row) => <span key={row}>{renderGoTo(ctx, summary.sheet, `A${row}`, s.rowLink(row), s.goToRow(row))}</span>)}
          </div>
          <div className={styles.row}>
            <Field label={s.keepLabel(g.id)} size="small">
              <Select size="small" value={String(review.keepOf(g.id, g.keep))} disabled={review.isNotDuplicate(g.id)}
                onChange={(_, d) => review.setKeep(g.id, Number(d.value))}>
                {g.rows.map((row) => <option key={row} value={row}>{s.keepRow(row)}</option>)}
              </Select>
            </Field>
            <Checkbox label={s.notDuplicate} checked={review.isNotDuplicate(g.id)} onChange={(_, d) => review.toggleNotDuplicate(g.id, Boolean(d.checked))} />
          </div>
        </div>
      ))}
      {review.hidden > 0 ? <Text size={200}>{t.more(review.hidden)}</Text> : null}
      <div>
        <Button disabled={ctx.busy || !review.changed} onClick={() => ctx.applyReview(review.choices())}>{s.applyReview}</Button>
      </div>
    </section>
  );
}
