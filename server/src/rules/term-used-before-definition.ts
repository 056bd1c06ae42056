import type { Rule, RuleFinding } from './types';
import { positionAt } from '../model';
import { usesBeforeDefinition } from '../drafting/definitions';
import examples from './examples/term-used-before-definition';

const rule: Rule = {
  meta: {
    examples,
    id: 'term-used-before-definition',
    category: 'drafting',
    defaultSeverity: 'information',
    title: 'Term used before its definition',
    description: 'Where a contract defines terms inline rather than in a definitions section, a term used before the clause that defines it.',
    rationale: 'A reader who meets a capitalised term before its definition has to guess what it means, or search for it. Contracts that define terms as they go should define each term where it is first used, or say where it is defined ("the Services (as defined in clause 3)").',
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const u of usesBeforeDefinition(ctx.model)) {
      const line = positionAt(ctx.model.lineStarts, u.definition.span.start).line + 1;
      out.push({ span: u.use.span, message: `"${u.use.text.replace(/\s+/g, ' ')}" is used here before it is defined (on line ${line}). Define it at its first use, or say where it is defined.` });
    }
    return out;
  },
};
export default rule;
