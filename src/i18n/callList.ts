/** The call list's words (CLI "today", the pane's Today card) in zh-CN and en-US. */
import type { CallItem } from '../core/callList';
import type { Locale } from './strings';

export function callReasonText(item: Pick<CallItem, 'reason' | 'days'>, locale: Locale): string {
  const d = item.days ?? 0;
  if (locale === 'zh-CN') {
    switch (item.reason) {
      case 'overdue': return `跟进已逾期 ${d} 天`;
      case 'dueThisWeek': return d === 0 ? '今天跟进' : `${d} 天后跟进`;
      case 'goingQuiet': return item.days === null ? '高价值客户，久未联系' : `高价值客户，${d} 天未联系`;
      case 'notContacted': return '新客户，尚未联系';
    }
  }
  switch (item.reason) {
    case 'overdue': return `follow-up overdue by ${d} day${d === 1 ? '' : 's'}`;
    case 'dueThisWeek': return d === 0 ? 'follow up today' : `follow up in ${d} day${d === 1 ? '' : 's'}`;
    case 'goingQuiet': return item.days === null ? 'high value, no recent contact' : `high value, quiet for ${d} days`;
    case 'notContacted': return 'new customer, not contacted yet';
  }
}

export function callListHeading(count: number, asOf: string, locale: Locale): string {
  return locale === 'zh-CN' ? `今天要联系 ${count} 位客户（截至 ${asOf}）` : `${count} customer${count === 1 ? '' : 's'} to call (as of ${asOf})`;
}

/** One line per customer: row, name, phone, why. */
export function callListLines(items: readonly CallItem[], asOf: string, locale: Locale): string[] {
  const row = (n: number) => (locale === 'zh-CN' ? `第 ${n} 行` : `row ${n}`);
  return [callListHeading(items.length, asOf, locale),
    ...items.map((i) => `  ${row(i.row)}  ${i.name || '—'}  ${i.phone || '—'}  ${callReasonText(i, locale)}`)];
}
