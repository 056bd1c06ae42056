import assert from 'node:assert/strict';
import { assertAtHeading, assertMeta, checkInsertFix, contract, expectFires, expectQuiet, sections, STRONG } from './support';

const RULE = 'service-credits';

/** Numbers, measurement and reporting, but nothing happens when a target is missed. */
const NO_CREDITS = contract(sections(STRONG.deliverables, `## {n}. Service Levels

{n}.1 The Supplier shall make the Hosted Platform available at least 99.5% of the time, measured over each calendar month.

{n}.2 The Supplier shall respond to each Priority 1 incident within 15 minutes.

{n}.3 The Supplier shall send the Customer a service level report for each month.`));

describe(`rule ${RULE}`, () => {
  it('has its meta data', () => assertMeta(RULE, { category: 'sla', defaultSeverity: 'warning', clauseId: 'service-credits' }));

  it('fires on service levels with figures but no credits, at the service-level clause', () => {
    const [f, ...rest] = expectFires(NO_CREDITS, RULE, 'warning');
    assert.equal(rest.length, 0, 'one finding');
    assertAtHeading(NO_CREDITS, f.diag, 'Service Levels');
    assert.match(f.diag.message, /service credits/i);
  });

  it('stays quiet on 99.9% availability with service credits', () => {
    expectQuiet(contract(sections(STRONG.deliverables, `## {n}. Service Levels

{n}.1 The Supplier shall make the Hosted Platform available at least 99.9% of the time in each calendar month.

{n}.2 If availability falls below that level in a month, the Customer shall receive a service credit of 5% of the monthly charges for each 0.1% of shortfall.`)), RULE);
  });

  it('stays quiet when the service levels have no figures (sla-metrics reports that instead)', () => {
    const text = contract(sections(STRONG.deliverables, `## {n}. Service Levels

{n}.1 The parties shall agree service levels for the Hosted Platform in Schedule 2.`));
    expectQuiet(text, RULE);
    expectFires(text, 'sla-metrics');
  });

  it('stays quiet when there are no service levels at all', () => {
    expectQuiet(contract(sections(STRONG.deliverables, STRONG.confidentiality)), RULE);
  });

  it('quick fix inserts the Service Credits clause into the service-level clause and the finding goes', function () {
    const fixed = checkInsertFix(this, NO_CREDITS, RULE);
    // Inserted as the next sub-clause of clause 2 (Service Levels), before nothing else of the user's.
    assert.match(fixed, /\b2\.4\b/);
  });
});
