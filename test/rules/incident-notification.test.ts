import assert from 'node:assert/strict';
import { assertAtTitle, assertMeta, checkInsertFix, contract, expectFires, expectQuiet, findingsOf, run, sections, STRONG, strongContract } from './support';

const RULE = 'incident-notification';

const MISSING = strongContract({ omit: ['breach-notification'] });

/** The only notice duty runs from the customer to the supplier. */
const WRONG_WAY = strongContract({
  omit: ['breach-notification'],
  replace: {
    confidentiality: `${STRONG.confidentiality}

{n}.2 The Customer shall notify the Supplier without delay if any user password for the platform is compromised.`,
  },
});

describe(`rule ${RULE}`, () => {
  it('has its meta data', () => assertMeta(RULE, { category: 'breach-notification', defaultSeverity: 'error', clauseId: 'breach-notification' }));

  it('fires as an error at the title when the supplier need not report incidents', () => {
    const [f, ...rest] = expectFires(MISSING, RULE, 'error');
    assert.equal(rest.length, 0);
    assertAtTitle(MISSING, f.diag);
  });

  it('still fires when only the customer must notify the supplier of compromised passwords', () => {
    expectFires(WRONG_WAY, RULE, 'error');
    assert.equal(run(WRONG_WAY).coverage['breach-notification'], 'missing');
  });

  it('still fires when the customer must "promptly notify" the supplier of a breach', () => {
    expectFires(strongContract({
      omit: ['breach-notification'],
      replace: { confidentiality: `${STRONG.confidentiality}\n\n{n}.2 The Customer shall promptly notify the Supplier of any breach of security it detects on its own network.` },
    }), RULE);
  });

  it('stays quiet when the supplier must notify incidents within 24 hours (and breach-notification too)', () => {
    const text = contract(sections(STRONG.deliverables, STRONG['breach-notification']));
    expectQuiet(text, RULE);
    expectQuiet(text, 'breach-notification');
  });

  it('stays quiet (leaving it to breach-notification) when the supplier must notify without a deadline', () => {
    const text = contract(sections(STRONG.deliverables, `## {n}. Data Breaches

{n}.1 The Supplier shall inform the Customer of any personal data breach.`));
    expectQuiet(text, RULE);
    assert.equal(findingsOf(run(text), 'breach-notification').length, 1);
  });

  // Regression (was a bug, now fixed): with a "Security Incidents" heading whose only duty is the customer's, the category is
  // 'weak' ("an incident section exists, but no duty on the supplier to notify"), incident-notification
  // reports only 'missing' (it has no weak message) and breach-notification needs 'duty' evidence, so
  // nothing at all is reported although the supplier has no duty to notify.
  it('fires when a Security Incidents clause holds only the customer\'s duty to notify', () => {
    const text = strongContract({
      replace: { 'breach-notification': `## {n}. Security Incidents

{n}.1 The Customer shall notify the Supplier if any user password for the platform is compromised.` },
    });
    const all = run(text).diagnostics.filter((d) => d.category === 'breach-notification');
    assert.ok(all.length > 0, 'some breach-notification finding is reported');
  });

  it('quick fix inserts the breach notification clause, and the finding goes', function () {
    checkInsertFix(this, MISSING, RULE);
  });

  it('quick fix also cures the wrong-way contract', function () {
    const fixed = checkInsertFix(this, WRONG_WAY, RULE);
    assert.equal(run(fixed).coverage['breach-notification'], 'present');
  });
});
