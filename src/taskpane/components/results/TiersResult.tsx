/** "Compute tiers": the as-of date and the counts of each tier, status and lifecycle. */
import { Text } from '@fluentui/react-components';
import type { TierColumnsSummary } from '../../../actions';
import { RFM_SEGMENT_WORDS } from '../../../i18n/rfm';
import { ledgerStrings, withTerms } from '../../../i18n/terms';
import type { ResultContext } from '../goTo';

function countsLine(words: Record<string, string>, counts: Record<string, number>): string {
  return Object.keys(words).filter((k) => counts[k]).map((k) => `${words[k]} ${counts[k]}`).join(' · ');
}

export function TiersResult({ summary, ctx }: { summary: TierColumnsSummary; ctx: ResultContext }) {
  const t = ledgerStrings(ctx.locale, summary.terms); // the words the columns were written in
  const live = Object.values(summary.live).some(Boolean);
  const lines: [string, string][] = [
    [t.valueTierLabel, countsLine(t.valueTier, summary.counts.valueTier)],
    [t.statusTierLabel, countsLine(t.statusTier, summary.counts.statusTier)],
    [t.lifecycleLabel, countsLine(t.lifecycle, summary.counts.lifecycle)],
    ...(summary.rfmSegments ? [[ctx.s.rfmResult, countsLine(withTerms(RFM_SEGMENT_WORDS[ctx.locale], summary.terms), summary.rfmSegments)] as [string, string]] : []),
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
