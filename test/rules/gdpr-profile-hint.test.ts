import assert from 'node:assert/strict';
import { contract, expectFires, expectFiresWith, expectQuiet, expectQuietWith, NEUTRAL, numbered, run, sections, STRONG, textAt, withFrontMatter } from './support';
import { getRule } from '../../server/src/engine';

const RULE = 'gdpr-profile-hint';

const dataProtection = (...sentences: string[]) => contract(sections(STRONG.deliverables, numbered('Data Protection', ...sentences)));

const GDPR = 'Each party shall comply with the GDPR.';
const MENTIONS_GDPR = dataProtection(GDPR);

describe(`rule ${RULE}`, () => {
  it('has its meta data: a data-protection information hint with no clause', () => {
    const rule = getRule(RULE);
    assert.ok(rule);
    assert.equal(rule.meta.id, RULE);
    assert.equal(rule.meta.category, 'data-protection');
    assert.equal(rule.meta.defaultSeverity, 'information');
    assert.equal(rule.meta.clauseId, undefined);
    for (const k of ['title', 'description', 'rationale'] as const) assert.ok(rule.meta[k].length > 5);
  });

  it('fires as information on the sentence that names the GDPR, and offers no fix', () => {
    const [f, ...rest] = expectFires(MENTIONS_GDPR, RULE, 'information');
    assert.equal(rest.length, 0);
    assert.equal(textAt(MENTIONS_GDPR, f.diag.range), `2.1 ${GDPR}`);
    assert.match(f.diag.message, /"gdpr-processor" profile/);
    assert.deepEqual(f.fixes, []);
    assert.equal(f.diag.citations, undefined);
  });

  it('fires on the UK GDPR', () => {
    expectFires(dataProtection('Each party shall comply with the UK GDPR and the Data Protection Act 2018.'), RULE, 'information');
  });

  it('fires on the regulation number', () => {
    expectFires(dataProtection('In this clause, terms have the meanings given in Regulation (EU) 2016/679.'), RULE, 'information');
  });

  it('fires on a controller and processor relationship', () => {
    expectFires(dataProtection('The Customer is the controller and the Supplier is the processor of the personal data.'), RULE, 'information');
  });

  it('fires on sub-processors', () => {
    expectFires(dataProtection('The Supplier shall not appoint sub-processors without the Customer\'s consent.'), RULE, 'information');
  });

  it('fires on a heading that names the GDPR, at that heading', () => {
    const text = contract(sections(STRONG.deliverables, numbered('GDPR', 'The Supplier shall keep personal data secure.')));
    const [f] = expectFires(text, RULE);
    assert.equal(textAt(text, f.diag.range), '2. GDPR');
  });

  it('stays quiet on a contract that names only national law ("Data Protection Act 2018")', () => {
    expectQuiet(dataProtection('Each party shall comply with the Data Protection Act 2018.'), RULE);
  });

  it('stays quiet on "word processor" with no controller', () => {
    expectQuiet(contract(sections(STRONG.deliverables, numbered('Documentation', 'The Supplier shall deliver the manuals in a word processor format.'))), RULE);
  });

  it('stays quiet on a contract without data-protection wording', () => {
    expectQuiet(contract(sections(STRONG.deliverables, NEUTRAL)), RULE);
  });

  it('stays quiet when gdpr-processor is already active in settings', () => {
    expectQuietWith(MENTIONS_GDPR, RULE, { profiles: ['gdpr-processor'] });
    expectQuietWith(MENTIONS_GDPR, RULE, { profiles: ['it-outsourcing', 'gdpr-processor'] });
  });

  it('stays quiet when front matter names gdpr-processor', () => {
    expectQuiet(withFrontMatter('clausewise:\n  profiles: [gdpr-processor]', MENTIONS_GDPR), RULE);
  });

  it('still fires under the DORA profiles, which do not satisfy it', () => {
    expectFiresWith(MENTIONS_GDPR, RULE, { profiles: ['dora-critical'] }, 'information');
  });

  it('under gdpr-processor other data-protection rules carry GDPR citations instead', () => {
    const result = run(dataProtection(GDPR), { profiles: ['gdpr-processor'] });
    assert.ok(result.diagnostics.some((d) => d.citations?.some((c) => c.startsWith('GDPR Art. 28'))));
  });

  // Regression (was a bug, now fixed): the "processor ... controller" alternative matches any processor and any controller in one
  // sentence, so a card "payment processor" chosen by the Customer's "financial controller" (a job
  // title) suggests the GDPR processor profile.
  it('stays quiet on a payment processor and a financial controller', () => {
    expectQuiet(contract(sections(STRONG.deliverables, numbered('Payment', 'The Customer shall pay by card through a payment processor chosen by its financial controller.'))), RULE);
  });
});
