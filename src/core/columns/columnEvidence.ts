/**
 * Which field each column holds, from two witnesses: what its header says (headerVocabulary) and what its
 * values look like (valueShapes). Values can veto a header (an "邮件地址" column of email addresses is
 * never the street address; a "Date of birth" column is never a phone), and can map a column alone when
 * its header is a word nobody listed. Every decision keeps its evidence, for the user to read.
 */
import type { FieldId } from '../fields';
import { normalizeHeader } from '../fields';
import { headerCandidates, UNDIRECTED_FOLLOW_UP, type HeaderCandidate } from './headerVocabulary';
import type { ValueProfile } from './valueShapes';

export const EVIDENCE_CODES = [
  'header-exact', 'header-partial', 'header-hint', 'values-email', 'values-phone', 'values-dates', 'values-date-order',
  'values-birth-dates', 'values-money', 'values-counts', 'values-ages', 'values-person-names', 'values-company', 'values-address',
  'values-categories', 'split-name', 'vetoed-by-values', 'values-follow-up-later', 'user',
] as const;
export type EvidenceCode = (typeof EVIDENCE_CODES)[number];

export interface ColumnDecision {
  field: FieldId;
  column: number;
  header: string;
  confidence: number;
  how: 'header' | 'partial' | 'values' | 'user';
  evidence: EvidenceCode[];
  /** The known header word the header was read by, when it was. */
  word?: string;
}

type Fit = { fit: number; codes: EvidenceCode[] } | 'veto';

/** Strong kinds of a column: when its values are mostly one thing, fields of another kind are vetoed. */
function kinds(p: ValueProfile) {
  const judged = p.filled >= 3;
  return {
    judged,
    email: judged && p.email >= 0.6,
    phone: judged && p.phone >= 0.6,
    date: judged && p.date >= 0.6,
    money: judged && p.money >= 0.8,
    counts: judged && p.count >= 0.8,
    people: judged && p.personName >= 0.5,
  };
}

/** How well a column's values fit a field: a share-like fit and the evidence, or a veto. */
export function valueFit(field: FieldId, p: ValueProfile | null): Fit {
  if (!p || p.filled === 0) return { fit: 0, codes: [] };
  const k = kinds(p);
  const few = p.filled < 2;
  const notText = k.email || k.phone || k.date || k.money;
  switch (field) {
    case 'email':
      if (k.judged && p.email < 0.2) return 'veto';
      return few || p.email < 0.5 ? { fit: 0, codes: [] } : { fit: p.email, codes: ['values-email'] };
    case 'phone':
      if (k.date || k.email || k.people || (k.judged && p.phoneShaped < 0.2 && p.phone < 0.2)) return 'veto';
      return few || p.phone < 0.5 ? { fit: 0, codes: [] } : { fit: p.phone, codes: ['values-phone'] };
    case 'firstPurchase': case 'lastPurchase': case 'lastContact': case 'nextFollowUp': case 'birthDate':
      if (k.email || k.phone || k.people || (k.judged && p.date < 0.2 && p.serialLike < 0.5)) return 'veto';
      if (p.date >= 0.5) return { fit: p.date * 0.6, codes: ['values-dates'] };
      return p.serialDates ? { fit: 0.3, codes: ['values-dates'] } : { fit: 0, codes: [] };
    case 'total':
      if (k.date || k.email || k.phone || k.people || (k.judged && p.money < 0.3)) return 'veto';
      // Money, not merely whole numbers (those may be counts) unless some carry a currency or cents.
      return k.money && (p.count < 0.99 || p.moneyMarked >= 0.3) && !p.serialDates
        ? { fit: 0.6 + 0.4 * p.moneyMarked, codes: ['values-money'] } : { fit: 0, codes: [] };
    case 'orders':
      if (k.date || k.email || k.phone || k.people || (k.judged && p.count < 0.3) || p.moneyMarked >= 0.5) return 'veto';
      return k.counts && (p.countMedian ?? Infinity) <= 200 ? { fit: 0.5, codes: ['values-counts'] } : { fit: 0, codes: [] };
    case 'age':
      if (k.date || k.email || k.phone || k.people || (k.judged && p.count < 0.3)) return 'veto';
      // Ages: whole numbers of grown-ups, none of them 0 or past 110.
      return p.count >= 0.9 && (p.countMin ?? 0) >= 12 && (p.countMax ?? 999) <= 110 && (p.countMedian ?? 0) >= 20
        ? { fit: 0.6, codes: ['values-ages'] } : { fit: 0, codes: [] };
    case 'name':
      if (notText || k.counts) return 'veto';
      if (p.personName >= 0.5 && !p.categories) return { fit: p.personName, codes: ['values-person-names'] };
      return p.company >= 0.5 && !p.categories ? { fit: 0.3, codes: ['values-company'] } : { fit: 0, codes: [] };
    case 'owner':
      if (notText || k.counts) return 'veto';
      return p.personName >= 0.5 && p.categories ? { fit: 0.8, codes: ['values-person-names', 'values-categories'] } : { fit: 0, codes: [] };
    case 'firstName': case 'lastName': case 'title':
      return notText || k.counts ? 'veto' : { fit: 0, codes: [] };
    case 'company':
      if (notText || k.counts || (k.people && p.company < 0.2)) return 'veto';
      return p.company >= 0.5 ? { fit: p.company, codes: ['values-company'] } : { fit: 0, codes: [] };
    case 'address':
      if (notText || k.counts) return 'veto';
      return p.address >= 0.5 ? { fit: p.address * 0.8, codes: ['values-address'] } : { fit: 0, codes: [] };
    case 'region': case 'channel': case 'industry': case 'category':
      if (notText || k.counts) return 'veto';
      // Weak support: a few repeated values fit any of these fields, and never outweigh a header word.
      return p.categories ? { fit: 0.1, codes: ['values-categories'] } : { fit: 0, codes: [] };
    case 'gender':
      if (notText || k.counts) return 'veto';
      return p.gender >= 0.8 ? { fit: 0.8, codes: ['values-categories'] } : { fit: 0, codes: [] };
    case 'notes':
      return k.email || k.phone || k.date ? 'veto' : { fit: 0, codes: [] };
    case 'postcode':
      return k.email || k.phone || k.date || k.people ? 'veto' : { fit: 0, codes: [] };
    case 'customerId':
      return k.email || k.phone || k.date || k.people || (k.judged && p.company >= 0.5) ? 'veto' : { fit: 0, codes: [] };
  }
}

