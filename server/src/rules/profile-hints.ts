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

/**
 * Every sentence's flat text joined once, for both hint rules, with where each sentence starts in
 * it. Each rule lower-cased every sentence and searched it for each of its words, 2% of a CLI thread
 * over cuad-dev (issue 13, cli); then the joined text was lower-cased (a copy of the document, two
 * bytes a character in most contracts) and searched once per word; now it is searched as it is, by
 * one case-insensitive expression of the words (wordSearch). Most contracts hold none of the words.
 */
interface JoinedFlats { joined: string; starts: Int32Array }
const joinedOf = new WeakMap<SentenceInfo[], JoinedFlats>();
/** How many sentence lists were joined, and how many lower-cased (for tests). */
export const joinedFlatsStats = { joins: 0, lowered: 0 };

function joinedFlats(infos: SentenceInfo[]): JoinedFlats {
  let found = joinedOf.get(infos);
  if (!found) {
    // No word holds a line break, so none is found across two sentences.
    const flats = new Array<string>(infos.length);
    const starts = new Int32Array(infos.length + 1);
    let at = 0;
    for (let n = 0; n < infos.length; n++) {
      flats[n] = infos[n].flat;
      starts[n] = at;
      at += flats[n].length + 1;
    }
    starts[infos.length] = at;
    joinedFlatsStats.joins++;
    found = { joined: flats.join('\n'), starts };
    joinedOf.set(infos, found);
  }
  return found;
}

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
 * `test` (what firstSentenceWhere finds with that test), read from the joined text: only the
 * sentences holding a word are visited.
 */
export function firstHolding(infos: SentenceInfo[], words: readonly string[], test: (flat: string) => boolean): SentenceInfo | undefined {
  const search = wordSearch(words);
  if (!search) {
    joinedFlatsStats.lowered++;
    for (let n = 0; n < infos.length; n++) if (holdsAny(infos[n].flat.toLowerCase(), words) && test(infos[n].flat)) return infos[n];
    return undefined;
  }
  const { joined, starts } = joinedFlats(infos);
  search.lastIndex = 0;
  try {
    for (let m = search.exec(joined); m !== null; m = search.exec(joined)) {
      const at = m.index;
      // The sentence holding position `at`: the last one starting at or before it.
      let lo = 0;
      let hi = infos.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (starts[mid] <= at) lo = mid;
        else hi = mid - 1;
      }
      if (test(infos[lo].flat)) return infos[lo];
      // Go on from the next sentence: this one is decided.
      search.lastIndex = starts[lo + 1];
    }
    return undefined;
  } finally {
    search.lastIndex = 0;
  }
}
