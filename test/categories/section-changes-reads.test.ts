import assert from 'node:assert/strict';
import { evidenceShiftOf, sentencesOf } from '../../server/src/categories/scan';
import { review } from '../../server/src/engine';
import { IncrementalReview } from '../../server/src/engine/incremental';
import type { ContractModel, Section } from '../../server/src/model';
import { sectionChangesOf } from '../../server/src/model/trace';

// Issue 13 (sections): after a keystroke whose splice took the section tree over (model/sections.ts
// SectionChanges), the sentence list's kept prefix (categories/scan.ts keptPrefix) and the evidence
// shift (shiftOf) read what the splice noted instead of comparing every section before and after
// the edit with the previous model's.

const opening = '# Agreement\n\nBetween Contoso Bank plc (the "Customer") and Fabrikam Ltd (the "Supplier").\n\n';
const clause = (i: number) => `## ${i}. Clause ${i}\n\n${i}.1 The Supplier shall keep records of item ${i}.\n\n${i}.2 The Customer shall pay within ${i} days.\n`;
const text = opening + Array.from({ length: 40 }, (_, i) => clause(i + 1)).join('\n');

/** Counts reads of the fields a section comparison reads, on the sections of `models` with index in `watched`. */
function watchSections(models: ContractModel[], watched: (index: number) => boolean): { n: number } {
  const counter = { n: 0 };
  const seen = new Set<Section>();
  for (const m of models) {
    for (const s of m.sections) {
      if (seen.has(s) || !watched(s.index)) continue;
      seen.add(s);
      for (const key of ['title', 'headingBlock', 'parent'] as const) {
        let value = s[key];
        Object.defineProperty(s, key, { get: () => (counter.n++, value), set: (v) => { value = v; }, enumerable: true, configurable: true });
      }
    }
  }
  return counter;
}

describe('section changes read instead of every section (issue 13)', () => {
  for (const [name, from, to] of [
    ['a character typed in a clause', 'records of item 20.', 'records of items 20.'],
    ['a heading retitled', '## 20. Clause 20', '## 20. Twentieth Clause'],
    ['a number typed into a heading', '## 20. Clause 20', '## 20x. Clause 20'],
  ]) {
    it(`the sentence list and the evidence shift read only the re-parsed sections: ${name}`, () => {
      const inc = new IncrementalReview();
      const first = inc.review({ text, version: 1, force: true });
      sentencesOf(first.model);
      const edited = text.replace(from, to);
      const model = inc.model(edited, 2, 'markdown');
      assert.equal(inc.fullParseReason, null, 'the edit was spliced');
      const changes = sectionChangesOf(model);
      assert.ok(changes, 'the section tree was taken over');
      // The sections wholly before the edit (not the last one there, whose end the edit moves, nor
      // the document's heading, every clause's parent), and those after the re-parsed ones.
      const before = changes.first - 2;
      const counter = watchSections([first.model, model], (i) => (i > 1 && i < before) || i >= changes.after + 1);
      const infos = sentencesOf(model);
      const shift = evidenceShiftOf(model);
      assert.equal(counter.n, 0, `${counter.n} reads of sections away from the edit`);
      const fresh = review({ text: edited, version: 2, force: true }).model;
      assert.deepEqual(infos, sentencesOf(fresh));
      assert.ok(shift, 'the evidence moves');
      if (name === 'a heading retitled' || name === 'a number typed into a heading') assert.deepEqual(shift.retitled, [...changes.retitled]);
      else assert.deepEqual(shift.retitled, []);
    });
  }

  it('a later edit of a heading before the first edit still reads the titles carried over', () => {
    const inc = new IncrementalReview();
    inc.review({ text, version: 1, force: true });
    const once = text.replace('records of item 30.', 'records of items 30.');
    inc.review({ text: once, version: 2, force: true });
    // A new section before the edit: the tree is built afresh and every entry's titles compared.
    const twice = once.replace('## 5. Clause 5', '## 5. Clause 5\n\n## 5A. Inserted\n\nText of 5A.');
    const got = inc.review({ text: twice, version: 3, force: true });
    assert.deepEqual(sentencesOf(got.model), sentencesOf(review({ text: twice, version: 3, force: true }).model));
    const thrice = twice.replace('## 3. Clause 3', '## 3. Third');
    const again = inc.review({ text: thrice, version: 4, force: true });
    assert.deepEqual(sentencesOf(again.model), sentencesOf(review({ text: thrice, version: 4, force: true }).model));
  });
});
