import assert from 'node:assert/strict';
import { assertMeta, contract, expectFiresWith, expectQuietWith, flagged, numbered, sections, STRONG } from './support';

const RULE = 'playbook-breach-notice';
const PLAYBOOK = { thresholds: { maxBreachNotificationHours: 24 } };

const incidents = (...sentences: string[]) => contract(sections(STRONG.deliverables, numbered('Security Incidents', ...sentences)));
const notice = (time: string) => `The Supplier shall notify the Customer of any security incident affecting Customer Data within ${time} after becoming aware of it.`;

const SLOW = incidents(notice('72 hours'));

describe(`rule ${RULE}`, () => {
  it('has its meta data (no clause)', () => assertMeta(RULE, { category: 'breach-notification', defaultSeverity: 'warning' }));

  it('stays quiet without a maxBreachNotificationHours threshold', () => {
    expectQuietWith(SLOW, RULE, {});
    expectQuietWith(SLOW, RULE, { thresholds: { minAvailability: 99.9 } });
  });

  it('fires on a notice deadline above the maximum, on the time', () => {
    const [f, ...rest] = expectFiresWith(SLOW, RULE, PLAYBOOK, 'warning');
    assert.equal(rest.length, 0);
    assert.deepEqual(flagged(SLOW, RULE, PLAYBOOK), ['72 hours']);
    assert.equal(f.diag.message, 'Incident notice within 72 hours exceeds your playbook maximum of 24 hours.');
    assert.deepEqual(f.fixes, []);
  });

  it('stays quiet on a deadline equal to the maximum', () => {
    expectQuietWith(incidents(notice('24 hours')), RULE, PLAYBOOK);
  });

  it('stays quiet on a deadline within the maximum', () => {
    expectQuietWith(incidents(notice('12 hours')), RULE, PLAYBOOK);
  });

  it('converts days: "no later than 3 days" is 72 hours', () => {
    const text = incidents('The Supplier shall inform the Customer of any personal data breach no later than 3 days after discovering it.');
    const [f] = expectFiresWith(text, RULE, PLAYBOOK);
    assert.deepEqual(flagged(text, RULE, PLAYBOOK), ['3 days']);
    assert.match(f.diag.message, /within 72 hours/);
  });

  it('converts business days: two Business Days is 67.2 hours', () => {
    const text = incidents('The Supplier shall report each data breach to the Customer within two Business Days.');
    const [f] = expectFiresWith(text, RULE, PLAYBOOK);
    assert.deepEqual(flagged(text, RULE, PLAYBOOK), ['two Business Days']);
    assert.match(f.diag.message, /within 67\.2 hours/);
  });

  it('reads "forty-eight hours" written out', () => {
    assert.deepEqual(flagged(incidents('The Supplier shall notify the Customer of any data breach within forty-eight hours of discovery.'), RULE, PLAYBOOK), ['forty-eight hours']);
  });

  it('reads "and in any event within" after the verb', () => {
    assert.deepEqual(flagged(incidents('The Supplier shall notify the Customer of any security incident without undue delay, and in any event within 72 hours.'), RULE, PLAYBOOK), ['72 hours']);
  });

  it('stays quiet on a notice duty with no deadline (breach-notification reports that)', () => {
    expectQuietWith(incidents('The Supplier shall promptly notify the Customer of any security incident.'), RULE, PLAYBOOK);
  });

  it('stays quiet on other notices (deemed receipt of an e-mail)', () => {
    expectQuietWith(contract(sections(STRONG.deliverables, STRONG['breach-notification'], numbered('Notices', 'A notice sent by e-mail is deemed received 48 hours after it is sent.'))), RULE, PLAYBOOK);
  });

  it('stays quiet on log retention in a sentence about incidents', () => {
    expectQuietWith(incidents(notice('24 hours'), 'The Supplier shall keep security incident logs for 90 days and report them to the Customer monthly.'), RULE, PLAYBOOK);
  });

  it('follows the threshold: 72 hours is within a 72-hour playbook', () => {
    expectQuietWith(SLOW, RULE, { thresholds: { maxBreachNotificationHours: 72 } });
  });

  // Regression (was a bug, now fixed): the rule means to compare only the notice deadline, "the first one after the verb", but it
  // only skips later times when an earlier one was already REPORTED. When the notice deadline is
  // within the playbook, a later time in the same sentence (a follow-up report, or the Customer's own
  // deadline to its regulator) is compared instead and reported as the notice deadline.
  it('does not report the follow-up report deadline as the notice deadline', () => {
    expectQuietWith(incidents('The Supplier shall notify the Customer of any security incident within 24 hours and send a full written report within 5 Business Days.'), RULE, PLAYBOOK);
  });

  it('does not report the Customer\'s deadline to its regulator (same BUG)', () => {
    expectQuietWith(incidents('The Supplier shall notify the Customer of any security incident within 24 hours so that the Customer can report it to the regulator within 72 hours.'), RULE, PLAYBOOK);
  });

  // Regression (was a bug, now fixed): a deadline written before the verb is never read: the rule requires "within" etc. directly
  // before the time AND a notify word before it, so "Within 72 hours of becoming aware of a data
  // breach, the Supplier shall notify the Customer." passes a 24-hour playbook with no finding.
  it('fires on a deadline placed before the verb', () => {
    assert.deepEqual(flagged(incidents('Within 72 hours of becoming aware of a data breach, the Supplier shall notify the Customer.'), RULE, PLAYBOOK), ['72 hours']);
  });
});
