import { categoryGapRule } from './helpers';

export default categoryGapRule({
  meta: {
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
