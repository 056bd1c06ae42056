import type { Rule, RuleFinding } from './types';
import { termIndex, useCount } from '../drafting/terms';
import { synonymsOf } from '../drafting/definitions';
import examples from './examples/unused-term';

const rule: Rule = {
  meta: {
    examples,
    id: 'unused-term',
    category: 'drafting',
    defaultSeverity: 'information',
    title: 'Defined term never used',
    description: 'A term the contract defines but never uses again.',
    rationale: 'A definition that is never used is usually a sign that a clause was deleted or reworded and the definition left behind, or that the text uses a different word for the same thing. It lengthens the contract, and a reader looking for where the term matters will not find it. Delete the definition, or use the term where it was meant.',
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    const idx = termIndex(ctx.model);
    const synonyms = synonymsOf(ctx.model);
    for (const [key, defs] of idx.byKey) {
      if (useCount(idx, key)) continue;
      // '"European Economic Area" or "EEA" means ...': a use of either counts.
      if ((synonyms.get(key) ?? []).some((k) => useCount(idx, k))) continue;
      const def = defs[0];
      out.push({ span: def.span, message: `"${key}" is defined here but never used in the contract.` });
    }
    return out;
  },
};
export default rule;
