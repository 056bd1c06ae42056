import assert from 'node:assert/strict';
import { assertAtHeading, assertAtTitle, assertMeta, checkInsertFix, contract, expectFires, expectQuiet, NEUTRAL, run, sections, STRONG, strongContract } from './support';

const RULE = 'data-protection-terms';

const MISSING = contract(sections(STRONG.deliverables, NEUTRAL));
const THIN = contract(sections(STRONG.deliverables, `## {n}. Privacy

{n}.1 The Supplier shall handle personal data in line with the Customer's privacy policy.`));

describe(`rule ${RULE}`, () => {
  it('has its meta data', () => assertMeta(RULE, { category: 'data-protection', defaultSeverity: 'warning', clauseId: 'data-protection' }));

  it('fires at the title when personal data is never addressed', () => {
    const [f, ...rest] = expectFires(MISSING, RULE, 'warning');
    assert.equal(rest.length, 0);
    assertAtTitle(MISSING, f.diag);
    assert.match(f.diag.message, /^No data-protection terms/);
  });

  it('fires on a clause that only points at a privacy policy, at that clause', () => {
    const [f] = expectFires(THIN, RULE, 'warning');
    assertAtHeading(THIN, f.diag, 'Privacy');
    assert.match(f.diag.message, /^Data-protection terms are thin: /);
    assert.equal(run(THIN).coverage['data-protection'], 'weak');
  });

  it('stays quiet on processing on instructions, under data-protection law, with transfer limits', () => {
    expectQuiet(contract(sections(STRONG.deliverables, STRONG['data-protection'])), RULE);
  });

  it('stays quiet on GDPR processor terms with a sub-processor consent', () => {
    expectQuiet(contract(sections(STRONG.deliverables, `## {n}. Personal Data

{n}.1 The Supplier acts as a processor for the Customer and shall comply with the GDPR.

{n}.2 The Supplier shall not appoint a sub-processor without the Customer's written approval.`)), RULE);
  });

  it('quick fix inserts the data protection clause when it is missing, and the finding goes', function () {
    checkInsertFix(this, MISSING, RULE);
  });

  it('quick fix adds to the thin clause, and the finding goes', function () {
    checkInsertFix(this, THIN, RULE);
  });

  it('is not asked for when the whole contract is strong', () => {
    expectQuiet(strongContract(), RULE);
  });
});
