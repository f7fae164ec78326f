/**
 * Find the same customer entered more than once.
 *
 * keys → blocking → pair scores → groups (union-find). Rows are compared only inside blocks of rows
 * sharing a key (a phone, an email, a rare name, or a name with a company, city, postcode or birth
 * date…), so the cost stays near-linear. Each candidate pair is scored field by field by a
 * Fellegi–Sunter model fitted to the ledger (match/fellegiSunter.ts): a shared mobile or email weighs a
 * lot, a shared switchboard or a common name little, a conflicting name or street number counts
 * against. Two thresholds give "duplicate" and "possible duplicate — review"; every pair carries
 * reason codes (match/reasons.ts) that the front ends word.
 */
import type { IsoDate } from './calendar';
import { nameSimilarity } from './matchKeys';
import { inSteps, runToEnd } from './steps';
import { ADDRESS, FIELD, LEVELS, MATCH_FIELDS, NAME, PART, PHONE, SIMPLE, compareCompanies, compareRows, type MatchData } from './match/comparisons';
import { exactWeight, fitModel } from './match/fellegiSunter';
import { codesOf, mergeCodes, type MatchCode } from './match/reasons';

export { MATCH_CODES, type MatchCode } from './match/reasons';

export const DUPLICATE_REASONS = ['same mobile', 'same email', 'same phone and name', 'same name and company',
  'same name and birth date', 'same name and address', 'similar details'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export interface DuplicateCandidate {
  /** 1-based sheet row; unique among the candidates (it identifies the row in groups and pairs). */
  row: number;
  /** nameKey() of the name ('' when missing). */
  name: string;
  /** companyKey() of the company ('' when missing). */
  company: string;
  /** E.164 of a valid phone, with its kind. */
  phone: { e164: string; mobile: boolean } | null;
  /** The address to match on: normalized, the suggestion for a suspect one, or a repaired typo. */
  email: string | null;
  /** How complete and trustworthy the row is: the most complete row of a group is kept. */
  completeness: number;
  lastActivity: IsoDate | null;
  /** Optional match fields, as CandidateColumns has them. */
  given?: string;
  surname?: string;
  address?: string;
  postcode?: string;
  city?: string;
  birth?: string;
}

export interface DuplicatePair { rows: [number, number]; reason: DuplicateReason }

export interface DuplicateGroup {
  id: number;
  /** Sheet rows, ascending. */
  rows: number[];
  keep: number;
  reasons: DuplicateReason[];
  pairs: DuplicatePair[];
  /** What the joined pairs agree and differ on, each code once, in display order. */
  codes: MatchCode[];
}

/** A pair scored between the two thresholds; `similarity` is its match probability, 0..1. */
export interface PossibleDuplicate { rows: [number, number]; reason: DuplicateReason; similarity: number; codes: MatchCode[] }

export interface DuplicateResult {
  groups: DuplicateGroup[];
  /** Row → group id. */
  groupOf: Map<number, number>;
  possible: PossibleDuplicate[];
}

/** Union-find over candidate positions 0..n−1 (path halving); which root a set gets changes no result. */
class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(x: number): number {
    const parent = this.parent;
    let cur = x;
    while (parent[cur] !== cur) {
      const up = parent[parent[cur]!]!;
      parent[cur] = up;
      cur = up;
    }
    return cur;
  }
  union(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    if (ra < rb) this.parent[rb] = ra; else this.parent[ra] = rb;
    return true;
  }
}

