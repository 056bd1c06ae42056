import type { Rule, RuleFinding, FixSpec } from './types';
import { undefinedTerms } from '../drafting/undefined';
import { definitionInsertion } from '../drafting/definitions';
import examples from './examples/undefined-term';

const rule: Rule = {
  meta: {
    examples,
    quickFix: 'replace with the defined term it resembles, insert a definition, or write it in lower case',
    id: 'undefined-term',
    category: 'drafting',
    defaultSeverity: 'warning',
    // Opt-in: precision on real contracts is below the 0.9 bar set for default-on rules (see its docs page).
    enabledByDefault: false,
    title: 'Undefined term',
    description: 'A capitalised expression used like a defined term ("the Acceptance Certificate") that the contract never defines.',
    rationale: 'Capitalising an expression tells the reader it has a defined meaning. If the contract never defines it, each side can read it its own way, and a court may give it its ordinary meaning or none. Either define the term, correct it to the term the contract does define, or write it in lower case.',
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    const analysis = undefinedTerms(ctx.model);
    for (const t of analysis.terms) {
      const span = t.spans[0];
      const fixes: FixSpec[] = [];
      if (t.nearest) fixes.push({ kind: 'replace', title: `Replace "${t.text}" with the defined term "${t.nearest}"`, span, replacement: t.nearest });
      const insertion = definitionInsertion(ctx.model, t.text);
      if (insertion) fixes.push({ kind: 'edits', title: `Insert a definition of "${t.text}" in the definitions`, edits: [insertion] });
      const lower = t.text.toLowerCase();
      fixes.push({ kind: 'replace', title: `Replace "${t.text}" with "${lower}" (not a defined term)`, span, replacement: lower });
      const times = t.spans.length === 1 ? '' : ` (used ${t.spans.length} times)`;
      const near = t.nearest ? ` Did you mean "${t.nearest}"?` : '';
      out.push({ span, message: `"${t.text}" is capitalised like a defined term but the contract does not define it${times}.${near}`, fixes });
    }
    return out;
  },
};
export default rule;
