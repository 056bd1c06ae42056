import type { Rule, RuleFinding } from './types';
import { positionAt } from '../model';
import { duplicateDefinitions } from '../drafting/definitions';
import examples from './examples/duplicate-definition';

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
    const out: RuleFinding[] = [];
    for (const d of duplicateDefinitions(ctx.model)) {
      const line = positionAt(ctx.model.lineStarts, d.first.span.start).line + 1;
      const sameLine = positionAt(ctx.model.lineStarts, d.second.span.start).line + 1 === line;
      const where = sameLine ? 'earlier on this line' : `on line ${line}`;
      out.push({ span: d.second.span, message: `"${d.second.term}" is defined again here with a different meaning; it is already defined ${where}.` });
    }
    return out;
  },
};
export default rule;