/** FNV-1a over UTF-16 code units, continued from `h`: a cheap hash for the counting pass below. */
function cheapHash(text: string, h = 0x811c9dc5): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * The candidates as columns, position i being one row: what analyzeSheet builds (no object per row,
 * which at a million rows is most of the garbage collector's work). `findDuplicates` takes objects.
 */
export interface CandidateColumns extends MatchData {
  /** 1-based sheet rows, unique. */
  readonly row: ArrayLike<number>;
  /** E.164 of a valid phone (or a local:<digits> key), else null; `mobile[i]` is 1 when that phone is a mobile. */
  readonly phone: readonly (string | null)[];
  readonly completeness: ArrayLike<number>;
  readonly lastActivity: readonly (IsoDate | null)[];
}

/** Column form of candidate objects. */
export function candidateColumns(candidates: readonly DuplicateCandidate[]): CandidateColumns {
  return {
    row: candidates.map((c) => c.row),
    name: candidates.map((c) => c.name),
    company: candidates.map((c) => c.company),
    phone: candidates.map((c) => c.phone?.e164 ?? null),
    mobile: candidates.map((c) => (c.phone?.mobile ? 1 : 0)),
    email: candidates.map((c) => c.email),
    completeness: candidates.map((c) => c.completeness),
    lastActivity: candidates.map((c) => c.lastActivity),
    ...Object.fromEntries((['given', 'surname', 'address', 'postcode', 'city', 'birth'] as const)
      .filter((k) => candidates.some((c) => c[k]))
      .map((k) => [k, candidates.map((c) => c[k] ?? '')])),
  };
}

/** A power of two with about 8 buckets per row. */
function bucketCount(n: number): number {
  let size = 1024;
  while (size < n * 8) size *= 2;
  return size;
}

/**
 * The typed arrays the passes below work in, made once per run and cleared between passes: each is
 * megabytes at a million rows, and memory outside the JavaScript heap this large, allocated four times
 * over, makes V8 run full collections of the whole heap.
 */
class Scratch {
  readonly counts: Uint8Array;
  readonly bucket: Int32Array;
  readonly next: Int32Array;
  readonly last: Int32Array;
  readonly several: Uint8Array;
  private slots = new Int32Array(0);
  constructor(n: number) {
    this.counts = new Uint8Array(bucketCount(n));
    this.bucket = new Int32Array(n);
    this.next = new Int32Array(n);
    this.last = new Int32Array(n);
    this.several = new Uint8Array(n);
  }
  /** The counting arrays, cleared. */
  forCounting(): this {
    this.counts.fill(0);
    this.bucket.fill(-1); // -1: no key
    return this;
  }
  /** A slot table of `size` entries, all -1. */
  slotTable(size: number): Int32Array {
    if (this.slots.length < size) this.slots = new Int32Array(size);
    const table = this.slots.subarray(0, size);
    table.fill(-1);
    return table;
  }
}

/** Position i has a key, and its bucket was hit twice or more. (A function, not a closure made per pass: see collect.) */
function isShared(bucket: Int32Array, counts: Uint8Array, i: number): boolean {
  const b = bucket[i]!;
  return b >= 0 && counts[b]! >= 2;
}

/** Positions a pass goes through between two yields (a few ms at a million rows); each loop is a range function (inSteps). */
export const POSITIONS_PER_STEP = 32768;

/** Groups made between two yields: each is a few objects and sorts, some µs. */
const GROUPS_PER_STEP = 4096;


/** Shared positions in from..to−1. */
function countShared(bucket: Int32Array, counts: Uint8Array, from: number, to: number): number {
  let shared = 0;
  for (let i = from; i < to; i++) if (isShared(bucket, counts, i)) shared++;
  return shared;
}

/** Puts shared positions from..to−1 into the open-addressing table, chaining equal keys (see collect). */
function chainEqualKeys(scratch: Scratch, firstInSlot: Int32Array, mask: number,
  keys: readonly (string | null)[], also: readonly string[] | null, from: number, to: number): void {
  const { bucket, counts, next, last, several } = scratch;
  for (let i = from; i < to; i++) {
    if (!isShared(bucket, counts, i)) continue;
    for (let slot = bucket[i]! & mask; ; slot = (slot + 1) & mask) {
      const first = firstInSlot[slot]!;
      if (first < 0) {
        firstInSlot[slot] = i;
        last[i] = i;
        break;
      }
      // Equal keys have equal buckets: a cheap test before comparing the keys (strings elsewhere in memory).
      if (bucket[first] === bucket[i] && keys[first] === keys[i] && (also === null || also[first] === also[i])) {
        next[last[first]!] = i;
        last[first] = i;
        several[first] = 1;
        break;
      }
    }
  }
}

/** The blocks whose first position is in from..to−1, appended to `blocks`. */
function gatherBlocks(scratch: Scratch, blocks: number[][], from: number, to: number): void {
  const { next, several } = scratch;
  for (let i = from; i < to; i++) {
    if (!several[i]) continue;
    const block: number[] = [];
    for (let j = i; j >= 0; j = next[j]!) block.push(j);
    blocks.push(block);
  }
}

/**
 * Positions whose bucket another key hit too, grouped by equal keys (`keys[i]`, and `also[i]` when
 * given), in order of each key's first position; only keys held by two or more. An open-addressing
 * table over the same hash, in typed arrays: no Map, and no key string made per row. The keys come as
 * arrays, not as a comparison callback: one call site per pass would see several callbacks, and V8
 * throws optimized code away when a call site's target changes.
 */
function* collect(scratch: Scratch, keys: readonly (string | null)[], also: readonly string[] | null): Generator<void, number[][], void> {
  const { bucket, counts } = scratch;
  const n = bucket.length;
  let shared = 0;
  yield* inSteps(n, POSITIONS_PER_STEP, (from, to) => { shared += countShared(bucket, counts, from, to); });
  let size = 16;
  while (size < shared * 2) size *= 2;
  const mask = size - 1; // bucket[i] is the hash masked to a larger power of two, so this masks the hash too
  const firstInSlot = scratch.slotTable(size);
  scratch.next.fill(-1); // the next position with the same key
  scratch.several.fill(0); // for a key's first position: the key is held twice or more (`last`: its last position so far)
  yield* inSteps(n, POSITIONS_PER_STEP, (from, to) => chainEqualKeys(scratch, firstInSlot, mask, keys, also, from, to));
  const blocks: number[][] = [];
  yield* inSteps(n, POSITIONS_PER_STEP, (from, to) => gatherBlocks(scratch, blocks, from, to));
  return blocks;
}

/** Hashes keys from..to−1 into buckets and counts each bucket's hits (up to 2); see blocksBy. */
function countBuckets(scratch: Scratch, keys: readonly (string | null)[], mobile: ArrayLike<number> | undefined,
  wantMobile: number | undefined, from: number, to: number): void {
  const { counts, bucket } = scratch;
  const mask = counts.length - 1;
  for (let i = from; i < to; i++) {
    const k = keys[i];
    if (!k || (mobile !== undefined && mobile[i] !== wantMobile)) continue;
    const b = cheapHash(k) & mask;
    bucket[i] = b;
    if (counts[b]! < 2) counts[b]!++;
  }
}

/**
 * Rows sharing a key, in order of the key's first row; only blocks of two or more. Most keys belong to
 * one row, and a row whose key hashes to a bucket no other key hit cannot share it, so a counting pass
 * over a cheap hash leaves only the rows of real blocks (and a few collisions) to be compared.
 * `keys[i]` null or '' is no key; with `mobile`, only positions whose flag equals `wantMobile` count.
 */
function* blocksBy(scratch: Scratch, keys: readonly (string | null)[], mobile?: ArrayLike<number>, wantMobile?: number): Generator<void, number[][], void> {
  scratch.forCounting();
  yield* inSteps(keys.length, POSITIONS_PER_STEP, (from, to) => countBuckets(scratch, keys, mobile, wantMobile, from, to));
  return yield* collect(scratch, keys, null);
}

/** countBuckets for two keys together (hashed without joining the two); a position with either key empty has none. */
function countTwoKeyBuckets(scratch: Scratch, a: readonly string[], b: readonly string[], from: number, to: number): void {
  const { counts, bucket } = scratch;
  const mask = counts.length - 1;
  for (let i = from; i < to; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (!x || !y) continue;
    const h = cheapHash(y, cheapHash('\u0001', cheapHash(x))) & mask;
    bucket[i] = h;
    if (counts[h]! < 2) counts[h]!++;
  }
}

/** blocksBy for two keys together (the name and the company, the surname and the date of birth…). */
function* blocksByTwo(scratch: Scratch, a: readonly string[], b: readonly string[]): Generator<void, number[][], void> {
  scratch.forCounting();
  yield* inSteps(a.length, POSITIONS_PER_STEP, (from, to) => countTwoKeyBuckets(scratch, a, b, from, to));
  return yield* collect(scratch, a, b);
}

export function findDuplicates(candidates: readonly DuplicateCandidate[]): DuplicateResult {
  const { groups, possible } = findDuplicatesInColumns(candidateColumns(candidates));
  const groupOf = new Map<number, number>();
  for (const g of groups) for (const r of g.rows) groupOf.set(r, g.id);
  return { groups, groupOf, possible };
}

type ColumnsResult = Omit<DuplicateResult, 'groupOf'> & { groupAt: Int32Array };

/** findDuplicatesInColumns over columns; `groupAt[i]` is position i's group id (0: none), in place of `groupOf`. */
export function findDuplicatesInColumns(c: CandidateColumns): ColumnsResult {
  return runToEnd(findDuplicatesSteps(c));
}

/** Blocks up to this size are compared pair by pair; in larger ones only rows with the same name are (a placeholder, a switchboard). */
const BLOCK_LIMIT = 24;
/** A name held by more rows than this is common: it is compared only together with a second key. */
const NAME_BLOCK_LIMIT = 6;
/** Scores (bits of log-odds) at and above which a pair is one customer, or worth a review. */
const DUPLICATE_BITS = 0;
const POSSIBLE_BITS = -4;
/** Rows whose names conflict are offered for review only under names at least this alike (nameSimilarity). */
const POSSIBLE_NAME_SIMILARITY = 0.5;
/** A personal identifier (mobile, email) shared by rows of one or two names: its chance agreement is this much rarer than its frequency says. */
const IDENTIFIER_SCALE = 1 / 32;

/** Fields that describe where a customer is; see the score. */
const PLACE_FIELDS = Uint8Array.from(MATCH_FIELDS, (f) => (f === 'address' || f === 'postcode' || f === 'city' ? 1 : 0));
const PLACE_SHARE = 0.25;

/** The candidate pairs of the blocking passes, each once: positions a < b. */
class CandidatePairs {
  /** After `finish`: the pairs, ordered by a then b. */
  a = new Int32Array(0);
  b = new Int32Array(0);
  /** a·n + b of each pair proposed, repeats included (exact in a double up to n ≈ 9·10⁷). */
  private keys = new Float64Array(1024);
  private size = 0;
  constructor(private readonly n: number) {}
  add(i: number, j: number): void {
    if (this.size === this.keys.length) {
      const grown = new Float64Array(this.keys.length * 2);
      grown.set(this.keys);
      this.keys = grown;
    }
    this.keys[this.size++] = i < j ? i * this.n + j : j * this.n + i;
  }
  /** Sorts the keys and drops the repeats: a typed sort, where a Set of a million pair keys would be garbage. */
  finish(): void {
    const keys = this.keys.subarray(0, this.size).sort();
    let unique = 0;
    for (let k = 0; k < keys.length; k++) if (k === 0 || keys[k] !== keys[k - 1]) keys[unique++] = keys[k]!;
    this.a = new Int32Array(unique);
    this.b = new Int32Array(unique);
    for (let k = 0; k < unique; k++) {
      const a = Math.floor(keys[k]! / this.n);
      this.a[k] = a;
      this.b[k] = keys[k]! - a * this.n;
    }
    this.keys = new Float64Array(0);
  }
  /** Every pair of a small block; in a large one, each row with the next of the same name. */
  addBlock(block: readonly number[], name: readonly string[], company: readonly string[] | null = null): void {
    if (block.length <= BLOCK_LIMIT) {
      for (let x = 0; x < block.length; x++) {
        for (let y = x + 1; y < block.length; y++) if (!company || !companiesDiffer(company, block[x]!, block[y]!)) this.add(block[x]!, block[y]!);
      }
      return;
    }
    const byName = [...block].filter((i) => name[i] !== '').sort((x, y) => (name[x]! < name[y]! ? -1 : name[x]! > name[y]! ? 1 : x - y));
    for (let k = 1; k < byName.length; k++) {
      const [x, y] = [byName[k - 1]!, byName[k]!];
      if (name[x] === name[y] && (!company || !companiesDiffer(company, x, y))) this.add(x, y);
    }
  }
}

/** Both rows name a company, and not the same one (nor one written another way). */
function companiesDiffer(company: readonly string[], i: number, j: number): boolean {
  const a = company[i]!;
  const b = company[j]!;
  return a !== '' && b !== '' && a !== b && compareCompanies(a, b) === SIMPLE.different;
}

/** The headline of a pair joined at these levels: the strongest evidence first (mobile, email, landline, company). */
function headline(levels: Uint8Array): DuplicateReason {
  const phone = levels[FIELD.phone]!;
  if (phone === PHONE.mobile) return 'same mobile';
  const email = levels[FIELD.email]!;
  if (email === SIMPLE.exact || email === SIMPLE.close) return 'same email';
  if (phone === PHONE.landline) return 'same phone and name';
  const company = levels[FIELD.company]!;
  if (company === SIMPLE.exact || company === SIMPLE.close) return 'same name and company';
  const birth = levels[FIELD.birth]!;
  if (birth === SIMPLE.exact || birth === SIMPLE.close) return 'same name and birth date';
  if (levels[FIELD.address] === ADDRESS.exact || levels[FIELD.address] === ADDRESS.close || levels[FIELD.postcode] === SIMPLE.exact) return 'same name and address';
  return 'similar details';
}

/** A shared landline is the only identifier (no name, email or mobile agrees) and the street numbers differ: colleagues at one switchboard. */
function landlineOnlyAcrossAddresses(levels: Uint8Array): boolean {
  const name = levels[FIELD.name]!;
  const nameAgrees = (name >= NAME.exact && name <= NAME.close) || levels[FIELD.given] === PART.exact || levels[FIELD.surname] === PART.exact;
  return levels[FIELD.phone] === PHONE.landline && levels[FIELD.address] === ADDRESS.numberDiffers && !nameAgrees &&
    levels[FIELD.email] !== SIMPLE.exact && levels[FIELD.email] !== SIMPLE.close;
}

/**
 * The names conflict: a different name, or a split name with one part different and the other not
 * agreeing. Colleagues share a switchboard, a company, a city and an address, evidence that is not
 * independent; so however much of it agrees, conflicting names are at most worth a review.
 */
function namesConflict(levels: Uint8Array): boolean {
  // Colleagues do not share a date of birth: with one, the rest is a person's, typed differently.
  if (levels[FIELD.birth] === SIMPLE.exact || levels[FIELD.birth] === SIMPLE.close) return false;
  if (levels[FIELD.name] === NAME.different) return true;
  const given = levels[FIELD.given]!;
  const surname = levels[FIELD.surname]!;
  const agrees = (l: number) => l === PART.exact || l === PART.close;
  // Another first name and another date of birth under one surname and roof: a relative.
  if (levels[FIELD.birth] === SIMPLE.different && (given === PART.different || surname === PART.different)) return true;
  return (given === PART.different && !agrees(surname)) || (surname === PART.different && !agrees(given));
}

/** Field f's column (keys per position), if the ledger has it. */
function fieldColumn(c: CandidateColumns, d: MatchData, f: number): readonly (string | null)[] | undefined {
  switch (MATCH_FIELDS[f]) {
    case 'name': return c.name;
    case 'company': return c.company;
    case 'email': return c.email;
    case 'phone': return c.phone;
    default: return d[MATCH_FIELDS[f] as 'given' | 'surname' | 'address' | 'postcode' | 'city' | 'birth'];
  }
}

/** Adds each of positions from..to−1 whose value is in `wanted` to its count. */
function countWanted(col: readonly (string | null)[], wanted: Map<string, number>, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const v = col[i];
    if (v === null || v === undefined || v === '') continue;
    const k = wanted.get(v);
    if (k !== undefined) wanted.set(v, k + 1);
  }
}

