import assert from 'node:assert/strict';
import { review } from '../../server/src/engine';
import { contract, sections } from './support';

const PEN_TEST = `## {n}. Security

{n}.1 The Supplier shall encrypt Customer Data in transit and at rest and enforce multi-factor authentication for all administrator accounts.

{n}.2 The Supplier shall commission an independent penetration test of the Platform at least once a year and fix critical findings within 10 Business Days.`;

const TLPT = `${PEN_TEST}

{n}.3 The Supplier shall take part in any threat-led penetration test (TLPT) that the Customer runs under DORA.`;

function findings(text: string, profiles: string[]): string[] {
  return review({ text, force: true, settings: { profiles } }).diagnostics.filter((d) => d.ruleId === 'security-testing').map((d) => d.message);
}

describe('rule security-testing: threat-led penetration testing under DORA', () => {
  it('does not count an ordinary penetration test as TLPT under dora-critical', () => {
    const [msg] = findings(contract(sections(PEN_TEST)), ['dora-critical']);
    assert.match(msg ?? '', /threat-led penetration testing/);
  });
  it('is satisfied by a TLPT obligation', () => {
    assert.deepEqual(findings(contract(sections(TLPT)), ['dora-critical']), []);
  });
  it('asks for no TLPT outside the DORA critical-functions profile', () => {
    assert.deepEqual(findings(contract(sections(PEN_TEST)), ['it-outsourcing']), []);
    assert.deepEqual(findings(contract(sections(PEN_TEST)), ['dora-ict']), []);
  });
});
