/** "Check phones & emails": the counts, the cells to look at (go to, and "Fix" where there is a suggestion), fix all. */
import { Button, MessageBar, MessageBarBody, Spinner, Text, ToggleButton } from '@fluentui/react-components';
import type { CheckContactsSummary } from '../../../actions';
import { strings } from '../../../i18n/strings';
import { describeResult } from '../../../addin/describeResult';
import { ConfirmButton } from '../ConfirmButton';
import { renderGoTo, type ResultContext } from '../goTo';

const TOP_PROBLEMS = 8;

type Problem = CheckContactsSummary['problems'][number];

function problemText(p: Problem, ctx: ResultContext): string {
  const t = strings(ctx.locale);
  const status = p.kind === 'phone' ? t.phoneStatus[p.status as 'invalid' | 'incomplete' | 'suspect'] : t.emailStatus[p.status as 'invalid' | 'suspect'];
  const reason = p.suggestion ? ctx.s.didYouMean(p.suggestion) : p.reason ? t.reason(p.kind, p.reason) : '';
  const sep = ctx.locale === 'zh-CN' ? '：' : ': ';
  return reason ? `${status}${sep}${reason}` : status;
}

/** "Show only rows with problems": the check's AutoFilter, pressed while it is on; a refusal (the user's own filter) in words. */
function FilterToggle({ ctx }: { ctx: ResultContext }) {
  const { s, styles, filter } = ctx;
  return (
    <>
      <div className={styles.row}>
        <ToggleButton size="small" checked={filter.on} disabled={ctx.busy} onClick={() => filter.set(!filter.on)}>{s.filterProblemsOn}</ToggleButton>
        {filter.busy ? <Spinner size="tiny" label={s.running} /> : null}
      </div>
      {filter.text ? <Text size={200} role="status" className={styles.wrap}>{filter.text}</Text> : null}
      {filter.error ? <MessageBar intent="error"><MessageBarBody className={styles.wrap}>{filter.error}</MessageBarBody></MessageBar> : null}
    </>
  );
}

export function ContactsResult({ summary, ctx }: { summary: CheckContactsSummary; ctx: ResultContext }) {
  const shown = summary.problems.slice(0, TOP_PROBLEMS);
  const { s, styles } = ctx;
  return (
    <>
      <Text>{describeResult({ action: 'checkContacts', summary }, ctx.locale)}</Text>
      {summary.problems.length > 0 || ctx.filter.on ? <FilterToggle ctx={ctx} /> : null}
      {shown.length === 0 ? <Text>{s.noProblems}</Text> : (
        <>
          <Text weight="semibold">{s.topProblems}</Text>
          <ul className={styles.list} aria-label={s.topProblems}>
            {shown.map((p) => (
              <li key={p.cell} className={styles.wrap}>
                {renderGoTo(ctx, summary.sheet, p.cell)} {problemText(p, ctx)}
                {p.suggestion ? (
                  <>
                    {' '}
                    <Button size="small" appearance="secondary" disabled={ctx.busy} aria-label={s.fixOneLabel(p.cell, p.suggestion)}
                      onClick={() => ctx.fixOne(p.cell)}>{s.fixOne}</Button>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          {summary.problems.length > shown.length ? <Text size={200}>{s.moreProblems(summary.problems.length - shown.length)}</Text> : null}
        </>
      )}
      {summary.fixable > 0 ? (
        <div>
          <ConfirmButton label={s.fixAll} title={s.fixAllTitle} lines={s.fixAllRules} confirm={s.confirm} cancel={s.cancelDialog}
            disabled={ctx.busy} onConfirm={ctx.fixAll} />
        </div>
      ) : null}
      {summary.fixes > 0 && summary.backupSheet
        ? <Text size={200}>{(summary.backupReused ? s.fixedResultSameBackup : s.fixedResult)(summary.fixes, summary.backupSheet)}</Text> : null}
      {summary.fixes === 0 && summary.fixedIn ? <Text size={200}>{s.nothingToFixIn(summary.fixedIn.join(', '))}</Text> : null}
    </>
  );
}