/** The optional match columns as MatchData, with a column left out when no row fills it. */
function matchData(c: CandidateColumns): MatchData {
  const filled = (col: readonly string[] | undefined) => (col && col.some((v) => v !== '') ? col : undefined);
  return { name: c.name, company: c.company, phone: c.phone, mobile: c.mobile, email: c.email,
    given: filled(c.given), surname: filled(c.surname), address: filled(c.address), postcode: filled(c.postcode),
    city: filled(c.city), birth: filled(c.birth) };
}

/**
 * findDuplicatesInColumns as steps: it yields every POSITIONS_PER_STEP positions of each pass over the
 * rows and between the passes (each key, then the groups), so a caller on a UI thread can give the host
 * a turn; the passes and their order are the same.
 *
 * Blocking passes (one key, or two together) propose candidate pairs; every candidate is compared field
 * by field (comparisons.ts) and scored by a Fellegi–Sunter model fitted to this ledger (fellegiSunter.ts).
 */
export function* findDuplicatesSteps(c: CandidateColumns): Generator<void, ColumnsResult, void> {
  const d = matchData(c);
  const { candidates, countOf, scaleOf } = yield* blockingSteps(c, d);
  return yield* scoreSteps(c, d, candidates, countOf, scaleOf);
}

/** The candidate pairs of the blocking passes (positions, a < b), in the order proposed: what the model is ever shown. */
export function candidatePairs(c: CandidateColumns): [number, number][] {
  const { candidates } = runToEnd(blockingSteps(c, matchData(c)));
  return [...candidates.a].map((a, k) => [a, candidates.b[k]!]);
}

