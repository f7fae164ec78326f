/** Results that explain themselves: counts, the cells to look at with "go to" links, tier counts. Pure renders. */
import { Text } from '@fluentui/react-components';
import type { CheckContactsSummary, DuplicatesSummary, TierColumnsSummary } from '../../actions';
import { explainMatch, strings } from '../../i18n/strings';
import { describeResult } from '../../addin/describeResult';
import type { ActionResult } from '../../addin/runAction';
import { ConfirmButton } from './ConfirmButton';
import { DuplicateReview } from './DuplicateReview';
import { renderGoTo, type ResultContext } from './goTo';

export type { ResultContext };

const TOP_PROBLEMS = 8;

function problemText(p: CheckContactsSummary['problems'][number], ctx: ResultContext): string {
  const t = strings(ctx.locale);
  const status = p.kind === 'phone' ? t.phoneStatus[p.status as 'invalid' | 'incomplete' | 'suspect'] : t.emailStatus[p.status as 'invalid' | 'suspect'];
  const reason = p.suggestion ? ctx.s.didYouMean(p.suggestion) : p.reason ? t.reason(p.kind, p.reason) : '';
  const sep = ctx.locale === 'zh-CN' ? '：' : ': ';
  return reason ? `${status}${sep}${reason}` : status;
}

function renderContacts(summary: CheckContactsSummary, ctx: ResultContext) {
  const shown = summary.problems.slice(0, TOP_PROBLEMS);
  return (
    <>
      <Text>{describeResult({ action: 'checkContacts', summary }, ctx.locale)}</Text>
      {shown.length === 0 ? <Text>{ctx.s.noProblems}</Text> : (
        <>
          <Text weight="semibold">{ctx.s.topProblems}</Text>
          <ul className={ctx.styles.list} aria-label={ctx.s.topProblems}>
            {shown.map((p) => <li key={p.cell}>{renderGoTo(ctx, summary.sheet, p.cell)} {problemText(p, ctx)}</li>)}
          </ul>
          {summary.problems.length > shown.length ? <Text size={200}>{ctx.s.moreProblems(summary.problems.length - shown.length)}</Text> : null}
        </>
      )}
      {summary.fixable > 0 ? (
        <div>
          <ConfirmButton label={ctx.s.fixAll} title={ctx.s.fixAllTitle} lines={ctx.s.fixAllRules} confirm={ctx.s.confirm} cancel={ctx.s.cancelDialog}
            disabled={ctx.busy} onConfirm={ctx.fixAll} />
        </div>
      ) : null}
      {summary.fixes > 0 && summary.backupSheet ? <Text size={200}>{ctx.s.fixedResult(summary.fixes, summary.backupSheet)}</Text> : null}
    </>
  );
}

function countsLine(words: Record<string, string>, counts: Record<string, number>): string {
  return Object.keys(words).filter((k) => counts[k]).map((k) => `${words[k]} ${counts[k]}`).join(' · ');
}

function renderTiers(summary: TierColumnsSummary, ctx: ResultContext) {
  const t = strings(ctx.locale);
  const live = Object.values(summary.live).some(Boolean);
  const lines: [string, string][] = [
    [t.valueTierLabel, countsLine(t.valueTier, summary.counts.valueTier)],
    [t.statusTierLabel, countsLine(t.statusTier, summary.counts.statusTier)],
    [t.lifecycleLabel, countsLine(t.lifecycle, summary.counts.lifecycle)],
  ];
  return (
    <>
      <Text>{ctx.s.tiersResult(summary.asOf)}</Text>
      <ul className={ctx.styles.list}>
        {lines.filter(([, v]) => v).map(([k, v]) => <li key={k}><Text weight="semibold">{k}</Text> {v}</li>)}
      </ul>
      <Text size={200} className={ctx.styles.muted}>{live ? ctx.s.liveNote : ctx.s.valuesNote}</Text>
    </>
  );
}

const TOP_POSSIBLE = 10;

function renderPossible(summary: DuplicatesSummary, ctx: ResultContext) {
  const t = strings(ctx.locale);
  const shown = summary.possible.slice(0, TOP_POSSIBLE);
  return (
    <>
      <Text size={200}>{ctx.s.possibleResult(summary.possible.length)}</Text>
      <ul className={ctx.styles.list} aria-label={ctx.s.possibleTitle}>
        {shown.map((p) => (
          <li key={`${p.rows[0]}-${p.rows[1]}`}>
            {renderGoTo(ctx, summary.sheet, `A${p.rows[0]}`, ctx.s.rowLink(p.rows[0]), ctx.s.goToRow(p.rows[0]))}
            {' · '}{renderGoTo(ctx, summary.sheet, `A${p.rows[1]}`, ctx.s.rowLink(p.rows[1]), ctx.s.goToRow(p.rows[1]))} · {explainMatch(ctx.locale, p.codes) || t.duplicateReason[p.reason]}
          </li>
        ))}
      </ul>
      {summary.possible.length > shown.length ? <Text size={200}>{t.more(summary.possible.length - shown.length)}</Text> : null}
    </>
  );
}

/** What the masked copy holds, and what it left out (hidden columns are usually hidden for a reason). */
function renderMasked(result: Extract<ActionResult, { action: 'exportMasked' }>, ctx: ResultContext) {
  const m = result.summary;
  return (
    <>
      <Text>{describeResult(result, ctx.locale)}</Text>
      <Text size={200} className={ctx.styles.muted}>{ctx.s.maskedColumns(m.masked.phone.join(' '), m.masked.email.join(' '))}</Text>
      {m.maskedInText > 0 ? <Text size={200} className={ctx.styles.muted}>{ctx.s.maskedInText(m.maskedInText)}</Text> : null}
      {m.leftOut.hidden.length > 0 ? <Text size={200}>{ctx.s.maskedHiddenLeftOut(m.leftOut.hidden)}</Text> : null}
      {m.leftOut.addIn.length > 0 ? <Text size={200} className={ctx.styles.muted}>{ctx.s.maskedAddInLeftOut(m.leftOut.addIn.length)}</Text> : null}
    </>
  );
}

export function renderResult(result: ActionResult | null, ctx: ResultContext) {
  if (!result) return null;
  switch (result.action) {
    case 'installTemplate':
      return <Text>{describeResult(result, ctx.locale)} {renderGoTo(ctx, result.summary.sheet, 'A1', result.summary.sheet, ctx.s.goToCell(`${result.summary.sheet}!A1`))}</Text>;
    case 'checkContacts':
      return renderContacts(result.summary, ctx);
    case 'computeTiers':
      return renderTiers(result.summary, ctx);
    case 'buildSummary':
      return <Text>{describeResult(result, ctx.locale)} {renderGoTo(ctx, result.summary.summarySheet, 'A1', result.summary.summarySheet, ctx.s.goToCell(`${result.summary.summarySheet}!A1`))}</Text>;
    case 'exportMasked':
      return renderMasked(result, ctx);
    case 'findDuplicates':
      return (
        <>
          <Text>{describeResult(result, ctx.locale)}</Text>
          {result.summary.dismissed > 0 ? <Text size={200} className={ctx.styles.muted}>{ctx.s.dismissedResult(result.summary.dismissed)}</Text> : null}
          {result.summary.possible.length > 0 ? renderPossible(result.summary, ctx) : null}
          {result.summary.groups.length > 0 && result.summary.archived.length === 0 ? <DuplicateReview summary={result.summary} ctx={ctx} /> : null}
        </>
      );
  }
}
