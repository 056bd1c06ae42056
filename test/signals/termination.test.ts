import assert from 'node:assert/strict';
import { assessClause } from './support';

const customerMay = (text: string) => assessClause('term-termination', { heading: 'Termination', text }).requirements['customer-termination'];

describe('customer termination rights', () => {
  for (const text of [
    'Either party may terminate this Agreement by notice if the other party commits a material breach and fails to cure it within thirty days.',
    'A party may terminate this Agreement with immediate effect if the other party becomes insolvent.',
    'The non-breaching party may terminate this Agreement on written notice if the breach is not remedied within 30 days.',
    'This Agreement may be terminated by either of the parties for material breach on thirty days\' notice.',
    'The Customer may terminate this Agreement for convenience on ninety days\' notice.',
  ]) it(`counts: ${text}`, () => assert.equal(customerMay(text), true));

  for (const text of [
    'The Supplier may terminate this Agreement if the Customer fails to pay any invoice within sixty days.',
  ]) it(`does not count: ${text}`, () => assert.equal(customerMay(text), false));
});
