/**
 * V8 flags the language server sets on itself (issue 13, jit). While a document is edited, the
 * server's threads (above all the review worker) run large functions a few times per keystroke, each
 * time with loops over the whole document: V8 found them hot again and again and compiled them anew
 * with TurboFan on its background threads (hundreds of ms of CPU per 1 MB keystroke, more than the
 * review itself), often only to throw the code away at the next edit's new maps. See docs/performance.md.
 *
 * Set with v8.setFlagsFromString at the top of the server's entry point, before the review worker
 * starts: a worker's isolate reads the process's flags when it is made, and these flags are read at
 * run time (the budget each time a function's feedback is made or its tier-up budget reset), so they
 * take effect without a restart (a test checks it in a fresh process). The CLI's loader sets the same
 * budget for its long runs on its own (cli/run-profile.ts LONG_RUN_FLAGS, kept apart because the loader
 * imports only node: built-ins); the tests run with V8's defaults.
 */
import { setFlagsFromString } from 'node:v8';

/**
 * The flags set unless CLAUSEWISE_V8_FLAGS says otherwise. With the larger budget, a function that
 * runs once per edit with a loop over the document (referenceTable, keptMatches, figuresWhileEditing,
 * keptPrefix, ...) was compiled twice in a row: on-stack replacement of its running loop in one edit,
 * then a regular compile at its next call, each with everything it calls inlined. Without on-stack
 * replacement it is compiled once, at a call; the loops that run thousands of times per edit are in
 * functions that are called, so they are optimised as before (docs/performance.md, ninth round).
 */
export const SERVER_V8_FLAGS: readonly string[] = ['--interrupt-budget=1048576', '--no-use-osr'];

/**
 * The flags for this process: CLAUSEWISE_V8_FLAGS=off sets none, any other value is used instead of
 * the defaults (space-separated; for measuring), unset or empty keeps SERVER_V8_FLAGS.
 */
export function serverV8Flags(env: NodeJS.ProcessEnv = process.env): string[] {
  const given = env.CLAUSEWISE_V8_FLAGS?.trim();
  if (given === 'off') return [];
  return given ? given.split(/\s+/) : [...SERVER_V8_FLAGS];
}

/** Sets the server's V8 flags on this process; returns them. Call before the review worker is made. */
export function applyServerV8Flags(env: NodeJS.ProcessEnv = process.env): string[] {
  const flags = serverV8Flags(env);
  for (const flag of flags) setFlagsFromString(flag);
  return flags;
}
