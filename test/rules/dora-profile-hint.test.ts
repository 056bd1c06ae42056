import assert from 'node:assert/strict';
import { contract, expectFires, expectFiresWith, expectQuiet, expectQuietWith, numbered, run, sections, STRONG, textAt, withFrontMatter } from './support';
import { getRule } from '../../server/src/engine';

const RULE = 'dora-profile-hint';

const regulatory = (...sentences: string[]) => contract(sections(STRONG.deliverables, numbered('Regulatory Matters', ...sentences)));

const DORA = 'The Customer is a financial entity subject to DORA.';
const MENTIONS_DORA = regulatory(DORA);

describe(`rule ${RULE}`, () => {
  it('has its meta data: a security-category information hint with no clause', () => {
    const rule = getRule(RULE);
    assert.ok(rule);
    assert.equal(rule.meta.id, RULE);
    assert.equal(rule.meta.category, 'security');
    assert.equal(rule.meta.defaultSeverity, 'information');
    assert.equal(rule.meta.clauseId, undefined);
    for (const k of ['title', 'description', 'rationale'] as const) assert.ok(rule.meta[k].length > 5);
  });

  it('fires as information on the sentence that names DORA, and offers no fix', () => {
    const [f, ...rest] = expectFires(MENTIONS_DORA, RULE, 'information');
    assert.equal(rest.length, 0);
    assert.equal(textAt(MENTIONS_DORA, f.diag.range), `2.1 ${DORA}`);
    assert.match(f.diag.message, /"dora-ict" profile/);
    assert.match(f.diag.message, /"dora-critical"/);
    assert.deepEqual(f.fixes, []);
    assert.equal(f.diag.citations, undefined);
  });

  it('fires on the regulation number', () => {
    expectFires(regulatory('The parties enter into this Agreement to meet the requirements of Regulation (EU) 2022/2554 on digital operational resilience.'), RULE, 'information');
  });

  it('fires on "Digital Operational Resilience Act"', () => {
    expectFires(regulatory('The Supplier shall help the Customer comply with the Digital Operational Resilience Act.'), RULE, 'information');
  });

  it('fires on "ICT third-party service provider"', () => {
    expectFires(regulatory('The Supplier is an ICT third-party service provider to the Customer.'), RULE, 'information');
  });

  it('fires on "critical or important functions"', () => {
    expectFires(regulatory('The Services support critical or important functions of the Customer.'), RULE, 'information');
  });

  it('reports once, on the first sentence, however often DORA is mentioned', () => {
    const text = regulatory(DORA, 'The Services support critical or important functions of the Customer.');
    const [f, ...rest] = expectFires(text, RULE);
    assert.equal(rest.length, 0);
    assert.equal(textAt(text, f.diag.range), `2.1 ${DORA}`);
  });

  it('stays quiet on a contract that does not mention DORA or ICT providers', () => {
    expectQuiet(contract(sections(STRONG.deliverables, STRONG.security)), RULE);
  });

  it('stays quiet on "Andorra" (DORA inside a word)', () => {
    expectQuiet(regulatory('The Supplier shall send its reports to the Customer\'s office in Andorra.'), RULE);
  });

  it('stays quiet when dora-ict is already active in settings', () => {
    expectQuietWith(MENTIONS_DORA, RULE, { profiles: ['dora-ict'] });
  });

  it('stays quiet when dora-critical is already active (it satisfies the hint too)', () => {
    expectQuietWith(MENTIONS_DORA, RULE, { profiles: ['it-outsourcing', 'dora-critical'] });
  });

  it('stays quiet when front matter names dora-ict', () => {
    expectQuiet(withFrontMatter('clausewise:\n  profiles: [dora-ict]', MENTIONS_DORA), RULE);
  });

  it('still fires under another regulatory profile (gdpr-processor), as information', () => {
    expectFiresWith(MENTIONS_DORA, RULE, { profiles: ['gdpr-processor'] }, 'information');
  });

  it('a user severity override applies', () => {
    expectFiresWith(MENTIONS_DORA, RULE, { severity: { [RULE]: 'hint' } }, 'hint');
    expectQuietWith(MENTIONS_DORA, RULE, { severity: { [RULE]: 'off' } });
  });

  // Regression (was a bug, now fixed): the pattern is case-insensitive, so "DORA\b" also matches the personal name "Dora": a
  // contact clause naming the Supplier's account manager Dora Whitfield suggests the DORA profile.
  it('stays quiet on a person called Dora', () => {
    expectQuiet(regulatory('The Supplier\'s account manager is Dora Whitfield.'), RULE);
  });

  it('with dora-ict active, other rules carry DORA citations instead', () => {
    const result = run(MENTIONS_DORA, { profiles: ['dora-ict'] });
    assert.ok(result.diagnostics.some((d) => d.citations?.some((c) => c.startsWith('DORA Art. 30'))), 'some rule cites DORA under dora-ict');
  });
});
