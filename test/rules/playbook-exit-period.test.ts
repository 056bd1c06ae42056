import assert from 'node:assert/strict';
import { assertMeta, contract, expectFiresWith, expectQuietWith, flagged, numbered, sections, STRONG } from './support';

const RULE = 'playbook-exit-period';
const PLAYBOOK = { thresholds: { minExitAssistanceMonths: 6 } };

const exitClause = (...sentences: string[]) => contract(sections(STRONG.deliverables, numbered('Exit', ...sentences)));
const assistance = (period: string) => `On termination the Supplier shall provide termination assistance for up to ${period}.`;

const SHORT = exitClause(assistance('three months'));

describe(`rule ${RULE}`, () => {
  it('has its meta data (no clause)', () => assertMeta(RULE, { category: 'exit', defaultSeverity: 'warning' }));

  it('stays quiet without a minExitAssistanceMonths threshold', () => {
    expectQuietWith(SHORT, RULE, {});
    expectQuietWith(SHORT, RULE, { thresholds: { maxBreachNotificationHours: 24 } });
  });

  it('fires on assistance shorter than the minimum, on the period', () => {
    const [f, ...rest] = expectFiresWith(SHORT, RULE, PLAYBOOK, 'warning');
    assert.equal(rest.length, 0);
    assert.deepEqual(flagged(SHORT, RULE, PLAYBOOK), ['three months']);
    assert.equal(f.diag.message, 'Exit assistance of 3 months is shorter than your playbook minimum of 6 months.');
  });

  it('stays quiet on assistance equal to the minimum', () => {
    expectQuietWith(exitClause(assistance('six months')), RULE, PLAYBOOK);
  });

  it('stays quiet on assistance longer than the minimum', () => {
    expectQuietWith(exitClause(assistance('12 months')), RULE, PLAYBOOK);
  });

  it('stays quiet on six months of exit assistance (the STRONG clause)', () => {
    expectQuietWith(contract(sections(STRONG.deliverables, STRONG.exit)), RULE, PLAYBOOK);
  });

  it('converts days: transition services for up to 90 days is 3 months', () => {
    const text = exitClause('On termination the Supplier shall provide transition services for up to 90 days.');
    const [f] = expectFiresWith(text, RULE, PLAYBOOK);
    assert.deepEqual(flagged(text, RULE, PLAYBOOK), ['90 days']);
    assert.match(f.diag.message, /of 3\.0 months/);
  });

  it('converts weeks: migration support for 8 weeks', () => {
    const text = exitClause('The Supplier shall provide migration support for 8 weeks after termination.');
    const [f] = expectFiresWith(text, RULE, PLAYBOOK);
    assert.deepEqual(flagged(text, RULE, PLAYBOOK), ['8 weeks']);
    assert.match(f.diag.message, /of 1\.8 months/);
  });

  it('reads "a transition period of 3 months"', () => {
    assert.deepEqual(flagged(exitClause('After termination there shall be a transition period of 3 months during which the Supplier shall continue to provide the Services.'), RULE, PLAYBOOK), ['3 months']);
  });

  it('reports each short period', () => {
    const text = exitClause('The Supplier shall provide exit assistance for up to twelve months.', 'The Supplier shall provide termination assistance for up to three months after expiry.');
    assert.deepEqual(flagged(text, RULE, PLAYBOOK), ['three months']);
  });

  it('stays quiet on the Customer\'s notice period in the same sentence', () => {
    expectQuietWith(exitClause('The Supplier shall provide termination assistance for up to twelve months, and the Customer shall give 30 days\' notice of the assistance it needs.'), RULE, PLAYBOOK);
  });

  it('stays quiet on the deadline for an exit plan', () => {
    expectQuietWith(exitClause(assistance('twelve months'), 'The Supplier shall deliver an exit plan within 90 days after the Effective Date.'), RULE, PLAYBOOK);
  });

  it('stays quiet on a response time during the exit period (hours)', () => {
    expectQuietWith(exitClause(assistance('twelve months'), 'During the exit period the Supplier shall respond to the Customer\'s questions within 4 hours.'), RULE, PLAYBOOK);
  });

  it('stays quiet on a deletion deadline after the termination assistance period', () => {
    expectQuietWith(exitClause(assistance('twelve months'), 'Within 30 days after the end of the termination assistance period, the Supplier shall delete all Customer Data.'), RULE, PLAYBOOK);
  });
});
