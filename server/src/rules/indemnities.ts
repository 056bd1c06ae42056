import { categoryGapRule } from './helpers';
import examples from './examples/indemnities';

export default categoryGapRule({
  meta: {
    examples,
    related: ['liability-cap', 'insurance'],
    id: 'indemnities',
    category: 'indemnity',
    defaultSeverity: 'information',
    title: "Indemnities",
    description: "The supplier should indemnify the customer for third-party claims it causes.",
    rationale: "Third-party claims (IP infringement by the supplier's software, data breaches) can exceed the value of the contract. An indemnity with a clear procedure shifts that risk to the party that controls it.",
    clauseId: 'indemnities',
  },
  missing: "No indemnities: the customer bears third-party claims caused by the supplier.",
  weak: "Indemnity terms are thin",
});
