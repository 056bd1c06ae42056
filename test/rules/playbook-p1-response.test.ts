import assert from 'node:assert/strict';
import { assertMeta, contract, expectFiresWith, expectQuietWith, flagged, numbered, run, sections, STRONG } from './support';

const RULE = 'playbook-p1-response';
const PLAYBOOK = { thresholds: { maxP1ResponseHours: 0.5 } };

const AVAILABILITY = 'The Supplier shall make the Hosted Platform available at least 99.9% of the time, measured over each calendar month.';
const serviceLevels = (...parts: string[]) => contract(sections(STRONG.deliverables, numbered('Service Levels', AVAILABILITY, ...parts)));

/** An incident table: intro sentence, header row, one row per priority. */
const table = (p1Response: string, p1Resolution: string, first = 'P1 (Critical)') => [
  'The Supplier shall meet these times for incidents:',
  '',
  '| Priority | Response time | Resolution time |',
  '| --- | --- | --- |',
  `| ${first} | ${p1Response} | ${p1Resolution} |`,
  '| P2 | 4 hours | 1 Business Day |',
  '| P3 | 1 Business Day | 5 Business Days |',
].join('\n');

const SLOW_PROSE = serviceLevels('The Supplier shall respond to each Priority 1 incident within 2 hours and resolve it within 8 hours.');

describe(`rule ${RULE}`, () => {
  it('has its meta data (no clause)', () => assertMeta(RULE, { category: 'sla', defaultSeverity: 'warning' }));

  it('stays quiet without a maxP1ResponseHours threshold', () => {
    expectQuietWith(SLOW_PROSE, RULE, {});
    expectQuietWith(SLOW_PROSE, RULE, { thresholds: { maxP1ResolutionHours: 1 } });
  });

  it('fires on a slow response in a sentence, on the response time only', () => {
    const [f, ...rest] = expectFiresWith(SLOW_PROSE, RULE, PLAYBOOK, 'warning');
    assert.equal(rest.length, 0);
    assert.deepEqual(flagged(SLOW_PROSE, RULE, PLAYBOOK), ['2 hours']);
    assert.equal(f.diag.message, 'P1 response time of 2 hours exceeds your playbook maximum of 30 minutes.');
  });

  it('stays quiet on a response time equal to the maximum (sentence)', () => {
    expectQuietWith(serviceLevels('The Supplier shall respond to each Priority 1 incident within 30 minutes and resolve it within 4 hours.'), RULE, PLAYBOOK);
  });

  it('stays quiet on a response time within the maximum (sentence)', () => {
    expectQuietWith(serviceLevels('The Supplier shall respond to each Priority 1 incident within 15 minutes.'), RULE, PLAYBOOK);
  });

  it('reads "Severity 1" and a number word', () => {
    const text = serviceLevels('For Severity 1 incidents the Supplier shall respond within one hour and restore service within twelve hours.');
    assert.deepEqual(flagged(text, RULE, PLAYBOOK), ['one hour']);
  });

  it('reads "P1" with "one (1) hour"', () => {
    const text = serviceLevels('The Supplier shall respond to P1 incidents within one (1) hour.');
    assert.deepEqual(flagged(text, RULE, PLAYBOOK), ['one (1) hour']);
  });

  it('fires on a slow P1 response in a table, on that cell', () => {
    const text = serviceLevels(table('1 hour', '8 hours'));
    const [f] = expectFiresWith(text, RULE, PLAYBOOK);
    assert.deepEqual(flagged(text, RULE, PLAYBOOK), ['1 hour']);
    assert.equal(f.diag.message, 'P1 response time of 1 hour exceeds your playbook maximum of 30 minutes.');
  });

  it('fires on minutes in a table (45 minutes over 30)', () => {
    assert.deepEqual(flagged(serviceLevels(table('45 minutes', '4 hours')), RULE, PLAYBOOK), ['45 minutes']);
  });

  it('stays quiet on a table within the maximum, whatever the slower priorities say', () => {
    expectQuietWith(serviceLevels(table('30 minutes', '4 hours')), RULE, PLAYBOOK);
  });

  it('reads a "Severity 1" row and a "Target response" column', () => {
    const text = serviceLevels(['Incident targets:', '', '| Severity | Description | Target response | Target fix |', '| --- | --- | --- | --- |', '| Severity 1 | Service unavailable | 1 hour | 1 day |', '| Severity 2 | Degraded | 4 hours | 3 days |'].join('\n'));
    assert.deepEqual(flagged(text, RULE, PLAYBOOK), ['1 hour']);
  });

  it('reads an "Urgent" row in a table', () => {
    assert.deepEqual(flagged(serviceLevels(table('2 hours', '6 hours', 'Urgent')), RULE, PLAYBOOK), ['2 hours']);
  });

  it('stays quiet on Priority 2 times', () => {
    expectQuietWith(serviceLevels('The Supplier shall respond to each Priority 2 incident within 4 hours.'), RULE, PLAYBOOK);
  });

  it('stays quiet on "critical incidents" in prose (only an explicit priority counts)', () => {
    expectQuietWith(serviceLevels('The Supplier shall respond to critical incidents within 2 hours.'), RULE, PLAYBOOK);
  });

  it('stays quiet on a report about each Priority 1 incident (not a response time)', () => {
    expectQuietWith(serviceLevels('The Supplier shall send a report on each Priority 1 incident within 5 Business Days after it is resolved.'), RULE, PLAYBOOK);
  });

  it('does not mistake a credit table keyed on the P1 response time for targets', () => {
    const text = serviceLevels('The Supplier shall respond to each Priority 1 incident within 30 minutes.', ['Late responses to Priority 1 incidents earn these service credits:', '', '| P1 response time | Service credit |', '| --- | --- |', '| more than 30 minutes | 2% |', '| more than 2 hours | 5% |'].join('\n'));
    assert.equal(run(text).model.blocks.filter((b) => b.kind === 'tableRow').length, 3);
    expectQuietWith(text, RULE, PLAYBOOK);
  });

  // Regression (was a bug, now fixed): p1Times() reads every row whose first cell is P1 as a target, so a credit-band table with
  // one row per band ("| P1 | 1 hour | 2% |", "| P1 | 2 hours | 5% |" under a "Response later than"
  // header) reports each band as a slow P1 response time, although the target (30 minutes) is met.
  it('does not mistake P1 credit-band rows for response targets', () => {
    const text = serviceLevels('The Supplier shall respond to each Priority 1 incident within 30 minutes.', ['Late responses earn service credits:', '', '| Priority | Response later than | Service credit |', '| --- | --- | --- |', '| P1 | 1 hour | 2% |', '| P1 | 2 hours | 5% |'].join('\n'));
    expectQuietWith(text, RULE, PLAYBOOK);
  });
});
