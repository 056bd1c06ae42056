import assert from 'node:assert/strict';
import { review, getRule } from '../../server/src/engine';
import { contract, sections, STRONG, strongContract } from '../rules/support';

/** Missing insurance (information), missing audit rights (error) and a vague word (information). */
const TEXT = strongContract({
  omit: ['insurance', 'audit-rights'],
  replace: { deliverables: `${STRONG.deliverables}\n\n{n}.4 The Supplier shall train the Customer's staff as needed.` },
});

const severityOf = (r: ReturnType<typeof review>, ruleId: string) => r.diagnostics.filter((d) => d.ruleId === ruleId).map((d) => d.severity);

const README = `# Build notes

Run the build and then the tests. The build will write the bundles to dist, and the tests will read them from there.
`;

describe('engine: settings', () => {
  it('uses each rule\'s default severity without settings', () => {
    const r = review({ text: TEXT, force: true });
    assert.deepEqual(severityOf(r, 'insurance'), ['information']);
    assert.deepEqual(severityOf(r, 'audit-rights'), ['error']);
    assert.deepEqual(severityOf(r, 'vague-wording'), ['information']);
    assert.equal(getRule('insurance')!.meta.defaultSeverity, 'information');
  });

  it('overrides the severity of one rule by its id', () => {
    const r = review({ text: TEXT, force: true, settings: { severity: { insurance: 'error' } } });
    assert.deepEqual(severityOf(r, 'insurance'), ['error']);
    assert.deepEqual(severityOf(r, 'audit-rights'), ['error']);
  });

  it('overrides every rule of a category by the category id', () => {
    const r = review({ text: TEXT, force: true, settings: { severity: { deliverables: 'hint' } } });
    assert.deepEqual(severityOf(r, 'vague-wording'), ['hint']);
  });

  it('lets a rule id beat its category', () => {
    const text = contract(sections(STRONG.deliverables, STRONG.communication.replace(/\n\n\{n\}\.5 All notices[^\n]*/, '')));
    const r = review({ text, force: true, settings: { severity: { communication: 'error', notices: 'hint' } } });
    assert.deepEqual(severityOf(r, 'notices'), ['hint']);
  });

  it('switches a rule off by id, leaving the rest of its category', () => {
    const text = contract(sections(`## {n}. Services\n\n{n}.1 The Supplier shall build the reporting portal described in the statement of work and train staff as needed.`), { title: 'Outsourcing Agreement' });
    const on = review({ text, force: true });
    assert.ok(severityOf(on, 'vague-wording').length > 0 && severityOf(on, 'acceptance-criteria').length > 0);
    const off = review({ text, force: true, settings: { severity: { 'vague-wording': 'off' } } });
    assert.deepEqual(severityOf(off, 'vague-wording'), []);
    assert.ok(severityOf(off, 'acceptance-criteria').length > 0);
    assert.equal(off.coverage.deliverables, on.coverage.deliverables, 'coverage is not a setting');
  });

  it('switches a whole category off', () => {
    const r = review({ text: TEXT, force: true, settings: { severity: { 'audit-rights': 'off', insurance: 'off' } } });
    assert.ok(!r.diagnostics.some((d) => d.category === 'audit-rights' || d.category === 'insurance'));
    assert.ok(r.diagnostics.some((d) => d.ruleId === 'vague-wording'));
  });

  it('caps a weak finding of an error rule at warning, but a lower override still wins', () => {
    const weak = strongContract({ replace: { 'audit-rights': `## {n}. Assurance\n\n{n}.1 The Supplier shall give the Customer its SOC 2 Type II report each year.` } });
    assert.deepEqual(severityOf(review({ text: weak, force: true }), 'audit-rights'), ['warning']);
    assert.deepEqual(severityOf(review({ text: weak, force: true, settings: { severity: { 'audit-rights': 'hint' } } }), 'audit-rights'), ['hint']);
  });

  it('reviews a non-contract path matched by an include glob, and only that path', () => {
    const notForced = review({ text: README, path: 'notes/build.md' });
    assert.equal(notForced.isContract, false);
    const included = review({ text: README, path: 'contracts/acme/build.md', settings: { include: ['contracts/**/*.md'] } });
    assert.equal(included.isContract, true);
    assert.match(included.reason, /include/);
    assert.equal(Object.keys(included.coverage).length, 22);
    const elsewhere = review({ text: README, path: 'docs/build.md', settings: { include: ['contracts/**/*.md'] } });
    assert.equal(elsewhere.isContract, false);
  });

  it('matches include globs against Windows-style paths too', () => {
    const r = review({ text: README, path: 'contracts\\acme\\build.md', settings: { include: ['contracts/**/*.md'] } });
    assert.equal(r.isContract, true);
  });

  it('gives a non-contract no diagnostics and empty coverage', () => {
    const r = review({ text: README });
    assert.equal(r.isContract, false);
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(r.coverage, {});
    assert.deepEqual(r.assessments, []);
    assert.deepEqual(r.fixSpecs, []);
  });

  it('reports an unknown profile as a problem and falls back to the default', () => {
    const r = review({ text: TEXT, force: true, settings: { profiles: ['it-outsourcing', 'no-such-profile'] } });
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0], /unknown profile "no-such-profile"/);
    assert.deepEqual(r.profiles, ['it-outsourcing']);
    assert.equal(Object.keys(r.coverage).length, 22);
  });

  it('falls back to it-outsourcing when every requested profile is unknown', () => {
    const r = review({ text: TEXT, force: true, settings: { profiles: ['nope'] } });
    assert.deepEqual(r.profiles, ['it-outsourcing']);
    assert.match(r.problems.join('\n'), /unknown profile "nope"/);
  });

  it('lets front matter choose profiles over settings, and reports its unknown ones', () => {
    const text = `---\nclausewise: { profiles: [mystery-profile] }\n---\n${TEXT}`;
    const r = review({ text, force: true, settings: { profiles: ['it-outsourcing'] } });
    assert.match(r.problems.join('\n'), /unknown profile "mystery-profile"/);
  });

  it('reports invalid front matter as a problem and still reviews', () => {
    const text = `---\ntitle: [oops\n---\n${TEXT}`;
    const r = review({ text, force: true });
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0], /YAML/);
    assert.ok(r.diagnostics.length > 0);
  });

  it('returns nothing when reviewing is disabled', () => {
    const r = review({ text: TEXT, force: true, settings: { enable: false } });
    assert.equal(r.isContract, false);
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(r.coverage, {});
  });
});
