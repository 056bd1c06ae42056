/**
 * Fuzzing the engine: fast-check writes contracts from pieces of contract language and Markdown
 * syntax, and mutates the example contracts with random edits (any Unicode, lone surrogates and
 * control characters included). Whatever the text, the review must not throw, must not fall back to
 * "not analysed" or "internal error", must keep every range inside the document, and must give the
 * same output twice (the second time from the model's caches). The run counts are a third of those
 * .ci/run uses (it sets CLAUSEWISE_FC_RUNS=3; see test/support/property-runs.ts).
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { buildContractModel } from '../../server/src/model';
import { INTERNAL_ERROR, NOT_ANALYSED, review } from '../../server/src/engine';
import { assertRangesInside, printed } from './support';
import { propertyRuns } from '../support/property-runs';

const EXAMPLES = resolve(__dirname, '..', '..', 'examples');
const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => readFileSync(resolve(EXAMPLES, f), 'utf8'));

const PIECES = [
  '# Master Services Agreement\n', '## 1. Services\n', '### 4.2 Availability\n', '\n', '\n\n', '\r\n', '\r', '  ', '\t',
  'The Supplier shall ', 'the Customer may ', 'terminate this Agreement ', 'on 30 days written notice. ',
  'provide 99.9% availability measured monthly. ', 'notify the Customer of any Personal Data breach within 24 hours. ',
  '"Services" means the services described in Schedule 1. ', 'as set out in clause 7.3 ', 'Service Credits ',
  '[DATE]', '[●]', '[Supplier name]', '{{amount}}', '____', 'USD 1,000,000 ', '(a) ', '(ii) ', '1.1 ', '2. ',
  '> ', '- ', '* ', '1. ', '```\n', '~~~\n', '    ', '| a | b |\n', '| --- | --- |\n', '---\n', '***', '**', '*', '_', '__',
  '[', ']', '(', ')', '![x](y)', '[link](http://example.com)', '<!-- clausewise-disable sla -->', '<!-- clausewise-enable -->',
  '<div>', '</div>', '&amp;', '&#x41;', '\\', '`', '~~', '[^1]', '[^1]: note\n', 'www.example.com ', 'https://a.b/c ',
  'clausewise: { profiles: [dora-ict] }\n', 'title: x\n', '\u00A0', '\u200B', '\u202E', '\uFEFF', '\uD83D\uDE00', '\uD800', '\uDC00',
  '本契約において', 'هذا العقد', 'שירותים', '\u0000', '\u001B[31m', '\u2028',
];

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('\uD800', '\uDFFF', '\r', '\n', '>', '[', '*', '|', '#', '-'), maxLength: 8 }) },
);
const written = fc.array(piece, { maxLength: 120 }).map((parts) => parts.join(''));

/** An example contract with random edits: each removes up to 40 characters at a point and inserts a piece there. */
const mutated = fc.tuple(
  fc.constantFrom(...examples),
  fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), piece), { minLength: 1, maxLength: 8 }),
).map(([base, edits]) => {
  let text = base;
  for (const [at, cut, insert] of edits) {
    const i = at % (text.length + 1);
    text = text.slice(0, i) + insert + text.slice(i + cut);
  }
  return text;
});

function checkReview(text: string, frontMatterProfiles: boolean): void {
  const first = review({ text, force: true, ...(frontMatterProfiles ? {} : { settings: { profiles: ['it-outsourcing', 'gdpr-processor'] } }) });
  const again = review({ text, force: true, ...(frontMatterProfiles ? {} : { settings: { profiles: ['it-outsourcing', 'gdpr-processor'] } }) });
  for (const d of first.diagnostics) {
    assert.notEqual(d.ruleId, NOT_ANALYSED, `the text could not be read: ${d.message}`);
    assert.notEqual(d.ruleId, INTERNAL_ERROR, `a rule failed: ${d.message}`);
  }
  assertRangesInside(text, first);
  assert.equal(printed(again), printed(first), 'the same text gives the same output');
}

describe('robustness: fuzzing', function () {
  this.timeout(120_000);

  it('builds a model of any text, with every block mapped inside the document', () => {
    fc.assert(fc.property(fc.oneof({ weight: 4, arbitrary: written }, { weight: 1, arbitrary: mutated }, { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) }), (text) => {
      const m = buildContractModel(text);
      assert.equal(m.notAnalysed, undefined);
      for (const b of m.blocks) {
        assert.equal(b.sourceOffsets.length, b.text.length + 1);
        for (const o of b.sourceOffsets) assert.ok(o >= 0 && o <= text.length, `offset ${o} is outside the text`);
        for (const s of b.sentences) assert.ok(b.start + s.from >= 0 && s.from <= s.to && b.start + s.to <= text.length);
      }
    }), { numRuns: propertyRuns(500), seed: 14 });
  });

  it('reviews written contracts: no exception, ranges inside, the same output twice', () => {
    fc.assert(fc.property(written, fc.boolean(), checkReview), { numRuns: propertyRuns(200), seed: 1401 });
  });

  it('reviews mutated example contracts: no exception, ranges inside, the same output twice', () => {
    fc.assert(fc.property(mutated, fc.boolean(), checkReview), { numRuns: propertyRuns(20), seed: 1402 });
  });
});
