/**
 * How a valid number is written back into the user's own cell: by default the way people at home write
 * it (the region's national format), and the international form for a number of another country, which
 * the national format would make ambiguous. 'e164' writes the bare E.164 everywhere.
 */
import { getCountries, getCountryCallingCode, parsePhoneNumberWithError } from 'libphonenumber-js/max';
import { cleanText } from './text';

export const PHONE_STYLES = ['local', 'e164'] as const;
export type PhoneStyle = (typeof PHONE_STYLES)[number];

/** What formatting needs of a number: its national digits, calling code, country and two written forms. */
interface Facts { nsn: string; cc: string; country: string | null; national: string; international: string }

const MAINLAND_MOBILE = /^\+861\d{10}$/;

/** A mainland mobile without the library (most rows of a Chinese ledger): 138 1234 5678, as the library writes it. */
function mainlandMobile(e164: string): Facts {
  const n = e164.slice(3);
  const national = `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`;
  return { nsn: n, cc: '86', country: 'CN', national, international: `+86 ${national}` };
}

function libraryFacts(e164: string): Facts | null {
  try {
    const p = parsePhoneNumberWithError(e164);
    return { nsn: String(p.nationalNumber), cc: String(p.countryCallingCode), country: p.country ?? null, national: p.formatNational(), international: p.formatInternational() };
  } catch {
    return null;
  }
}

// The library takes 30–80 µs a number (the +1 countries most): at 100,000 rows, seconds. Numbers with
// the same calling code, length and first six national digits share their country and their grouping,
// so the library is asked once per such prefix and the digits are filled into its answer. Where the
// written digits are not "trunk prefix + national number" (Argentina's 15), each number asks the library.
const CALLING_CODES = new Set(getCountries().map((c) => String(getCountryCallingCode(c))));
const LIMIT = 50_000;
const templates = new Map<string, Template | null>();
const memo = new Map<string, Facts | null>();

/** A written form with the national number's digits taken out: the text around them, in pieces. */
interface Template { country: string | null; national: string[]; international: string[] }

/** `text` split around the last `nsn.length` digits, when those digits are `nsn`; else null. */
function holes(text: string, nsn: string): string[] | null {
  const pieces: string[] = [];
  let end = text.length;
  let k = nsn.length;
  for (let i = text.length - 1; i >= 0 && k > 0; i--) {
    if (text[i]! < '0' || text[i]! > '9') continue;
    if (text[i] !== nsn[--k]) return null;
    pieces.unshift(text.slice(i + 1, end));
    end = i;
  }
  if (k > 0) return null;
  pieces.unshift(text.slice(0, end));
  return pieces;
}

function fill(pieces: readonly string[], nsn: string): string {
  let out = pieces[0]!;
  for (let i = 0; i < nsn.length; i++) out += nsn[i]! + pieces[i + 1]!;
  return out;
}

function remember<V>(map: Map<string, V>, key: string, make: () => V): V {
  if (!map.has(key)) {
    if (map.size >= LIMIT) map.clear();
    map.set(key, make());
  }
  return map.get(key)!;
}

function facts(e164: string, useFastPath = true): Facts | null {
  if (!useFastPath) return libraryFacts(e164);
  if (MAINLAND_MOBILE.test(e164)) return mainlandMobile(e164);
  const digits = e164.slice(1);
  const cc = [1, 2, 3].map((n) => digits.slice(0, n)).find((c) => CALLING_CODES.has(c));
  if (!cc || !/^\+\d+$/.test(e164)) return remember(memo, e164, () => libraryFacts(e164));
  const nsn = digits.slice(cc.length);
  const key = `${cc}|${nsn.length}|${nsn.slice(0, 6)}`;
  let made: Facts | null | undefined;
  const t = remember(templates, key, () => {
    made = libraryFacts(e164);
    if (!made || made.nsn !== nsn) return null;
    const national = holes(made.national, nsn);
    const international = holes(made.international, nsn);
    return national && international ? { country: made.country, national, international } : null;
  });
  if (made !== undefined) return made;
  if (!t) return remember(memo, e164, () => libraryFacts(e164));
  return { nsn, cc, country: t.country, national: fill(t.national, nsn), international: fill(t.international, nsn) };
}

/**
 * The text a fix writes for `e164` (+8613812345678) when the ledger's region is `region`: 'local' gives
 * "138 1234 5678", a mainland landline "0571-8888 6666" (area code, hyphen: how mainland ledgers write
 * it; the library puts a space there), a US number in a CN ledger "+1 415 555 0123".
 */
export function formatPhone(e164: string, region: string, style: PhoneStyle = 'local', useFastPath = true): string {
  if (style === 'e164') return e164;
  const p = facts(e164, useFastPath);
  if (!p) return e164;
  if (!p.country || p.country !== region.toUpperCase()) return p.international;
  return p.country === 'CN' && p.national.startsWith('0') ? p.national.replace(' ', '-') : p.national;
}

/**
 * Whether writing the formatted number over `raw` loses nothing: the cell's digits are the number's
 * national digits, with at most a country code and/or trunk 0 in front, or the number's tail (a local
 * number the default area code completed). A cell holding an extension, a second number or a note with
 * digits is never rewritten: one number in place of it would drop the rest.
 */
export function phoneFixKeepsEverything(raw: string, e164: string): boolean {
  const p = facts(e164);
  if (!p) return false;
  const digits = cleanText(raw).replace(/\D/g, '');
  const { nsn, cc } = p;
  if (digits.endsWith(nsn)) {
    const prefix = digits.slice(0, digits.length - nsn.length);
    return ['', '0', cc, `${cc}0`, `00${cc}`, `00${cc}0`].includes(prefix);
  }
  return digits.length >= 6 && nsn.endsWith(digits);
}
