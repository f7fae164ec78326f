/**
 * One term per idea, the ledger's own: Chinese ledgers call a customer who has gone quiet 沉睡 or 休眠.
 * The add-in says 沉睡 unless the user's cells say 休眠, and then says 休眠 everywhere it writes or shows
 * the idea (status cells, rules, summary, settings, pane). English has one word, Dormant.
 */
import { strings, type Locale, type Strings } from './strings';

/** The words for "dormant" a Chinese ledger may use; the first is the add-in's own. */
export const DORMANT_WORDS = ['沉睡', '休眠'] as const;
export type DormantWord = (typeof DORMANT_WORDS)[number];

export interface LedgerTerms {
  /** The Chinese word for a dormant customer (English text never holds either word). */
  dormant: DormantWord;
}

export const OUR_TERMS: LedgerTerms = { dormant: DORMANT_WORDS[0] };

/** A text in the ledger's words: the add-in's word for an idea replaced by the ledger's. */
export function sayTerms(text: string, terms: LedgerTerms = OUR_TERMS): string {
  return terms.dormant === OUR_TERMS.dormant ? text : text.replaceAll(OUR_TERMS.dormant, terms.dormant);
}

/**
 * A table of words (strings, nested tables, functions returning strings) in the ledger's words. The
 * tables stay written in the add-in's own words; this is the one place that swaps them.
 */
export function withTerms<T>(table: T, terms: LedgerTerms = OUR_TERMS): T {
  if (terms.dormant === OUR_TERMS.dormant) return table;
  const map = (v: unknown): unknown => {
    if (typeof v === 'string') return sayTerms(v, terms);
    if (typeof v === 'function') {
      return (...args: unknown[]) => map((v as (...a: unknown[]) => unknown)(...args));
    }
    if (Array.isArray(v)) return v.map(map);
    if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, map(x)]));
    }
    return v;
  };
  return map(table) as T;
}

/** The engine's words for the ledger's language, in the ledger's terms. */
export function ledgerStrings(locale: Locale, terms: LedgerTerms = OUR_TERMS): Strings {
  return withTerms(strings(locale), terms);
}
