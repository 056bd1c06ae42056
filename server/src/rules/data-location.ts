import { requirementGapRule } from './helpers';
import examples from './examples/data-location';

export default requirementGapRule({
  meta: {
    examples,
    id: 'data-location',
    category: 'data-protection',
    defaultSeverity: 'warning',
    title: "Data location",
    description: "The contract should say where the customer's data is stored and processed.",
    rationale: "Where data sits decides which laws reach it, which regulators can demand it and whether a transfer needs safeguards. DORA Art. 30(2)(b) requires the locations of data processing to be stated, and most data-protection regimes restrict moving personal data abroad.",
    clauseId: 'data-location',
  },
  requirements: ['location'],
  onlyWhenCategoryFound: true,

  message: "The contract does not say where the customer's data will be stored or processed, or require notice before that changes.",
});
