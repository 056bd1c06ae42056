import type { BlockFindingGroups, Rule, RuleFinding } from './types';
import { describesSecurityIncident, quotedRanges, sentencesOf } from '../categories';
import { SLA_VAGUE, SLA_VAGUE_WORDS, VAGUE_TERMS } from './vague-terms';
import { factsActive, memo } from '../model/facts';
import { matchesIn } from '../model/text';
import { holdsAny } from '../model/word-gate';
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
    // Each term's and bound's words looked up first: a pattern that cannot match is never run, so never compiled.
    const lower = text.toLowerCase();
    const slaSpans = holdsAny(lower, SLA_VAGUE_WORDS) ? matchesIn(SLA_VAGUE, text).map((m) => [m.index!, m.index! + m[0].length] as const) : [];
    VAGUE_TERMS.forEach((term, t) => {
      if (!holdsAny(lower, term.anyOf)) return;
      for (const m of matchesIn(term.pattern, text)) {
        const at = m.index!;
        const end = at + m[0].length;
        if (quoted.some(([a, b]) => at >= a && end <= b)) continue;
        if (slaSpans.some(([a, b]) => at < b && end > a)) continue;
        if (term.why === 'sets no deadline' && (incidentNotice ??= describesSecurityIncident(text))) continue;
        // m[0] is "as" and a word of ASCII letters, so lower-casing it is what /^as required$/i tested.
        if (m[0].toLowerCase() === 'as required' && LEGAL_CARVE_OUT.test(text.slice(end))) continue;
        const bound = VAGUE_BOUNDS[term.why];
        if (bound && holdsAny(lower, bound.anyOf) && (!bound.andAnyOf || holdsAny(lower, bound.andAnyOf)) && bound.pattern.test(text)) continue;
        out.push([at, m[0], t]);
      }
    });
    return out;
  });
}

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
      out.push({
        span,
        message: `"${written}" ${term.why}: say exactly what, by when or how much.`,
        words: term.words,
        fixes: term.replacements.map((r) => ({ kind: 'replace' as const, title: `Replace "${written}" with "${r}"`, span, replacement: r })),
      });
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
