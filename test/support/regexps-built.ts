/**
 * How many expressions the code builds with the RegExp constructor while `run` runs (literals are
 * not counted: V8 makes them without calling the global constructor). For the tests of searches
 * that replaced an expression built from a document's words (issue 13, cli).
 */
export function regExpsBuiltDuring(run: () => unknown): number {
  const Original = globalThis.RegExp;
  let built = 0;
  globalThis.RegExp = new Proxy(Original, {
    construct(target, args) {
      built++;
      return Reflect.construct(target, args);
    },
    apply(target, self, args) {
      built++;
      return Reflect.apply(target, self, args);
    },
  });
  try {
    run();
  } finally {
    globalThis.RegExp = Original;
  }
  return built;
}
