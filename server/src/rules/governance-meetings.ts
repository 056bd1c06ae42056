import { requirementGapRule } from './helpers';
import examples from './examples/governance-meetings';

export default requirementGapRule({
  meta: {
    examples,
    related: ['performance-reviews'],
    id: 'governance-meetings',
    category: 'communication',
    defaultSeverity: 'warning',
    title: "Governance meetings",
    description: "The contract should set a meeting cadence (operational and executive reviews).",
    rationale: "Regular meetings at a fixed cadence (monthly operational reviews, quarterly executive reviews) are where service problems, risks and changes are raised before they become disputes. Without them, governance depends on goodwill.",
    clauseId: 'governance-meetings',
  },
  requirements: ['meetings'],
  onlyWhenCategoryFound: false,
  notesIncorporation: true,
  message: "No meeting cadence: nothing requires the parties to meet and review the service.",
});
