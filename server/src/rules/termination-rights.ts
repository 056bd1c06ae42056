import type { CategoryAssessment } from '../categories/types';
import { matchesUpTo, requirementGapRule } from './helpers';
import type { RuleContext } from './types';
import { partyNameSearch } from '../model/language';
import examples from './examples/termination-rights';

// A party given a right to end the contract: "X may terminate", "... may be terminated by X".
const SOMEONE_MAY_TERMINATE = /\b(?:may|can|shall be entitled to|is entitled to|has the right to|have the right to|reserves the right to)\s+(?:\w+\s+){0,2}(?:terminate|cancel)\b|\bterminat\w*\b[^.]{0,40}\bby\b/i;

/** Enough mentions of each side to tell the customer's rights from the supplier's. */
function rolesKnown(ctx: RuleContext): boolean {
  return mentionsUpTo(ctx.model.text, ctx.parties.customer, 3) >= 3 && mentionsUpTo(ctx.model.text, ctx.parties.supplier, 3) >= 3;
}

/** matchesUpTo of a party matcher, on its names where that is exact: no expression compiled for the document's names (issue 13, cli). */
function mentionsUpTo(text: string, party: RegExp, limit: number): number {
  const search = partyNameSearch(party);
  return search && search.exact(false) ? search.count(text, false, limit) : matchesUpTo(text, party, limit);
}

/**
 * Where the contract names its parties in a way the review cannot map to customer and supplier
 * ("Dragon", "BSP", "MORPHO"), a right to terminate given to a named party may well be the
 * customer's: say the customer has none only when nobody is given one. Judged on real contracts,
 * most of this rule's false alarms were such rights (docs/rules/termination-rights.md).
 */
function claimable(a: CategoryAssessment, ctx: RuleContext): boolean {
  if (rolesKnown(ctx)) return true;
  return !a.evidence.some((e) => (e.requirement === 'termination' || e.requirement === 'mention') && SOMEONE_MAY_TERMINATE.test(e.text));
}

export default requirementGapRule({
  meta: {
    examples,
    related: ['exit-assistance', 'notices'],
    id: 'termination-rights',
    category: 'term-termination',
    defaultSeverity: 'warning',
    title: "Termination rights",
    description: "The customer needs rights to terminate: for breach, insolvency and convenience.",
    rationale: "A fixed term with no way out leaves the customer bound to a failing supplier. Termination for material breach after a cure period, for insolvency and for convenience on notice are standard; DORA Art. 28(7) expects termination rights for regulated ICT services.",
    clauseId: 'term-and-termination',
  },
  requirements: ['customer-termination'],
  onlyWhenCategoryFound: true,
  when: claimable,
  message: "The customer has no termination rights (for breach, insolvency or convenience): it is bound for the whole term whatever happens.",
});
