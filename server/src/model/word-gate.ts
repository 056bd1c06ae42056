/**
 * Plain searches before a rule's expressions. V8 compiles a regular expression on its first run,
 * and a cold CLI run on a small contract compiled 290 of them, 184 for nothing (they matched no
 * sentence of it): about half of the compiling, itself a sixth of the run (docs/performance.md).
 * A rule that keeps, beside an expression, lower-case literals one of which every match holds
 * (ASCII letters folded, as `/i` folds them without `u`) runs it only on a text that holds one: a
 * text without any cannot match, so skipping it changes no result. Tests check each list against
 * what reading its expression gives (test/rules/word-gate.test.ts). It lives in the model, the
 * ground layer, because drafting facts gate their expressions with it as well as rules.
 */

/** Whether `lower` (a text lower-cased by String#toLowerCase) holds one of the lower-case literals. */
export function holdsAny(lower: string, literals: readonly string[]): boolean {
  for (let i = 0; i < literals.length; i++) if (lower.includes(literals[i])) return true;
  return false;
}
