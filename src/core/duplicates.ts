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
import type { IsoDate } from './cells';

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

/** A block key, given as one string or as two parts joined by \u0001 (the parts are hashed without joining them). */
type BlockKey = (r: DuplicateCandidate) => string | null | readonly [string, string];

function keyHash(k: string | readonly [string, string]): number {
  return typeof k === 'string' ? cheapHash(k) : cheapHash(k[1], cheapHash('\u0001', cheapHash(k[0])));
}

/**
 * Rows sharing a key, in order of the key's first row; only blocks of two or more. Most keys belong to
 * one row, and a row whose key hashes to a bucket no other key hit cannot share it, so a counting pass
 * over a cheap hash leaves only the rows of real blocks (and a few collisions) to the Map. Each row is
 * read once for the count; only those in shared buckets are read again (a million rows stay cheap).
 */
function blocksBy(rows: readonly DuplicateCandidate[], key: BlockKey): number[][] {
  let size = 1024;
  while (size < rows.length * 8) size *= 2;
  const mask = size - 1;
  const counts = new Uint8Array(size);
  const bucket = new Int32Array(rows.length).fill(-1); // -1: no key
  rows.forEach((r, i) => {
    const k = key(r);
    if (!k) return;
    const b = keyHash(k) & mask;
    bucket[i] = b;
    if (counts[b]! < 2) counts[b]!++;
  });
  const map = new Map<string, number | number[]>();
  rows.forEach((r, i) => {
    const b = bucket[i]!;
    if (b < 0 || counts[b]! < 2) return;
    const parts = key(r)!;
    const k = typeof parts === 'string' ? parts : `${parts[0]}\u0001${parts[1]}`;
    const seen = map.get(k);
    if (seen === undefined) map.set(k, i);
    else if (Array.isArray(seen)) seen.push(i);
    else map.set(k, [seen, i]); // a Map keeps a key's first position when it is set again
  });
  const blocks: number[][] = [];
  for (const v of map.values()) if (Array.isArray(v)) blocks.push(v);
  return blocks;
}

export function findDuplicates(candidates: readonly DuplicateCandidate[]): DuplicateResult {
  const at = (i: number) => candidates[i]!;
  const uf = new UnionFind(candidates.length);
  const pairs: DuplicatePair[] = [];
  const pairAt: number[] = []; // one position of each pair, to find its group
  const possible: PossibleDuplicate[] = [];
  const possibleAt: [number, number][] = [];
  // Rows that joined another: only they can be in a group.
  const linked = new Uint8Array(candidates.length);
  const link = (a: number, b: number, reason: DuplicateReason) => {
    if (uf.union(a, b)) {
      const ra = at(a).row;
      const rb = at(b).row;
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
    const byName = new Map<string, number[]>();
    for (const i of block) {
      const list = byName.get(at(i).name);
      if (list) list.push(i); else byName.set(at(i).name, [i]);
    }
    const named = [...byName.entries()].filter(([n]) => n !== '');
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
            const ra = at(a[1][0]!).row;
            const rb = at(b[1][0]!).row;
            possible.push({ rows: [Math.min(ra, rb), Math.max(ra, rb)], reason, similarity });
            possibleAt.push([a[1][0]!, b[1][0]!]);
          }
        }
      }
    }
  };
  const distinctNames = (block: readonly number[]) => new Set(block.map((i) => at(i).name).filter(Boolean)).size;

  // Strong keys: a mobile number or an email address belongs to one person.
  for (const block of blocksBy(candidates, (r) => (r.phone?.mobile ? r.phone.e164 : null))) {
    joinAgreeingNames(block, 'same mobile', distinctNames(block) < SHARED_KEY_NAMES);
  }
  for (const block of blocksBy(candidates, (r) => r.email)) {
    joinAgreeingNames(block, 'same email', distinctNames(block) < SHARED_KEY_NAMES);
  }
  // A landline is shared by everyone at a company: only agreeing names join, never unnamed rows.
  for (const block of blocksBy(candidates, (r) => (r.phone && !r.phone.mobile ? r.phone.e164 : null))) {
    joinAgreeingNames(block, 'same phone and name', false);
  }
  // Same person at the same company.
  for (const block of blocksBy(candidates, (r) => (r.name && r.company ? [r.name, r.company] as const : null))) {
    for (let i = 1; i < block.length; i++) link(block[0]!, block[i]!, 'same name and company');
  }

  return {
    ...buildGroups(candidates, linked, uf, pairs, pairAt),
    possible: possible.filter((_, k) => uf.find(possibleAt[k]![0]) !== uf.find(possibleAt[k]![1])),
  };
}

/** The row to keep: the most complete, then the most recently active, then the latest entered. */
function pickKeep(members: readonly DuplicateCandidate[]): number {
  let best = members[0]!;
  for (const m of members.slice(1)) {
    const better =
      m.completeness > best.completeness ||
      (m.completeness === best.completeness &&
        ((m.lastActivity ?? '') > (best.lastActivity ?? '') ||
          ((m.lastActivity ?? '') === (best.lastActivity ?? '') && m.row > best.row)));
    if (better) best = m;
  }
  return best.row;
}

/** Groups from the rows that took part in a join (every row of a group did; the other rows are alone). */
function buildGroups(candidates: readonly DuplicateCandidate[], linked: Uint8Array, uf: UnionFind,
  pairs: readonly DuplicatePair[], pairAt: readonly number[]) {
  const members = new Map<number, DuplicateCandidate[]>();
  linked.forEach((isLinked, i) => {
    if (!isLinked) return;
    const root = uf.find(i);
    const list = members.get(root);
    if (list) list.push(candidates[i]!); else members.set(root, [candidates[i]!]);
  });
  const pairsByRoot = new Map<number, DuplicatePair[]>();
  pairs.forEach((p, k) => {
    const root = uf.find(pairAt[k]!);
    const list = pairsByRoot.get(root);
    if (list) list.push(p); else pairsByRoot.set(root, [p]);
  });
  const groups: DuplicateGroup[] = [];
  const groupOf = new Map<number, number>();
  const roots = [...members.entries()]
    .filter(([, list]) => list.length > 1)
    .map(([root, list]) => ({ root, list: list.sort((a, b) => a.row - b.row) }))
    .sort((a, b) => a.list[0]!.row - b.list[0]!.row);
  for (const { root, list } of roots) {
    const id = groups.length + 1;
    const groupPairs = (pairsByRoot.get(root) ?? []).sort((a, b) => a.rows[0] - b.rows[0] || a.rows[1] - b.rows[1]);
    const reasons = DUPLICATE_REASONS.filter((r) => groupPairs.some((p) => p.reason === r));
    groups.push({ id, rows: list.map((c) => c.row), keep: pickKeep(list), reasons, pairs: groupPairs });
    for (const c of list) groupOf.set(c.row, id);
  }
  return { groups, groupOf };
}