interface Blocking { candidates: CandidatePairs; countOf: (Int32Array | null)[]; scaleOf: (Float32Array | null)[] }

/** The blocking passes: candidate pairs, and each field's term frequencies (and identifier scales) found on the way. */
function* blockingSteps(c: CandidateColumns, d: MatchData): Generator<void, Blocking, void> {
  const n = c.name.length;
  const name = c.name;
  const scratch = new Scratch(n);
  const candidates = new CandidatePairs(n);
  // How many rows hold each position's value, per field (1 when alone): the term frequencies.
  const countOf: (Int32Array | null)[] = MATCH_FIELDS.map(() => null);
  // For a phone or an email: how much rarer than its frequency a chance agreement is (see IDENTIFIER_SCALE).
  const scaleOf: (Float32Array | null)[] = MATCH_FIELDS.map(() => null);
  const countBlocks = (field: number, blocks: readonly number[][]) => {
    const counts = new Int32Array(n).fill(1);
    for (const block of blocks) for (const i of block) counts[i] = block.length;
    countOf[field] = counts;
  };
  const names = (block: readonly number[]) => {
    const seen = new Set<string>();
    for (const i of block) {
      if (name[i]) seen.add(name[i]!);
      if (seen.size >= 3) break;
    }
    return seen.size;
  };

  // Personal identifiers first; a number or address held under three or more names is a placeholder or a switchboard.
  for (const [field, keys] of [[FIELD.phone, c.phone], [FIELD.email, c.email]] as const) {
    const blocks = yield* blocksBy(scratch, keys);
    countBlocks(field, blocks);
    const scale = new Float32Array(n).fill(1);
    for (const block of blocks) {
      const personal = names(block) < 3 ? IDENTIFIER_SCALE : 1;
      for (const i of block) scale[i] = field === FIELD.phone && !c.mobile[i] ? 1 : personal;
      candidates.addBlock(block, name);
    }
    scaleOf[field] = scale;
    yield;
  }
  // The name alone when it is rare; with a second key otherwise. The name, alone or with a place (city,
  // postcode, address), proposes no pair whose companies differ: people of one name are mostly namesakes
  // then, and a different company outweighs a shared name and city (a shared phone or email is its own pass).
  const hasCompany = c.company.some((k) => k !== '');
  const nameBlocks = yield* blocksBy(scratch, name);
  countBlocks(FIELD.name, nameBlocks);
  for (const block of nameBlocks) if (block.length <= NAME_BLOCK_LIMIT) candidates.addBlock(block, name, hasCompany ? c.company : null);
  yield;
  const twoKeyPasses: [readonly string[] | undefined, readonly string[] | undefined, boolean][] = [
    [name, c.company, false], [name, d.city, true], [name, d.postcode, true], [name, d.birth, false], [name, d.address, true],
    [d.surname, d.birth, false], [d.given, d.birth, false], [d.surname, d.postcode, false], [d.given, d.postcode, false], [d.postcode, d.birth, false],
  ];
  for (const [a, b, place] of twoKeyPasses) {
    if (!a || !b) continue;
    for (const block of yield* blocksByTwo(scratch, a, b)) candidates.addBlock(block, name, place && hasCompany ? c.company : null);
    yield;
  }
  candidates.finish();
  return { candidates, countOf, scaleOf };
}

