import type { Rule, RuleContext, RuleFinding, RuleMeta } from './types';
import { firstSentenceWhere, infoSpan, sentencesOf, type SentenceInfo } from '../categories';
import type { CategoryId } from '../categories/types';
import { factsActive } from '../model/facts';
import { holdsAny } from '../model/word-gate';

/**
 * Suggests a regulatory profile when the text shows the contract falls under it. A suggestion is an
 * information finding; the profile is never switched on silently. `anyOf`: lower-case literals one of
 * which every match of every pattern holds, looked up in the sentence first (./word-gate.ts): most
 * contracts name neither regulation, and their review then never compiles the patterns.
 */
export function profileHintRule(opts: { id: string; category: CategoryId; profile: string; alsoSatisfiedBy: string[]; patterns: RegExp[]; anyOf: readonly string[]; title: string; description: string; rationale: string; message: string } & Pick<RuleMeta, 'examples' | 'related' | 'quickFix' | 'silentUnder'>): Rule {
  const kind = `profile-hint\u0000${opts.id}`;
  return {
    meta: { id: opts.id, category: opts.category, defaultSeverity: 'information', title: opts.title, description: opts.description, rationale: opts.rationale, examples: opts.examples, related: opts.related, quickFix: opts.quickFix, silentUnder: opts.silentUnder },
    check(ctx: RuleContext): RuleFinding[] {
      if ([opts.profile, ...opts.alsoSatisfiedBy].some((p) => ctx.profiles.includes(p))) return [];
      // While editing, only the sentences an edit re-read are tested (firstSentenceWhere): a document
      // without a hit would otherwise run every pattern over every sentence on every keystroke.
      const test = (flat: string): boolean => opts.patterns.some((p) => p.test(flat));
      const hit = factsActive()
        ? firstSentenceWhere(ctx.model, kind, (flat) => holdsAny(flat.toLowerCase(), opts.anyOf) && test(flat))
        : firstHolding(sentencesOf(ctx.model), opts.anyOf, test);
      if (!hit) return [];
      return [{ span: infoSpan(ctx.model, hit), message: opts.message }];
    },
  };
}

/** How many sentence lists were searched sentence by sentence in lower case (for tests). */
export const joinedFlatsStats = { lowered: 0 };

/**
 * One search for any of the lower-case ASCII `words`, case-insensitive without the u flag: it folds
 * ASCII letters only, and finds a word exactly where the lower-cased text holds one, but for the two
 * characters whose lower case holds an ASCII letter: the Kelvin sign ("k") and "\u0130" ("i" and a
 * combining dot, so only a word ending in "i" could end there). Null for lists with such words (none
 * of the hints'), which are searched sentence by sentence in lower case.
 */
function wordSearch(words: readonly string[]): RegExp | null {
  let search = searches.get(words);
  if (search === undefined) {
    const plain = words.every((w) => /^[\x00-\x7f]+$/.test(w) && w === w.toLowerCase() && !w.includes('k') && !w.endsWith('i'));
    search = plain ? new RegExp(words.map((w) => w.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')).join('|'), 'gi') : null;
    searches.set(words, search);
  }
  return search;
}
const searches = new WeakMap<readonly string[], RegExp | null>();

/**
 * The first sentence whose lower-cased flat text holds one of `words` and whose flat text passes
 * `test` (what firstSentenceWhere finds with that test). Each rule lower-cased every sentence and
 * searched it for each of its words, 2% of a CLI thread over cuad-dev (issue 13, cli); then the
 * sentences were joined once (and lower-cased, later not) and the joined text searched: a copy of
 * every document's text, about 19 MB over cuad-dev (issue 13, cliallocs2). Now each sentence is
 * searched in place by one case-insensitive expression of the words (wordSearch); `test` on a
 * global expression makes no match array, so a sentence without a word allocates nothing.
 */
export function firstHolding(infos: SentenceInfo[], words: readonly string[], test: (flat: string) => boolean): SentenceInfo | undefined {
  const search = wordSearch(words);
  if (!search) {
    joinedFlatsStats.lowered++;
    for (let n = 0; n < infos.length; n++) if (holdsAny(infos[n].flat.toLowerCase(), words) && test(infos[n].flat)) return infos[n];
    return undefined;
  }
  try {
    for (let n = 0; n < infos.length; n++) {
      const flat = infos[n].flat;
      search.lastIndex = 0;
      if (search.test(flat) && test(flat)) return infos[n];
    }
    return undefined;
  } finally {
    search.lastIndex = 0;
  }
}
