import type { CategoryDefinition } from './types';
import { has, scan, verdictOf } from './scan';

export const payment: CategoryDefinition = {
  id: 'payment',
  title: 'Charges and payment',
  expectation: 'Charges (amounts, rates or a pricing schedule) with invoicing and payment due dates.',
  assess(ctx) {
    const found = scan(ctx, [
      { requirement: 'fees', unless: /\bservice credits?\b/i, pattern: /\b(?:fees?|charges?|prices?|rates?|compensation|consideration|retainer|pricing|purchase price)\b/i, context: /\b(?:pay|paid|payable|invoic\w*|bill\w*)\b|[$£€]\s?\d|\b(?:USD|GBP|EUR)\b|\bper (?:hour|month|day|annum|year|user|access)\b/i },
      { requirement: 'invoicing', context: /\b(?:pay|paid|payable|payment|invoic\w*|bill\w*|fees?|charges?)\b/i, unless: /\bcredits?\b/i, pattern: /\binvoic(?:e|es|ed|ing)\b|\bpayment (?:terms|is due|shall be (?:made|due))\b|\b(?:pay|paid|payable|due)\b[^.]{0,80}\bwithin\s+\w+\s*(?:\(\d+\)\s*)?days?\b|\bnet\s*\d+\b|\bdue (?:and payable )?(?:on|upon|within)\b|\bin advance\b|\bin arrears\b|\bbill(?:ed|ing)\b|\bno later than\b/i },
      { requirement: 'mention', pattern: /\b(?:shall|will|must|agrees? to)\s+(?:\w+\s+)?pay\b|\bfees?\b|\bcharges\b|\bprices?\b|\bcompensation\b/i, unless: /\bcredits?\b/i },
    ], /\b(?:fees|charges|payment|pricing|price|invoic|compensation|consideration)\b/i);
    if (has(found, 'fees') && has(found, 'invoicing')) return verdictOf('payment', found, 'present', 'charges with invoicing and payment terms');
    if (has(found, 'fees', 'invoicing', 'mention', 'heading')) return verdictOf('payment', found, 'weak', 'charges without amounts or due dates');
    return verdictOf('payment', found, 'missing', 'no charges or payment terms');
  },
};
