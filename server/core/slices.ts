// Work done in slices: a generator that yields between slices runs to its end at once (`finish`)
// or in the background (`inBackground`), with a turn of the event loop between slices, so that a
// server answers requests while a warm-up runs.

/** Runs the slices to the end now and returns the result. */
export function finish<T>(steps: Generator<void, T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** Runs the slices one event-loop turn apart; resolves with the result. */
export async function inBackground<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    await new Promise((resolve) => setImmediate(resolve));
    const step = steps.next();
    if (step.done) return step.value;
  }
}
