/**
 * One case-insensitive expression that finds any of a word gate's lower-case literals
 * (model/word-gate.ts) in a text as it is. A gate that lower-cases each text for holdsAny pays for a
 * copy of the text and a search per literal; over the first review of the 1 MB bench contract the
 * figures' gate lower-cased 10,184 sentences and searched each for 13 literals, about five times
 * what one search with this expression costs (issue 13). Used, like holdsAny, only before an
 * expression every match of which holds one of the literals with ASCII letters folded (what /i does
 * without the u flag, and what this expression does): where it finds none, that expression cannot
 * match, so skipping it changes no result.
 */
export function anyWordExpression(...lists: ReadonlyArray<readonly string[]>): RegExp {
  const words = new Set<string>();
  for (const list of lists) for (const w of list) words.add(w);
  // Longest first is not needed (any match will do); escaped, since a literal may hold "." or "-".
  return new RegExp([...words].map((w) => w.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|'), 'i');
}
