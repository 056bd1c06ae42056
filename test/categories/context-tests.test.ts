import assert from 'node:assert/strict';
import { buildContractModel } from '../../server/src/model';
import { partyMatchers } from '../../server/src/model/language';
import { scan, type Signal } from '../../server/src/categories/scan';

/** A context expression that counts the texts it is asked about. */
class CountingRegExp extends RegExp {
  readonly asked: string[] = [];
  override test(text: string): boolean {
    this.asked.push(text);
    return super.test(text);
  }
}

// Issue 13, categories (round seventeen): a signal's context is asked once per sentence however
// many signals of the list share it, and a section's titles once while its sentences are asked.
describe('categories: a shared context is tested once per sentence', () => {
  const text = [
    '# Services Agreement',
    '',
    '## 1. Delegation of work',
    '',
    'The Supplier shall not appoint anyone without the prior written consent of the Customer and remains responsible for all work. The Supplier is liable for its staff without exception.',
    '',
    'Nothing here is about that. The Supplier remains responsible for the results without delay.',
    '',
  ].join('\n');

  it('asks the context of each sentence, its titles and the sentence before at most once for three signals that share it', () => {
    const model = buildContractModel(text);
    const context = new CountingRegExp('\\bsub-?contract', 'i');
    const signals: Signal[] = [
      { requirement: 'consent', pattern: /\bconsent\b|\bnot\b[^.]{0,40}\bwithout\b/i, context },
      { requirement: 'responsibility', pattern: /\b(?:remain|is)s?\b[^.]{0,40}\b(?:responsible|liable)\b/i, context },
      { requirement: 'any', pattern: /\bwithout\b/i, context },
    ];
    const found = scan({ model, parties: partyMatchers(model) }, signals);
    // The context holds nowhere, so nothing is found; every sentence those patterns match asked it.
    assert.deepEqual(Object.values(found).flat(), []);
    assert.ok(context.asked.length > 0);
    const counts = new Map<string, number>();
    for (const t of context.asked) counts.set(t, (counts.get(t) ?? 0) + 1);
    const titles = new Set(context.asked.filter((t) => t.includes('Delegation')));
    for (const t of titles) assert.equal(counts.get(t), 1, `titles ${JSON.stringify(t)} asked ${counts.get(t)} times`);
    for (const [t, n] of counts) if (!titles.has(t)) assert.ok(n <= 2, `${JSON.stringify(t)} asked ${n} times (as a sentence, and as the sentence before the next)`);
  });

});
