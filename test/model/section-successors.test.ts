import assert from 'node:assert/strict';
import { buildContractModel } from '../../server/src/model';
import { fullModelState, updateModelState } from '../../server/src/model/incremental';
import { sectionSuccessors } from '../../server/src/model/sections';

// A keystroke that opens, closes or renames no section takes the section tree over (model/sections.ts
// reusedSections). What follows from the tree's shape alone is then taken over too, not worked out
// again over every section (issue 13, model): where each section ends, and the top sections' heading depth.
const clauses = Array.from({ length: 6 }, (_, i) => `## ${i + 1}. Services ${i + 1}\n\n${i + 1}.1 The Supplier shall provide the Services.\n\n### ${i + 1}.2 Charges\n\nThe Customer shall pay within thirty days.\n`);
const text = `# Agreement\n\nBetween Contoso Bank plc (the "Customer") and Fabrikam Ltd (the "Supplier").\n\n${clauses.join('\n')}`;
const typed = (t: string, after: string, insert: string): string => {
  const at = t.indexOf(after) + after.length;
  return t.slice(0, at) + insert + t.slice(at);
};

describe('the section tree\'s shape taken over by a spliced model', () => {
  it('hands the successor table on with the tree, and it equals a fresh parse\'s', () => {
    const prev = fullModelState(text, 1, 'markdown', 'first');
    const table = sectionSuccessors(prev.model.sections);
    const edited = typed(text, '3.1 The Supplier', ' also');
    const next = updateModelState(prev, edited, 2, 'markdown');
    assert.equal(next.fullReason, null);
    assert.notEqual(next.model.sections, prev.model.sections);
    assert.equal(sectionSuccessors(next.model.sections), table);
    const fresh = buildContractModel(edited, 2, 'markdown');
    assert.deepEqual([...sectionSuccessors(next.model.sections)], [...sectionSuccessors(fresh.sections)]);
    assert.deepEqual(next.model.sections, fresh.sections);
  });

  it('works the table out afresh for a tree built afresh', () => {
    const prev = fullModelState(text, 1, 'markdown', 'first');
    const table = sectionSuccessors(prev.model.sections);
    // A new sub-section changes the tree's shape.
    const edited = typed(text, 'The Customer shall pay within thirty days.\n', '\n### 2.3 Credits\n\nCredits apply.\n');
    const next = updateModelState(prev, edited, 2, 'markdown');
    assert.notEqual(sectionSuccessors(next.model.sections), table);
    const fresh = buildContractModel(edited, 2, 'markdown');
    assert.deepEqual([...sectionSuccessors(next.model.sections)], [...sectionSuccessors(fresh.sections)]);
    assert.deepEqual(next.model.sections, fresh.sections);
  });

  it('takes topSectionDepth over with the tree, and works it out again when the tree is rebuilt', () => {
    const prev = fullModelState(text, 1, 'markdown', 'first');
    assert.equal(prev.model.topSectionDepth, 2);
    // Marked, to see whether the next model reads it or works it out again.
    const marked = { ...prev, model: { ...prev.model, topSectionDepth: 5 } };
    const kept = updateModelState(marked, typed(text, '3.1 The Supplier', ' also'), 2, 'markdown');
    assert.equal(kept.fullReason, null);
    assert.equal(kept.model.topSectionDepth, 5);
    const rebuilt = updateModelState(marked, typed(text, 'The Customer shall pay within thirty days.\n', '\n### 2.3 Credits\n\nCredits apply.\n'), 2, 'markdown');
    assert.equal(rebuilt.fullReason, null);
    assert.equal(rebuilt.model.topSectionDepth, 2);
  });
});
