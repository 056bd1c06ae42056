import assert from 'node:assert/strict';
import { reviewedEdit } from '../support/reviewed-edit';
import { review } from '../../server/src/engine';
import { IncrementalReview } from '../../server/src/engine/incremental';
import type { ContractModel } from '../../server/src/model';
import { missingReferences, numberIndex, numberWrittenInText, referenceObjectsBuilt, referenceStats, resolvedReferences } from '../../server/src/drafting/xrefs';
import { changedClauseStartWords, clauseStartStretchesRead, clauseStartWords } from '../../server/src/drafting/clause-starts';

// Issue 13: while editing, cross-references redo only what an edit touched. The words written at
// clause starts are kept per stretch of text (from one block's start to the next) and their counts
// patched; a reference in a block the edit left alone keeps its resolution when the section tree
// reads the same, unless the edit touched the items of the section it found or a clause-start word
// it asked about. Every answer must equal a fresh review's.

const clauses = Array.from({ length: 12 }, (_, i) =>
  `## ${i + 1}. Clause ${i + 1}\n\n${i + 1}.1 The Supplier shall comply with clause ${((i + 3) % 12) + 1}.1 and Schedule 2.\n\n` +
  `${i + 1}.2 The Customer may rely on clause ${((i + 5) % 12) + 1}.2(b) and paragraph ${i + 1}.7.\n\n(a) first item;\n(b) second item.\n`);
const text = `# Agreement\n\nNotes for the reader.\nSee the table.\n\n${clauses.join('\n')}\n## Schedule 2\n\nService levels.\n`;

const edited = (from: string, to: string) => reviewedEdit(text, from, to);

/** The references and the number index equal a fresh review's, and name this model's sections. */
function assertSame(got: ContractModel, fresh: ContractModel): void {
  const refs = resolvedReferences(got);
  assert.deepEqual(refs, resolvedReferences(fresh));
  for (const r of refs) for (const s of [r.section, r.leafParent, r.titled]) if (s) assert.equal(s, got.sections[s.index]);
  assert.deepEqual(numberIndex(got), numberIndex(fresh));
  assert.deepEqual(clauseStartWords(got), clauseStartWords(fresh));
}

