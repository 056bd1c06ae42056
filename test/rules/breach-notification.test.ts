import assert from 'node:assert/strict';
import { applyFix, assertLinesKept, assertMeta, checkInsertFix, contract, expectFires, expectQuiet, findingsOf, run, sections, STRONG, textAt } from './support';

const RULE = 'breach-notification';

const incidents = (sentence: string) => contract(sections(STRONG.deliverables, `## {n}. Security Incidents

{n}.1 ${sentence}`));

const PROMPTLY = incidents('The Supplier shall promptly notify the Customer of any security incident affecting Customer Data.');
const NO_TIMING = incidents('The Supplier shall report every security breach to the Customer.');

describe(`rule ${RULE}`, () => {
  it('has its meta data', () => assertMeta(RULE, { category: 'breach-notification', defaultSeverity: 'warning', clauseId: 'breach-notification' }));

  it('fires on a duty to notify "promptly", on the sentence that holds the duty', () => {
    const [f, ...rest] = expectFires(PROMPTLY, RULE, 'warning');
    assert.equal(rest.length, 0);
    assert.equal(textAt(PROMPTLY, f.diag.range), '2.1 The Supplier shall promptly notify the Customer of any security incident affecting Customer Data.');
    assert.match(f.diag.message, /no deadline/);
  });

  it('offers to replace exactly the vague word, and to insert the clause', () => {
    const [f] = expectFires(PROMPTLY, RULE);
    assert.deepEqual(f.fixes.map((x) => x.kind), ['replace', 'insertClause']);
    const replace = f.fixes[0];
    assert.ok(replace.kind === 'replace');
    assert.equal(PROMPTLY.slice(replace.span.start, replace.span.end), 'promptly');
  });

  it('fires on a duty with no timing at all, with only the insert fix', () => {
    const [f] = expectFires(NO_TIMING, RULE, 'warning');
    assert.deepEqual(f.fixes.map((x) => x.kind), ['insertClause']);
  });

  it('fires on "in a timely manner" and offers to replace those words', () => {
    const text = incidents('The Supplier shall notify the Customer of any unauthorised access to Customer Data in a timely manner.');
    const [f] = expectFires(text, RULE);
    const replace = f.fixes.find((x) => x.kind === 'replace');
    assert.ok(replace && replace.kind === 'replace');
    assert.equal(text.slice(replace.span.start, replace.span.end), 'in a timely manner');
  });

  it('stays quiet on the supplier\'s duty "within 24 hours"', () => {
    expectQuiet(incidents('The Supplier shall notify the Customer of any security incident within 24 hours after becoming aware of it.'), RULE);
  });

  it('stays quiet on "within forty-eight hours" written out', () => {
    expectQuiet(incidents('The Supplier shall notify the Customer of any data breach within forty-eight hours of discovery.'), RULE);
  });

  it('stays quiet when there is no duty at all (incident-notification reports that)', () => {
    const text = contract(sections(STRONG.deliverables));
    expectQuiet(text, RULE);
    assert.equal(findingsOf(run(text), 'incident-notification').length, 1);
  });

  it('stays quiet on the customer\'s duty to notify the supplier "promptly"', () => {
    expectQuiet(contract(sections(STRONG.deliverables, STRONG['breach-notification'], `## {n}. Customer Duties

{n}.1 The Customer shall promptly notify the Supplier if a user password is compromised.`)), RULE);
  });

  // Regression (was a bug, now fixed): the rule's VAGUE_TIMING lists "as soon as (reasonably) possible/practicable", but the
  // breach-notification assessor's DEADLINE accepts exactly those words as a deadline, so the category
  // is 'present' and the rule never fires on them; vague-wording skips timing words in incident-notice
  // sentences ("reported by the breach-notification rule"). Result: no finding at all.
  it('fires on "as soon as reasonably practicable"', () => {
    expectFires(incidents('The Supplier shall notify the Customer of any security incident as soon as reasonably practicable.'), RULE);
  });

  it('quick fix replaces "promptly" with a deadline in hours, keeps the text, and the finding goes', () => {
    const [f] = expectFires(PROMPTLY, RULE);
    const spec = f.fixes[0];
    assert.ok(spec.kind === 'replace');
    const fixed = applyFix(f.result, spec)!;
    assert.match(fixed, /The Supplier shall without undue delay and in any event within \[24\] hours notify the Customer/);
    assertLinesKept(PROMPTLY, fixed, 'promptly');
    assert.equal(fixed.length, PROMPTLY.length - 'promptly'.length + spec.replacement.length);
    assert.deepEqual(findingsOf(run(fixed), RULE), []);
  });

  it('quick fix inserts the breach notification clause into the incidents clause, and the finding goes', function () {
    checkInsertFix(this, NO_TIMING, RULE);
  });
});
