import assert from 'node:assert/strict';
import { assertAtTitle, assertMeta, checkInsertFix, contract, expectFires, expectQuiet, NEUTRAL, run, sections, STRONG, textAt } from './support';

const RULE = 'audit-rights';

/** A contract that never deals with the topic (audit-rights). */
const MISSING = contract(sections(STRONG.deliverables, NEUTRAL));

/** A clause that touches the topic but falls short. */
const WEAK = contract(sections(STRONG.deliverables, `## {n}. Assurance

{n}.1 The Supplier shall give the Customer a copy of its SOC 2 Type II report each year.`));

describe(`rule ${RULE}`, () => {
  it('has its meta data', () => assertMeta(RULE, { category: 'audit-rights', defaultSeverity: 'error', clauseId: 'audit-rights' }));

  it('fires as an error at the title when the contract is silent', () => {
    const [f, ...rest] = expectFires(MISSING, RULE, 'error');
    assert.equal(rest.length, 0);
    assertAtTitle(MISSING, f.diag);
    assert.equal(run(MISSING).coverage['audit-rights'], 'missing');
  });

  it('fires as a warning on a clause that falls short, at that clause', () => {
    const [f, ...rest] = expectFires(WEAK, RULE, 'warning');
    assert.equal(rest.length, 0);
    assert.match(textAt(WEAK, f.diag.range), /^2\.1 /, 'on the clause that falls short');
    assert.ok(f.diag.message.startsWith('Audit rights are limited: '), f.diag.message);
    assert.equal(run(WEAK).coverage['audit-rights'], 'weak');
  });

  it('stays quiet on the customer\'s right to audit records, systems and premises', () => {
    const text = contract(sections(STRONG.deliverables, STRONG['audit-rights']));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage['audit-rights'], 'present');
  });

  it('stays quiet on a duty to permit the customer to inspect the supplier\'s premises', () => {
    const text = contract(sections(STRONG.deliverables, `## {n}. Inspection

{n}.1 The Supplier shall permit the Customer to inspect the premises from which it provides the Services.`));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage['audit-rights'], 'present');
  });

  it('still fires when only the supplier may audit the customer (the right runs the wrong way)', () => {
    const text = contract(sections(STRONG.deliverables, `## {n}. Licence Checks

{n}.1 The Supplier may audit the Customer's records of software use once a year.`));
    expectFires(text, RULE, 'error');
    assert.equal(run(text).coverage['audit-rights'], 'missing');
  });

  it('quick fix inserts the library clause when the topic is missing, and the finding goes', function () {
    const fixed = checkInsertFix(this, MISSING, RULE);
    assert.ok(fixed.startsWith(MISSING.trimEnd()), 'inserted after the existing text');
  });

  it('quick fix for the weak clause inserts the library clause, and the finding goes', function () {
    checkInsertFix(this, WEAK, RULE);
  });
});
