// Alternating rounds for the bench's CLI row: the CLI, its parse floor and markdownlint-cli2 each run
// several times, one of each per round, in an order that rotates from round to round, so that a
// slow minute on a shared machine (or a warm page cache after the run before) falls on every
// measurement alike. Pure helpers, so that the order and the summary can be tested without timing.

/** The order of the measurements in round `round` (0-based): the list rotated by `round` places. */
export function roundOrder<T>(names: readonly T[], round: number): T[] {
  const n = names.length;
  if (!n) return [];
  const k = ((round % n) + n) % n;
  return [...names.slice(k), ...names.slice(0, k)];
}

/** The median of a list of numbers (the mean of the two middle ones for an even count). */
export function medianOf(xs: readonly number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export interface PairedRatio {
  /** Each round's value over the same round's reference. */
  perRound: number[];
  /** The median of perRound. */
  median: number;
}

/**
 * The ratio of a measurement to its reference, taken round by round and summarised by the median:
 * a round's two runs are minutes apart at most, so a change in the machine's load between rounds
 * moves both, where a ratio of two medians could pair a quiet CLI run with a loaded floor run.
 */
export function pairedRatio(values: readonly number[], references: readonly number[]): PairedRatio {
  if (values.length !== references.length) throw new Error(`pairedRatio: ${values.length} values against ${references.length} references`);
  const perRound = values.map((v, i) => v / references[i]);
  return { perRound, median: medianOf(perRound) };
}
