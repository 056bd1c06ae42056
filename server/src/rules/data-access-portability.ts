import { requirementGapRule } from './helpers';
import examples from './examples/data-access-portability';

// A right to a copy of the data itself (not of the software) on request also gives the customer its
// data back, e.g. "may request at any time a full copy of its files and database".
const COPY_OF_DATA = /\bcop(?:y|ies)\b[^.]{0,60}\b(?:data|database|files|content|records)\b/i;

export default requirementGapRule({
  meta: {
    examples,
    related: ['data-return-deletion'],
    id: 'data-access-portability',
    category: 'exit',
    defaultSeverity: 'warning',
    title: "Data return on exit",
    description: "On exit the customer should get its data back in a usable format.",
    rationale: "Transition help is of little use if the customer's data stays locked in the supplier's systems. The exit terms should require the data to be returned, in an agreed non-proprietary format and within a set time, before any deletion. DORA Art. 30(2)(d) requires access to and return of data on termination.",
    clauseId: 'exit-assistance',
  },
  requirements: ['data-return'],
  onlyWhenCategoryFound: true,
  when: (a) => !a.evidence.some((e) => e.requirement === 'copies' && COPY_OF_DATA.test(e.text)),

  message: "Exit terms do not require the supplier to return the customer's data in a usable format.",
});
