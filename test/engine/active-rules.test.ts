import { strict as assert } from 'node:assert';
import { reviewDocumentSteps } from '../../server/src/engine';
import { activeRuleStats } from '../../server/src/engine/document';

// Issue 13 (rulesengine): the list of the rules that ran, which only the CLI's reports read, is
// worked out when read, not on every review (the language server's keystrokes).

const text = `# Master Services Agreement\n\nThis Agreement is between Contoso Bank plc (the "Customer") and Fabrikam Ltd (the "Supplier").\n\n## 1. Services\n\n1.1 The Supplier shall provide the Services in a timely manner.\n\n## 2. Service Levels\n\n2.1 The Supplier will achieve availability of 99.9% measured monthly.\n\n## 3. Charges\n\n3.1 The Customer shall pay each invoice within 30 days of receipt.\n`;

describe('the rules that ran (issue 13, rulesengine)', () => {
  it('works out the rules that ran only when asked', () => {
    const before = activeRuleStats.lists;
    const steps = reviewDocumentSteps({ text, settings: {}, force: true });
    let r = steps.next();
    while (!r.done) r = steps.next();
    assert.equal(activeRuleStats.lists, before, 'not worked out by the review');
    const rules = r.value.activeRules;
    assert.ok(rules.includes('vague-wording'));
    assert.equal(r.value.activeRules, rules, 'worked out once');
    assert.equal(activeRuleStats.lists, before + 1);
  });
});
