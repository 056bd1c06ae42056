import { categoryGapRule } from './helpers';
import examples from './examples/liability-cap';

export default categoryGapRule({
  meta: {
    examples,
    related: ['indemnities', 'insurance', 'service-credits'],
    id: 'liability-cap',
    category: 'limitation-of-liability',
    defaultSeverity: 'warning',
    title: "Limitation of liability",
    description: "Liability should be capped with a clear amount and sensible carve-outs.",
    rationale: "An uncapped or unclear liability position is a risk to both sides and a frequent source of disputes. A cap tied to the charges, an exclusion of indirect loss and carve-outs for data breaches, confidentiality and indemnities make the risk allocation explicit.",
    clauseId: 'limitation-of-liability',
  },
  missing: "No limitation of liability: the parties' exposure is undefined.",
  weak: "Liability terms are weak",
});
