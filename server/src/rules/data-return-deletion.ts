import { requirementGapRule } from './helpers';
import examples from './examples/data-return-deletion';

export default requirementGapRule({
  meta: {
    examples,
    related: ['data-access-portability'],
    id: 'data-return-deletion',
    category: 'data-protection',
    defaultSeverity: 'warning',
    title: "Return and deletion of data",
    description: "Personal data should be returned or deleted at the end of the services.",
    rationale: "GDPR Art. 28(3)(g) requires the processor to delete or return all personal data at the end of the services, at the controller's choice, and to delete existing copies. Without it, data lingers at a supplier the customer no longer controls.",
    clauseId: 'data-protection',
  },
  requirements: ['return-deletion'],
  onlyWhenCategoryFound: true,
  when: (_a, ctx) => !ctx.assessment('exit').requirements['data-return'],
  message: "No duty to return or delete the customer's personal data at the end of the services.",
});