/** Each candidate compared and scored; pairs at or above the thresholds joined or offered for review; the groups. */
function* scoreSteps(c: CandidateColumns, d: MatchData, candidates: CandidatePairs, countOf: readonly (Int32Array | null)[],
  scaleOf: readonly (Float32Array | null)[]): Generator<void, ColumnsResult, void> {
  const n = c.name.length;
  const { row, name } = c;

  // Every candidate's levels, and the count of each pattern for EM.
  const F = MATCH_FIELDS.length;
  const pairCount = candidates.a.length;
  const levels = new Uint8Array(pairCount * F);
  const patterns = new Map<number, number>();
  const one = new Uint8Array(F);
  const encode = (lv: Uint8Array) => {
    let code = 0;
    for (let f = F - 1; f >= 0; f--) code = code * LEVELS[f]! + lv[f]!;
    return code;
  };
  const decode = (code: number, out: Uint8Array) => {
    let rest = code;
    for (let f = 0; f < F; f++) {
      out[f] = rest % LEVELS[f]!;
      rest = Math.floor(rest / LEVELS[f]!);
    }
  };
  yield* inSteps(pairCount, POSITIONS_PER_STEP / 8, (from, to) => {
    for (let k = from; k < to; k++) {
      compareRows(d, candidates.a[k]!, candidates.b[k]!, one);
      levels.set(one, k * F);
      const code = encode(one);
      patterns.set(code, (patterns.get(code) ?? 0) + 1);
    }
  });
  const model = fitModel(d, n, patterns, decode);
  yield;
  // The other fields' term frequencies, counted only for values some candidate pair agrees on.
  const counted = [...countOf];
  for (let f = 0; f < F; f++) {
    const col = fieldColumn(c, d, f);
    if (counted[f] || !col) continue;
    const wanted = new Map<string, number>();
    for (let k = 0; k < pairCount; k++) if (levels[k * F + f] === 1) wanted.set(col[candidates.a[k]!]!, 0);
    if (wanted.size === 0) continue;
    yield* inSteps(n, POSITIONS_PER_STEP, (from, to) => countWanted(col, wanted, from, to));
    const counts = new Int32Array(n);
    for (let k = 0; k < pairCount; k++) {
      if (levels[k * F + f] !== 1) continue;
      const a = candidates.a[k]!;
      counts[a] = wanted.get(col[a]!)!;
    }
    counted[f] = counts;
  }

  const uf = new UnionFind(n);
  const pairs: DuplicatePair[] = [];
  const pairAt: number[] = [];
  const pairCodes: MatchCode[][] = [];
  const possible: PossibleDuplicate[] = [];
  const possibleAt: [number, number][] = [];
  const linked = new Uint8Array(n);
  const score = (i: number, lv: Uint8Array) => {
    let s = model.prior;
    let place = 0;
    let placeBest = 0;
    for (let f = 0; f < F; f++) {
      const l = lv[f]!;
      if (l === 0) continue;
      const w = l === 1 && counted[f] ? exactWeight(model, f, counted[f]![i]!, scaleOf[f]?.[i] ?? 1) : model.weight[f]![l]!;
      if (w > 0 && PLACE_FIELDS[f]) {
        place += w;
        placeBest = Math.max(placeBest, w);
      } else s += w;
    }
    // Address, postcode and city agree together for everyone in one household or building: not independent
    // evidence, so beyond the strongest of them each adds only a share.
    return s + placeBest + PLACE_SHARE * (place - placeBest);
  };
  const lv = new Uint8Array(F);
  yield* inSteps(pairCount, POSITIONS_PER_STEP / 8, (from, to) => {
    for (let k = from; k < to; k++) {
      for (let f = 0; f < F; f++) lv[f] = levels[k * F + f]!; // a copy, not a subarray made per pair
      const i = candidates.a[k]!;
      const j = candidates.b[k]!;
      let s = score(i, lv);
      if (namesConflict(lv)) {
        // Only a shared mobile or email under names alike enough to be one typed twice is worth a review.
        const identifier = lv[FIELD.phone] === PHONE.mobile || lv[FIELD.email] === SIMPLE.exact || lv[FIELD.email] === SIMPLE.close;
        s = identifier && nameSimilarity(name[i]!, name[j]!) >= POSSIBLE_NAME_SIMILARITY ? Math.min(s, DUPLICATE_BITS - 1) : -Infinity;
      } else if (s >= DUPLICATE_BITS && landlineOnlyAcrossAddresses(lv)) s = DUPLICATE_BITS - 1;
      const rows: [number, number] = [Math.min(row[i]!, row[j]!), Math.max(row[i]!, row[j]!)];
      if (s >= DUPLICATE_BITS) {
        if (uf.union(i, j)) {
          pairs.push({ rows, reason: headline(lv) });
          pairAt.push(i);
          pairCodes.push(codesOf(lv));
          linked[i] = 1;
          linked[j] = 1;
        }
      } else if (s >= POSSIBLE_BITS) {
        possible.push({ rows, reason: headline(lv), similarity: Math.round(1000 / (1 + 2 ** -s)) / 1000, codes: codesOf(lv) });
        possibleAt.push([i, j]);
      }
    }
  });

  return {
    ...(yield* buildGroups(c, linked, uf, pairs, pairAt, pairCodes)),
    possible: possible.filter((_, k) => uf.find(possibleAt[k]![0]) !== uf.find(possibleAt[k]![1])),
  };
}

