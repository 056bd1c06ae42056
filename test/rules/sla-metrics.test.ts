import assert from 'node:assert/strict';
import { assertAtHeading, assertAtTitle, assertMeta, checkInsertFix, contract, expectFires, expectQuiet, findingsOf, NEUTRAL, run, sections, STRONG, strongContract } from './support';

const RULE = 'sla-metrics';

const MISSING = contract(sections(STRONG.deliverables, STRONG.security, STRONG.confidentiality, NEUTRAL));
const WORDS_ONLY = strongContract({
  replace: {
    sla: `## {n}. Service Levels

{n}.1 The service levels for the Hosted Platform are those the parties agree from time to time in writing.`,
  },
});

describe(`rule ${RULE}`, () => {
  it('has its meta data', () => assertMeta(RULE, { category: 'sla', defaultSeverity: 'error', clauseId: 'service-levels' }));

  it('fires as an error at the title when the contract has no service levels', () => {
    const [f, ...rest] = expectFires(MISSING, RULE, 'error');
    assert.equal(rest.length, 0);
    assertAtTitle(MISSING, f.diag);
    assert.equal(run(MISSING).coverage.sla, 'missing');
  });

  it('fires as a warning on the service-level clause when it has no figures', () => {
    const [f] = expectFires(WORDS_ONLY, RULE, 'warning');
    assertAtHeading(WORDS_ONLY, f.diag, 'Service Levels');
    assert.match(f.diag.message, /not measurable/);
    assert.equal(run(WORDS_ONLY).coverage.sla, 'weak');
  });

  it('stays quiet on figures without credits (service-credits reports that instead)', () => {
    const text = contract(sections(STRONG.deliverables, `## {n}. Service Levels

{n}.1 The Supplier shall resolve each Priority 1 incident within 4 hours.`));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage.sla, 'weak');
    assert.equal(findingsOf(run(text), 'service-credits').length, 1);
  });

  it('stays quiet on a complete service-level clause', () => {
    expectQuiet(strongContract(), RULE);
  });

  it('quick fix inserts a Service Levels section at the end of the body and the category is then present', function () {
    const fixed = checkInsertFix(this, MISSING, RULE);
    assert.equal(run(fixed).coverage.sla, 'present');
  });
});