describe('cross-references reused while editing', () => {
  it('reads again only the stretches around a keystroke and patches the clause-start words', () => {
    const { got, fresh } = edited('3.2 The Customer', '3.2 The the Customer');
    assert.ok(got.blocks.length >= 60);
    // The splice re-parses the edited section and the one before it (ten blocks here): their
    // stretches, the one before them and the text before the first block are read again.
    const read = clauseStartStretchesRead(got)!;
    assert.ok(read >= 1 && read <= 13, `${read} of ${got.blocks.length + 1} stretches read`);
    // Only the words of the stretches read again were touched.
    assert.ok([...changedClauseStartWords(got)!].every((w) => /^(?:\([ab]\)|[23]\.?|[23]\.[12])$/.test(w)), [...changedClauseStartWords(got)!].join(' '));
    assertSame(got, fresh);
  });

  it('keeps the number index and the resolutions of untouched blocks when the tree reads the same', () => {
    const { got, first, fresh } = edited('5.2 The Customer', '5.2 The the Customer');
    assert.equal(numberIndex(got), numberIndex(first));
    const stats = referenceStats(got)!;
    // Those of the two re-parsed sections (four each) are resolved again, and the three that name an
    // item "(b)" of a clause in or next to them; the other 37 are taken over.
    assert.ok(stats.taken >= 36 && stats.resolved <= 12, `${stats.resolved} resolved, ${stats.taken} taken over`);
    assertSame(got, fresh);
  });

  it('builds objects only for the references it resolves again and the missing ones', () => {
    const { got, fresh } = edited('5.2 The Customer', '5.2 The the Customer');
    const stats = referenceStats(got)!;
    const missing = missingReferences(got).length;
    const built = referenceObjectsBuilt(got)!;
    assert.ok(built <= stats.resolved + missing && built < stats.resolved + stats.taken, `${built} objects for ${stats.resolved + stats.taken} references`);
    assert.deepEqual(missingReferences(got), resolvedReferences(fresh).filter((r) => r.status === 'missing'));
    assertSame(got, fresh);
  });

  it('resolves everything again when a heading changes the tree', () => {
    // A level deeper: clause 4 now sits under clause 3.
    const { got, first, fresh } = edited('## 4. Clause 4', '### 4. Clause 4');
    assert.notEqual(numberIndex(got), numberIndex(first));
    assert.equal(referenceStats(got)!.taken, 0);
    assertSame(got, fresh);
  });

  it('keeps the number index and most resolutions when a heading is only retitled', () => {
    // The index does not read titles; only a missing reference naming a title in brackets could change.
    const { got, first, fresh } = edited('## 4. Clause 4', '## 4. Clause Four');
    assert.equal(numberIndex(got), numberIndex(first));
    const stats = referenceStats(got)!;
    assert.ok(stats.taken >= 36 && stats.resolved <= 12, `${stats.resolved} resolved, ${stats.taken} taken over`);
    assertSame(got, fresh);
  });

  it('resolves again a reference to an item that an edit of its section removes', () => {
    // "clause 6.2(b)" is written in clause 1, far from the edit.
    const before = resolvedReferences(review({ text, force: true }).model).find((r) => r.target === '6.2(b)')!;
    assert.equal(before.status, 'ok');
    const { got, fresh } = edited('(a) first item;\n(b) second item.\n\n## 7.', '(a) first item;\n(c) second item.\n\n## 7.');
    assert.equal(resolvedReferences(got).find((r) => r.target === '6.2(b)')!.status, 'missing');
    assert.ok(referenceStats(got)!.taken > 0);
    assertSame(got, fresh);
  });

  it('resolves again a reference to a number that an edit writes where a clause starts elsewhere', () => {
    // "paragraph 12.7" is written in the last clause, far from the edit at the top.
    const before = resolvedReferences(review({ text, force: true }).model).filter((r) => r.target === '12.7');
    assert.deepEqual(before.map((r) => r.status), ['missing']);
    const { got, fresh } = edited('Notes for the reader.\nSee the table.', 'Notes for the reader.\nSee the table.   12.7 Termination applies.');
    assert.ok(numberWrittenInText(got, '12.7'));
    assert.equal(resolvedReferences(got).find((r) => r.target === '12.7')!.status, 'ok');
    assert.ok(changedClauseStartWords(got)!.has('12.7'));
    assert.ok(referenceStats(got)!.taken > 0);
    assertSame(got, fresh);
    // And back: deleting the number breaks the reference again.
    const inc = new IncrementalReview();
    const withNumber = text.replace('See the table.', 'See the table.   12.7 Termination applies.');
    inc.review({ text: withNumber, version: 1, force: true });
    const back = inc.review({ text, version: 2, force: true }).model;
    assert.equal(resolvedReferences(back).find((r) => r.target === '12.7')!.status, 'missing');
    assertSame(back, review({ text, version: 2, force: true }).model);
  });

  it('equals a fresh review after a run of edits that write and remove spaces, tabs, line breaks and numbers', () => {
    // A fixed pseudo-random sequence (a linear congruential generator), so that a failure repeats.
    let seed = 20261205;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const pieces = [' ', '  ', '\t', '\n', '\n\n', '12.7 ', '  4.2 Term', '> ', 'x', 'clause 9 ', '.'];
    const start = text.replace('Service levels.', 'Service levels.\n\n> 3.4 quoted\n\n* 5.6 listed\n\nFlattened   7.7 Termination.\tTab\t8.8 Fees');
    const inc = new IncrementalReview();
    inc.review({ text: start, version: 0, force: true });
    let t = start;
    let spliced = 0;
    for (let v = 1; v <= 40; v++) {
      const at = next(t.length);
      t = next(3) === 0 ? t.slice(0, at) + t.slice(at + 1 + next(4)) : t.slice(0, at) + pieces[next(pieces.length)] + t.slice(at);
      const got = inc.review({ text: t, version: v, force: true }).model;
      if (inc.fullParseReason === null) spliced++;
      const fresh = review({ text: t, version: v, force: true }).model;
      assert.deepEqual(clauseStartWords(got), clauseStartWords(fresh), `edit ${v}`);
      assert.deepEqual(resolvedReferences(got), resolvedReferences(fresh), `edit ${v}`);
    }
    assert.ok(spliced >= 30, `${spliced} of 40 edits spliced`);
  });
});

describe('cross-references in a first review', () => {
  // Issue 13 (first analysis): a one-shot review resolves every reference into the table of numbers
  // an edit's review uses, and builds objects only for the references the rule reports; it used to
  // build one object and two spans per reference (some 20,000 in the 1 MB bench contract).
  it('builds objects only for the missing references, and the rest when asked for', () => {
    const model = review({ text, force: true }).model;
    const missing = missingReferences(model).length;
    assert.ok(missing > 0);
    assert.equal(referenceObjectsBuilt(model), missing);
    const all = resolvedReferences(model);
    assert.ok(all.length > 3 * missing, `${all.length} references, ${missing} missing`);
    assert.equal(referenceObjectsBuilt(model), all.length);
    // The missing ones are the objects the rule was given, and the same as a model that built every object first.
    assert.deepEqual(all.filter((r) => r.status === 'missing'), missingReferences(model));
    const eager = review({ text, force: true }).model;
    assert.deepEqual(resolvedReferences(eager), all);
  });
});
