import assert from 'node:assert/strict';
import { assertAtHeading, assertAtTitle, assertMeta, checkInsertFix, contract, expectFires, expectQuiet, NEUTRAL, run, sections, STRONG } from './support';

const RULE = 'term-termination';

/** A contract that never deals with the topic (term-termination). */
const MISSING = contract(sections(STRONG.deliverables, NEUTRAL));

/** A clause that touches the topic but falls short. */
const WEAK = contract(sections(STRONG.deliverables, `## {n}. Termination

{n}.1 Either party may terminate this Agreement on 90 days' written notice.`));

/** A term with no way out: reported by termination-rights, not by this rule. */
const TERM_ONLY = contract(sections(STRONG.deliverables, `## {n}. Duration

{n}.1 This Agreement starts on the Effective Date and continues for two years.`));

describe(`rule ${RULE}`, () => {
  it('has its meta data', () => assertMeta(RULE, { category: 'term-termination', defaultSeverity: 'warning', clauseId: 'term-and-termination' }));

  it('fires as a warning at the title when the contract is silent', () => {
    const [f, ...rest] = expectFires(MISSING, RULE, 'warning');
    assert.equal(rest.length, 0);
    assertAtTitle(MISSING, f.diag);
    assert.equal(run(MISSING).coverage['term-termination'], 'missing');
  });

  it('fires as a warning on a clause that falls short, at that clause', () => {
    const [f, ...rest] = expectFires(WEAK, RULE, 'warning');
    assert.equal(rest.length, 0);
    assertAtHeading(WEAK, f.diag, 'Termination');
    assert.ok(f.diag.message.startsWith('Term and termination are incomplete: '), f.diag.message);
    assert.equal(run(WEAK).coverage['term-termination'], 'weak');
  });

  it('stays quiet on a term and a right to terminate for breach', () => {
    const text = contract(sections(STRONG.deliverables, STRONG['term-termination']));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage['term-termination'], 'present');
  });

  it('stays quiet on termination for convenience with a fixed term', () => {
    const text = contract(sections(STRONG.deliverables, `## {n}. Duration

{n}.1 The initial term is five years from the Effective Date.

{n}.2 The Customer may terminate this Agreement for convenience on 90 days' written notice.`));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage['term-termination'], 'present');
  });

  it('reads an indefinite duration as a defined term', () => {
    const text = contract(sections(STRONG.deliverables, `## {n}. Term and Termination

{n}.1 This Agreement is valid for an indefinite period.

{n}.2 The Customer may terminate this Agreement without cause by giving 60 days' written notice.`));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage['term-termination'], 'present');
  });

  it('leaves a term without termination rights to termination-rights', () => {
    expectQuiet(TERM_ONLY, RULE);
    assert.equal(run(TERM_ONLY).coverage['term-termination'], 'weak');
    expectFires(TERM_ONLY, 'termination-rights', 'warning');
  });

  it('quick fix inserts the library clause when the topic is missing, and the finding goes', function () {
    const fixed = checkInsertFix(this, MISSING, RULE);
    assert.ok(fixed.startsWith(MISSING.trimEnd()), 'inserted after the existing text');
  });

  it('quick fix for the weak clause inserts the library clause, and the finding goes', function () {
    checkInsertFix(this, WEAK, RULE);
  });
});
