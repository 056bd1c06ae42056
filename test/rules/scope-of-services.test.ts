import assert from 'node:assert/strict';
import { assertAtTitle, assertMeta, contract, expectFires, expectQuiet, run, sections, STRONG } from './support';

const RULE = 'scope-of-services';

/** A contract about money and secrecy that never says what the supplier does. */
const NO_SCOPE = contract(sections(STRONG.confidentiality, STRONG['governing-law'], `## {n}. Payment

{n}.1 The Customer shall pay the Supplier GBP 4,000 each month, within 30 days of each invoice.`));

describe(`rule ${RULE}`, () => {
  it('has its meta data (no clause: the services cannot come from a library)', () => assertMeta(RULE, { category: 'deliverables', defaultSeverity: 'error', clauseId: undefined }));

  it('fires as an error at the title when nothing describes the services', () => {
    const [f, ...rest] = expectFires(NO_SCOPE, RULE, 'error');
    assert.equal(rest.length, 0);
    assertAtTitle(NO_SCOPE, f.diag);
    assert.equal(run(NO_SCOPE).coverage.deliverables, 'missing');
  });

  it('stays quiet when the supplier undertakes to provide described services, even without dates or acceptance', () => {
    const text = contract(sections(`## {n}. The Work

{n}.1 The Supplier shall provide payroll processing for the Customer's staff as described in Schedule 1.`, STRONG.confidentiality));
    expectQuiet(text, RULE);
    assert.equal(run(text).coverage.deliverables, 'weak');
  });

  it('still fires when only the customer undertakes to provide something (the duty runs the wrong way)', () => {
    const text = contract(sections(`## {n}. Customer Obligations

{n}.1 The Customer shall provide office space and network access to the Supplier's staff.`, STRONG.confidentiality));
    expectFires(text, RULE, 'error');
  });

  it('stays quiet on a full services clause', () => {
    expectQuiet(contract(sections(STRONG.deliverables)), RULE);
  });

  it('offers no quick fix, since no library clause can describe the services', () => {
    const [f] = expectFires(NO_SCOPE, RULE);
    assert.deepEqual(f.diag.fixes, []);
    assert.deepEqual(f.fixes, []);
  });
});
