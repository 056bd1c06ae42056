import assert from 'node:assert/strict';
import { assertAtTitle, assertMeta, checkInsertFix, contract, expectFires, expectQuiet, NEUTRAL, run, sections, STRONG, textAt } from './support';

const RULE = 'performance-reviews';

/** A contract that never deals with the topic (performance-monitoring). */
const MISSING = contract(sections(STRONG.deliverables, NEUTRAL));

/** A clause that touches the topic but falls short. */
const WEAK = contract(sections(STRONG.deliverables, `## {n}. Monitoring

{n}.1 The Supplier shall monitor the availability of the platform around the clock.`));

describe(`rule ${RULE}`, () => {
  it('has its meta data', () => assertMeta(RULE, { category: 'performance-monitoring', defaultSeverity: 'warning', clauseId: 'performance-reviews' }));

  it('fires as a warning at the title when the contract is silent', () => {
    const [f, ...rest] = expectFires(MISSING, RULE, 'warning');
    assert.equal(rest.length, 0);
    assertAtTitle(MISSING, f.diag);
    assert.equal(run(MISSING).coverage['performance-monitoring'], 'missing');
  });

  it('fires as a warning on a clause that falls short, at that clause', () => {
    const [f, ...rest] = expectFires(WEAK, RULE, 'warning');
    assert.equal(rest.length, 0);
    assert.match(textAt(WEAK, f.diag.range), /^2\.1 /, 'on the clause that falls short');
    assert.ok(f.diag.message.startsWith('Performance monitoring is weak: '), f.diag.message);
    assert.equal(run(WEAK).coverage['performance-monitoring'], 'weak');
  });

  it('stays quiet on a monthly performance report', () => {
    const text = contract(sections(STRONG.deliverables, `## {n}. Reporting

{n}.1 The Supplier shall send the Customer a monthly performance report.`));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage['performance-monitoring'], 'present');
  });

  it('stays quiet on a quarterly service review', () => {
    const text = contract(sections(STRONG.deliverables, `## {n}. Reviews

{n}.1 The parties shall hold a quarterly service review.`));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage['performance-monitoring'], 'present');
  });

  it('stays quiet on benchmarking of the charges', () => {
    const text = contract(sections(STRONG.deliverables, `## {n}. Benchmarking

{n}.1 The Customer may benchmark the Services against similar services once a year.`));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage['performance-monitoring'], 'present');
  });

  it('quick fix inserts the library clause when the topic is missing, and the finding goes', function () {
    const fixed = checkInsertFix(this, MISSING, RULE);
    assert.ok(fixed.startsWith(MISSING.trimEnd()), 'inserted after the existing text');
  });

  it('quick fix for the weak clause inserts the library clause, and the finding goes', function () {
    checkInsertFix(this, WEAK, RULE);
  });
});
