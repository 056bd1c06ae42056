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
 * Every sentence's flat text joined and lower-cased once, for both hint rules, with where each
 * sentence starts in it (null when lower-casing changed the length: then the search starts at the
 * first sentence). Each rule lower-cased every sentence and searched it for each of its words, 2%
 * of a CLI thread over cuad-dev (issue 13, cli); most contracts hold none of the words.
 */
interface LoweredFlats { lowered: string; starts: Int32Array | null }
const loweredOf = new WeakMap<SentenceInfo[], LoweredFlats>();
/** How many sentence lists were joined and lower-cased (for tests). */
export const loweredFlatsStats = { joins: 0 };

function loweredFlats(infos: SentenceInfo[]): LoweredFlats {
  let found = loweredOf.get(infos);
  if (!found) {
    // No word holds a line break, so none is found across two sentences. toLowerCase maps each
    // character alone but for the Greek final sigma, which reads its neighbours, and a line break
    // ends a word as the end of a string does: the joined text lower-cased is the sentences' own
    // lower-cased texts joined, so it holds a word exactly where one of them does.
    const flats = new Array<string>(infos.length);
    const starts = new Int32Array(infos.length + 1);
    let at = 0;
    for (let n = 0; n < infos.length; n++) {
      flats[n] = infos[n].flat;
      starts[n] = at;
      at += flats[n].length + 1;
    }
    starts[infos.length] = at;
    const lowered = flats.join('\n').toLowerCase();
    loweredFlatsStats.joins++;
    found = { lowered, starts: lowered.length === at - 1 || infos.length === 0 ? starts : null };
    loweredOf.set(infos, found);
  }
  return found;
}

/**
 * The first sentence whose lower-cased flat text holds one of `words` and whose flat text passes
 * `test` (what firstSentenceWhere finds with that test), read from the joined text: only the
 * sentences holding a word are visited.
 */
export function firstHolding(infos: SentenceInfo[], words: readonly string[], test: (flat: string) => boolean): SentenceInfo | undefined {
  const { lowered, starts } = loweredFlats(infos);
  if (!starts) {
    if (!holdsAny(lowered, words)) return undefined;
    for (let n = 0; n < infos.length; n++) if (holdsAny(infos[n].flat.toLowerCase(), words) && test(infos[n].flat)) return infos[n];
    return undefined;
  }
  // Each word's next place in the text not yet passed (-1: none left), searched again only once the
  // search has passed it: a word absent from the rest of the text is not searched for again after
  // every sentence tested (a document naming a processor in many sentences).
  const next = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) next[i] = lowered.indexOf(words[i]);
  for (;;) {
    let at = -1;
    for (let i = 0; i < words.length; i++) if (next[i] >= 0 && (at < 0 || next[i] < at)) at = next[i];
    if (at < 0) return undefined;
    // The sentence holding position `at`: the last one starting at or before it.
    let lo = 0;
    let hi = infos.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    if (test(infos[lo].flat)) return infos[lo];
    const from = starts[lo + 1];
    for (let i = 0; i < words.length; i++) if (next[i] >= 0 && next[i] < from) next[i] = lowered.indexOf(words[i], from);
  }
}
