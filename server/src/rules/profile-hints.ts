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
  // Its words join the one search all hints share in a one-shot review (hintGate), where it can.
  if (wordSearch(opts.anyOf)) hintWordLists.add(opts.anyOf);
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
  const shared = hintWordLists.has(words) ? hintAnswers(infos) : undefined;
  try {
    for (let n = 0; n < infos.length; n++) {
      const flat = infos[n].flat;
      if (shared !== undefined) {
        // The shared search first, asked once per sentence for all hints (hintGate): a sentence it
        // finds nothing in holds none of any hint's words, so none of these.
        if (shared.flats[n] !== flat) {
          shared.flats[n] = flat;
          shared.gate.lastIndex = 0;
          shared.holds[n] = shared.gate.test(flat) ? 1 : 0;
        }
        if (shared.holds[n] === 0) continue;
      }
      search.lastIndex = 0;
      if (search.test(flat) && test(flat)) return infos[n];
    }
    return undefined;
  } finally {
    search.lastIndex = 0;
  }
}

/*
 * Both hints (DORA, GDPR) search every sentence of a document in a one-shot review, and most
 * sentences hold none of either's words: one search for any hint's word (the lists joined, each
 * plain as wordSearch asks) cost about 60% of the two over cuad-dev's sentences (29 against 47 ms a
 * pass, thread CPU), so it is asked first, once per sentence, and each hint's own search runs only on
 * the sentences it finds. Its answer is a pure function of the flat text, kept per sentence list and
 * index with the text it was asked of (asked again if that index holds another text).
 */
const hintWordLists = new Set<readonly string[]>();
let hintGateOf: { lists: number; gate: RegExp } | undefined;
const hintStates = new WeakMap<SentenceInfo[], { gate: RegExp; flats: Array<string | undefined>; holds: Uint8Array }>();

/** The search for any registered hint's word, made again when a hint was added since. */
function hintGate(): RegExp {
  if (hintGateOf === undefined || hintGateOf.lists !== hintWordLists.size) {
    const words = new Set<string>();
    for (const list of hintWordLists) for (const w of list) words.add(w);
    hintGateOf = { lists: hintWordLists.size, gate: wordSearch([...words])! };
  }
  return hintGateOf.gate;
}

function hintAnswers(infos: SentenceInfo[]): { gate: RegExp; flats: Array<string | undefined>; holds: Uint8Array } {
  const gate = hintGate();
  let state = hintStates.get(infos);
  if (state === undefined || state.gate !== gate || state.holds.length !== infos.length) {
    state = { gate, flats: new Array<string | undefined>(infos.length), holds: new Uint8Array(infos.length) };
    hintStates.set(infos, state);
  }
  return state;
}
