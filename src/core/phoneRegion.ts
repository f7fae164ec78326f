/**
 * The default phone region chosen from the ledger itself, for settings left on 'auto': the region
 * under which most of a sample of the phone column's numbers are valid, among the user's language
 * region, the regions of numbers written with a country code and a short list of common ones.
 * An English ledger of US numbers is then read as US, not as mainland landlines.
 */
import { getCountries, isSupportedCountry } from 'libphonenumber-js/max';
import { checkPhone, countryOfInternational, typedAsNational } from './phone';
import { runToEnd } from './steps';
import { cellText, cleanText, isMissingText } from './text';

/**
 * At most this many non-empty phone cells are tried: enough to tell regions apart, and each costs a
 * library parse per region tried, whatever the ledger's size.
 */
export const REGION_SAMPLE_LIMIT = 200;

/** Regions always tried, besides the language's and those the ledger writes with a country code. */
export const COMMON_REGIONS = ['CN', 'US', 'GB', 'HK', 'TW', 'SG', 'AU', 'CA', 'DE', 'FR', 'JP'] as const;

/** Every region a user can choose for phones: the common ones first, then the rest libphonenumber knows. */
export function phoneRegionChoices(): string[] {
  const common: readonly string[] = COMMON_REGIONS;
  return [...common, ...getCountries().filter((c) => !common.includes(c))];
}

/** A language without a region subtag, by the region most of its speakers' ledgers are from. */
const LANGUAGE_DEFAULT: Readonly<Record<string, string>> = {
  zh: 'CN', en: 'US', de: 'DE', fr: 'FR', ja: 'JP', ko: 'KR', es: 'ES', it: 'IT', pt: 'BR', ru: 'RU',
  nl: 'NL', ms: 'MY', th: 'TH', vi: 'VN', id: 'ID', pl: 'PL', tr: 'TR', sv: 'SE', da: 'DK', fi: 'FI', nb: 'NO',
};

/** The product's first language: a ledger whose user's language is unknown is read as mainland. */
const FALLBACK_REGION = 'CN';

/**
 * The region of a language tag (BCP 47 or a POSIX locale): zh → CN, zh-Hant → TW, en-US → US,
 * en_GB.UTF-8 → GB, de → DE. CN when the tag says nothing usable.
 */
export function languageRegion(language: string | null | undefined): string {
  return languageRegions(language)[0]!;
}

/** The language's region, then its language's usual one (en-AU → AU, US): the order ties are broken in. */
function languageRegions(language: string | null | undefined): string[] {
  const tag = (language ?? '').replace(/[.@].*$/, '').replace(/_/g, '-');
  const parts = tag.split('-').filter((p) => p !== '');
  const lang = (parts[0] ?? '').toLowerCase();
  if (!/^[a-z]{2,3}$/.test(lang)) return [FALLBACK_REGION];
  const usual = lang === 'zh' && parts.slice(1).some((p) => p.toLowerCase() === 'hant') ? 'TW' : LANGUAGE_DEFAULT[lang] ?? FALLBACK_REGION;
  // A region subtag libphonenumber does not know (en-150, en-XX) says nothing about phones.
  const region = parts.slice(1).find((p) => /^[A-Za-z]{2}$/.test(p) && isSupportedCountry(p.toUpperCase()))?.toUpperCase();
  return region && region !== usual ? [region, usual] : [usual];
}

export interface RegionChoice {
  /** The region numbers without a country code are read in. */
  region: string;
  /** Non-empty cells tried. */
  sampled: number;
  /** The score of each region tried on the whole sample (see detectRegion); regions dropped after the first round are left out. */
  scores: Record<string, number>;
}

/** Up to `limit` non-empty cells spread over the whole column: every step-th, then the ones between. */
function sample(values: readonly unknown[], limit: number): string[] {
  const out: string[] = [];
  const step = Math.max(1, Math.floor(values.length / limit));
  for (let offset = 0; offset < step && out.length < limit; offset++) {
    for (let i = offset; i < values.length && out.length < limit; i += step) {
      const v = values[i];
      const text = typeof v === 'number' ? String(v) : cleanText(cellText(v));
      if (text !== '' && !isMissingText(text)) out.push(text);
    }
  }
  return out;
}

