/**
 * Per-field comparison levels of two rows, the γ vector of a Fellegi–Sunter model. Level 0 is always
 * "missing on one side" (no evidence either way); level 1 is always "exact", the level whose weight is
 * adjusted by how frequent the shared value is in the ledger.
 */
import { withoutPlaces } from '../matchKeys';
import { editDistance, jaroWinkler } from './jaroWinkler';
import { pinyinOf } from './pinyin';

/** What the rows hold, as columns (position i is one row); optional columns are absent when the sheet has no such column. */
export interface MatchData {
  /** nameKey() of the whole name ('' when missing). */
  readonly name: readonly string[];
  readonly company: readonly string[];
  readonly phone: readonly (string | null)[];
  readonly mobile: ArrayLike<number>;
  readonly email: readonly (string | null)[];
  /** nameKey() of a given name and of a surname held in columns of their own. */
  readonly given?: readonly string[];
  readonly surname?: readonly string[];
  /** Lower-cased street address, postcode, city and birth date (yyyymmdd digits). */
  readonly address?: readonly string[];
  readonly postcode?: readonly string[];
  readonly city?: readonly string[];
  readonly birth?: readonly string[];
}

export const FIELD = { name: 0, given: 1, surname: 2, company: 3, email: 4, phone: 5, address: 6, postcode: 7, city: 8, birth: 9 } as const;
export type MatchField = keyof typeof FIELD;
export const MATCH_FIELDS = Object.keys(FIELD) as MatchField[];
/** Levels per field, missing (0) included. */
export const LEVELS: readonly number[] = [6, 5, 5, 4, 4, 4, 5, 4, 4, 4];

export const NAME = { exact: 1, homophone: 2, close: 3, partial: 4, different: 5 } as const;
export const PART = { exact: 1, close: 2, partial: 3, different: 4 } as const;
export const SIMPLE = { exact: 1, close: 2, different: 3 } as const;
export const PHONE = { mobile: 1, landline: 2, different: 3 } as const;
export const ADDRESS = { exact: 1, close: 2, numberDiffers: 3, different: 4 } as const;

const HAN = /[\u3400-\u9fff]/;

/** Names whose tokens pair up, each equal, or one an initial or a typo of the other; a subset counts as partial. */
function compareLatinNames(a: string, b: string): number {
  const x = a.split(' ');
  const y = b.split(' ');
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  const used = new Uint8Array(long.length);
  let typos = 0;
  let initials = 0;
  for (const t of short) {
    let best = -1;
    let kind = 3; // 0 equal, 1 typo, 2 initial
    for (let k = 0; k < long.length; k++) {
      if (used[k]) continue;
      const u = long[k]!;
      const k2 = t === u ? 0 : (t.length === 1 || u.length === 1) && t[0] === u[0] ? 2
        : Math.min(t.length, u.length) >= 4 && (jaroWinkler(t, u) >= 0.9 || editDistance(t, u, 1) <= 1) ? 1 : 3;
      if (k2 < kind) { kind = k2; best = k; }
    }
    if (best < 0 || kind === 3) {
      // The whole strings may still be one typo apart (a missing space, "jon smith" / "john smith").
      return a.replace(/ /g, '').length >= 6 && editDistance(a.replace(/ /g, ''), b.replace(/ /g, ''), 1) <= 1 ? NAME.close : NAME.different;
    }
    used[best] = 1;
    if (kind === 1) typos++;
    if (kind === 2) initials++;
  }
  if (initials > 0 || short.length < long.length) return typos > 1 ? NAME.different : NAME.partial;
  return typos <= 1 ? NAME.close : NAME.partial;
}

