import type { Rule, RuleFinding } from './types';
import { positionAt } from '../model';
import { duplicateTitles } from '../drafting/titles';
import examples from './examples/duplicate-clause-title';

const rule: Rule = {
  meta: {
    examples,
    id: 'duplicate-clause-title',
    category: 'drafting',
    defaultSeverity: 'warning',
    title: 'Clause title used twice',
    description: 'Two clauses at the same level of the same part of the contract carry the same title.',
    rationale: 'Two clauses with one title usually mean a clause was pasted in twice or merged badly: the two versions may differ, and a reference to "the Confidentiality clause" no longer says which one applies.',
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const d of duplicateTitles(ctx.model)) {
      const line = positionAt(ctx.model.lineStarts, d.first.titleSpan.start).line + 1;
      const where = d.first.number ? `clause ${d.first.number} (line ${line})` : `the clause on line ${line}`;
      out.push({
        span: d.second.titleSpan,
        message: `"${d.second.title.trim()}" is also the title of ${where}: merge the two clauses, or give each a title of its own.`,
      });
    }
    return out;
  },
};
export default rule;
