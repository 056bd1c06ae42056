/**
 * Which regular expressions run while a function runs: the cold-start gate tests (test/rules/word-gate,
 * test/model/cold-gates) check that a small contract's review never runs the expressions its words
 * rule out. No expression is used here: one would run the patched exec.
 */

/** An expression's flags without g and y, and its source: how expressionsRun names what ran. */
export const keyOf = (re: RegExp): string => `${[...re.flags].filter((f) => f !== 'g' && f !== 'y').join('')}/${re.source}`;

/** Calls `onExec` with each expression that runs (RegExp.prototype.exec, which test, match, replace and matchAll reach) while `f` runs. */
export function watchingExec(onExec: (re: RegExp) => void, f: () => void): void {
  const exec = RegExp.prototype.exec;
  RegExp.prototype.exec = function (this: RegExp, s: string) {
    onExec(this);
    return exec.call(this, s);
  };
  try {
    f();
  } finally {
    RegExp.prototype.exec = exec;
  }
}

/** The expressions (by flags and source) run while `f` runs, however they are called (matchAll copies included). */
export function expressionsRun(f: () => void): Set<string> {
  const seen = new Set<string>();
  watchingExec((re) => seen.add(keyOf(re)), f);
  return seen;
}
