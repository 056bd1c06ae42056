import type { BlockFindingGroups, Rule, RuleContext, RuleFinding } from './types';
import { quotedRanges, sentencesOf } from '../categories';
import { durationsIn, partyNameSearch, percentagesIn } from '../model/language';
import { SLA_VAGUE, SLA_VAGUE_WORDS } from './vague-terms';
import { anyWordExpression } from '../model/word-gate';
import examples from './examples/sla-vague-target';
import { factsActive, memo } from '../model/facts';
import { matchesIn } from '../model/text';
import type { ContractModel } from '../model';
import type { SentenceInfo } from '../categories';
import { absoluteFindings, BlockFindings } from './block-findings';
import { sourceSpanOf } from '../drafting/offsets';

const AVAILABILITY = /availab|uptime|downtime/i;
/** SLA_VAGUE_WORDS in one search of the sentence as it is, not lower-cased first (model/word-gate.ts anyWordExpression). */
const SLA_VAGUE_GATE = anyWordExpression(SLA_VAGUE_WORDS);
const NONE: ReadonlyArray<{ at: number; words: string }> = [];

/**
 * The vague service-level words of one sentence that no figure in it makes good, in the sentence's
 * own offsets: a pure function of its text, so an edit reads only the sentences it changed (memo).
 * The figures and quotations are read only when the words occur, which is rare.
 */
function vagueTargetsIn(text: string): ReadonlyArray<{ at: number; words: string }> {
  return memo('sla-vague-target', text, () => {
    let out: Array<{ at: number; words: string }> | undefined;
    let quoted: Array<[number, number]> | undefined;
    let hasPercent: boolean | undefined;
    let hasTime: boolean | undefined;
    // Without one of its words the expression cannot match: not run, so not compiled on a cold run.
    if (!SLA_VAGUE_GATE.test(text)) return NONE;
    for (const m of matchesIn(SLA_VAGUE, text)) {
      quoted ??= quotedRanges(text);
      if (quoted.some(([a, b]) => m.index! >= a && m.index! + m[0].length <= b)) continue;
      // The sentence already gives the figure ("high availability of at least 99.9%").
      if (AVAILABILITY.test(m[0])) {
        hasPercent ??= percentagesIn(text).length > 0;
        if (hasPercent) continue;
      } else {
        hasTime ??= durationsIn(text).some((d) => d.unit !== 'year' && d.unit !== 'month');
        if (hasTime) continue;
      }
      (out ??= []).push({ at: m.index!, words: m[0] });
    }
    return out ?? NONE;
  });
}

/**
 * Is the duty holding the words the customer's? The subject is the party named last before the
 * nearest "shall", "will", "must" or "agrees to" that precedes the words.
 */
function customerDuty(text: string, at: number, customer: RegExp, supplier: RegExp): boolean {
  let modal = -1;
  for (const m of text.slice(0, at).matchAll(/\b(?:shall|will|must|agrees? to|undertakes? to)\b/gi)) modal = m.index!;
  if (modal < 0) return false;
  const before = text.slice(0, modal);
  const c = lastNamedAt(before, customer);
  return c >= 0 && c > lastNamedAt(before, supplier);
}

/**
 * Where the last of a party matcher's successive matches starts in the text, or -1: with the
 * matcher's own flags (its lookahead, no capitalised word after the name, needs case). Searched on
 * the matcher's names where that reads as the expression does, so that no expression is compiled
 * for the document's own names (issue 13, cli); else with a global copy of the expression.
 */
export function lastNamedAt(text: string, re: RegExp): number {
  const ignoreCase = re.flags.includes('i');
  const search = partyNameSearch(re);
  if (search && search.exact(ignoreCase)) return search.last(text, ignoreCase);
  let i = -1;
  for (const m of text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))) i = m.index!;
  return i;
}

/** The findings of the sentences of one block, from infos[from] on, added to out; returns where the block's sentences end. */
function blockFindings(model: ContractModel, infos: SentenceInfo[], from: number, customer: RegExp, supplier: RegExp, out: RuleFinding[]): number {
  const b = infos[from].block;
  const block = model.blocks[b];
  let k = from;
  for (; k < infos.length && infos[k].block === b; k++) {
    const info = infos[k];
    if (info.isDefinition || info.inHeading) continue;
    const found = vagueTargetsIn(info.text);
    if (!found.length) continue;
    for (const m of found) {
      // "The Customer will respond promptly to complaints" is the customer's own duty, not a service level.
      if (customerDuty(info.text, m.at, customer, supplier)) continue;
      const i = info.sentence.textStart + m.at;
      const span = sourceSpanOf(block, i, i + m.words.length);
      const replacement = AVAILABILITY.test(m.words) ? 'availability of at least [99.9]% in each calendar month' : null;
      out.push({
        span,
        message: `"${m.words}" is not measurable: state a percentage or a time (e.g. 99.9% monthly availability, P1 response within 1 hour).`,
        // Only a replacement of the words themselves: inserting a clause would leave them in place.
        fixes: replacement ? [{ kind: 'replace', title: `Replace with "${replacement}"`, span, replacement }] : [],
      });
    }
  }
  return k;
}

/** Each block's findings, kept between edits (block-findings.ts). */
const kept = new BlockFindings();

/** Each block's findings kept for a model while editing, and how many blocks were read (for tests). */
export function slaVagueFindingStats(model: ContractModel): ReturnType<BlockFindings['stats']> {
  return kept.stats(model);
}

/**
 * While editing, each block's findings are kept and taken over for the blocks the edit kept or
 * moved (block-findings.ts); whose duty it is reads the parties' expressions, compared as context.
 */
function groupsWhileEditing(ctx: RuleContext): BlockFindingGroups {
  const { model, parties } = ctx;
  const infos = sentencesOf(model);
  const read = (from: number, out: RuleFinding[]) => blockFindings(model, infos, from, parties.customer, parties.supplier, out);
  return kept.groups(model, infos, `${parties.customer.source}\u0000${parties.customer.flags}\u0000${parties.supplier.source}\u0000${parties.supplier.flags}`, read);
}

const rule: Rule = {
  meta: {
    examples,
    related: ['vague-wording'],
    quickFix: 'replace availability wording with "availability of at least [99.9]% in each calendar month"',
    id: 'sla-vague-target',
    category: 'sla',
    defaultSeverity: 'warning',
    title: 'Vague service-level wording',
    description: 'Service-level wording without a number ("high availability", "respond promptly").',
    rationale: 'Adjectives cannot be measured. "High availability" or "respond promptly" reads as a commitment but gives the customer nothing to enforce; replace it with a percentage or a time.',
  },
  check(ctx) {
    const { model, parties } = ctx;
    if (factsActive()) return absoluteFindings(model, groupsWhileEditing(ctx));
    const infos = sentencesOf(model);
    const out: RuleFinding[] = [];
    const read = (from: number, out: RuleFinding[]) => blockFindings(model, infos, from, parties.customer, parties.supplier, out);
    for (let i = 0; i < infos.length;) i = read(i, out);
    return out;
  },
  checkBlocks(ctx) {
    return factsActive() ? groupsWhileEditing(ctx) : undefined;
  },
};
export default rule;
