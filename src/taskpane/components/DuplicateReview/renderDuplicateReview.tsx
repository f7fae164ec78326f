import { Button, Checkbox, Field, Select, Text } from '@fluentui/react-components';
import type { DuplicatesSummary } from '../../../actions';
import { explainMatch, strings } from '../../../i18n/strings';
import { ConfirmButton } from '../ConfirmButton';
import { renderGoTo, type ResultContext } from '../goTo';
import type { DuplicateReviewState } from './DuplicateReview.types';
import { REVIEW_GROUPS } from './useDuplicateReview';
import type { DuplicateReviewStyles } from './useDuplicateReviewStyles.styles';

/** "张伟 · 138 0013 8000 · zw@qq.com · spent ¥1,200 · last 2026-10-01": what tells the rows of a group apart. */
function detailText(summary: DuplicatesSummary, row: number, ctx: ResultContext): string {
  const d = summary.rowDetails?.[row];
  if (!d) return '';
  const money = d.total === null ? '' : ctx.s.detailAmount(new Intl.NumberFormat(ctx.locale, { maximumFractionDigits: 2 }).format(d.total));
  return [d.name, d.phone, d.email, money, d.last ? ctx.s.detailLast(d.last) : ''].filter(Boolean).join(' · ');
}

export function renderDuplicateReview(summary: DuplicatesSummary, ctx: ResultContext, review: DuplicateReviewState, own: DuplicateReviewStyles) {
  const { s, styles } = ctx;
  const t = strings(ctx.locale);
  const sep = ctx.locale === 'zh-CN' ? '、' : ', ';
  return (
    <section aria-label={s.reviewTitle} className={styles.cardBody}>
      <Text weight="semibold">{s.reviewTitle}</Text>
      {review.groups.map((g) => (
        <div key={g.id} className={styles.group} role="group" aria-label={s.groupTitle(g.id)}>
          <Text className={own.detail}>
            <Text weight="semibold">{s.groupTitle(g.id)}</Text> · {explainMatch(ctx.locale, g.codes) || g.reasons.map((r) => t.duplicateReason[r]).join(sep)}
          </Text>
          <ul className={styles.list}>
            {g.rows.map((row) => (
              <li key={row} className={own.detail}>{renderGoTo(ctx, summary.sheet, `A${row}`, s.rowLink(row), s.goToRow(row))} {detailText(summary, row, ctx)}</li>
            ))}
          </ul>
          <div className={styles.row}>
            <Field label={s.keepLabel(g.id)} size="small" className={own.keep}>
              <Select size="small" value={String(review.keepOf(g.id, g.keep))} disabled={review.isNotDuplicate(g.id)}
                onChange={(_, d) => review.setKeep(g.id, Number(d.value))}>
                {g.rows.map((row) => <option key={row} value={row}>{s.keepRow(row)}</option>)}
              </Select>
            </Field>
            <Checkbox label={s.notDuplicate} checked={review.isNotDuplicate(g.id)} onChange={(_, d) => review.toggleNotDuplicate(g.id, Boolean(d.checked))} />
          </div>
        </div>
      ))}
      {review.hidden > 0 ? (
        <div><Button appearance="subtle" onClick={review.showMore}>{s.showMoreGroups(Math.min(review.hidden, REVIEW_GROUPS))}</Button></div>
      ) : null}
      <div className={own.actions}>
        <Button disabled={ctx.busy || !review.changed} onClick={() => ctx.applyReview(review.choices())}>{s.applyReview}</Button>
        <ConfirmButton label={s.mergeGroups} title={s.mergeTitle} lines={s.mergeRules} confirm={s.confirm} cancel={s.cancelDialog}
          disabled={ctx.busy} onConfirm={() => ctx.applyReview({ ...review.choices(), merge: true })} />
        <ConfirmButton label={s.archiveGroups} title={s.archiveTitle} lines={s.archiveRules} confirm={s.confirm} cancel={s.cancelDialog}
          disabled={ctx.busy} onConfirm={() => ctx.applyReview({ ...review.choices(), archive: true })} />
      </div>
    </section>
  );
}
