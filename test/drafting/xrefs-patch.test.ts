import assert from 'node:assert/strict';
import { review } from '../../server/src/engine';
import { IncrementalReview } from '../../server/src/engine/incremental';
import type { ContractModel } from '../../server/src/model';
import { missingReferences, numberIndex, referenceStats, resolvedReferences, sectionsComparedSoFar } from '../../server/src/drafting/xrefs';

// Issue 13 (drafting): while editing, the cross-reference table of a model whose section tree reads
// as before is the previous table with the re-parsed blocks' references put in, copied in bulk;
// of the kept references only those an edit elsewhere can change are looked at one by one (those
// naming an item "(b)" of a section, and those that asked whether a number is written where a
// clause starts). Whether the tree reads as before compares only the sections the re-parsed blocks
// open. Every answer must equal a fresh review's.

const CLAUSES = 60;
const clause = (i: number): string =>
  `## ${i}. Clause ${i}\n\n${i}.1 The Supplier shall comply with clause ${(i % CLAUSES) + 1}.1 and clause ${((i + 7) % CLAUSES) + 1}.2.\n\n` +
  `${i}.2 The Customer may rely on clause ${((i + 3) % CLAUSES) + 1}.2(b) and paragraph ${i}.9 and Schedule 2.\n\n(a) first item;\n(b) second item.\n`;
const text = `# Agreement\n\nNotes for the reader.\n\n${Array.from({ length: CLAUSES }, (_, i) => clause(i + 1)).join('\n')}\n## Schedule 2\n\nService levels.\n`;

function assertSame(got: ContractModel, text: string, step: string): void {
  const fresh = review({ text, force: true }).model;
  assert.deepEqual(resolvedReferences(got), resolvedReferences(fresh), step);
  assert.deepEqual(missingReferences(got), missingReferences(fresh), step);
  assert.deepEqual(numberIndex(got), numberIndex(fresh), step);
}

describe('cross-reference table patched while editing (issue 13, drafting)', () => {
  it('looks at the watched references only, compares only the re-parsed sections, and equals a fresh review', () => {
    const inc = new IncrementalReview();
    let t = text;
    const first = inc.review({ text: t, version: 1, force: true }).model;
    const all = resolvedReferences(first).length;
    assert.ok(all >= 5 * CLAUSES, `${all} references`);
    // The references naming an item "(b)" and the missing "paragraph N.9" ones are watched: two per clause.
    const watched = 2 * CLAUSES;
    const edits: Array<[string, string]> = [
      // A keystroke in a clause far from everything.
      ['30.1 The Supplier shall', '30.1 The Supplierx shall'],
      // An item removed: "clause 9.2(b)" (written in clause 6) no longer finds it.
      ['(a) first item;\n(b) second item.\n\n## 10.', '(a) first item;\n(c) second item.\n\n## 10.'],
      // A number written where a clause starts: "paragraph 40.9" now resolves.
      ['Notes for the reader.', 'Notes for the reader.   40.9 Termination applies.'],
      // A section retitled: the tree no longer reads the same, but only in a title (xrefs-renumber.test.ts).
      ['## 45. Clause 45', '## 45. Clause Forty-five'],
      // And typing after it again.
      ['50.1 The Supplier shall', '50.1 The Supplier shall x'],
    ];
    let version = 2;
    let previous = first;
    for (const [from, to] of edits) {
      assert.ok(t.includes(from), from);
      t = t.replace(from, to);
      const compared = sectionsComparedSoFar();
      const got = inc.review({ text: t, version: version++, force: true }).model;
      assert.equal(inc.fullParseReason, null, from);
      const stats = referenceStats(got)!;
      if (to.includes('Forty-five')) {
        // The index does not read titles; the references naming the title in brackets are looked at again.
        assert.equal(numberIndex(got), numberIndex(previous));
        assert.ok(stats.taken >= all - 40, `${stats.taken} taken over (${from})`);
      } else {
        assert.equal(numberIndex(got), numberIndex(previous), from);
        // One by one: the watched references, not every kept one.
        assert.ok(stats.looked <= watched, `${stats.looked} of ${all} kept references looked at (${from})`);
        assert.ok(stats.taken >= all - 40, `${stats.taken} taken over (${from})`);
        // The sections the re-parsed blocks open, not the 60 and more of the document.
        assert.ok(sectionsComparedSoFar() - compared <= 6, `${sectionsComparedSoFar() - compared} sections compared (${from})`);
      }
      assertSame(got, t, from);
      previous = got;
    }
    assert.equal(resolvedReferences(inc.review({ text: t, version, force: true }).model).find((r) => r.target === '9.2(b)')!.status, 'missing');
  });
});
