/**
 * A Fellegi–Sunter match model fitted to the ledger itself, in the spirit of splink:
 *  - u (how often two different customers agree at a level) from random pairs of the ledger's rows,
 *    and for "exact" from how frequent the shared value is (term frequency: a shared 王 or a shared
 *    switchboard says little, a shared mobile a lot);
 *  - m (how often one customer's two rows agree at a level) by expectation–maximisation over the
 *    candidate pairs, started from and pulled towards sane priors, so a ledger of ten rows still works;
 *  - a pair's score is the prior log-odds plus each field's log2(m/u), in bits.
 */
import { seededRandom } from '../random';
import { LEVELS, MATCH_FIELDS, compareRows, type MatchData } from './comparisons';

const F = MATCH_FIELDS.length;

/** Default m per field and level (index 0, missing, unused): where EM starts and what it is pulled towards. */
const M_PRIOR: readonly (readonly number[])[] = [
  [0, 0.85, 0.04, 0.06, 0.03, 0.02], // name: exact, homophone, close, partial, different
  [0, 0.85, 0.08, 0.04, 0.03], // given
  [0, 0.85, 0.08, 0.04, 0.03], // surname
  [0, 0.8, 0.12, 0.08], // company
  [0, 0.9, 0.06, 0.04], // email
  [0, 0.6, 0.3, 0.1], // phone: same mobile, same landline, different
  [0, 0.75, 0.12, 0.03, 0.1], // address: exact, close, street number differs, different
  [0, 0.85, 0.08, 0.07], // postcode
  [0, 0.85, 0.05, 0.1], // city
  [0, 0.85, 0.08, 0.07], // birth date
];
/** Default u for the levels between exact and different (the rest of the mass is "different"). */
const U_PRIOR: readonly (readonly number[])[] = [
  [0, 0.002, 0.001, 0.002, 0.01],
  [0, 0.002, 0.01, 0.02],
  [0, 0.002, 0.01, 0.02],
  [0, 0.002, 0.005],
  [0, 0.001, 0.0005],
  [0, 0.001, 0.002],
  [0, 0.002, 0.005, 0.3],
  [0, 0.01, 0.05],
  [0, 0.05, 0.01],
  [0, 0.002, 0.01],
];
/** Pseudo-pairs behind each prior: the ledger's own evidence outweighs them once it has a few dozen pairs. */
const M_PSEUDO = 100;
const U_PSEUDO = 200;
/** Random pairs sampled for u. */
const U_SAMPLES = 3000;
const EM_ROUNDS = 12;
/** Bounds on m: exact at least, different at most. */
const M_EXACT_MIN = 0.5;
const M_DIFFERENT_MAX = 0.3;
/** Ledgers smaller than this are scored as if this large: one shared value in ten rows proves little. */
export const REFERENCE_ROWS = 1000;

export interface MatchModel {
  /** m[f][level], u[f][level]. */
  readonly m: Float64Array[];
  readonly u: Float64Array[];
  /** log2(m/u) per field and level; exact uses the average u (pairScore adjusts it by term frequency). */
  readonly weight: Float64Array[];
  /** Prior log-odds (bits) that two rows are one customer. */
  readonly prior: number;
  /** Rows the term frequencies are relative to (at least REFERENCE_ROWS). */
  readonly rows: number;
}


/** u for every level but exact, from random pairs (all pairs of a small ledger), with the priors as pseudo-pairs. */
function estimateU(d: MatchData, n: number): Float64Array[] {
  const counts = LEVELS.map((l) => new Float64Array(l));
  const levels = new Uint8Array(F);
  const add = (i: number, j: number) => {
    compareRows(d, i, j, levels, false);
    for (let f = 0; f < F; f++) counts[f]![levels[f]!]!++;
  };
  if (n * (n - 1) / 2 <= U_SAMPLES) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) add(i, j);
  } else {
    const next = seededRandom(n);
    for (let k = 0; k < U_SAMPLES; k++) {
      const i = Math.floor(next() * n);
      let j = Math.floor(next() * (n - 1));
      if (j >= i) j++;
      add(i, j);
    }
  }
  return counts.map((c, f) => {
    const prior = U_PRIOR[f]!;
    const u = new Float64Array(c.length);
    let present = 0;
    for (let l = 1; l < c.length; l++) present += c[l]!;
    const last = c.length - 1;
    let rest = 1;
    for (let l = 1; l < last; l++) {
      u[l] = (c[l]! + U_PSEUDO * prior[l]!) / (present + U_PSEUDO);
      rest -= u[l]!;
    }
    u[last] = Math.max(0.05, rest);
    return u;
  });
}

