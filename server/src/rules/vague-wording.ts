import type { Rule, RuleFinding } from './types';
import { describesSecurityIncident, quotedRanges, sentencesOf } from '../categories';
import { SLA_VAGUE, VAGUE_TERMS } from './vague-terms';
import { factsActive, memo } from '../model/facts';
import examples from './examples/vague-wording';
import { sourceSpanOf } from '../drafting/offsets';
import type { ContractModel } from '../model';
import type { SentenceInfo } from '../categories';
import { previousBlockIndex, spliceTraceOf } from '../model/trace';

const OBLIGATION = /\b(?:shall|must|will|agrees? to|undertakes? to|is responsible for|are responsible for|warrants?)\b/i;
// "As required by law" is a legal carve-out, not loose scope; rewording it would change its meaning.
const LEGAL_CARVE_OUT = /^\s*(?:by|under|to comply with|pursuant to)\s+(?:(?:any|all|the|applicable|relevant|mandatory)\s+)*(?:laws?|statutes?|regulations?|rules?|legislation|court|order|regulators?|[A-Z][A-Za-z]*[A-Z]\b|[A-Z][a-z]+ (?:Act|Regulation|Law))/;
// A deadline or frequency the same sentence already sets ("in a timely manner, and in any event within ten business days").
const BOUND: Record<string, RegExp> = {
  'sets no deadline': /\b(?:within|no later than|not later than|not more than|at the latest)\s+(?:\d|[a-z]+[- ]?\(?\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|sixty|ninety|twenty-four|forty-eight|seventy-two)[^.;]{0,20}\b(?:minutes?|hours?|days?|business days|working days|weeks?|months?)\b/i,
  'sets no frequency': /\b(?:at least|no less than|not less than)\s+(?:once|twice|every|each|\d)|\bevery\s+(?:\d+|[a-z]+)\s+(?:days?|weeks?|months?|quarters?|years?)\b|\b(?:daily|weekly|monthly|quarterly|annually|yearly)\b/i,
};
const DELIVERABLE_SECTION = /\b(?:scope|services|deliverables|statement of work|milestones?|the work|obligations|responsibilities)\b/i;

/**
 * Words one of which every match of a VAGUE_TERMS pattern holds (case aside): one test tells most
 * sentences they hold no vague term, before the twelve patterns and what they are checked against.
 */
export const ANY_VAGUE_TERM = /timely|promptly|as soon as|within a reasonable|as (?:needed|required|necessary|appropriate)|efforts|endeavo|etc|and\/or|to be (?:agreed|determined|confirmed|decided)|TB[DCA]|industry|best practice|regularly|periodically|(?:sufficient|adequate) (?:resources|staff|personnel|time)/i;

/** Vague terms of a sentence that nothing in it bounds: [offset in the text, words, index in VAGUE_TERMS]. */
function vagueTermsIn(text: string): Array<[number, string, number]> {
  return memo('vague-wording', text, () => {
    const out: Array<[number, string, number]> = [];
    if (!ANY_VAGUE_TERM.test(text)) return out;
    // Timing words in an incident-notice duty are reported by the breach-notification rule.
    const incidentNotice = describesSecurityIncident(text);
    const quoted = quotedRanges(text);
    const slaSpans = [...text.matchAll(SLA_VAGUE)].map((m) => [m.index!, m.index! + m[0].length] as const);
    VAGUE_TERMS.forEach((term, t) => {
      for (const m of text.matchAll(term.pattern)) {
        const at = m.index!;
        const end = at + m[0].length;
        if (quoted.some(([a, b]) => at >= a && end <= b)) continue;
        if (slaSpans.some(([a, b]) => at < b && end > a)) continue;
        if (incidentNotice && term.why === 'sets no deadline') continue;
        if (/^as required$/i.test(m[0]) && LEGAL_CARVE_OUT.test(text.slice(end))) continue;
        if (BOUND[term.why]?.test(text)) continue;
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
    if (!OBLIGATION.test(info.text) && !DELIVERABLE_SECTION.test(info.titles)) continue;
    for (const [at, written, t] of memoised ?? vagueTermsIn(info.text)) {
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

/** One block's findings while editing, with what they read besides the block's text. */
interface BlockVague { findings: RuleFinding[]; inHeading: boolean; titles: string; start: number }
const NO_SENTENCES: BlockVague = { findings: [], inHeading: false, titles: '', start: 0 };
const vagueBuilt = new WeakMap<ContractModel, BlockVague[]>();

/**
 * While editing: a block the edit kept or moved has the same text and sentences as the previous
 * model's block it came from, so its findings are the previous ones when it is a heading or not as
 * before and its section's titles read the same: the same objects before the edit, moved copies after
 * it. Only the re-parsed blocks' sentences are read (before, every sentence was looked up and every
 * finding of the document built again on each keystroke).
 */
function findingsWhileEditing(model: ContractModel): RuleFinding[] {
  const infos = sentencesOf(model);
  const trace = spliceTraceOf(model);
  const before = trace ? vagueBuilt.get(trace.previous) : undefined;
  const perBlock: BlockVague[] = new Array(model.blocks.length).fill(NO_SENTENCES);
  const out: RuleFinding[] = [];
  let read = 0;
  for (let i = 0; i < infos.length;) {
    const first = infos[i];
    const b = first.block;
    const block = model.blocks[b];
    const was = before ? previousBlockIndex(trace!, b) : -1;
    const old = was >= 0 ? before![was] : undefined;
    let next = i;
    while (next < infos.length && infos[next].block === b) next++;
    if (old && old !== NO_SENTENCES && old.inHeading === first.inHeading && old.titles === first.titles) {
      const by = block.start - old.start;
      const findings = by === 0 ? old.findings : old.findings.map((f) => moved(f, by));
      perBlock[b] = by === 0 ? old : { findings, inHeading: old.inHeading, titles: old.titles, start: block.start };
      for (const f of findings) out.push(f);
      i = next;
      continue;
    }
    const findings: RuleFinding[] = [];
    blockFindings(model, infos, i, next, findings);
    read++;
    perBlock[b] = { findings, inHeading: first.inHeading, titles: first.titles, start: block.start };
    for (const f of findings) out.push(f);
    i = next;
  }
  vagueBuilt.set(model, perBlock);
  vagueReads.set(model, read);
  return out;
}
const vagueReads = new WeakMap<ContractModel, number>();

/** Hands the per-block findings to a copy of the model with the same blocks (the review worker's released copy). */
export function carryVagueFindings(from: ContractModel, to: ContractModel): void {
  const b = vagueBuilt.get(from);
  if (b && from.blocks === to.blocks && from.text === to.text) vagueBuilt.set(to, b);
}

/** A finding of a block moved by `by` characters (its fixes replace the same words). */
function moved(f: RuleFinding, by: number): RuleFinding {
  const span = { start: f.span.start + by, end: f.span.end + by };
  return { span, message: f.message, words: f.words, fixes: f.fixes!.map((x) => ({ ...x, span })) };
}

/** Each block's findings kept for a model while editing, by block index (for tests). */
export function vagueFindingsByBlock(model: ContractModel): ReadonlyArray<{ findings: RuleFinding[] }> | undefined {
  return vagueBuilt.get(model);
}

/** How many of a model's blocks holding sentences had their findings read rather than taken over (for tests). */
export function vagueBlocksRead(model: ContractModel): number | undefined {
  return vagueReads.get(model);
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
      for (let i = 0; i < infos.length; i++) blockFindings(model, infos, i, infos.length, out);
      return out;
    }
    return findingsWhileEditing(model);
  },
};
export default rule;
