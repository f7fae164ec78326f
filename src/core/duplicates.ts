/**
 * Find the same customer entered more than once.
 *
 * keys → blocking → pair decisions → groups (union-find). Rows are compared only inside blocks of
 * rows sharing a key, so the cost stays near-linear. Evidence, by DESIGN's rules:
 *  - a shared strong key (same valid mobile, same email) is a duplicate when the names do not conflict;
 *  - a shared landline is a company switchboard unless the names agree too;
 *  - the same name at the same company (after legal forms and places are stripped) is a duplicate;
 *  - a common name alone never is.
 * Keys shared by many different names (a placeholder mobile, a switchboard) say little: inside such a
 * block only rows whose names agree are joined (a term-frequency adjustment in the spirit of splink).
 * Pairs whose names are similar but not equal are reported as "possible duplicate — review".
 */
import { nameSimilarity } from './matchKeys';
import type { IsoDate } from './calendar';
import { inSteps, runToEnd } from './steps';

export const DUPLICATE_REASONS = ['same mobile', 'same email', 'same phone and name', 'same name and company'] as const;
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
}

export interface DuplicatePair { rows: [number, number]; reason: DuplicateReason }

export interface DuplicateGroup {
  id: number;
  /** Sheet rows, ascending. */
  rows: number[];
  keep: number;
  reasons: DuplicateReason[];
  pairs: DuplicatePair[];
}

export interface PossibleDuplicate { rows: [number, number]; reason: DuplicateReason; similarity: number }

export interface DuplicateResult {
  groups: DuplicateGroup[];
  /** Row → group id. */
  groupOf: Map<number, number>;
  possible: PossibleDuplicate[];
}

