import type { Rule, RuleFinding } from './types';
import { positionAt } from '../model';
import { inconsistentFigures, type Figure } from '../drafting/figures';
import type { ContractModel } from '../model';
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
    let reused = 0;
    for (const { figure, reference } of inconsistentFigures(model)) {
      const line = positionAt(model.lineStarts, reference.span.start).line + 1;
      // A figure the edit kept is the same object with the same span (drafting/figures.ts): its
      // finding is the previous one when the figure it is compared with reads the same on the same line.
      const was = built.get(figure);
      if (was && was.reference === reference.text && was.line === line) {
        out.push(was.finding);
        reused++;
        continue;
      }
      const finding: RuleFinding = {
        span: figure.span,
        message: `${capitalise(figure.label)} is ${figure.text} here but ${reference.text} on line ${line}. Give one figure, or say why they differ.`,
        fixes: [{ kind: 'replace', title: `Replace "${figure.text}" with "${reference.text}" (as on line ${line})`, span: figure.span, replacement: reference.text }],
      };
      built.set(figure, { reference: reference.text, line, finding });
      out.push(finding);
    }
    reusedCounts.set(model, reused);
    return out;
  },
};

/** Each figure's last finding, with what its message and fix were built from besides the figure. */
const built = new WeakMap<Figure, { reference: string; line: number; finding: RuleFinding }>();
const reusedCounts = new WeakMap<ContractModel, number>();

/** How many of a model's findings were the previous review's objects (for tests). */
export function inconsistentFindingsReused(model: ContractModel): number | undefined {
  return reusedCounts.get(model);
}

function capitalise(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}
export default rule;
