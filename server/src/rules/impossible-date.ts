import type { FixSpec, Rule, RuleContext, RuleFinding } from './types';
import { factsActive } from '../model/facts';
import { groupedFindings, MadeGroups } from './block-findings';
import { impossibleDates } from '../drafting/dates';
import examples from './examples/impossible-date';

/** Every finding, with absolute spans (made in full on every review: they are few). */
function findings(ctx: RuleContext): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const d of impossibleDates(ctx.model)) {
    const fixes: FixSpec[] = [];
    if (d.kind === 'no-such-day' && d.lastDay && d.daySpan && d.dayText && /^\d+$/.test(d.dayText)) {
      fixes.push({ kind: 'replace', title: `Replace the day "${d.dayText}" with "${d.lastDay}" (the last day of that month)`, span: d.daySpan, replacement: String(d.lastDay) });
    }
    out.push({ span: d.span, message: d.message, fixes });
  }
  return out;
}

/** Each block's findings, kept between edits (rules/block-findings.ts groupedFindings). */
const kept = new MadeGroups();

const rule: Rule = {
  meta: {
    examples,
    quickFix: 'replace the day with the last day of that month',
    id: 'impossible-date',
    category: 'drafting',
    defaultSeverity: 'warning',
    title: 'Impossible date',
    description: 'A date that cannot be right: a day the month does not have (31 April, 30 February, 29 February in a year that is not a leap year), or a period that ends before it starts.',
    rationale: 'A date that does not exist, or a term that ends before it starts, leaves a deadline, a term or a price change without a date, and the parties will argue about which date was meant. Such slips usually come from copying an earlier contract and changing only part of a date.',
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
