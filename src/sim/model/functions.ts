/**
 * The worksheet functions the simulator evaluates: one table, one entry per function. Add a function
 * here and formulas can use it; an unknown function evaluates to #NAME?, as in Excel.
 */
import { XlError, type Scalar, dateToSerial, serialToDate, parseNumericText } from './values';
import {
  type EvalCtx,
  type Thunk,
  type Val,
  type RangeVal,
  ErrSignal,
  err,
  isRange,
  rangeValues,
  rangeShape,
  toScalar,
  toNumber,
  toText,
  toBool,
  compare,
} from './operands';

export interface FunctionDef {
  min: number;
  max: number;
  fn: (args: Thunk[], ctx: EvalCtx) => Val;
}

const arg = (args: Thunk[], i: number): Thunk => args[i] ?? (() => null);
const scalarArg = (args: Thunk[], i: number, ctx: EvalCtx): Scalar => toScalar(ctx, arg(args, i)());
const numArg = (args: Thunk[], i: number, ctx: EvalCtx): number => toNumber(scalarArg(args, i, ctx));
const textArg = (args: Thunk[], i: number, ctx: EvalCtx): string => toText(scalarArg(args, i, ctx));

/** Numbers from arguments the way SUM/MAX see them: in ranges only numbers count; direct args coerce. */
function numbersOf(args: Thunk[], ctx: EvalCtx): number[] {
  const out: number[] = [];
  for (const a of args) {
    const v = a();
    if (isRange(v)) {
      for (const x of rangeValues(ctx, v)) {
        if (x instanceof XlError) throw new ErrSignal(x);
        if (typeof x === 'number') out.push(x);
      }
    } else if (v !== null) {
      out.push(toNumber(v));
    }
  }
  return out;
}

function rangeArg(args: Thunk[], i: number): RangeVal {
  const v = arg(args, i)();
  if (v instanceof XlError) throw new ErrSignal(v);
  if (!isRange(v)) throw new ErrSignal(err('#VALUE!'));
  return v;
}

function wildcardRegex(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '~' && i + 1 < pattern.length) {
      re += (pattern[++i] as string).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    } else if (ch === '*') re += '.*';
    else if (ch === '?') re += '.';
    else re += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'is');
}

/** A COUNTIF-style criterion: 5, ">=5", "<>x", "a*", "", "=". */
export function makeCriterion(crit: Scalar): (v: Scalar) => boolean {
  if (crit instanceof XlError) throw new ErrSignal(crit);
  if (typeof crit === 'number') return (v) => (typeof v === 'number' ? v === crit : typeof v === 'string' && parseNumericText(v)?.value === crit);
  if (typeof crit === 'boolean') return (v) => v === crit;
  const s = crit ?? '';
  const m = /^(<=|>=|<>|=|<|>)?([\s\S]*)$/.exec(s) as RegExpExecArray;
  const op = m[1] ?? '=';
  const rest = m[2] as string;
  if (rest === '') {
    if (op === '=') return (v) => v === null || (m[1] === undefined && v === '');
    if (op === '<>') return (v) => v !== null && v !== '';
    return () => false;
  }
  const num = parseNumericText(rest);
  const upper = rest.toUpperCase();
  const target: Scalar = num ? num.value : upper === 'TRUE' ? true : upper === 'FALSE' ? false : rest;
  if (op === '=' || op === '<>') {
    let eq: (v: Scalar) => boolean;
    if (typeof target === 'string') {
      const re = wildcardRegex(target);
      eq = (v) => typeof v === 'string' && re.test(v);
    } else {
      eq = (v) => v === target;
    }
    return op === '=' ? eq : (v) => !eq(v);
  }
  return (v) => {
    if (v === null || v instanceof XlError || typeof v !== typeof target) return false;
    const c = compare(v, target);
    return op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
  };
}

