import { requirementGapRule } from './helpers';
import examples from './examples/benchmarking';

export default requirementGapRule({
  meta: {
    examples,
    related: ['payment-terms'],
    id: 'benchmarking',
    category: 'performance-monitoring',
    defaultSeverity: 'information',
    title: "Benchmarking",
    description: "Long outsourcing deals should let the customer benchmark charges and service against the market.",
    rationale: "Over a multi-year term the market moves. A benchmarking right lets an independent benchmarker compare charges and service levels with similar deals, and adjust them if the supplier falls outside an agreed band.",
    clauseId: 'performance-reviews',
  },
  requirements: ['benchmarking'],
  onlyWhenCategoryFound: true,

  message: "No benchmarking right: charges and service levels cannot be compared with the market during the term.",
});
