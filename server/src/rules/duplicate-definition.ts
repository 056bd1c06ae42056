import type { Rule, RuleContext, RuleFinding } from './types';
import { factsActive } from '../model/facts';
import { groupedFindings, MadeGroups } from './block-findings';
import { positionAt } from '../model';
import { duplicateDefinitions } from '../drafting/definitions';
import examples from './examples/duplicate-definition';

/** Every finding, with absolute spans (made in full on every review: they are few). */
function findings(ctx: RuleContext): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const d of duplicateDefinitions(ctx.model)) {
    const line = positionAt(ctx.model.lineStarts, d.first.span.start).line + 1;
    const sameLine = positionAt(ctx.model.lineStarts, d.second.span.start).line + 1 === line;
    const where = sameLine ? 'earlier on this line' : `on line ${line}`;
    out.push({ span: d.second.span, message: `"${d.second.term}" is defined again here with a different meaning; it is already defined ${where}.` });
  }
  return out;
}

/** Each block's findings, kept between edits (rules/block-findings.ts groupedFindings). */
const kept = new MadeGroups();

const rule: Rule = {
  meta: {
    examples,
    id: 'duplicate-definition',
    category: 'drafting',
    defaultSeverity: 'warning',
    title: 'Term defined twice',
    description: 'A term the contract defines twice with different meanings.',
    rationale: 'When a term has two definitions, nobody can tell which one applies where, and the parties will each rely on the one that suits them. Keep one definition, or give the second meaning a term of its own.',
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
