/**
 * Whether the model keeps its caches keyed by text: sentence bounds per block (model/sentences.ts)
 * and parsed Markdown chunks (model/markdown.ts). They pay when a document is reviewed again after
 * an edit, as the language server does. A CLI run reviews each file once, so there they only cost:
 * every block's text copied (so that an entry does not keep its document alive), an LRU entry per
 * block, and thousands of entries kept alive long enough to be copied by the garbage collector.
 * Results are the same either way (both caches hold what a pure function returns).
 */
let on = true;

export const textCachesOn = (): boolean => on;

/** Turns the caches on or off (the CLI turns them off) and returns the previous setting. */
export function setTextCaches(value: boolean): boolean {
  const previous = on;
  on = value;
  return previous;
}
