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
