import type { FixSpec, Rule, RuleFinding } from './types';
import { impossibleDates } from '../drafting/dates';
import examples from './examples/impossible-date';

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
    const out: RuleFinding[] = [];
    for (const d of impossibleDates(ctx.model)) {
      const fixes: FixSpec[] = [];
      if (d.kind === 'no-such-day' && d.lastDay && d.daySpan && d.dayText && /^\d+$/.test(d.dayText)) {
        fixes.push({ kind: 'replace', title: `Replace the day "${d.dayText}" with "${d.lastDay}" (the last day of that month)`, span: d.daySpan, replacement: String(d.lastDay) });
      }
      out.push({ span: d.span, message: d.message, fixes });
    }
    return out;
  },
};
export default rule;
