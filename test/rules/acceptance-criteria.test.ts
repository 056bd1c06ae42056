import assert from 'node:assert/strict';
import { assertAtHeading, assertMeta, checkInsertFix, contract, expectFires, expectQuiet, sections, STRONG } from './support';

const RULE = 'acceptance-criteria';

const services = (extra = '') => `## {n}. Services

{n}.1 The Supplier shall design and build a customer portal for the Customer.

{n}.2 The Supplier shall deliver the portal by the milestone dates in the project plan in Schedule 3.${extra}`;

const GAP = contract(sections(services(), STRONG.confidentiality));

describe(`rule ${RULE}`, () => {
  it('has its meta data', () => assertMeta(RULE, { category: 'deliverables', defaultSeverity: 'warning', clauseId: 'acceptance-testing' }));

  it('fires on deliverables with dates but no acceptance procedure, at the services clause', () => {
    const [f, ...rest] = expectFires(GAP, RULE, 'warning');
    assert.equal(rest.length, 0);
    assertAtHeading(GAP, f.diag, 'Services');
  });

  it('stays quiet when the customer may reject deliverables that fail acceptance tests', () => {
    expectQuiet(contract(sections(services('\n\n{n}.3 The portal is accepted only when it passes the acceptance tests in Schedule 4.'), STRONG.confidentiality)), RULE);
  });

  it('stays quiet when the contract has no deliverables at all (scope-of-services reports that)', () => {
    expectQuiet(contract(sections(STRONG.confidentiality, STRONG['governing-law'])), RULE);
  });

  it('quick fix inserts the acceptance clause into the services clause, and the finding goes', function () {
    const fixed = checkInsertFix(this, GAP, RULE);
    assert.match(fixed, /^### 1\.3 /m, 'a numbered sub-clause under clause 1');
    assert.ok(fixed.indexOf('### 1.3 ') < fixed.indexOf('## 2. Confidentiality'), 'inside clause 1, before clause 2');
  });
});