/** The row to keep: the most complete, then the most recently active, then the latest entered. */
function pickKeep(c: CandidateColumns, members: readonly number[]): number {
  let best = members[0]!;
  for (let k = 1; k < members.length; k++) {
    const m = members[k]!;
    const mc = c.completeness[m]!;
    const bc = c.completeness[best]!;
    const ma = c.lastActivity[m] ?? '';
    const ba = c.lastActivity[best] ?? '';
    if (mc > bc || (mc === bc && (ma > ba || (ma === ba && c.row[m]! > c.row[best]!)))) best = m;
  }
  return c.row[best]!;
}

/** Each set's members among positions from..to−1 (ascending), found through its root's slot (see buildGroups). */
function addMembers(linked: Uint8Array, uf: UnionFind, slot: Int32Array, members: number[][], from: number, to: number): void {
  for (let i = from; i < to; i++) {
    if (!linked[i]) continue;
    const root = uf.find(i);
    const k = slot[root]!;
    if (k >= 0) members[k]!.push(i);
    else {
      slot[root] = members.length;
      members.push([i]);
    }
  }
}

/** Sets sorted[from..to−1] as groups (ids in order), each row's group id in groupAt. */
function addGroups(c: CandidateColumns, sets: readonly { list: number[]; pairs: DuplicatePair[]; codes: MatchCode[][] }[], groups: DuplicateGroup[],
  groupAt: Int32Array, from: number, to: number): void {
  const row = c.row;
  for (let k = from; k < to; k++) {
    const { list, pairs: setPairs, codes } = sets[k]!;
    const id = groups.length + 1;
    const groupPairs = setPairs.sort((a, b) => a.rows[0] - b.rows[0] || a.rows[1] - b.rows[1]);
    const reasons = DUPLICATE_REASONS.filter((r) => groupPairs.some((p) => p.reason === r));
    groups.push({ id, rows: list.map((i) => row[i]!), keep: pickKeep(c, list), reasons, pairs: groupPairs, codes: mergeCodes(codes) });
    for (const i of list) groupAt[i] = id;
  }
}

