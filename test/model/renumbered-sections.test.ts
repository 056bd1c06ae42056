import assert from 'node:assert/strict';
import { buildContractModel, type ContractModel } from '../../server/src/model';
import { fullModelState, updateModelState } from '../../server/src/model/incremental';
import { sectionChangesOf } from '../../server/src/model/trace';

// Issue 13 (sections): a number typed into, deleted from or changed in a heading or a numbered
// clause keeps the section tree (model/sections.ts reusedSections) when no level can change, with
// the new number on the copied section, and the splice says which sections changed (SectionChanges).

const opening = '# Agreement\n\nBetween Contoso Bank plc (the "Customer") and Fabrikam Ltd (the "Supplier").\n\n';
const clause = (i: number) => `## ${i}. Clause ${i}\n\n${i}.1 The Supplier shall report monthly.\n\n${i}.2 The Customer shall pay within ${i} days.\n`;
const text = opening + Array.from({ length: 8 }, (_, i) => clause(i + 1)).join('\n');

/** The model of `text` edited by replacing `from` with `to`, spliced from the model of `text`; and a fresh model to compare with. */
function spliced(before: string, from: string, to: string): { prev: ContractModel; got: ContractModel; want: ContractModel } {
  const state = fullModelState(before, 1, 'markdown', 'first');
  const edited = before.replace(from, to);
  assert.notEqual(edited, before);
  const next = updateModelState(state, edited, 2, 'markdown');
  assert.equal(next.fullReason, null, 'spliced');
  return { prev: state.model, got: next.model, want: buildContractModel(edited, 2) };
}

const takenOver = (prev: ContractModel, got: ContractModel) => got.sections !== prev.sections && got.sections[0].children === prev.sections[0].children;
const index = (m: ContractModel, title: string, number?: string) => m.sections.findIndex((s) => s.title === title && (number === undefined || s.number === number));

describe('a renumbered section keeps the section tree (issue 13, sections)', () => {
  it('a number changed in a Markdown heading: its level is its depth', () => {
    const { prev, got, want } = spliced(text, '## 5. Clause 5', '## 57. Clause 5');
    assert.deepEqual(got.sections, want.sections);
    assert.ok(takenOver(prev, got), 'tree taken over');
    const i = index(got, 'Clause 5');
    assert.equal(got.sections[i].number, '57');
    assert.deepEqual(sectionChangesOf(got)?.renumbered, [i]);
    assert.deepEqual(sectionChangesOf(got)?.retitled, []);
    assert.equal(got.topSectionDepth, want.topSectionDepth);
  });

  it('a character typed after a heading\'s number (no number, a new title), as the bench types', () => {
    const { prev, got, want } = spliced(text, '## 5. Clause 5', '## 5x. Clause 5');
    assert.deepEqual(got.sections, want.sections);
    assert.ok(takenOver(prev, got));
    const i = index(got, '5x. Clause 5');
    assert.equal(got.sections[i].number, undefined);
    assert.deepEqual(sectionChangesOf(got)?.renumbered, [i]);
    assert.deepEqual(sectionChangesOf(got)?.retitled, [i]);
    assert.equal(got.topSectionDepth, want.topSectionDepth);
  });

  it('a numbered clause renumbered at the same depth keeps the tree; at another depth it is rebuilt', () => {
    const same = spliced(text, '3.2 The Customer', '3.7 The Customer');
    assert.deepEqual(same.got.sections, same.want.sections);
    assert.ok(takenOver(same.prev, same.got));
    assert.deepEqual(sectionChangesOf(same.got)?.renumbered, [index(same.got, '', '3.7')]);
    const deeper = spliced(text, '3.2 The Customer', '3.1.1 The Customer');
    assert.deepEqual(deeper.got.sections, deeper.want.sections);
    assert.ok(!takenOver(deeper.prev, deeper.got), 'a level changed: built afresh');
    assert.equal(sectionChangesOf(deeper.got), undefined);
  });

  it('a heading\'s number that sets the level of the clauses under it: rebuilt when a level changes', () => {
    // "4.2.1" sits one level below "## 4.2" but two below "## 4": the heading's number decides.
    const nested = text.replace('## 4. Clause 4\n\n4.1 The', '## 4.2 Clause 4\n\n4.2.1 The');
    const { prev, got, want } = spliced(nested, '## 4.2 Clause 4', '## 4. Clause 4');
    assert.deepEqual(got.sections, want.sections);
    assert.ok(!takenOver(prev, got));
    // Changed within the same depth, the levels stay: taken over.
    const kept = spliced(nested, '## 4.2 Clause 4', '## 4.3 Clause 4');
    assert.deepEqual(kept.got.sections, kept.want.sections);
    assert.ok(takenOver(kept.prev, kept.got));
  });

  it('a heading that gains or loses its number moves the depth counted for top-level sections', () => {
    // Two numbered headings at depth 2 and two at depth 3: a tie, the shallower wins; one number less at depth 2 and depth 3 wins.
    const mixed = `${opening}## 1. One\n\nText one.\n\n## 2. Two\n\nText two.\n\n### 3. Three\n\nText three.\n\n### 4. Four\n\nText four.\n\n## Five\n\nText five.\n`;
    assert.equal(buildContractModel(mixed).topSectionDepth, 2);
    let state = fullModelState(mixed, 1, 'markdown', 'first');
    let current = mixed;
    for (const [from, to, depth] of [['## 2. Two', '## 2x. Two', 3], ['## Five', '## 5. Five', 2], ['## 5. Five', '## 5. Five', 2], ['## 1. One', '## One', 3], ['### 3. Three', '### Three', 2], ['### 4. Four', '### Four', 2], ['## 5. Five', '## Five', 2]] as const) {
      current = current.replace(from, to);
      state = updateModelState(state, current, 2, 'markdown');
      const want = buildContractModel(current, 2);
      assert.deepEqual(state.model.sections, want.sections, to);
      assert.equal(state.model.topSectionDepth, want.topSectionDepth, to);
      assert.equal(want.topSectionDepth, depth, to);
    }
  });

  it('numbered paragraphs without Markdown headings: a clause number that moves the ones after it is rebuilt', () => {
    const plain = opening + Array.from({ length: 6 }, (_, i) => `${i + 1}. Clause ${i + 1}\n\n${i + 1}.1 The Supplier shall report monthly.\n`).join('\n');
    for (const [from, to] of [['3. Clause 3', '3.4 Clause 3'], ['3. Clause 3', '9. Clause 3'], ['3.1 The Supplier', '3.1.2 The Supplier'], ['3.1 The Supplier', '4.1 The Supplier']]) {
      const { got, want } = spliced(plain, from, to);
      assert.deepEqual(got.sections, want.sections, `${from} -> ${to}`);
      assert.equal(got.topSectionDepth, want.topSectionDepth);
    }
  });
});