/** The name level of two name keys. */
export function compareNames(a: string, b: string, sounds = true): number {
  if (a === '' || b === '') return 0;
  if (a === b) return NAME.exact;
  const ha = HAN.test(a);
  const hb = HAN.test(b);
  if (ha && hb) {
    // Homophones have as many characters (pinyin is worked out only then).
    const pa = sounds && a.length === b.length ? pinyinOf(a) : '';
    if (pa !== '' && pa === pinyinOf(b)) return NAME.homophone;
    // One name inside the other (小明 / 欧阳小明) may be one person; another character is another person
    // as often as a typo (王伟 / 王玮 sound alike and are caught above).
    return a.includes(b) || b.includes(a) ? NAME.partial : NAME.different;
  }
  if (ha !== hb) {
    const p = pinyinOf(ha ? a : b);
    return p !== '' && p.split(' ').sort().join(' ') === (ha ? b : a) ? NAME.homophone : NAME.different;
  }
  return compareLatinNames(a, b);
}

/** A given name or a surname on its own. */
export function comparePart(a: string, b: string): number {
  if (a === '' || b === '') return 0;
  if (a === b) return PART.exact;
  if (HAN.test(a) || HAN.test(b)) {
    const pa = pinyinOf(a);
    return pa !== '' && pa === pinyinOf(b) ? PART.close : PART.different;
  }
  if ((a.length === 1 || b.length === 1) && a[0] === b[0]) return PART.partial;
  const jw = jaroWinkler(a, b);
  if (jw >= 0.92 || (Math.min(a.length, b.length) >= 4 && editDistance(a, b, 1) <= 1)) return PART.close;
  return jw >= 0.8 ? PART.partial : PART.different;
}

export function compareCompanies(a: string, b: string, thorough = true): number {
  if (a === '' || b === '') return 0;
  if (a === b) return SIMPLE.exact;
  const han = HAN.test(a);
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  if (s.length >= (han ? 2 : 4) && l.includes(s)) return SIMPLE.close;
  // A place inside one name leaves its start or its end as the other's (瑞丰北京制造 / 瑞丰制造): only then look for one.
  if (han && thorough && sameEdge(a, b) && withoutPlaces(a) === withoutPlaces(b)) return SIMPLE.close;
  return !han && jaroWinkler(a, b) >= 0.93 ? SIMPLE.close : SIMPLE.different;
}

/** The digits of a[0..aEnd) and b[0..bEnd), in order, are the same (without making strings). */
function sameDigits(a: string, aEnd: number, b: string, bEnd: number): boolean {
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < aEnd && (a.charCodeAt(i) < 48 || a.charCodeAt(i) > 57)) i++;
    while (j < bEnd && (b.charCodeAt(j) < 48 || b.charCodeAt(j) > 57)) j++;
    if (i === aEnd || j === bEnd) return i === aEnd && j === bEnd;
    if (a.charCodeAt(i++) !== b.charCodeAt(j++)) return false;
  }
}

/** a and b start, or end, with the same two characters. */
function sameEdge(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  return (a.charCodeAt(0) === b.charCodeAt(0) && a.charCodeAt(1) === b.charCodeAt(1)) ||
    (a.charCodeAt(la - 1) === b.charCodeAt(lb - 1) && a.charCodeAt(la - 2) === b.charCodeAt(lb - 2));
}

const DIGITS = /\d+/g;
const digitsOf = (s: string) => (s.match(DIGITS) ?? []).join(' ');

/** Two addresses typed apart: one or two slips in the local part and the domain ("avazquez@banks.com" ~ "avazquec@bnks.zom"). */
export function compareEmails(a: string | null, b: string | null): number {
  if (!a || !b) return 0;
  if (a === b) return SIMPLE.exact;
  const at = a.lastIndexOf('@');
  const bt = b.lastIndexOf('@');
  // kehu7793 and kehu7798 are two customers of one numbering scheme, not a typo.
  if (at < 5 || bt < 5 || Math.abs(at - bt) > 1 || !sameDigits(a, at, b, bt)) return SIMPLE.different;
  const local = editDistance(a.slice(0, at), b.slice(0, bt), 1);
  if (local > 1) return SIMPLE.different;
  const domain = editDistance(a.slice(at + 1), b.slice(bt + 1), 2);
  return local <= 1 && domain <= 2 && local + domain <= 3 ? SIMPLE.close : SIMPLE.different;
}

