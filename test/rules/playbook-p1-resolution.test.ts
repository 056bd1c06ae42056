import assert from 'node:assert/strict';
import { assertMeta, contract, expectFiresWith, expectQuietWith, flagged, numbered, run, sections, STRONG } from './support';

const RULE = 'playbook-p1-resolution';
const PLAYBOOK = { thresholds: { maxP1ResolutionHours: 4 } };

const AVAILABILITY = 'The Supplier shall make the Hosted Platform available at least 99.9% of the time, measured over each calendar month.';
const serviceLevels = (...parts: string[]) => contract(sections(STRONG.deliverables, numbered('Service Levels', AVAILABILITY, ...parts)));

/** An incident table: intro sentence, header row, one row per priority. */
const table = (p1Response: string, p1Resolution: string, resolutionHeader = 'Resolution time') => [
  'The Supplier shall meet these times for incidents:',
  '',
  `| Priority | Response time | ${resolutionHeader} |`,
  '| --- | --- | --- |',
  `| P1 (Critical) | ${p1Response} | ${p1Resolution} |`,
  '| P2 | 4 hours | 1 Business Day |',
  '| P3 | 1 Business Day | 5 Business Days |',
].join('\n');

const SLOW_PROSE = serviceLevels('The Supplier shall respond to each Priority 1 incident within 2 hours and resolve it within 8 hours.');

describe(`rule ${RULE}`, () => {
  it('has its meta data (no clause)', () => assertMeta(RULE, { category: 'sla', defaultSeverity: 'warning' }));

  it('stays quiet without a maxP1ResolutionHours threshold', () => {
    expectQuietWith(SLOW_PROSE, RULE, {});
    expectQuietWith(SLOW_PROSE, RULE, { thresholds: { maxP1ResponseHours: 0.25 } });
  });

  it('fires on a slow resolution in a sentence, on the resolution time only', () => {
    const [f, ...rest] = expectFiresWith(SLOW_PROSE, RULE, PLAYBOOK, 'warning');
    assert.equal(rest.length, 0);
    assert.deepEqual(flagged(SLOW_PROSE, RULE, PLAYBOOK), ['8 hours']);
    assert.equal(f.diag.message, 'P1 resolution time of 8 hours exceeds your playbook maximum of 4 hours.');
  });

  it('stays quiet on a resolution time equal to the maximum (sentence)', () => {
    expectQuietWith(serviceLevels('The Supplier shall respond to each Priority 1 incident within 30 minutes and resolve it within 4 hours.'), RULE, PLAYBOOK);
  });

  it('stays quiet on a resolution time within the maximum (sentence)', () => {
    expectQuietWith(serviceLevels('The Supplier shall resolve each Priority 1 incident within 2 hours.'), RULE, PLAYBOOK);
  });

  it('reads "restore" and a number word', () => {
    const text = serviceLevels('For Severity 1 incidents the Supplier shall respond within one hour and restore service within twelve hours.');
    const [f] = expectFiresWith(text, RULE, PLAYBOOK);
    assert.deepEqual(flagged(text, RULE, PLAYBOOK), ['twelve hours']);
    assert.match(f.diag.message, /of 12 hours exceeds/);
  });

  it('reads "eight (8) hours" in a sentence of its own', () => {
    const text = serviceLevels('The Supplier shall respond to P1 incidents within one (1) hour.', 'The Supplier shall resolve P1 incidents within eight (8) hours.');
    assert.deepEqual(flagged(text, RULE, PLAYBOOK), ['eight (8) hours']);
  });

  it('converts days: a P1 resolution within 1 Business Day exceeds 4 hours', () => {
    const text = serviceLevels('The Supplier shall resolve each Priority 1 incident within 1 Business Day.');
    const [f] = expectFiresWith(text, RULE, PLAYBOOK);
    assert.deepEqual(flagged(text, RULE, PLAYBOOK), ['1 Business Day']);
    assert.match(f.diag.message, /of 33\.6 hours exceeds/);
  });

  it('fires on a slow P1 resolution in a table, on that cell', () => {
    const text = serviceLevels(table('30 minutes', '8 hours'));
    assert.deepEqual(flagged(text, RULE, PLAYBOOK), ['8 hours']);
  });

  it('reads a "Target fix" column and "1 day" as 24 hours', () => {
    const text = serviceLevels(['Incident targets:', '', '| Severity | Description | Target response | Target fix |', '| --- | --- | --- | --- |', '| Severity 1 | Service unavailable | 1 hour | 1 day |', '| Severity 2 | Degraded | 4 hours | 3 days |'].join('\n'));
    const [f] = expectFiresWith(text, RULE, PLAYBOOK);
    assert.deepEqual(flagged(text, RULE, PLAYBOOK), ['1 day']);
    assert.match(f.diag.message, /of 24 hours exceeds/);
  });

  it('reads a "Time to restore" column', () => {
    assert.deepEqual(flagged(serviceLevels(table('30 minutes', '6 hours', 'Time to restore')), RULE, PLAYBOOK), ['6 hours']);
  });

  it('stays quiet on a table within the maximum, whatever the slower priorities say', () => {
    expectQuietWith(serviceLevels(table('30 minutes', '4 hours')), RULE, PLAYBOOK);
  });

  it('stays quiet on Priority 2 times', () => {
    expectQuietWith(serviceLevels('The Supplier shall resolve each Priority 2 incident within 2 Business Days.'), RULE, PLAYBOOK);
  });

  it('stays quiet on "critical vulnerabilities" (not a P1 incident)', () => {
    expectQuietWith(contract(sections(STRONG.deliverables, numbered('Security', 'The Supplier shall fix critical vulnerabilities within 7 days of discovery.'))), RULE, PLAYBOOK);
  });

  it('stays quiet on a root-cause report due after a P1 incident is resolved', () => {
    expectQuietWith(serviceLevels('The Supplier shall resolve each Priority 1 incident within 4 hours.', 'For each Priority 1 incident the Supplier shall deliver a root-cause report within 5 days of resolution.'), RULE, PLAYBOOK);
  });

  it('does not mistake a credit table keyed on the P1 resolution time for targets', () => {
    const text = serviceLevels('The Supplier shall resolve each Priority 1 incident within 4 hours.', ['Where a Priority 1 incident is resolved late, the Customer shall receive these service credits:', '', '| P1 resolution time | Service credit |', '| --- | --- |', '| more than 4 hours | 5% |', '| more than 8 hours | 10% |', '| more than 24 hours | 20% |'].join('\n'));
    assert.equal(run(text).model.blocks.filter((b) => b.kind === 'tableRow').length, 4);
    expectQuietWith(text, RULE, PLAYBOOK);
  });

  // Regression (was a bug, now fixed): p1Times() reads every row whose first cell is P1 as a target, so a credit-band table with
  // one P1 row per band reports the 8-hour band as a slow P1 resolution time although the target
  // (4 hours) is met.
  it('does not mistake P1 credit-band rows for resolution targets', () => {
    const text = serviceLevels('The Supplier shall resolve each Priority 1 incident within 4 hours.', ['Where a Priority 1 incident is resolved late, the Customer shall receive these service credits:', '', '| Priority | Resolution time | Service credit |', '| --- | --- | --- |', '| P1 | more than 4 hours | 5% |', '| P1 | more than 8 hours | 10% |'].join('\n'));
    expectQuietWith(text, RULE, PLAYBOOK);
  });
});