/** Fields a column may take from its values alone (no header word for them). */
const VALUE_ONLY: ReadonlySet<FieldId> = new Set(['email', 'phone', 'name', 'owner', 'company', 'total', 'address', 'gender', 'age']);
/** Value-only fits below this do not map a column. */
const VALUE_ONLY_MIN = 0.6;

interface Option {
  field: FieldId; column: number; score: number; evidence: EvidenceCode[]; how: ColumnDecision['how']; word?: string;
  /** Header and values together, uncapped: orders options whose confidence both shows as 100 %. */
  weight?: number;
  /** The header reading's own strength, before the values' support. */
  strength?: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function optionsFor(column: number, header: string, p: ValueProfile | null, followUp: FollowUpDirection = null): Option[] {
  const options: Option[] = [];
  const cands = (header ? headerCandidates(header) : []).map((c) => redirect(c, followUp));
  let vetoed = -1; // the strongest header reading the values ruled out
  for (const c of cands) {
    const v = valueFit(c.field, p);
    if (v === 'veto') { vetoed = Math.max(vetoed, c.strength); continue; }
    options.push(fromHeader(column, c, v));
  }
  const named = new Set(cands.map((c) => c.field));
  for (const field of VALUE_ONLY) {
    if (named.has(field)) continue;
    const v = valueFit(field, p);
    if (v === 'veto' || v.fit < VALUE_ONLY_MIN || (p?.filled ?? 0) < (field === 'email' || field === 'phone' ? 2 : 5)) continue;
    options.push({ field, column, score: round2(0.3 + 0.35 * v.fit), evidence: v.codes, how: 'values' });
  }
  // Said only where the header, read alone, pointed at least as much elsewhere (邮件地址 → address).
  for (const o of options) if (vetoed >= 0 && (o.how === 'values' || vetoed >= (o.strength ?? 0))) o.evidence.push('vetoed-by-values');
  return options;
}

type FollowUpDirection = 'next' | 'last' | null;

/** A "follow-up" header read as the field its dates point to (a later date is the planned follow-up). */
function redirect(c: HeaderCandidate, direction: FollowUpDirection): HeaderCandidate & { later?: true } {
  if (direction === 'next' && c.field === 'lastContact') return { ...c, field: 'nextFollowUp', later: true };
  if (direction === 'last' && c.field === 'nextFollowUp') return { ...c, field: 'lastContact' };
  return c;
}

/**
 * Which way an undirected follow-up column points (回访日期, Follow-up date): 'next' when its dates lie after
 * the latest of the row's other dates in most rows, 'last' when on or before, null when nothing to compare.
 */
function followUpDirection(column: number, header: string, profiles: readonly (ValueProfile | null)[],
  skip: ReadonlySet<number>): FollowUpDirection {
  if (!UNDIRECTED_FOLLOW_UP.has(normalizeHeader(header))) return null;
  const own = profiles[column];
  if (!own) return null;
  const others = profiles.filter((p, c): p is ValueProfile => c !== column && !skip.has(c) && p !== null && p.filled >= 3 && (p.date >= 0.6 || p.serialDates));
  let rows = 0;
  let later = 0;
  own.dates.forEach((d, i) => {
    if (!d) return;
    let latest: string | null = null;
    for (const p of others) { const x = p.dates[i]; if (x && (!latest || x > latest)) latest = x; }
    if (!latest) return;
    rows++;
    if (d > latest) later++;
  });
  if (rows < 3) return null;
  return later / rows >= 0.8 ? 'next' : later / rows <= 0.2 ? 'last' : null;
}

function fromHeader(column: number, c: HeaderCandidate & { later?: true }, v: { fit: number; codes: EvidenceCode[] }): Option {
  const cap = c.code === 'header-exact' ? 1 : 0.99;
  const weight = c.strength + 0.4 * v.fit;
  return {
    field: c.field, column, score: round2(Math.min(cap, weight)), weight, evidence: [c.code, ...v.codes, ...(c.later ? ['values-follow-up-later' as const] : [])],
    how: c.code === 'header-exact' ? 'header' : 'partial', word: c.word, strength: c.strength,
  };
}

/** Share of rows, among those where both are dates, where a's date is on or before b's. */
function orderShare(a: ValueProfile, b: ValueProfile): { before: number; rows: number } {
  let rows = 0;
  let before = 0;
  const n = Math.min(a.dates.length, b.dates.length);
  for (let i = 0; i < n; i++) {
    const x = a.dates[i];
    const y = b.dates[i];
    if (!x || !y) continue;
    rows++;
    if (x <= y) before++;
  }
  return { before: rows ? before / rows : 0, rows };
}

/**
 * Map columns to fields. `headers[c]` is the header text of column c ('' when none), `profiles[c]` its values'
 * profile (null when not looked at). Returns one decision per mapped field; each column holds at most one field.
 */
export function decideColumns(headers: readonly string[], profiles: readonly (ValueProfile | null)[],
  skip: ReadonlySet<number> = new Set()): ColumnDecision[] {
  const width = Math.max(headers.length, profiles.length);
  const options: Option[] = [];
  for (let c = 0; c < width; c++) {
    if (!skip.has(c)) options.push(...optionsFor(c, headers[c] ?? '', profiles[c] ?? null, followUpDirection(c, headers[c] ?? '', profiles, skip)));
  }
  // Best first; ties to the more specific evidence, then to the leftmost column.
  options.sort((a, b) => (b.weight ?? b.score) - (a.weight ?? a.score) || rank(a) - rank(b) || a.column - b.column);
  const byField = new Map<FieldId, Option>();
  const taken = new Set<number>();
  for (const o of options) {
    if (byField.has(o.field) || taken.has(o.column)) continue;
    byField.set(o.field, o);
    taken.add(o.column);
  }
  placeDates(profiles, byField, taken, skip, width);
  placeOrders(profiles, byField, taken, skip, width);
  completeSplitName(byField, profiles);
  return [...byField.values()].map((o) => ({
    field: o.field, column: o.column, header: headers[o.column] ?? '', confidence: o.score, how: o.how,
    evidence: [...new Set(o.evidence)], ...(o.word ? { word: o.word } : {}),
  }));
}

function rank(o: Option): number {
  return o.how === 'header' ? 0 : o.how === 'partial' ? 1 : 2;
}

/** Date columns no header placed: birth dates lie decades back; of two others the earlier is the first purchase. */
function placeDates(profiles: readonly (ValueProfile | null)[], byField: Map<FieldId, Option>, taken: Set<number>,
  skip: ReadonlySet<number>, width: number): void {
  const dateColumns: number[] = [];
  for (let c = 0; c < width; c++) {
    const p = profiles[c];
    if (p && p.filled >= 3 && (p.date >= 0.6 || p.serialDates) && !skip.has(c)) dateColumns.push(c);
  }
  const free = dateColumns.filter((c) => !taken.has(c));
  if (free.length === 0) return;
  const years = dateColumns.map((c) => profiles[c]!.medianYear ?? 0);
  const latest = Math.max(...years);
  const place = (field: FieldId, column: number, codes: EvidenceCode[], score: number) => {
    byField.set(field, { field, column, score, evidence: ['values-dates', ...codes], how: 'values' });
    taken.add(column);
    free.splice(free.indexOf(column), 1);
  };
  for (const c of [...free]) {
    const year = profiles[c]!.medianYear ?? latest;
    // Decades before the sheet's other dates, or (alone) spread over decades and long past.
    const old = dateColumns.length > 1 ? year <= latest - 16 : profiles[c]!.yearSpread >= 15 && year <= 2005;
    if (!byField.has('birthDate') && old) place('birthDate', c, ['values-birth-dates'], 0.5);
  }
  const before = (a: number, b: number) => {
    const o = orderShare(profiles[a]!, profiles[b]!);
    return o.rows >= 3 && o.before >= 0.9;
  };
  if (free.length >= 2 && !byField.has('firstPurchase') && !byField.has('lastPurchase')) {
    let pair: [number, number] | null = null;
    for (const a of free) for (const b of free) if (a !== b && !pair && before(a, b) && !before(b, a)) pair = [a, b];
    if (pair) {
      place('firstPurchase', pair[0], ['values-date-order'], 0.5);
      place('lastPurchase', pair[1], ['values-date-order'], 0.5);
    }
  }
  for (const c of [...free]) {
    const first = byField.get('firstPurchase')?.column;
    const last = byField.get('lastPurchase')?.column;
    if (first !== undefined && !byField.has('lastPurchase') && before(first, c)) place('lastPurchase', c, ['values-date-order'], 0.45);
    else if (last !== undefined && !byField.has('firstPurchase') && before(c, last) && !before(last, c)) place('firstPurchase', c, ['values-date-order'], 0.45);
    else {
      const field = (['lastPurchase', 'lastContact'] as const).find((f) => !byField.has(f));
      if (field) place(field, c, [], 0.4);
    }
  }
}

/** Small whole numbers beside a money column are its order counts. */
function placeOrders(profiles: readonly (ValueProfile | null)[], byField: Map<FieldId, Option>, taken: Set<number>,
  skip: ReadonlySet<number>, width: number): void {
  const total = byField.get('total')?.column;
  if (byField.has('orders') || total === undefined) return;
  for (const d of [-1, 1, -2, 2]) {
    const c = total + d;
    if (c < 0 || c >= width || taken.has(c) || skip.has(c)) continue;
    const v = valueFit('orders', profiles[c] ?? null);
    if (v === 'veto' || v.fit === 0 || (profiles[c]?.filled ?? 0) < 5) continue;
    byField.set('orders', { field: 'orders', column: c, score: 0.5, evidence: ['values-counts'], how: 'values' });
    taken.add(c);
    return;
  }
}

/**
 * A name split over two columns is one name: when one part has its column ("Surname", "姓") and a plain
 * name column stands beside it ("Name", "名字"), that column is the other part, not the whole name —
 * else matching would read the given name alone and drop the surname without a word.
 */
function completeSplitName(byField: Map<FieldId, Option>, profiles: readonly (ValueProfile | null)[]): void {
  const name = byField.get('name');
  if (!name) return;
  const hasFirst = byField.has('firstName');
  const hasLast = byField.has('lastName');
  if (hasFirst === hasLast) return;
  // Whole names ("Ann Lee", "王伟") in the name column: it is a name after all, the part column an extra.
  if ((profiles[name.column]?.personName ?? 0) >= 0.5) return;
  const part: FieldId = hasLast ? 'firstName' : 'lastName';
  byField.delete('name');
  byField.set(part, { ...name, field: part, evidence: [...name.evidence, 'split-name'] });
}