/** Blocks larger than this with several different names are treated as shared numbers/addresses. */
const SHARED_KEY_NAMES = 3;
/** Fuzzy name comparison only runs in blocks up to this size (keeps the cost linear). */
const FUZZY_BLOCK_LIMIT = 12;
/** Names at least this similar (nameSimilarity) on a shared strong key are worth a review. */
const POSSIBLE_NAME_SIMILARITY = 0.5;

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
export interface CandidateColumns {
  /** 1-based sheet rows, unique. */
  readonly row: ArrayLike<number>;
  readonly name: readonly string[];
  readonly company: readonly string[];
  /** E.164 of a valid phone, else null; `mobile[i]` is 1 when that phone is a mobile. */
  readonly phone: readonly (string | null)[];
  readonly mobile: ArrayLike<number>;
  readonly email: readonly (string | null)[];
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

/** countBuckets for the name and company together (hashed without joining the two). */
function countNameAndCompanyBuckets(scratch: Scratch, name: readonly string[], company: readonly string[], from: number, to: number): void {
  const { counts, bucket } = scratch;
  const mask = counts.length - 1;
  for (let i = from; i < to; i++) {
    const a = name[i]!;
    const c = company[i]!;
    if (!a || !c) continue;
    const b = cheapHash(c, cheapHash('\u0001', cheapHash(a))) & mask;
    bucket[i] = b;
    if (counts[b]! < 2) counts[b]!++;
  }
}

/** blocksBy for the name and company together. */
function* blocksByNameAndCompany(scratch: Scratch, name: readonly string[], company: readonly string[]): Generator<void, number[][], void> {
  scratch.forCounting();
  yield* inSteps(name.length, POSITIONS_PER_STEP, (from, to) => countNameAndCompanyBuckets(scratch, name, company, from, to));
  return yield* collect(scratch, name, company);
}

export function findDuplicates(candidates: readonly DuplicateCandidate[]): DuplicateResult {
  const { groups, possible } = findDuplicatesInColumns(candidateColumns(candidates));
  const groupOf = new Map<number, number>();
  for (const g of groups) for (const r of g.rows) groupOf.set(r, g.id);
  return { groups, groupOf, possible };
}

type ColumnsResult = Omit<DuplicateResult, 'groupOf'> & { groupAt: Int32Array };

/** findDuplicates over columns; `groupAt[i]` is position i's group id (0: none), in place of `groupOf`. */
export function findDuplicatesInColumns(c: CandidateColumns): ColumnsResult {
  return runToEnd(findDuplicatesSteps(c));
}

/**
 * findDuplicatesInColumns as steps: it yields every POSITIONS_PER_STEP positions of each pass over the
 * rows and between the passes (each key, then the groups), so a caller on a UI thread can give the host
 * a turn; the passes and their order are the same.
 */
export function* findDuplicatesSteps(c: CandidateColumns): Generator<void, ColumnsResult, void> {
  const n = c.name.length;
  const { row, name } = c;
  const uf = new UnionFind(n);
  const pairs: DuplicatePair[] = [];
  const pairAt: number[] = []; // one position of each pair, to find its group
  const possible: PossibleDuplicate[] = [];
  const possibleAt: [number, number][] = [];
  // Rows that joined another: only they can be in a group.
  const linked = new Uint8Array(n);
  const link = (a: number, b: number, reason: DuplicateReason) => {
    if (uf.union(a, b)) {
      const ra = row[a]!;
      const rb = row[b]!;
      pairs.push({ rows: [Math.min(ra, rb), Math.max(ra, rb)], reason });
      pairAt.push(a);
      linked[a] = 1;
      linked[b] = 1;
    }
  };

  /**
   * Inside a block of rows sharing a key: rows with the same name are one customer; rows without a
   * name join them when the block has only one name (no conflict); different names never join.
   */
  const joinAgreeingNames = (block: readonly number[], reason: DuplicateReason, allowUnnamed: boolean) => {
    if (block.length === 2) {
      joinTwo(block[0]!, block[1]!, reason, allowUnnamed);
      return;
    }
    const byName = new Map<string, number[]>();
    for (const i of block) {
      const list = byName.get(name[i]!);
      if (list) list.push(i); else byName.set(name[i]!, [i]);
    }
    const named = [...byName.entries()].filter(([k]) => k !== '');
    for (const [, list] of named) for (let i = 1; i < list.length; i++) link(list[0]!, list[i]!, reason);
    const unnamed = byName.get('') ?? [];
    if (allowUnnamed && named.length <= 1) {
      const anchor = named[0]?.[1][0] ?? unnamed[0];
      if (anchor !== undefined) for (const i of unnamed) if (i !== anchor) link(anchor, i, reason);
    }
    if (named.length > 1 && named.length <= FUZZY_BLOCK_LIMIT && block.length <= FUZZY_BLOCK_LIMIT) {
      for (let i = 0; i < named.length; i++) {
        for (let j = i + 1; j < named.length; j++) {
          const a = named[i]!;
          const b = named[j]!;
          const similarity = nameSimilarity(a[0], b[0]);
          if (similarity >= POSSIBLE_NAME_SIMILARITY) {
            const ra = row[a[1][0]!]!;
            const rb = row[b[1][0]!]!;
            possible.push({ rows: [Math.min(ra, rb), Math.max(ra, rb)], reason, similarity });
            possibleAt.push([a[1][0]!, b[1][0]!]);
          }
        }
      }
    }
  };
  /** joinAgreeingNames for a block of two (most blocks), written out: the same links and reviews, no Map. */
  const joinTwo = (i: number, j: number, reason: DuplicateReason, allowUnnamed: boolean) => {
    const a = name[i]!;
    const b = name[j]!;
    if (a === b) {
      if (a !== '' || allowUnnamed) link(i, j, reason);
    } else if (a !== '' && b !== '') {
      const similarity = nameSimilarity(a, b);
      if (similarity >= POSSIBLE_NAME_SIMILARITY) {
        possible.push({ rows: [Math.min(row[i]!, row[j]!), Math.max(row[i]!, row[j]!)], reason, similarity });
        possibleAt.push([i, j]);
      }
    } else if (allowUnnamed) {
      if (a === '') link(j, i, reason); else link(i, j, reason); // the named row is the anchor
    }
  };
  /** Fewer than SHARED_KEY_NAMES different names in the block (a block smaller than that always has). */
  const fewNames = (block: readonly number[]) =>
    block.length < SHARED_KEY_NAMES || new Set(block.map((i) => name[i]!).filter(Boolean)).size < SHARED_KEY_NAMES;

  // Strong keys: a mobile number or an email address belongs to one person.
  const scratch = new Scratch(n);
  for (const block of yield* blocksBy(scratch, c.phone, c.mobile, 1)) {
    joinAgreeingNames(block, 'same mobile', fewNames(block));
  }
  yield;
  for (const block of yield* blocksBy(scratch, c.email)) {
    joinAgreeingNames(block, 'same email', fewNames(block));
  }
  yield;
  // A landline is shared by everyone at a company: only agreeing names join, never unnamed rows.
  for (const block of yield* blocksBy(scratch, c.phone, c.mobile, 0)) {
    joinAgreeingNames(block, 'same phone and name', false);
  }
  yield;
  // Same person at the same company.
  for (const block of yield* blocksByNameAndCompany(scratch, name, c.company)) {
    for (let i = 1; i < block.length; i++) link(block[0]!, block[i]!, 'same name and company');
  }
  yield;

  return {
    ...(yield* buildGroups(c, linked, uf, pairs, pairAt)),
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
function addGroups(c: CandidateColumns, sets: readonly { list: number[]; pairs: DuplicatePair[] }[], groups: DuplicateGroup[],
  groupAt: Int32Array, from: number, to: number): void {
  const row = c.row;
  for (let k = from; k < to; k++) {
    const { list, pairs: setPairs } = sets[k]!;
    const id = groups.length + 1;
    const groupPairs = setPairs.sort((a, b) => a.rows[0] - b.rows[0] || a.rows[1] - b.rows[1]);
    const reasons = DUPLICATE_REASONS.filter((r) => groupPairs.some((p) => p.reason === r));
    groups.push({ id, rows: list.map((i) => row[i]!), keep: pickKeep(c, list), reasons, pairs: groupPairs });
    for (const i of list) groupAt[i] = id;
  }
}

/** Groups from the rows that took part in a join (every row of a group did; the other rows are alone), in steps. */
function* buildGroups(c: CandidateColumns, linked: Uint8Array, uf: UnionFind,
  pairs: readonly DuplicatePair[], pairAt: readonly number[]): Generator<void, { groups: DuplicateGroup[]; groupAt: Int32Array }, void> {
  const row = c.row;
  const n = linked.length;
  // Each set's members (positions, ascending) and pairs, found through its root's slot.
  const slot = new Int32Array(n).fill(-1);
  const members: number[][] = [];
  yield* inSteps(n, POSITIONS_PER_STEP, (from, to) => addMembers(linked, uf, slot, members, from, to));
  const pairsOf: (DuplicatePair[] | undefined)[] = new Array(members.length);
  pairs.forEach((p, k) => {
    const s = slot[uf.find(pairAt[k]!)]!;
    (pairsOf[s] ??= []).push(p);
  });
  yield;
  const sets = members
    .map((list, k) => ({ list: list.sort((a, b) => row[a]! - row[b]!), pairs: pairsOf[k] ?? [] }))
    .filter(({ list }) => list.length > 1)
    .sort((a, b) => row[a.list[0]!]! - row[b.list[0]!]!);
  const groups: DuplicateGroup[] = [];
  const groupAt = new Int32Array(n);
  yield* inSteps(sets.length, GROUPS_PER_STEP, (from, to) => addGroups(c, sets, groups, groupAt, from, to));
  return { groups, groupAt };
}
