/**
 * The profile hints' one-shot search (rules/profile-hints.ts firstHolding): each sentence searched
 * case-insensitively in place, and only those holding a word tested, must find the
 * sentence that lower-casing and searching each sentence finds, whatever the text's characters.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sentencesOf } from '../../server/src/categories';
import { review } from '../../server/src/engine';
import { buildContractModel } from '../../server/src/model';
import { holdsAny } from '../../server/src/model/word-gate';
import { DORA_HINT_PATTERNS, DORA_HINT_WORDS } from '../../server/src/rules/dora-profile-hint';
import { GDPR_HINT_PATTERNS, GDPR_HINT_WORDS } from '../../server/src/rules/gdpr-profile-hint';
import { firstHolding, joinedFlatsStats } from '../../server/src/rules/profile-hints';
import { propertyRuns, propertySeed } from '../support/property-runs';

const HINTS = [
  { words: DORA_HINT_WORDS, patterns: DORA_HINT_PATTERNS },
  { words: GDPR_HINT_WORDS, patterns: GDPR_HINT_PATTERNS },
];

// Pieces of sentences: the hints' words in several cases and spellings, and characters whose
// lower case is longer (İ), depends on its neighbours (Σ) or is ASCII (the Kelvin sign).
const PIECES = [
  'The Supplier acts as a data processor', 'under the GDPR', 'of the General Data Protection Regulation', 'DORA', 'Dora',
  'Regulation (EU) 2022/2554', 'ICT third-party service providers', 'critical or important functions', 'payment PROCESSOR',
  'the Controller', 'personal data', 'İstanbul', 'ΟΔΟΣ', 'Σ', '\u212Aelvin', 'shall pay the fees', '**GDPR**', '_processor_',
  'Clause 4.2', 'within 30 days', 'İCT third-party', 'contrOLLER',
];
const sentence = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 5 }).map((p) => `${p.join(' ')}.`);
const doc = fc.array(fc.array(sentence, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 })
  .map((paras) => `# Services Agreement\n\n${paras.map((s, i) => `## ${i + 1}. Terms\n\n${s.join(' ')}`).join('\n\n')}\n`);

describe('profile hints: the one-shot search over the sentences', () => {
  it('finds the sentence that a search of each sentence finds', () => {
    fc.assert(fc.property(doc, (text) => {
      const infos = sentencesOf(buildContractModel(text, 0));
      for (const { words, patterns } of HINTS) {
        const test = (flat: string) => patterns.some((p) => p.test(flat));
        const expected = infos.find((s) => holdsAny(s.flat.toLowerCase(), words) && test(s.flat));
        assert.equal(firstHolding(infos, words, test), expected);
        // And with a test that passes on every sentence holding a word: the first such sentence.
        assert.equal(firstHolding(infos, words, () => true), infos.find((s) => holdsAny(s.flat.toLowerCase(), words)));
      }
    }), { numRuns: propertyRuns(150), seed: propertySeed(15) });
  });

  it('finds a word in a sentence after one whose lower case is longer', () => {
    const infos = sentencesOf(buildContractModel('# Agreement\n\nThe office is in İstanbul. The Supplier acts as a data processor.\n', 0));
    const found = firstHolding(infos, GDPR_HINT_WORDS, (flat) => GDPR_HINT_PATTERNS.some((p) => p.test(flat)));
    assert.ok(found);
    assert.match(found.flat, /data processor/);
  });

  it('searches sentence by sentence in lower case for words a case-insensitive search would miss', () => {
    // The Kelvin sign lower-cases to "k", which /i without the u flag does not fold.
    const infos = sentencesOf(buildContractModel('# Agreement\n\nThe scale is set. It is read in \u212Aelvin here.\n', 0));
    const lowered = joinedFlatsStats.lowered;
    const found = firstHolding(infos, ['kelvin'], () => true);
    assert.ok(found);
    assert.match(found.flat, /elvin here/);
    assert.equal(joinedFlatsStats.lowered, lowered + 1);
  });

  it('searches a reviewed document\'s sentences in place: no joined copy, none lower-cased', () => {
    const text = '# Services Agreement\n\nThis Agreement is between Acme Ltd (the "Customer") and Supply Co (the "Supplier").\n\n## 1. Data\n\nThe Supplier acts as a data processor under the GDPR.\n';
    const infos = sentencesOf(buildContractModel(text, 0));
    const lowered = joinedFlatsStats.lowered;
    // The sentences were joined into one string per document before (issue 13, cliallocs2).
    const join = Array.prototype.join;
    let joins = 0;
    Array.prototype.join = function (this: unknown[], sep?: string) { joins++; return join.call(this, sep); };
    let found;
    try {
      found = firstHolding(infos, GDPR_HINT_WORDS, (flat) => GDPR_HINT_PATTERNS.some((p) => p.test(flat)));
    } finally {
      Array.prototype.join = join;
    }
    assert.ok(found);
    assert.match(found.flat, /data processor/);
    assert.equal(joins, 0);
    assert.equal(joinedFlatsStats.lowered, lowered);
    const result = review({ text, settings: {}, force: true });
    assert.ok(result.diagnostics.some((d) => d.ruleId === 'gdpr-profile-hint'));
    assert.equal(joinedFlatsStats.lowered, lowered);
  });
});