/** The rows (flat indexes) of ranges matching every (range, criterion) pair; ranges must share a shape. */
function matchingIndexes(args: Thunk[], start: number, ctx: EvalCtx, shape?: { rows: number; cols: number }): boolean[] {
  let mask: boolean[] | null = null;
  for (let i = start; i + 1 < args.length + 1 && i < args.length; i += 2) {
    const range = rangeArg(args, i);
    const s = rangeShape(ctx, range);
    const ref = shape ?? s;
    if (s.rows !== ref.rows || s.cols !== ref.cols) throw new ErrSignal(err('#VALUE!'));
    const test = makeCriterion(scalarArg(args, i + 1, ctx));
    const values = rangeValues(ctx, range);
    if (!mask) mask = values.map((v) => test(v));
    else for (let k = 0; k < values.length; k++) if (mask[k]) mask[k] = test(values[k] as Scalar);
    shape = ref;
  }
  return mask ?? [];
}

function sortedNumbers(ctx: EvalCtx, range: RangeVal): Float64Array {
  const r = range.rect;
  return ctx.wb.memoFor(`sorted:${range.sheet.id}:${r.r0}:${r.c0}:${r.r1}:${r.c1}`, () => {
    const nums = rangeValues(ctx, range).filter((v): v is number => typeof v === 'number');
    return Float64Array.from(nums).sort();
  });
}

function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function percentRankInc(args: Thunk[], ctx: EvalCtx): Val {
  const sorted = sortedNumbers(ctx, rangeArg(args, 0));
  const x = numArg(args, 1, ctx);
  const sig = args.length > 2 ? Math.trunc(numArg(args, 2, ctx)) : 3;
  if (sig < 1) return err('#NUM!');
  const n = sorted.length;
  if (n === 0) return err('#NUM!');
  if (x < (sorted[0] as number) || x > (sorted[n - 1] as number)) return err('#N/A');
  if (n === 1) return 1;
  const lo = lowerBound(sorted, x);
  let rank: number;
  if (sorted[lo] === x) rank = lo / (n - 1);
  else {
    const a = sorted[lo - 1] as number;
    const b = sorted[lo] as number;
    const ra = lowerBound(sorted, a) / (n - 1);
    const rb = lo / (n - 1);
    rank = ra + ((x - a) / (b - a)) * (rb - ra);
  }
  const f = Math.pow(10, sig);
  return Math.floor(rank * f + 1e-9) / f;
}

const today = (ctx: EvalCtx): number => {
  const d = ctx.wb.now();
  return dateToSerial(d.getFullYear(), d.getMonth() + 1, d.getDate());
};

