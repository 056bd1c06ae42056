import type { Rule, RuleFinding } from './types';
import { positionAt } from '../model';
import { inconsistentFigures } from '../drafting/figures';
import examples from './examples/inconsistent-figure';

const rule: Rule = {
  meta: {
    examples,
    quickFix: 'replace the odd figure with the one the rest of the contract gives',
    id: 'inconsistent-figure',
    category: 'drafting',
    defaultSeverity: 'warning',
    title: 'One thing, two figures',
    description: 'The same measured thing (the liability cap, a fee, the notice to terminate, the breach-notice deadline, the availability target, the time to pay, the initial term) given different figures in two places.',
    rationale: 'When two clauses give different figures for one thing, each party will rely on the one that suits it, and a court has to decide which the parties meant. It usually happens when one clause is updated in negotiation and another copy of the figure is missed.',
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    const { model } = ctx;
    for (const { figure, reference } of inconsistentFigures(model)) {
      const line = positionAt(model.lineStarts, reference.span.start).line + 1;
      out.push({
        span: figure.span,
        message: `${capitalise(figure.label)} is ${figure.text} here but ${reference.text} on line ${line}. Give one figure, or say why they differ.`,
        fixes: [{ kind: 'replace', title: `Replace "${figure.text}" with "${reference.text}" (as on line ${line})`, span: figure.span, replacement: reference.text }],
      });
    }
    return out;
  },
};

function capitalise(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}
export default rule;
