/** Runs a generator of review steps to its end, counting the times it stopped (the engine's stepped reviews). */
export function stepped<T>(steps: Generator<void, T>): { value: T; stops: number } {
  let stops = 0;
  for (;;) {
    const r = steps.next();
    if (r.done) return { value: r.value, stops };
    stops++;
  }
}
