/**
 * Why two rows were matched, as codes (never sentences): each front end words them in the user's
 * language ("same email · name differs by one letter · same city"). In the order shown.
 */
import { ADDRESS, FIELD, NAME, PART, PHONE, SIMPLE } from './comparisons';

export const MATCH_CODES = [
  'same-mobile', 'same-phone', 'phone-differs',
  'same-email', 'similar-email', 'email-differs',
  'same-name', 'name-homophone', 'name-typo', 'name-initial', 'name-differs',
  'same-company', 'similar-company', 'company-differs',
  'same-address', 'similar-address', 'street-number-differs', 'address-differs',
  'same-postcode', 'similar-postcode',
  'same-city',
  'same-birth-date', 'similar-birth-date', 'birth-date-differs',
] as const;
export type MatchCode = (typeof MATCH_CODES)[number];

const ORDER = new Map<MatchCode, number>(MATCH_CODES.map((c, k) => [c, k]));

function nameCode(level: number): MatchCode | null {
  switch (level) {
    case NAME.exact: return 'same-name';
    case NAME.homophone: return 'name-homophone';
    case NAME.close: return 'name-typo';
    case NAME.partial: return 'name-initial';
    case NAME.different: return 'name-differs';
    default: return null;
  }
}

/** A split name's two parts as one name code: the weaker part says how alike the names are. */
function splitNameCode(given: number, surname: number): MatchCode | null {
  if (given === 0 && surname === 0) return null;
  const worst = Math.max(given, surname);
  if (worst === PART.exact) return 'same-name';
  if (worst === PART.close) return 'name-typo';
  if (worst === PART.partial) return 'name-initial';
  return 'name-differs';
}

/** The codes for a pair's levels (one per field), in display order; fields missing on either side say nothing. */
export function codesOf(levels: Uint8Array): MatchCode[] {
  const out: MatchCode[] = [];
  const push = (c: MatchCode | null) => { if (c) out.push(c); };
  const phone = levels[FIELD.phone]!;
  push(phone === PHONE.mobile ? 'same-mobile' : phone === PHONE.landline ? 'same-phone' : phone === PHONE.different ? 'phone-differs' : null);
  const email = levels[FIELD.email]!;
  push(email === SIMPLE.exact ? 'same-email' : email === SIMPLE.close ? 'similar-email' : email === SIMPLE.different ? 'email-differs' : null);
  push(levels[FIELD.name] ? nameCode(levels[FIELD.name]!) : splitNameCode(levels[FIELD.given]!, levels[FIELD.surname]!));
  const company = levels[FIELD.company]!;
  push(company === SIMPLE.exact ? 'same-company' : company === SIMPLE.close ? 'similar-company' : company === SIMPLE.different ? 'company-differs' : null);
  const address = levels[FIELD.address]!;
  push(address === ADDRESS.exact ? 'same-address' : address === ADDRESS.close ? 'similar-address'
    : address === ADDRESS.numberDiffers ? 'street-number-differs' : address === ADDRESS.different ? 'address-differs' : null);
  const postcode = levels[FIELD.postcode]!;
  push(postcode === SIMPLE.exact ? 'same-postcode' : postcode === SIMPLE.close ? 'similar-postcode' : null);
  if (levels[FIELD.city] === SIMPLE.exact) out.push('same-city');
  const birth = levels[FIELD.birth]!;
  push(birth === SIMPLE.exact ? 'same-birth-date' : birth === SIMPLE.close ? 'similar-birth-date' : birth === SIMPLE.different ? 'birth-date-differs' : null);
  return out;
}

/** Codes of several pairs as one list, each once, in display order. */
export function mergeCodes(lists: readonly (readonly MatchCode[])[]): MatchCode[] {
  const seen = new Set<MatchCode>();
  for (const l of lists) for (const c of l) seen.add(c);
  return [...seen].sort((a, b) => ORDER.get(a)! - ORDER.get(b)!);
}
