import { categoryGapRule } from './helpers';
import examples from './examples/scope-of-services';

export default categoryGapRule({
  meta: {
    examples,
    related: ['sla-metrics'],
    id: 'scope-of-services',
    category: 'deliverables',
    defaultSeverity: 'error',
    title: 'Scope of services',
    description: 'The contract must describe the services and deliverables the supplier provides.',
    rationale: 'Every other term (service levels, acceptance, charges, exit) hangs on what the supplier must actually do. A contract with no description of the services, or one that defers it to a document that is not attached, leaves the core bargain undefined.',
  },
  missing: 'No description of the services or deliverables: the supplier\'s core obligations are undefined.',
});
