/**
 * Email check + normalize + domain-typo suggestion.
 *  - valid: an address after harmless cleanup (case, outer spaces, full-width symbols, a mailto: prefix,
 *    "Name <a@b.com>", trailing 。.;, typed after it);
 *  - suspect: well-formed, but the domain looks like a slip on a common provider (qq.con, outlok.com);
 *  - invalid: cannot be an address (no @, two @, a space inside, "..", a leading dot, no dot in the domain).
 * Suggestion libraries ship Western lists (mailcheck turns sina.cn into sina.ca), so the list here
 * puts the Chinese providers first.
 */
import { cellText, cleanText, isMissingText } from './text';

export type EmailStatus = 'valid' | 'suspect' | 'invalid' | 'empty';

export const EMAIL_REASONS = [
  'missing-at',
  'several-at', // a@@b.com, a@b@c.com
  'several-addresses', // two addresses in one cell, none of them usable
  'space-inside', // "ke hu528@foxmail.com": which half is right is a guess, so not harmless
  'bad-local-part', // characters an address cannot have before the @ (including non-ASCII)
  'bad-domain', // characters a domain cannot have, a numeric or one-letter TLD, an over-long label
  'no-dot-in-domain',
  'double-dot',
  'leading-or-trailing-dot',
  'domain-typo', // suspect: see `suggestion`
  'too-long', // over 254 characters, or over 64 before the @
] as const;
export type EmailReason = (typeof EMAIL_REASONS)[number];

export interface EmailCheck {
  status: EmailStatus;
  /** The cleaned address (lower-case) for valid and suspect; null otherwise. */
  normalized: string | null;
  /** For suspect: the address with the domain corrected. */
  suggestion: string | null;
  reason: EmailReason | null;
}

/**
 * Common mail domains, most used first (ties in the typo search go to the earlier one).
 * Every domain here is valid as typed: sina.cn, 189.cn, yeah.net are never "corrected".
 */
export const COMMON_EMAIL_DOMAINS = [
  'qq.com', '163.com', '126.com', 'foxmail.com', 'sina.com', 'sina.cn', 'sohu.com', '139.com', '189.cn',
  'aliyun.com', 'yeah.net', 'vip.qq.com', 'vip.163.com', 'vip.126.com', 'vip.sina.com', 'sina.com.cn',
  '21cn.com', 'tom.com', 'wo.cn', '263.net',
  'gmail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'icloud.com', 'me.com',
  'mac.com', 'aol.com', 'googlemail.com', 'ymail.com', 'mail.com', 'email.com', 'gmx.com', 'gmx.net',
  'protonmail.com', 'proton.me', 'zoho.com', 'yandex.com', 'hotmail.co.uk', 'yahoo.co.uk', 'live.cn',
  'outlook.com.hk', 'yahoo.com.hk', 'netvigator.com',
] as const;

const EMPTY: EmailCheck = { status: 'empty', normalized: null, suggestion: null, reason: null };

function invalid(reason: EmailReason): EmailCheck {
  return { status: 'invalid', normalized: null, suggestion: null, reason };
}

// ---------------------------------------------------------------------------------------------
// Harmless cleanup.

