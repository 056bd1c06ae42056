import assert from 'node:assert/strict';
import { assertAtHeading, assertMeta, checkInsertFix, contract, expectFires, expectQuiet, sections, STRONG } from './support';

const RULE = 'sla-measurement-reporting';

const sla = (extra = '') => `## {n}. Service Levels

{n}.1 The Supplier shall keep the Hosted Platform available for at least 99.8% of the time.

{n}.2 For each percentage point below that figure, the Customer shall receive a service credit of 2% of the monthly charges.${extra}`;

const GAP = contract(sections(STRONG.deliverables, sla()));

describe(`rule ${RULE}`, () => {
  it('has its meta data', () => assertMeta(RULE, { category: 'sla', defaultSeverity: 'warning', clauseId: 'sla-measurement-reporting' }));

  it('fires on an availability target that is neither measured over a period nor reported', () => {
    const [f, ...rest] = expectFires(GAP, RULE, 'warning');
    assert.equal(rest.length, 0);
    assertAtHeading(GAP, f.diag, 'Service Levels');
  });

  it('stays quiet when availability is measured over each calendar month', () => {
    expectQuiet(contract(sections(STRONG.deliverables, sla('\n\n{n}.3 Availability is measured over each calendar month, excluding planned maintenance.'))), RULE);
  });

  it('stays quiet when the supplier reports its availability', () => {
    expectQuiet(contract(sections(STRONG.deliverables, sla('\n\n{n}.3 The Supplier shall send the Customer an availability report after the end of each quarter.'))), RULE);
  });

  it('stays quiet when there are no figures to measure (sla-metrics covers that)', () => {
    expectQuiet(contract(sections(STRONG.deliverables, `## {n}. Service Levels

{n}.1 Service levels are set out in Schedule 2.`)), RULE);
  });

  it('quick fix inserts the measurement and reporting clause, and the finding goes', function () {
    checkInsertFix(this, GAP, RULE);
  });
});
