/** The readable summary `customer-ledger analyze` prints without --json, in the user's language. */
import type { Report } from '../core/report';
import { FIELD_BY_ID, type FieldId } from '../core/fields';
import { explainMatch, type Locale } from '../i18n/strings';
import { ledgerStrings, type LedgerTerms } from '../i18n/terms';
import { LIFECYCLES, STATUS_TIERS, VALUE_TIERS } from '../core/tiers';
import type { CrmSignal } from '../core/crmSignals';
import { crmSignalText, paneStrings } from '../i18n/pane';

const LIST_LIMIT = 20;

function limited<T>(items: readonly T[], render: (item: T) => string, more: (n: number) => string): string[] {
  const lines = items.slice(0, LIST_LIMIT).map(render);
  if (items.length > LIST_LIMIT) lines.push(more(items.length - LIST_LIMIT));
  return lines;
}

export function formatReport(report: Report, locale: Locale, terms?: LedgerTerms, crm?: readonly CrmSignal[]): string {
  const s = ledgerStrings(locale, terms);
  const lines: string[] = [];
  lines.push(s.sheetLine(report.sheet, report.headerRow, report.dataRows));
  lines.push(s.asOfLine(report.asOf, s.regionLabel(report.region, report.regionSource === 'auto')));
  lines.push(s.columnsLine(report.mapping.map((m) => `${m.column} ${FIELD_BY_ID[m.field as FieldId].label[locale]}`).join(', ')));
  if (report.unmappedColumns.length) lines.push(s.unmappedLine(report.unmappedColumns.map((u) => `${u.column} ${u.header}`).join(', ')));
  if (report.totalsRows.length) lines.push(s.totalsLine(report.totalsRows.join(', ')));
  const at = (row: number) => (column: string | undefined) => `${column ?? ''}${row}`;

  const phoneColumn = report.columns.phone;
  if (phoneColumn) {
    // Incomplete (no area code) and suspect (doubtful country code) numbers are listed with the invalid ones.
    const bad = report.rows.filter((r) => r.phone?.status === 'invalid' || r.phone?.status === 'incomplete' || r.phone?.status === 'suspect');
    lines.push('', s.phonesHeading(report.counts.phone.invalid ?? 0, report.rows.length - (report.counts.phone.empty ?? 0)));
    lines.push(...limited(bad, (r) => `  ${at(r.row)(phoneColumn)}: ${r.phone?.status === 'invalid' ? '' : `${s.phoneStatus[r.phone!.status]} — `}${s.reason('phone', r.phone?.reason ?? '')}`,
      (n) => `  ${s.more(n)}`));
  }
  const emailColumn = report.columns.email;
  if (emailColumn) {
    const bad = report.rows.filter((r) => r.email?.status === 'invalid' || r.email?.status === 'suspect');
    lines.push('', s.emailsHeading(report.counts.email.invalid ?? 0, report.counts.email.suspect ?? 0,
      report.rows.length - (report.counts.email.empty ?? 0)));
    lines.push(...limited(bad, (r) => r.email?.status === 'suspect'
      ? `  ${at(r.row)(emailColumn)}: ${r.email.normalized} — ${s.didYouMean(r.email.suggestion ?? '')}`
      : `  ${at(r.row)(emailColumn)}: ${s.reason('email', r.email?.reason ?? '')}`, (n) => `  ${s.more(n)}`));
  }

  const dupRows = report.duplicateGroups.reduce((n, g) => n + g.rows.length, 0);
  lines.push('', s.duplicatesHeading(report.duplicateGroups.length, dupRows));
  lines.push(...limited(report.duplicateGroups, (g) =>
    `  ${s.groupLine(g.id, g.rows.join(', '), g.keep, explainMatch(locale, g.codes) || g.reasons.map((r) => s.duplicateReason[r as keyof typeof s.duplicateReason]).join(', '))}`,
  (n) => `  ${s.more(n)}`));
  if (report.possibleDuplicates.length) {
    lines.push(s.possibleHeading(report.possibleDuplicates.length));
    lines.push(...limited(report.possibleDuplicates, (p) => `  ${p.rows.join(' & ')} (${explainMatch(locale, p.codes) || s.duplicateReason[p.reason as keyof typeof s.duplicateReason]})`, (n) => `  ${s.more(n)}`));
  }

  lines.push('', s.tiersHeading);
  const counts = (label: string, order: readonly string[], names: Record<string, string>, c: Record<string, number>) => {
    if (Object.keys(c).length === 0) return;
    lines.push(`  ${label}: ${order.filter((k) => c[k]).map((k) => `${names[k]} ${c[k]}`).join(', ')}`);
  };
  counts(s.valueTierLabel, VALUE_TIERS, s.valueTier, report.counts.valueTier);
  counts(s.statusTierLabel, STATUS_TIERS, s.statusTier, report.counts.statusTier);
  counts(s.lifecycleLabel, LIFECYCLES, s.lifecycle, report.counts.lifecycle);
  if (crm) {
    // When to move to a CRM, as the pane's export card says it.
    const p = paneStrings(locale);
    lines.push('', p.crmWhenTitle, ...(crm.length === 0 ? [`  ${p.crmNotYet}`] : crm.map((c) => `  ${crmSignalText(p, c)}`)), `  ${p.crmHowCli}`);
  }
  return `${lines.join('\n')}\n`;
}