/** Groups from the rows that took part in a join (every row of a group did; the other rows are alone), in steps. */
function* buildGroups(c: CandidateColumns, linked: Uint8Array, uf: UnionFind,
  pairs: readonly DuplicatePair[], pairAt: readonly number[], pairCodes: readonly MatchCode[][]): Generator<void, { groups: DuplicateGroup[]; groupAt: Int32Array }, void> {
  const row = c.row;
  const n = linked.length;
  // Each set's members (positions, ascending) and pairs, found through its root's slot.
  const slot = new Int32Array(n).fill(-1);
  const members: number[][] = [];
  yield* inSteps(n, POSITIONS_PER_STEP, (from, to) => addMembers(linked, uf, slot, members, from, to));
  const pairsOf: (DuplicatePair[] | undefined)[] = new Array(members.length);
  const codesOf: (MatchCode[][] | undefined)[] = new Array(members.length);
  pairs.forEach((p, k) => {
    const s = slot[uf.find(pairAt[k]!)]!;
    (pairsOf[s] ??= []).push(p);
    (codesOf[s] ??= []).push(pairCodes[k]!);
  });
  yield;
  const sets = members
    .map((list, k) => ({ list: list.sort((a, b) => row[a]! - row[b]!), pairs: pairsOf[k] ?? [], codes: codesOf[k] ?? [] }))
    .filter(({ list }) => list.length > 1)
    .sort((a, b) => row[a.list[0]!]! - row[b.list[0]!]!);
  const groups: DuplicateGroup[] = [];
  const groupAt = new Int32Array(n);
  yield* inSteps(sets.length, GROUPS_PER_STEP, (from, to) => addGroups(c, sets, groups, groupAt, from, to));
  return { groups, groupAt };
}
