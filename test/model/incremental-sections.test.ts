import assert from 'node:assert/strict';
import { buildContractModel } from '../../server/src/model';
import { fullModelState, updateModelState } from '../../server/src/model/incremental';

// The section tree of a spliced model is taken over from the previous model when the edit opens and
// closes no section (model/sections.ts reusedSections); typing in a heading's title is such an edit,
// unless the new title makes the section a schedule or the signatures (which its sub-sections inherit).
const clauses = Array.from({ length: 6 }, (_, i) => `## ${i + 1}. Services ${i + 1}\n\n### ${i + 1}.1 Scope\n\n${i + 1}.1.1 The Supplier shall provide the Services.\n`);
const text = `# Agreement\n\nBetween Contoso Bank plc (the "Customer") and Fabrikam Ltd (the "Supplier").\n\n${clauses.join('\n')}`;
const shape = (sections: ReturnType<typeof buildContractModel>['sections']) => JSON.parse(JSON.stringify(sections));

describe('section tree of a spliced model', () => {
  it('keeps the tree when a heading is retitled, with the new title, equal to a fresh parse', () => {
    const prev = fullModelState(text, 1, 'markdown', 'first');
    const edited = text.replace('## 4. Services 4', '## 4. Services and Support 4');
    const next = updateModelState(prev, edited, 2, 'markdown');
    assert.equal(next.fullReason, null);
    const fresh = buildContractModel(edited, 2, 'markdown');
    assert.deepEqual(shape(next.model.sections), shape(fresh.sections));
    assert.deepEqual(next.model.blocks.map((b) => b.section), fresh.blocks.map((b) => b.section));
    const retitled = next.model.sections.findIndex((s) => s.title === 'Services and Support 4');
    assert.ok(retitled > 0);
    // Taken over, not built afresh: the sections that end before the edit are the previous objects.
    const before = next.model.sections.filter((s, i) => i > 0 && s.end <= edited.indexOf('## 4.'));
    assert.ok(before.length >= 6);
    for (const s of before) assert.equal(s, prev.model.sections[s.index]);
  });

  it('builds the tree afresh when a retitled section becomes a schedule, and its sub-sections inherit that', () => {
    const prev = fullModelState(text, 1, 'markdown', 'first');
    const edited = text.replace('## 4. Services 4', '## 4. Schedule of Services');
    const next = updateModelState(prev, edited, 2, 'markdown');
    assert.equal(next.fullReason, null);
    const fresh = buildContractModel(edited, 2, 'markdown');
    assert.deepEqual(shape(next.model.sections), shape(fresh.sections));
    const schedule = next.model.sections.find((s) => s.title === 'Schedule of Services')!;
    assert.equal(schedule.trailer, 'schedule');
    assert.equal(next.model.sections[schedule.children[0]].trailer, 'schedule');
    assert.notEqual(next.model.sections[1], prev.model.sections[1]);
  });
});