/** A mainland mobile typed with a digit missing or extra (1895874766): a mainland number typed wrong. */
function mainlandSlip(text: string, region: string): boolean {
  if (region !== 'CN') return false;
  const c = checkPhone(text, region);
  return c.status === 'invalid' && (c.reason === 'too-short' || c.reason === 'too-long') && /^0?1[3-9]/.test(text.replace(/\D/g, ''));
}

/** A number the region accounts for: valid under it, a local number without its area code, or a mainland slip. */
function accounts(text: string, region: string): boolean {
  const status = checkPhone(text, region).status;
  return status === 'valid' || status === 'incomplete' || mainlandSlip(text, region);
}

/**
 * Points for one number under a region: 2 when the region accounts for it as typed, 1 when it is valid
 * only with the region's trunk prefix left out ("(415) 555-0123" as a mainland landline would be written
 * 0415…; any ten digits are a German number without its 0), else 0.
 */
function points(text: string, region: string): number {
  if (!accounts(text, region)) return 0;
  return checkPhone(text, region).status !== 'valid' || typedAsNational(text, region) ? 2 : 1;
}

/** Numbers every candidate is tried on before the unlikely ones are dropped. */
const FIRST_ROUND = 48;

/**
 * Choose the region for `values` (the phone column's cells) and the user's `language`. The region only
 * matters for numbers typed without a country code, so a region scores on those: 2 points for each it
 * accounts for as typed (valid, a local number without its area code, or a mainland mobile with a digit
 * missing or extra), 1 for a number valid only with the region's trunk prefix left out. Ties go to the
 * country the ledger writes with a country code most, then to the language's region. A region other than
 * the language's must score at least half the maximum: a few numbers that happen to be valid elsewhere
 * (an 11-digit slip that reads as a NANP number) do not move a ledger to another country. With no such
 * numbers at all, the most used country code decides.
 *
 * Cost: every candidate is tried on the first FIRST_ROUND numbers; only those accounting for at least
 * half as many as the best go on to the whole sample.
 */
export function detectRegion(values: readonly unknown[], language?: string | null): RegionChoice {
  return runToEnd(detectRegionSteps(values, language));
}

/** detectRegion as steps: it yields after each region it scores, so the pane's thread gets its turns. */
export function* detectRegionSteps(values: readonly unknown[], language?: string | null): Generator<void, RegionChoice, void> {
  const [home, ...usual] = languageRegions(language) as [string, ...string[]];
  const cells = sample(values, REGION_SAMPLE_LIMIT);
  const international = new Map<string, number>();
  const national: string[] = [];
  for (const text of cells) {
    if (!/^\(?\+/.test(text)) {
      national.push(text);
      continue;
    }
    const country = countryOfInternational(text);
    if (country) international.set(country, (international.get(country) ?? 0) + 1);
  }
  // Candidates in tie-break order: the ledger's own countries (most used first), the language's regions, the list.
  const byUse = [...international.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
  const candidates = [...new Set([...byUse, home, ...usual, ...COMMON_REGIONS])];
  const first = national.slice(0, FIRST_ROUND);
  const firstCounts: number[] = [];
  for (const region of candidates) firstCounts.push(first.filter((text) => accounts(text, region)).length);
  yield;
  const top = Math.max(0, ...firstCounts);
  const finalists = candidates.filter((region, i) => region === home || firstCounts[i]! * 2 >= top);
  const scores: Record<string, number> = {};
  for (const region of finalists) {
    let score = 0;
    for (const text of national) score += points(text, region);
    scores[region] = score;
    yield;
  }
  let best = finalists[0]!;
  for (const region of finalists) if (scores[region]! > scores[best]!) best = region;
  if (best !== home && scores[best]! < national.length) best = home;
  return { region: best, sampled: cells.length, scores };
}