const LABEL = /^(?:e-?mail(?: address)?|mail|邮箱|电子邮箱|电子邮件|电邮)\s*[:：]\s*/u;
const ANGLE_ADDRESS = /<([^<>]*@[^<>]*)>/;
// Quotes or brackets around the whole address, and sentence punctuation typed after it.
const WRAPPED = /^["“‘'(（[【](.*)["”’')）\]】]$/u;
const TRAILING_PUNCTUATION = /[。.;,，；、]+$/u;

function tidy(text: string): string {
  let s = text.toLowerCase().replace(/。/g, '.'); // 。 is a Chinese IME full stop; NFKC keeps it
  const angle = ANGLE_ADDRESS.exec(s);
  if (angle?.[1] !== undefined) s = angle[1];
  s = s.trim().replace(LABEL, '').replace(/^mailto:/, '');
  s = s.replace(TRAILING_PUNCTUATION, '');
  for (let wrapped = WRAPPED.exec(s); wrapped?.[1] !== undefined; wrapped = WRAPPED.exec(s)) s = wrapped[1].trim();
  return s.replace(TRAILING_PUNCTUATION, '');
}

// ---------------------------------------------------------------------------------------------
// Shape of an address (RFC 5321 limits, dot-atom local part; quoted local parts are not accepted).

const LOCAL_CHARS = /^[a-z0-9!#$%&'*+/=?^_`{|}~.-]+$/;
// A domain label: letters (IDN domains in Unicode are fine), digits, inner hyphens.
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const TOP_LEVEL = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/u;

function dotReason(part: string): EmailReason | null {
  if (part.startsWith('.') || part.endsWith('.')) return 'leading-or-trailing-dot';
  if (part.includes('..')) return 'double-dot';
  return null;
}

function localReason(local: string): EmailReason | null {
  if (local === '') return 'bad-local-part';
  if (local.length > 64) return 'too-long';
  return dotReason(local) ?? (LOCAL_CHARS.test(local) ? null : 'bad-local-part');
}

function domainReason(domain: string): EmailReason | null {
  if (domain === '') return 'bad-domain';
  const dots = dotReason(domain);
  if (dots) return dots;
  const labels = domain.split('.');
  if (labels.length < 2) return 'no-dot-in-domain';
  if (!labels.every((l) => DOMAIN_LABEL.test(l))) return 'bad-domain';
  return TOP_LEVEL.test(labels[labels.length - 1] ?? '') ? null : 'bad-domain';
}

function shapeReason(address: string): EmailReason | null {
  if (/\s/.test(address)) return 'space-inside';
  const at = address.split('@').length - 1;
  if (at === 0) return 'missing-at';
  if (at > 1) return 'several-at';
  if (address.length > 254) return 'too-long';
  const [local = '', domain = ''] = address.split('@');
  return localReason(local) ?? domainReason(domain);
}

// ---------------------------------------------------------------------------------------------
// Domain typos.

/** Optimal string alignment distance: Levenshtein plus adjacent transpositions (gmial → gmail). */
export function osaDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const up = rows[i - 1] ?? [];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((up[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (up[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? Math.max(a.length, b.length);
}

/** True when b is a with two adjacent characters swapped (136 ↔ 163). */
function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  const [i, j] = diff;
  return diff.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

// Two-label public suffixes: the provider name of sina.com.cn is "sina", its suffix "com.cn".
const TWO_LABEL_SUFFIXES = new Set(['com.cn', 'net.cn', 'org.cn', 'co.uk', 'com.hk', 'com.tw', 'co.jp', 'com.au']);

interface KnownDomain {
  domain: string;
  name: string;
  suffix: string;
  suffixLabels: number;
}

function splitDomain(domain: string): KnownDomain {
  const labels = domain.split('.');
  const lastTwo = labels.slice(-2).join('.');
  const suffixLabels = labels.length > 2 && TWO_LABEL_SUFFIXES.has(lastTwo) ? 2 : 1;
  return { domain, name: labels.slice(0, -suffixLabels).join('.'), suffix: labels.slice(-suffixLabels).join('.'), suffixLabels };
}

const KNOWN: readonly KnownDomain[] = COMMON_EMAIL_DOMAINS.map(splitDomain);
const KNOWN_SET: ReadonlySet<string> = new Set(COMMON_EMAIL_DOMAINS);

/**
 * How far a typed provider name may be from a known one. Short names are where real company domains
 * sit one edit away from a provider (abc.com, tim.com, 138.com), so the thresholds grow with length:
 *  - ≤ 3 characters (qq, 163, tom): only a swap of two adjacent characters (136 → 163);
 *  - 4 (sina, sohu, live): one inserted, dropped or swapped character, not a replaced one (love.com stays);
 *  - 5–7 (gmail, outlook, hotmail): one edit of any kind;
 *  - ≥ 8 (googlemail, protonmail): two edits.
 */
function nameDistanceAllowed(typed: string, known: string, distance: number): boolean {
  if (distance === 0) return true;
  if (known.length <= 3) return distance === 1 && isTransposition(typed, known);
  if (known.length === 4) return distance === 1 && (typed.length !== known.length || isTransposition(typed, known));
  return distance <= (known.length >= 8 ? 2 : 1);
}

/**
 * The known domain the typed one is a slip of, or null. The suffix may be off by one edit
 * (.con, .cm, .co, .comm, .ne → .net, .com.cm → .com.cn) and the name as above; the two together
 * at most one edit for names ≤ 4 characters, two otherwise. Lowest total wins, then list order.
 */
function closestKnownDomain(domain: string): string | null {
  const labels = domain.split('.');
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const known of KNOWN) {
    if (labels.length <= known.suffixLabels) continue;
    const suffix = labels.slice(-known.suffixLabels).join('.');
    const suffixDistance = osaDistance(suffix, known.suffix);
    if (suffixDistance > 1) continue;
    const name = labels.slice(0, -known.suffixLabels).join('.');
    if (Math.abs(name.length - known.name.length) > 2) continue;
    const nameDistance = osaDistance(name, known.name);
    if (!nameDistanceAllowed(name, known.name, nameDistance)) continue;
    const total = nameDistance + suffixDistance;
    if (total > (known.name.length <= 4 ? 1 : 2)) continue;
    if (total < bestDistance) {
      best = known.domain;
      bestDistance = total;
    }
  }
  return best;
}

// Domains repeat across a ledger; remember the answer (bounded, cleared when full).
const MEMO_LIMIT = 20_000;
const typoMemo = new Map<string, string | null>();

function suggestedDomain(domain: string): string | null {
  if (KNOWN_SET.has(domain)) return null;
  let hit = typoMemo.get(domain);
  if (hit === undefined) {
    if (typoMemo.size >= MEMO_LIMIT) typoMemo.clear();
    hit = closestKnownDomain(domain);
    typoMemo.set(domain, hit);
  }
  return hit;
}

// ---------------------------------------------------------------------------------------------

/** A well-formed address: valid, or suspect when its domain is a slip on a common one. */
function withSuggestion(address: string): EmailCheck {
  const at = address.indexOf('@');
  const domain = address.slice(at + 1);
  const fixed = suggestedDomain(domain);
  if (fixed) return { status: 'suspect', normalized: address, suggestion: `${address.slice(0, at)}@${fixed}`, reason: 'domain-typo' };
  return { status: 'valid', normalized: address, suggestion: null, reason: null };
}

function checkAddress(address: string): EmailCheck {
  const reason = shapeReason(address);
  return reason ? invalid(reason) : withSuggestion(address);
}

/**
 * Two addresses in one cell ("a@x.com; b@y.com"): the cell is usable if one of them is, so the result
 * is the first valid, else the first suspect address; when neither, the cell is invalid.
 */
function checkSeveral(parts: readonly string[]): EmailCheck {
  const checks = parts.map((p) => checkAddress(tidy(p)));
  return checks.find((c) => c.status === 'valid') ?? checks.find((c) => c.status === 'suspect') ?? invalid('several-addresses');
}

// Fast path: a cell that already is a plain, well-formed ASCII address (most cells) needs none of the
// cleanup above; the answer is the same (a test compares both paths).
const PLAIN_ADDRESS =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

function plainAddress(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 254) return null;
  const address = value.toLowerCase();
  return PLAIN_ADDRESS.test(address) && address.indexOf('@') <= 64 ? address : null;
}

function checkCell(value: unknown): EmailCheck {
  const text = cleanText(cellText(value));
  if (isMissingText(text)) return { ...EMPTY };
  const address = tidy(text);
  if (address === '') return { ...EMPTY };
  const parts = address.split(/[\s;,，；、|/]+/).filter((p) => p.includes('@'));
  if (parts.length > 1) return checkSeveral(parts);
  return checkAddress(address);
}

/** Check one email cell; `value` is whatever the reader returned (string, hyperlink object, null…). */
export function checkEmail(value: unknown): EmailCheck {
  const plain = plainAddress(value);
  return plain === null ? checkCell(value) : withSuggestion(plain);
}

/** The same check without the fast path; exported for the test that proves both paths agree. */
export function checkEmailWithoutFastPath(value: unknown): EmailCheck {
  return checkCell(value);
}
