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

  it('stays quiet on a running service measured by service levels, with no project work named (hosting, support)', () => {
    const hosting = `## {n}. Services

{n}.1 The Supplier shall host and maintain the booking platform and operate a service desk for the Customer.

{n}.2 The Supplier shall monitor the servers and apply vendor patches to the platform.`;
    expectQuiet(contract(sections(hosting, STRONG.sla, STRONG.confidentiality)), RULE);
  });

  it('stays quiet on a running service that names no deliverables, even without service levels', () => {
    const support = `## {n}. Support Services

{n}.1 The Supplier shall provide second-line support for the payroll software and maintain its interfaces.

{n}.2 The Supplier shall operate the help desk on Business Days.`;
    expectQuiet(contract(sections(support, STRONG.confidentiality)), RULE);
  });

  it('still fires where a measured service also buys project work named more than in passing', () => {
    const both = services('\n\n{n}.3 Each deliverable is listed in the statement of work in Schedule 5.');
    const [f] = expectFires(contract(sections(both, STRONG.sla, STRONG.confidentiality)), RULE, 'warning');
    assertAtHeading(contract(sections(both, STRONG.sla, STRONG.confidentiality)), f.diag, 'Services');
  });

  it('quick fix inserts the acceptance clause into the services clause, and the finding goes', function () {
    const fixed = checkInsertFix(this, GAP, RULE);
    assert.match(fixed, /^### 1\.3 /m, 'a numbered sub-clause under clause 1');
    assert.ok(fixed.indexOf('### 1.3 ') < fixed.indexOf('## 2. Confidentiality'), 'inside clause 1, before clause 2');
  });
});
