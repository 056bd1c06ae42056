/**
 * How many cases each fast-check property tries. The defaults keep `npx mocha` quick; set
 * CLAUSEWISE_FC_RUNS to a factor for a deeper search (CLAUSEWISE_FC_RUNS=10 tries ten times as many
 * cases of every property), and CLAUSEWISE_FC_SEED to start from other seeds.
 * Unset or empty, both mean the property's own default (an empty value once ran seed 0, or no case).
 */
export function propertyRuns(defaultRuns: number): number {
  const raw = process.env.CLAUSEWISE_FC_RUNS;
  if (raw === undefined || raw === '') return defaultRuns;
  const factor = Number(raw);
  if (!Number.isFinite(factor) || factor <= 0) throw new Error(`CLAUSEWISE_FC_RUNS must be a positive number (a factor on each property's run count), not "${raw}"`);
  return Math.max(1, Math.round(defaultRuns * factor));
}

/** The seed a property starts from: CLAUSEWISE_FC_SEED when set to an integer, else the property's own. */
export function propertySeed(defaultSeed: number): number {
  const raw = process.env.CLAUSEWISE_FC_SEED;
  if (raw === undefined || raw === '') return defaultSeed;
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed)) throw new Error(`CLAUSEWISE_FC_SEED must be an integer, not "${raw}"`);
  return seed;
}
