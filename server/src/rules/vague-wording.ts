import type { BlockFindingGroups, FixSpec, Rule, RuleFinding } from './types';
import { describesSecurityIncident, quotedRanges, sentencesOf } from '../categories';
import { SLA_VAGUE, SLA_VAGUE_WORDS, VAGUE_TERMS } from './vague-terms';
import { factsActive, memo } from '../model/facts';
import { matchesIn } from '../model/text';
import { wordBits } from '../drafting/word-bits';
import examples from './examples/vague-wording';
import { sourceSpanOf } from '../drafting/offsets';
import type { ContractModel } from '../model';
import type { SentenceInfo } from '../categories';
import { absoluteFindings, BlockFindings } from './block-findings';

const OBLIGATION = /\b(?:shall|must|will|agrees? to|undertakes? to|is responsible for|are responsible for|warrants?)\b/i;
// "As required by law" is a legal carve-out, not loose scope; rewording it would change its meaning.
const LEGAL_CARVE_OUT = /^\s*(?:by|under|to comply with|pursuant to)\s+(?:(?:any|all|the|applicable|relevant|mandatory)\s+)*(?:laws?|statutes?|regulations?|rules?|legislation|court|order|regulators?|[A-Z][A-Za-z]*[A-Z]\b|[A-Z][a-z]+ (?:Act|Regulation|Law))/;
// A deadline or frequency the same sentence already sets ("in a timely manner, and in any event within ten business days").
// Each with the lower-case literals one of which its every match holds, tested first (see VagueTerm.anyOf).
// `andAnyOf`, where set, is a second list one of which every match also holds.
export const VAGUE_BOUNDS: Record<string, { pattern: RegExp; anyOf: readonly string[]; andAnyOf?: readonly string[] }> = {
  'sets no deadline': { pattern: /\b(?:within|no later than|not later than|not more than|at the latest)\s+(?:\d|[a-z]+[- ]?\(?\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|sixty|ninety|twenty-four|forty-eight|seventy-two)[^.;]{0,20}\b(?:minutes?|hours?|days?|business days|working days|weeks?|months?)\b/i, anyOf: ['within', 'later than', 'more than', 'at the latest'], andAnyOf: ['minute', 'hour', 'day', 'week', 'month'] },
  'sets no frequency': { pattern: /\b(?:at least|no less than|not less than)\s+(?:once|twice|every|each|\d)|\bevery\s+(?:\d+|[a-z]+)\s+(?:days?|weeks?|months?|quarters?|years?)\b|\b(?:daily|weekly|monthly|quarterly|annually|yearly)\b/i, anyOf: ['at least', 'less than', 'every', 'daily', 'weekly', 'monthly', 'quarterly', 'annually', 'yearly'] },
};
const DELIVERABLE_SECTION = /\b(?:scope|services|deliverables|statement of work|milestones?|the work|obligations|responsibilities)\b/i;

/**
 * Words one of which every match of a VAGUE_TERMS pattern holds (case aside): one test tells most
 * sentences they hold no vague term, before the twelve patterns and what they are checked against.
 */
export const ANY_VAGUE_TERM = /timely|promptly|as soon as|within a reasonable|as (?:needed|required|necessary|appropriate)|efforts|endeavo|etc|and\/or|to be (?:agreed|determined|confirmed|decided)|TB[DCA]|industry|best practice|regularly|periodically|(?:sufficient|adequate) (?:resources|staff|personnel|time)/i;

/*
 * The words of every term, of the service-level adjectives and of the bounds, as bits of one search
 * (drafting/word-bits.ts): bit t for VAGUE_TERMS[t]'s words, SLA_BIT for SLA_VAGUE_WORDS, and for
 * each bound the bits of its anyOf and andAnyOf, all of which a sentence must hold before its
 * pattern runs. One search of the text rather than a lower-cased copy searched per list.
 */
const BOUND_LISTS: Array<readonly string[]> = [];
const BOUND_GATES: Record<string, { pattern: RegExp; bits: number }> = {};
for (const [why, bound] of Object.entries(VAGUE_BOUNDS)) {
  let bits = 0;
  for (const list of bound.andAnyOf ? [bound.anyOf, bound.andAnyOf] : [bound.anyOf]) {
    bits |= 1 << (VAGUE_TERMS.length + 1 + BOUND_LISTS.length);
    BOUND_LISTS.push(list);
  }
  BOUND_GATES[why] = { pattern: bound.pattern, bits };
}
const SLA_BIT = 1 << VAGUE_TERMS.length;
/** Exported for test/drafting/word-bits.test.ts: the lists whose bits vagueTermsIn reads. */
export const TERM_WORD_LISTS: ReadonlyArray<readonly string[]> = [...VAGUE_TERMS.map((t) => t.anyOf), SLA_VAGUE_WORDS, ...BOUND_LISTS];
const TERM_BITS = wordBits(TERM_WORD_LISTS);

/** Vague terms of a sentence that nothing in it bounds: [offset in the text, words, index in VAGUE_TERMS]. */
function vagueTermsIn(text: string, holdsVagueTerm = false): Array<[number, string, number]> {
  return memo('vague-wording', text, () => {
    const out: Array<[number, string, number]> = [];
    // `holdsVagueTerm`: the caller ran this test already (a one-shot review, where nothing is memoised).
    if (!holdsVagueTerm && !ANY_VAGUE_TERM.test(text)) return out;
    // Timing words in an incident-notice duty are reported by the breach-notification rule.
    // Asked only of a deadline term's match (the expression is long, and most sentences hold none).
    let incidentNotice: boolean | undefined;
    const quoted = quotedRanges(text);
    // Each term's and bound's words looked up first, all in one search (drafting/word-bits.ts): a
    // pattern that cannot match is never run, so never compiled.
    const words = TERM_BITS(text);
    const slaSpans = (words & SLA_BIT) !== 0 ? matchesIn(SLA_VAGUE, text).map((m) => [m.index!, m.index! + m[0].length] as const) : [];
    for (let t = 0; t < VAGUE_TERMS.length; t++) {
      const term = VAGUE_TERMS[t];
      if ((words & (1 << t)) === 0) continue;
      for (const m of matchesIn(term.pattern, text)) {
        const at = m.index!;
        const end = at + m[0].length;
        if (quoted.some(([a, b]) => at >= a && end <= b)) continue;
        if (slaSpans.some(([a, b]) => at < b && end > a)) continue;
        if (term.why === 'sets no deadline' && (incidentNotice ??= describesSecurityIncident(text))) continue;
        // m[0] is "as" and a word of ASCII letters, so lower-casing it is what /^as required$/i tested.
        if (m[0].toLowerCase() === 'as required' && LEGAL_CARVE_OUT.test(text.slice(end))) continue;
        const bound = BOUND_GATES[term.why];
        if (bound && (words & bound.bits) === bound.bits && bound.pattern.test(text)) continue;
        out.push([at, m[0], t]);
      }
    }
    return out;
  });
}

/**
 * A finding's message and its fixes' titles for the words of term t as written: a contract writes
 * each term a few ways ("promptly", "Promptly") in hundreds of places, so each text is made once
 * and shared rather than joined per finding (a first 1 MB review made 1,796 findings here).
 */
function wordingOf(t: number, written: string): { message: string; titles: string[] } {
  const byWritten = wordings[t] ??= new Map();
  let w = byWritten.get(written);
  if (w === undefined) {
    // A bound on what is kept: the words as written vary with case and spacing only.
    if (byWritten.size > 64) byWritten.clear();
    // A copy of its own: the words as matched are a slice of the document's text, which the cache
    // would keep alive after the document closes (a 7.5 MB block of a 3.8 MB two-byte document in
    // a heap snapshot), and from which its texts would be two-byte for every later document.
    written = JSON.parse(JSON.stringify(written)) as string;
    const term = VAGUE_TERMS[t];
    byWritten.set(written, (w = { message: `"${written}" ${term.why}: say exactly what, by when or how much.`, titles: term.replacements.map((r) => `Replace "${written}" with "${r}"`) }));
  }
  return w;
}
const wordings: Array<Map<string, { message: string; titles: string[] }>> = [];

/**
 * The findings of the sentences infos[from, to) (one block's, or all) that stand in this block, added to
 * out; returns where the block's sentences end. Reads only the sentences' own text, whether the block
 * is a heading and its section's titles.
 */
function blockFindings(model: ContractModel, infos: SentenceInfo[], from: number, to: number, out: RuleFinding[]): number {
  const b = infos[from].block;
  const block = model.blocks[b];
  let i = from;
  for (; i < to && infos[i].block === b; i++) {
    const info = infos[i];
    if (info.isDefinition || info.inHeading) continue;
    const memoised = factsActive() ? vagueTermsIn(info.text) : null;
    if (memoised && !memoised.length) continue;
    // Unmemoised (a one-shot review): the test that tells most sentences they hold no vague term,
    // before the obligation and section tests that most contract sentences pass.
    if (!memoised && !ANY_VAGUE_TERM.test(info.text)) continue;
    if (!OBLIGATION.test(info.text) && !DELIVERABLE_SECTION.test(info.titles)) continue;
    for (const [at, written, t] of memoised ?? vagueTermsIn(info.text, true)) {
      const term = VAGUE_TERMS[t];
      const k = info.sentence.textStart + at;
      const span = sourceSpanOf(block, k, k + written.length);
      const words = wordingOf(t, written);
      const fixes: FixSpec[] = new Array(words.titles.length);
      for (let r = 0; r < fixes.length; r++) fixes[r] = { kind: 'replace', title: words.titles[r], span, replacement: term.replacements[r] };
      out.push({ span, message: words.message, words: term.words, fixes });
    }
  }
  return i;
}

/** Each block's findings, kept between edits (block-findings.ts); they read no context beyond the sentences' own. */
const kept = new BlockFindings();

/** While editing: only the re-parsed blocks' sentences are read (see block-findings.ts); block-relative groups. */
function findingsWhileEditing(model: ContractModel): BlockFindingGroups {
  const infos = sentencesOf(model);
  return kept.groups(model, infos, '', (from, out) => blockFindings(model, infos, from, infos.length, out));
}

/** Each block's findings kept for a model while editing, by block index, and how many blocks were read (for tests). */
export function vagueFindingStats(model: ContractModel): ReturnType<BlockFindings['stats']> {
  return kept.stats(model);
}

const rule: Rule = {
  meta: {
    examples,
    related: ['sla-vague-target', 'breach-notification'],
    quickFix: 'replace the flagged words (for most of them)',
    id: 'vague-wording',
    category: 'deliverables',
    // Information, not warning: judged on real contracts, too few of its findings stood (see
    // docs/rules/vague-wording.md, "Measured precision").
    defaultSeverity: 'information',
    title: 'Vague wording in obligations',
    // Open points inside obligations are reported here, as vague wording; placeholder reports the rest.
    owns: ['open-points'],
    description: 'Vague words inside obligations and deliverable descriptions ("as needed", "in a timely manner", "best efforts", "etc.", "and/or", "TBD").',
    rationale: 'A duty is only as strong as its words. "In a timely manner" sets no deadline, "as needed" leaves the scope to be argued later, "best efforts" turns a promise into an attempt, "etc." leaves a list open and "to be agreed" is an agreement to agree that a court may not enforce. Replace each with a number, a list or a reference to a schedule.',
  },
  check(ctx) {
    const model = ctx.model;
    // A one-shot review (the CLI) reads every sentence; while editing, each block's findings are
    // kept and taken over for the blocks the edit kept or moved (see findingsWhileEditing).
    if (!factsActive()) {
      const out: RuleFinding[] = [];
      const infos = sentencesOf(model);
      for (let i = 0; i < infos.length;) i = blockFindings(model, infos, i, infos.length, out);
      return out;
    }
    return absoluteFindings(model, findingsWhileEditing(model));
  },
  checkBlocks(ctx) {
    return factsActive() ? findingsWhileEditing(ctx.model) : undefined;
  },
};
export default rule;
