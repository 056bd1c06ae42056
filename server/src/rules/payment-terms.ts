import { categoryGapRule } from './helpers';
import examples from './examples/payment-terms';

export default categoryGapRule({
  meta: {
    examples,
    related: ['service-credits', 'change-control'],
    id: 'payment-terms',
    category: 'payment',
    defaultSeverity: 'warning',
    title: "Charges and payment",
    description: "Charges and payment terms should be stated.",
    rationale: "Charges without amounts, invoicing rules or due dates invite disputes. State the charges (or the pricing schedule), when invoices are issued and when payment falls due.",
    clauseId: 'payment-terms',
  },
  missing: "No charges or payment terms.",
  weak: "Payment terms are incomplete",
});
