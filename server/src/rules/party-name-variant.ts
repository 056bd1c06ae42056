import type { Rule, RuleFinding } from './types';
import { partyNameVariants } from '../drafting/parties';
import examples from './examples/party-name-variant';

const rule: Rule = {
  meta: {
    examples,
    quickFix: 'replace the variant with the legal name',
    id: 'party-name-variant',
    category: 'drafting',
    defaultSeverity: 'warning',
    title: 'Party name in a variant form',
    description: 'A party\'s legal name written in another form than where the party is named: "Tailspin Systems Ltd" or "Tailspin Ltd" for "Tailspin Systems Limited", or misspelt.',
    rationale: 'A company is identified by its exact registered name. A variant ("Ltd" for "Limited", a missing word, a typo) may name a different company in the same group, or no company at all, and gives the other side room to argue that the obligation, guarantee or notice was given by or to someone else. Use the full legal name once, then the defined name.',
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const v of partyNameVariants(ctx.model)) {
      const alias = v.party.alias && v.party.alias !== v.legalName ? ` or the defined name "${v.party.takesArticle ? 'the ' : ''}${v.party.alias}"` : '';
      out.push({
        span: v.span,
        message: `"${v.text}" is not how the contract names this party: its legal name is "${v.legalName}". Use the legal name${alias}.`,
        fixes: [{ kind: 'replace', title: `Replace "${v.text}" with "${v.legalName}"`, span: v.span, replacement: v.legalName }],
      });
    }
    return out;
  },
};
export default rule;