export const FUNCTIONS: Record<string, FunctionDef> = {
  IF: {
    min: 1,
    max: 3,
    fn: (a, ctx) => {
      const cond = scalarArg(a, 0, ctx);
      if (cond instanceof XlError) return cond;
      if (toBool(cond)) return a.length > 1 ? toScalar(ctx, arg(a, 1)()) ?? 0 : true;
      return a.length > 2 ? toScalar(ctx, arg(a, 2)()) ?? 0 : false;
    },
  },
  IFERROR: {
    min: 2,
    max: 2,
    fn: (a, ctx) => {
      const v = scalarArg(a, 0, ctx);
      return v instanceof XlError ? scalarArg(a, 1, ctx) ?? 0 : v;
    },
  },
  IFNA: {
    min: 2,
    max: 2,
    fn: (a, ctx) => {
      const v = scalarArg(a, 0, ctx);
      return v instanceof XlError && v.code === '#N/A' ? scalarArg(a, 1, ctx) ?? 0 : v;
    },
  },
  AND: { min: 1, max: 255, fn: (a, ctx) => logical(a, ctx, 'and') },
  OR: { min: 1, max: 255, fn: (a, ctx) => logical(a, ctx, 'or') },
  NOT: { min: 1, max: 1, fn: (a, ctx) => !toBool(scalarArg(a, 0, ctx)) },
  TRUE: { min: 0, max: 0, fn: () => true },
  FALSE: { min: 0, max: 0, fn: () => false },
  TODAY: { min: 0, max: 0, fn: (_a, ctx) => today(ctx) },
  DATE: {
    min: 3,
    max: 3,
    fn: (a, ctx) => {
      let y = Math.trunc(numArg(a, 0, ctx));
      if (y < 1900) y += 1900;
      const s = dateToSerial(y, Math.trunc(numArg(a, 1, ctx)), Math.trunc(numArg(a, 2, ctx)));
      return s < 0 ? err('#NUM!') : s;
    },
  },
  YEAR: { min: 1, max: 1, fn: (a, ctx) => serialToDate(numArg(a, 0, ctx)).y },
  MONTH: { min: 1, max: 1, fn: (a, ctx) => serialToDate(numArg(a, 0, ctx)).m },
  DAY: { min: 1, max: 1, fn: (a, ctx) => serialToDate(numArg(a, 0, ctx)).d },
  ISBLANK: { min: 1, max: 1, fn: (a, ctx) => scalarArg(a, 0, ctx) === null },
  ISNUMBER: { min: 1, max: 1, fn: (a, ctx) => typeof scalarArg(a, 0, ctx) === 'number' },
  ISTEXT: { min: 1, max: 1, fn: (a, ctx) => typeof scalarArg(a, 0, ctx) === 'string' },
  ISERROR: { min: 1, max: 1, fn: (a, ctx) => scalarArg(a, 0, ctx) instanceof XlError },
  // The cell shows the friendly name (else the link); following the link is the host's, not the value's.
  HYPERLINK: { min: 1, max: 2, fn: (a, ctx) => (a.length > 1 ? scalarArg(a, 1, ctx) ?? 0 : textArg(a, 0, ctx)) },
  LEN: { min: 1, max: 1, fn: (a, ctx) => textArg(a, 0, ctx).length },
  TRIM: { min: 1, max: 1, fn: (a, ctx) => textArg(a, 0, ctx).replace(/ +/g, ' ').replace(/^ | $/g, '') },
  UPPER: { min: 1, max: 1, fn: (a, ctx) => textArg(a, 0, ctx).toUpperCase() },
  LOWER: { min: 1, max: 1, fn: (a, ctx) => textArg(a, 0, ctx).toLowerCase() },
  LEFT: { min: 1, max: 2, fn: (a, ctx) => textArg(a, 0, ctx).slice(0, a.length > 1 ? numArg(a, 1, ctx) : 1) },
  RIGHT: {
    min: 1,
    max: 2,
    fn: (a, ctx) => {
      const s = textArg(a, 0, ctx);
      const n = a.length > 1 ? numArg(a, 1, ctx) : 1;
      return n <= 0 ? '' : s.slice(-n);
    },
  },
  MID: { min: 3, max: 3, fn: (a, ctx) => textArg(a, 0, ctx).substr(numArg(a, 1, ctx) - 1, numArg(a, 2, ctx)) },
  FIND: {
    min: 2,
    max: 3,
    fn: (a, ctx) => {
      const find = textArg(a, 0, ctx);
      const within = textArg(a, 1, ctx);
      const start = a.length > 2 ? Math.trunc(numArg(a, 2, ctx)) : 1;
      if (start < 1 || start > within.length + 1) return err('#VALUE!');
      const at = within.indexOf(find, start - 1);
      return at < 0 ? err('#VALUE!') : at + 1;
    },
  },
  SUBSTITUTE: {
    min: 3,
    max: 4,
    fn: (a, ctx) => {
      const text = textArg(a, 0, ctx);
      const old = textArg(a, 1, ctx);
      const by = textArg(a, 2, ctx);
      if (old === '') return text;
      if (a.length < 4) return text.split(old).join(by);
      const n = Math.trunc(numArg(a, 3, ctx));
      if (n < 1) return err('#VALUE!');
      let at = -1;
      for (let i = 0; i < n; i++) {
        at = text.indexOf(old, at < 0 ? 0 : at + old.length);
        if (at < 0) return text;
      }
      return text.slice(0, at) + by + text.slice(at + old.length);
    },
  },
  CONCATENATE: { min: 1, max: 255, fn: (a, ctx) => a.map((_, i) => textArg(a, i, ctx)).join('') },
  EXACT: { min: 2, max: 2, fn: (a, ctx) => textArg(a, 0, ctx) === textArg(a, 1, ctx) },
  VALUE: { min: 1, max: 1, fn: (a, ctx) => toNumber(textArg(a, 0, ctx)) },
  ABS: { min: 1, max: 1, fn: (a, ctx) => Math.abs(numArg(a, 0, ctx)) },
  LOG10: {
    min: 1,
    max: 1,
    fn: (a, ctx) => {
      const x = numArg(a, 0, ctx);
      return x > 0 ? Math.log10(x) : err('#NUM!');
    },
  },
  ROUND: {
    min: 2,
    max: 2,
    fn: (a, ctx) => {
      const f = Math.pow(10, Math.trunc(numArg(a, 1, ctx)));
      const x = numArg(a, 0, ctx);
      return (Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9)) / f;
    },
  },
  SUM: { min: 1, max: 255, fn: (a, ctx) => numbersOf(a, ctx).reduce((s, x) => s + x, 0) },
  MAX: {
    min: 1,
    max: 255,
    fn: (a, ctx) => {
      const n = numbersOf(a, ctx);
      return n.length === 0 ? 0 : n.reduce((m, x) => (x > m ? x : m), -Infinity);
    },
  },
  MIN: {
    min: 1,
    max: 255,
    fn: (a, ctx) => {
      const n = numbersOf(a, ctx);
      return n.length === 0 ? 0 : n.reduce((m, x) => (x < m ? x : m), Infinity);
    },
  },
  AVERAGE: {
    min: 1,
    max: 255,
    fn: (a, ctx) => {
      const n = numbersOf(a, ctx);
      return n.length === 0 ? err('#DIV/0!') : n.reduce((s, x) => s + x, 0) / n.length;
    },
  },
  COUNT: { min: 1, max: 255, fn: (a, ctx) => numbersOf(a, ctx).length },
  COUNTA: {
    min: 1,
    max: 255,
    fn: (a, ctx) => {
      let n = 0;
      for (const t of a) {
        const v = t();
        if (isRange(v)) n += rangeValues(ctx, v).filter((x) => x !== null).length;
        else if (v !== null) n++;
      }
      return n;
    },
  },
  COUNTIFS: {
    min: 2,
    max: 254,
    fn: (a, ctx) => {
      if (a.length % 2 !== 0) return err('#VALUE!');
      return matchingIndexes(a, 0, ctx).filter(Boolean).length;
    },
  },
  COUNTIF: { min: 2, max: 2, fn: (a, ctx) => matchingIndexes(a, 0, ctx).filter(Boolean).length },
  SUMIFS: {
    min: 3,
    max: 255,
    fn: (a, ctx) => {
      if (a.length % 2 !== 1) return err('#VALUE!');
      const sumRange = rangeArg(a, 0);
      const mask = matchingIndexes(a, 1, ctx, rangeShape(ctx, sumRange));
      const values = rangeValues(ctx, sumRange);
      let s = 0;
      mask.forEach((m, i) => {
        const v = values[i];
        if (m && typeof v === 'number') s += v;
      });
      return s;
    },
  },
  SUMIF: {
    min: 2,
    max: 3,
    fn: (a, ctx) => {
      const sumRange = a.length > 2 ? rangeArg(a, 2) : rangeArg(a, 0);
      const mask = matchingIndexes(a.slice(0, 2), 0, ctx);
      const values = rangeValues(ctx, sumRange);
      let s = 0;
      mask.forEach((m, i) => {
        const v = values[i];
        if (m && typeof v === 'number') s += v;
      });
      return s;
    },
  },
  // SMALL(range, k): the k-th smallest number (text, logicals and blanks in the range are ignored).
  SMALL: {
    min: 2,
    max: 2,
    fn: (a, ctx) => {
      const range = rangeArg(a, 0);
      const k = Math.ceil(numArg(a, 1, ctx));
      const sorted = sortedNumbers(ctx, range);
      if (k < 1 || k > sorted.length) return err('#NUM!');
      return sorted[k - 1] as number;
    },
  },
  ROUNDUP: {
    min: 2,
    max: 2,
    fn: (a, ctx) => {
      const f = Math.pow(10, Math.trunc(numArg(a, 1, ctx)));
      const x = numArg(a, 0, ctx);
      // Away from zero, as Excel's ROUNDUP; the epsilon absorbs binary noise (0.8 × 10 = 8.000000000000002).
      return (Math.sign(x) * Math.ceil(Math.abs(x) * f - 1e-9)) / f;
    },
  },
  'PERCENTRANK.INC': { min: 2, max: 3, fn: percentRankInc },
  PERCENTRANK: { min: 2, max: 3, fn: percentRankInc },
  ROW: { min: 0, max: 1, fn: (a, ctx) => (a.length ? rangeArg(a, 0).rect.r0 : ctx.r) + 1 },
  ROWS: { min: 1, max: 1, fn: (a) => { const r = rangeArg(a, 0).rect; return r.r1 - r.r0 + 1; } },
  COLUMNS: { min: 1, max: 1, fn: (a) => { const r = rangeArg(a, 0).rect; return r.c1 - r.c0 + 1; } },
  TRUNC: {
    min: 1,
    max: 2,
    fn: (a, ctx) => {
      const f = Math.pow(10, a.length > 1 ? Math.trunc(numArg(a, 1, ctx)) : 0);
      // The epsilon keeps 0.8 from truncating to 0.799 after binary rounding, as Excel's decimal math does.
      return Math.trunc(numArg(a, 0, ctx) * f + Math.sign(numArg(a, 0, ctx)) * 1e-9) / f;
    },
  },
  // N: numbers pass, TRUE → 1, everything else (text, blank) → 0; a reference reads its first cell.
  N: {
    min: 1,
    max: 1,
    fn: (a, ctx) => {
      const v = scalarArg(a, 0, ctx);
      if (v instanceof XlError) throw new ErrSignal(v);
      return typeof v === 'number' ? v : v === true ? 1 : 0;
    },
  },
  COUNTBLANK: { min: 1, max: 1, fn: (a, ctx) => rangeValues(ctx, rangeArg(a, 0)).filter((x) => x === null || x === '').length },
  ISODD: { min: 1, max: 1, fn: (a, ctx) => Math.abs(Math.trunc(numArg(a, 0, ctx))) % 2 === 1 },
  ISEVEN: { min: 1, max: 1, fn: (a, ctx) => Math.abs(Math.trunc(numArg(a, 0, ctx))) % 2 === 0 },
  COLUMN: { min: 0, max: 1, fn: (a, ctx) => (a.length ? rangeArg(a, 0).rect.c0 : ctx.c) + 1 },
};
FUNCTIONS.CONCAT = FUNCTIONS.CONCATENATE as FunctionDef;

function logical(args: Thunk[], ctx: EvalCtx, kind: 'and' | 'or'): Val {
  const bools: boolean[] = [];
  for (const t of args) {
    const v = t();
    if (isRange(v)) {
      for (const x of rangeValues(ctx, v)) {
        if (x instanceof XlError) return x;
        if (typeof x === 'boolean') bools.push(x);
        else if (typeof x === 'number') bools.push(x !== 0);
      }
    } else if (v !== null) {
      bools.push(toBool(v));
    }
  }
  if (bools.length === 0) return err('#VALUE!');
  return kind === 'and' ? bools.every(Boolean) : bools.some(Boolean);
}
