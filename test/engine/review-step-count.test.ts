import { strict as assert } from 'node:assert';
import { currentStep, reviewDocumentSteps, reviewSteps, RULES } from '../../server/src/engine';
import { activeRuleStats } from '../../server/src/engine/document';

// Issue 13 (rulesengine): a review's steps (engine/review.ts reviewSteps) are where the language
// server answers requests, and each costs a resumption of every generator between the engine and
// its scheduler. A rule gets one step, and a category's assessment one more only where it is made
// (the first rule of the category; drafting rules have none), not an empty step per rule. And the
// list of the rules that ran, which only the CLI's reports read, is worked out when read.

const text = `# Master Services Agreement\n\nThis Agreement is between Contoso Bank plc (the "Customer") and Fabrikam Ltd (the "Supplier").\n\n## 1. Services\n\n1.1 The Supplier shall provide the Services in a timely manner.\n\n## 2. Service Levels\n\n2.1 The Supplier will achieve availability of 99.9% measured monthly.\n\n## 3. Charges\n\n3.1 The Customer shall pay each invoice within 30 days of receipt.\n`;

describe('a review\'s steps (issue 13, rulesengine)', () => {
  it('gives each rule one step, and each category\'s assessment at most one', () => {
    const steps = reviewSteps({ text, force: true });
    const names: string[] = [];
    let r = steps.next();
    while (!r.done) {
      r = steps.next();
      names.push(currentStep.name);
    }
    const count = (prefix: string) => names.filter((n) => n.startsWith(prefix)).length;
    const categories = new Set(RULES.map((rule) => rule.meta.category).filter((c) => c !== 'drafting'));
    assert.equal(count('rule '), new Set(names.filter((n) => n.startsWith('rule '))).size, 'one step per rule');
    assert.ok(count('rule ') > 60);
    const assess = names.filter((n) => n.startsWith('assess '));
    assert.equal(new Set(assess).size, assess.length, 'no category assessed in two steps');
    assert.ok(!assess.includes('assess drafting'), 'drafting rules have no assessment step');
    assert.ok(assess.length <= categories.size);
    assert.ok(names.length <= count('rule ') + 2 * categories.size + 5, `${names.length} steps`);
  });

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
