import assert from 'node:assert/strict';
import { assertAtHeading, assertMeta, checkInsertFix, contract, expectFires, expectQuiet, sections, STRONG } from './support';

const RULE = 'deliverable-dates';

const services = (extra = '') => `## {n}. Deliverables

{n}.1 The Supplier shall deliver a data warehouse and a set of management reports.

{n}.2 The Customer may reject any deliverable that fails the acceptance criteria in Schedule 4.${extra}`;

const GAP = contract(sections(services(), STRONG.confidentiality));

describe(`rule ${RULE}`, () => {
  it('has its meta data', () => assertMeta(RULE, { category: 'deliverables', defaultSeverity: 'warning', clauseId: 'milestones' }));

  it('fires on deliverables with acceptance criteria but no dates, at the deliverables clause', () => {
    const [f, ...rest] = expectFires(GAP, RULE, 'warning');
    assert.equal(rest.length, 0);
    assertAtHeading(GAP, f.diag, 'Deliverables');
    assert.match(f.diag.message, /milestones or due dates/);
  });

  it('stays quiet when a delivery date is given', () => {
    expectQuiet(contract(sections(services('\n\n{n}.3 The Supplier shall deliver the data warehouse on or before 30 September 2026.'), STRONG.confidentiality)), RULE);
  });

  it('stays quiet when deliverables fall due a fixed time after the Effective Date', () => {
    expectQuiet(contract(sections(services('\n\n{n}.3 The Supplier shall hand over the reports within ten weeks after the Effective Date.'), STRONG.confidentiality)), RULE);
  });

  it('stays quiet when nothing is to be delivered at all', () => {
    expectQuiet(contract(sections(STRONG.confidentiality)), RULE);
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
    assertAtHeading(contract(sections(both, STRONG.sla, STRONG.confidentiality)), f.diag, 'Deliverables');
  });

  it('quick fix inserts the milestones clause, and the finding goes', function () {
    checkInsertFix(this, GAP, RULE);
  });
});