/**
 * m by EM over the candidate pairs' level patterns (`patterns`: pattern code → count; `decode` gives its
 * levels): a two-class mixture whose non-match class has its own u among candidates, since candidates
 * agree on their blocking key far more often than random pairs do.
 */
function estimateM(patterns: Map<number, number>, decode: (code: number, out: Uint8Array) => void): Float64Array[] {
  const m = M_PRIOR.map((p) => Float64Array.from(p));
  let lambda = 0.1;
  const codes = [...patterns.keys()];
  const levelsOf = codes.map((code) => {
    const out = new Uint8Array(F);
    decode(code, out);
    return out;
  });
  // The non-match class starts as the candidates' own level shares (most candidates are not matches, and
  // all agree on some blocking key): started from random pairs' u instead, EM takes every pair that shares
  // a common name and a city for one customer.
  const marginal = LEVELS.map((l) => new Float64Array(l));
  codes.forEach((code, k) => {
    const lv = levelsOf[k]!;
    for (let f = 0; f < F; f++) marginal[f]![lv[f]!]! += patterns.get(code)!;
  });
  const uc = marginal.map((c) => {
    let sum = 0;
    for (let l = 1; l < c.length; l++) sum += c[l]! + 1;
    return c.map((x, l) => (l === 0 ? 0 : (x + 1) / sum));
  });
  const ucPrior = uc.map((u) => Float64Array.from(u));
  for (let round = 0; round < EM_ROUNDS; round++) {
    const mc = LEVELS.map((l) => new Float64Array(l));
    const ucc = LEVELS.map((l) => new Float64Array(l));
    let matches = 0;
    let total = 0;
    codes.forEach((code, k) => {
      const lv = levelsOf[k]!;
      let pm = lambda;
      let pu = 1 - lambda;
      for (let f = 0; f < F; f++) {
        const l = lv[f]!;
        if (l === 0) continue;
        pm *= m[f]![l]!;
        pu *= uc[f]![l]!;
      }
      const p = pm / (pm + pu);
      const count = patterns.get(code)!;
      matches += p * count;
      total += count;
      for (let f = 0; f < F; f++) {
        const l = lv[f]!;
        if (l === 0) continue;
        mc[f]![l]! += p * count;
        ucc[f]![l]! += (1 - p) * count;
      }
    });
    lambda = Math.min(0.95, Math.max(0.001, matches / Math.max(1, total)));
    for (let f = 0; f < F; f++) {
      for (const [est, counts, prior, pseudo] of [[m, mc, M_PRIOR[f]!, M_PSEUDO], [uc, ucc, ucPrior[f]!, M_PSEUDO]] as const) {
        let sum = 0;
        for (let l = 1; l < counts[f]!.length; l++) sum += counts[f]![l]!;
        for (let l = 1; l < counts[f]!.length; l++) {
          est[f]![l] = Math.min(0.999, Math.max(0.001, (counts[f]![l]! + pseudo * prior[l]!) / (sum + pseudo)));
        }
      }
      // One customer's two rows mostly agree on a field they both fill: the clamps keep EM from taking a
      // large class of look-alikes for the matches.
      const mf = m[f]!;
      mf[1] = Math.max(mf[1]!, M_EXACT_MIN);
      mf[mf.length - 1] = Math.min(mf[mf.length - 1]!, M_DIFFERENT_MAX);
    }
  }
  return m;
}

/** The model for a ledger of `n` rows, given the candidate pairs' patterns. */
export function fitModel(d: MatchData, n: number, patterns: Map<number, number>, decode: (code: number, out: Uint8Array) => void): MatchModel {
  const u = estimateU(d, n);
  const m = estimateM(patterns, decode);
  const rows = Math.max(n, REFERENCE_ROWS);
  // Exact's average u: the chance two random rows share a value, one in a few hundred for most fields.
  for (let f = 0; f < F; f++) u[f]![1] = Math.max(u[f]![1]!, 1 / rows);
  const weight = m.map((mf, f) => {
    const w = new Float64Array(mf.length);
    for (let l = 1; l < mf.length; l++) w[l] = Math.log2(mf[l]! / Math.max(1e-6, u[f]![l]!));
    // Levels run from the strongest agreement down: a near miss never weighs more than the level above it.
    for (let l = 2; l < mf.length; l++) w[l] = Math.min(w[l]!, w[l - 1]!);
    return w;
  });
  return { m, u, weight, prior: -Math.log2(rows), rows };
}

/** log2(m/u) for an exact agreement on a value held by `count` rows, scaled by `scale` (below 1 for personal identifiers). */
export function exactWeight(model: MatchModel, field: number, count: number, scale: number): number {
  const u = Math.min(1, (Math.max(2, count) / model.rows) * scale);
  return Math.log2(model.m[field]![1]! / u);
}
