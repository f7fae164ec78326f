/** The CLI's result lines in the words a user reads, not the engine's names (no "valueTier=formula"). */
import type { TierColumnsSummary } from '../actions';
import type { Locale } from '../i18n/strings';
import { ledgerStrings } from '../i18n/terms';

/** "1 group" / "23 groups": English counts with their plural. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Tiers as counts in the sheet's own words, and which columns keep themselves current. */
export function tiersLine(r: TierColumnsSummary, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const w = ledgerStrings(locale, r.terms);
  const part = <K extends string>(counts: Record<string, number>, words: Record<K, string>) =>
    (Object.keys(words) as K[]).filter((k) => (counts[k] ?? 0) > 0).map((k) => (zh ? `${words[k]} ${counts[k]}` : `${counts[k]} ${words[k].toLowerCase()}`)).join(zh ? '，' : ', ');
  const groups = [
    r.live.valueTier !== undefined ? part(r.counts.valueTier, w.valueTier) + (zh ? '' : ' value') : null,
    r.live.statusTier !== undefined ? part(r.counts.statusTier, w.statusTier) : null,
    r.live.lifecycle !== undefined ? part(r.counts.lifecycle, w.lifecycle) : null,
  ].filter((g): g is string => Boolean(g) && g !== ' value');
  const liveWords = zh ? { valueTier: '价值', statusTier: '状态', lifecycle: '生命周期' } : { valueTier: 'value', statusTier: 'status', lifecycle: 'lifecycle' };
  const live = (Object.keys(liveWords) as (keyof typeof liveWords)[]).filter((k) => r.live[k] === true).map((k) => liveWords[k]);
  if (groups.length === 0) return zh ? '客户分层：台账缺少计算分层所需的列（金额、日期）' : 'tiers: the ledger lacks the columns tiers need (amounts, dates)';
  const liveText = live.length === 0 ? '' : zh ? `；${live.join('、')}随输入自动更新` : `; ${live.length === 1 ? live[0] : `${live.slice(0, -1).join(', ')} and ${live[live.length - 1]}`} update${live.length === 1 ? 's' : ''} as you type`;
  return zh ? `客户分层：${groups.join('；')}（截至 ${r.asOf}）${liveText}` : `tiers: ${groups.join('; ')} (as of ${r.asOf})${liveText}`;
}

/** Two sheets looked equally like the customer list: which one was used, and how to choose the other. */
export function tieNote(sheet: string, others: readonly string[], locale: Locale): string {
  return locale === 'zh-CN'
    ? `注意：「${sheet}」和 ${others.map((n) => `「${n}」`).join('、')} 都像客户表；已使用「${sheet}」（数据行最多/靠前的一张）。要用另一张请加 --sheet 名称`
    : `note: "${sheet}" and ${others.map((n) => `"${n}"`).join(', ')} all look like customer lists; used "${sheet}" (most data rows, then first in tab order). Choose another with --sheet NAME`;
}
