import { requirementGapRule } from './helpers';
import examples from './examples/key-personnel';

export default requirementGapRule({
  meta: {
    examples,
    related: ['subcontracting-approval'],
    id: 'key-personnel',
    category: 'due-diligence',
    defaultSeverity: 'information',
    title: "Key personnel",
    description: "Key supplier personnel should be named and protected from removal.",
    rationale: "The supplier was chosen partly for its people. Naming key personnel, limiting their removal and giving the customer a say in replacements protects the expertise the customer is paying for.",
    clauseId: 'key-personnel',
  },
  requirements: ['key-personnel'],
  onlyWhenCategoryFound: false,
  message: "No key-personnel terms: the supplier can replace the people it proposed without the customer's consent.",
});
