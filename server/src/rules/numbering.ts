import type { FixSpec, Rule, RuleContext, RuleFinding } from './types';
import { factsActive } from '../model/facts';
import { groupedFindings, MadeGroups } from './block-findings';
import { numberingIssues, renumberPlan } from '../drafting/numbering';
import examples from './examples/numbering';

/** Every finding, with absolute spans (made in full on every review: they are few). */
function findings(ctx: RuleContext): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const issue of numberingIssues(ctx.model)) {
    const fixes: FixSpec[] = [];
    const plan = renumberPlan(ctx.model, issue);
    if (plan) {
      const range = plan.from === plan.to ? `${plan.from} as ${plan.fromNew}` : `${plan.from}\u2013${plan.to} as ${plan.fromNew}\u2013${plan.toNew}`;
      const refs = plan.references ? ` and update ${plan.references} cross-reference${plan.references === 1 ? '' : 's'}` : '';
      fixes.push({ kind: 'edits', title: `Renumber ${range}${refs}`, edits: plan.edits });
    }
    out.push({ span: issue.span, message: issue.message, fixes });
  }
  return out;
}

/** Each block's findings, kept between edits (rules/block-findings.ts groupedFindings). */
const kept = new MadeGroups();

const rule: Rule = {
  meta: {
    examples,
    quickFix: 'renumber the following clauses and update the cross-references to them',
    id: 'numbering',
    category: 'drafting',
    defaultSeverity: 'warning',
    title: 'Clause numbering',
    description: 'Gaps, duplicates and numbers out of order among numbered headings and clauses ("4.1, 4.2, 4.4"), and sub-clauses numbered under the wrong clause.',
    rationale: 'Numbering mistakes make cross-references ambiguous ("clause 4.3" of which version?) and suggest that text was deleted or moved without care. In a signed contract they invite argument about which provision a notice, a reference or a schedule meant.',
  },
  check(ctx) {
    return findings(ctx);
  },
  // While editing, grouped by block: a finding made from the same inputs keeps its object and the engine its diagnostic.
  checkBlocks(ctx) {
    return factsActive() ? groupedFindings(kept, ctx.model, findings(ctx)) : undefined;
  },
};
export default rule;
