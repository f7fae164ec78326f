/** Work written as steps (a generator that yields where a UI thread may take a turn), run in one go. */
export function runToEnd<R>(steps: Generator<unknown, R, void>): R {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** The steps of `steps`, each one reported as `progress`: for a generator whose own steps say something else. */
export function* reportedAs<P, R>(steps: Generator<unknown, R, void>, progress: P): Generator<P, R, void> {
  for (let next = steps.next(); ; next = steps.next()) {
    if (next.done) return next.value;
    yield progress;
  }
}

/**
 * Calls `range(from, to)` over 0..n−1 in pieces of `step`, yielding between them. The loop over the
 * items belongs in `range`, a plain function: V8 does not optimize a loop inside a running generator
 * (no on-stack replacement into one), only the functions it calls.
 */
export function* inSteps(n: number, step: number, range: (from: number, to: number) => void): Generator<void, void, void> {
  for (let from = 0; from < n; from += step) {
    range(from, Math.min(n, from + step));
    if (from + step < n) yield;
  }
}