export function comparePhones(a: string | null, b: string | null, mobile: boolean): number {
  if (!a || !b) return 0;
  if (a === b) return mobile ? PHONE.mobile : PHONE.landline;
  // A local number (no area code) and a full one that ends in its digits.
  const [l, f] = a.startsWith('local:') ? [a, b] : [b, a];
  if (l.startsWith('local:') && !f.startsWith('local:') && f.endsWith(l.slice(6))) return PHONE.landline;
  return PHONE.different;
}

export function compareAddresses(a: string, b: string): number {
  if (a === '' || b === '') return 0;
  if (a === b) return ADDRESS.exact;
  const da = digitsOf(a);
  const db = digitsOf(b);
  if (da !== '' && db !== '' && da !== db) return ADDRESS.numberDiffers;
  const sa = a.replace(/[\s,.#-]+/g, '');
  const sb = b.replace(/[\s,.#-]+/g, '');
  if (sa === sb) return ADDRESS.exact;
  return jaroWinkler(sa, sb) >= 0.9 ? ADDRESS.close : ADDRESS.different;
}

/** Postcodes and dates of birth: one slip (a digit, two swapped) is close. */
export function compareCodes(a: string, b: string): number {
  if (a === '' || b === '') return 0;
  if (a === b) return SIMPLE.exact;
  return a.length === b.length && editDistance(a, b, 1) <= 1 ? SIMPLE.close : SIMPLE.different;
}

export function compareBirth(a: string, b: string): number {
  const level = compareCodes(a, b);
  if (level !== SIMPLE.different || a.length !== 8 || b.length !== 8) return level;
  // Day and month swapped (a d/m slip): the same date read the other way.
  return a.slice(0, 4) === b.slice(0, 4) && a.slice(4, 6) === b.slice(6, 8) && a.slice(6, 8) === b.slice(4, 6) ? SIMPLE.close : level;
}

export function compareCities(a: string, b: string): number {
  if (a === '' || b === '') return 0;
  if (a === b) return SIMPLE.exact;
  return !HAN.test(a) && jaroWinkler(a, b) >= 0.9 ? SIMPLE.close : SIMPLE.different;
}

const at = (col: readonly string[] | undefined, i: number): string => (col ? col[i] ?? '' : '');

/**
 * The levels of rows i and j into `out` (one entry per field). A split name is compared part by part
 * (a given name typed into the surname column and back counts as close); the whole name is then missing,
 * so the same evidence is not counted twice. `thorough` false skips pinyin and places inside company names
 * (random pairs for u: two random rows almost never agree that way, and both cost microseconds).
 */
export function compareRows(d: MatchData, i: number, j: number, out: Uint8Array, thorough = true): void {
  const gi = at(d.given, i);
  const gj = at(d.given, j);
  const si = at(d.surname, i);
  const sj = at(d.surname, j);
  if ((gi || si) && (gj || sj)) {
    out[FIELD.name] = 0;
    if (gi !== '' && si !== '' && gi === sj && si === gj && gi !== si) {
      // Close, not exact: "Ryan Joel" and "Joel Ryan" are as often two people as one typed the other way round.
      out[FIELD.given] = PART.close;
      out[FIELD.surname] = PART.close;
    } else {
      out[FIELD.given] = comparePart(gi, gj);
      out[FIELD.surname] = comparePart(si, sj);
    }
  } else {
    out[FIELD.name] = compareNames(d.name[i]!, d.name[j]!, thorough);
    out[FIELD.given] = 0;
    out[FIELD.surname] = 0;
  }
  out[FIELD.company] = compareCompanies(d.company[i]!, d.company[j]!, thorough);
  out[FIELD.email] = compareEmails(d.email[i]!, d.email[j]!);
  out[FIELD.phone] = comparePhones(d.phone[i]!, d.phone[j]!, d.mobile[i] === 1 && d.mobile[j] === 1);
  out[FIELD.address] = compareAddresses(at(d.address, i), at(d.address, j));
  out[FIELD.postcode] = compareCodes(at(d.postcode, i), at(d.postcode, j));
  out[FIELD.city] = compareCities(at(d.city, i), at(d.city, j));
  out[FIELD.birth] = compareBirth(at(d.birth, i), at(d.birth, j));
}
