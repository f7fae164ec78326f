/** Work written as steps (a generator that yields where a UI thread may take a turn), run in one go. */
export function runToEnd<R>(steps: Generator<unknown, R, void>): R {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
