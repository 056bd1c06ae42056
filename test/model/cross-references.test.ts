import assert from 'node:assert/strict';
import { buildContractModel } from '../../server/src/model';
import { crossReferencesOf } from '../../server/src/model/crossReferences';
import { fullModelState, updateModelState } from '../../server/src/model/incremental';

describe('model: cross-references', () => {
  const text = `# Hosting Agreement

## 3. Charges

The Customer shall pay the charges in Schedule 2 as adjusted under clause 4.2 and Section 12(b), except as Annex B and Exhibit C say.

## See Clause 9

A heading is not a reference.
`;
  const m = buildContractModel(text);

  it('finds clause, section, schedule, annex and exhibit references with their targets', () => {
    assert.deepEqual(crossReferencesOf(m).map((r) => [r.kind, r.target]), [
      ['schedule', '2'],
      ['clause', '4.2'],
      ['section', '12(b)'],
      ['annex', 'B'],
      ['exhibit', 'C'],
    ]);
  });

  it('spans exactly the reference in the source', () => {
    assert.deepEqual(crossReferencesOf(m).map((r) => text.slice(r.start, r.end)), ['Schedule 2', 'clause 4.2', 'Section 12(b)', 'Annex B', 'Exhibit C']);
  });

  it('ignores references inside headings', () => {
    assert.ok(!crossReferencesOf(m).some((r) => r.target === '9'));
  });

  it('maps references through markup onto the source', () => {
    const t = '# A\n\nAs **clause 5.1** says.\n';
    const [r] = crossReferencesOf(buildContractModel(t));
    assert.equal(t.slice(r.start, r.end), 'clause 5.1');
  });

  // Regression (was a bug, now fixed): plural reference words lose "es" instead of "s": findCrossReferences (model/crossReferences.ts)
  // applies .replace(/(es|s)$/, ''), so "clauses 7" has kind "claus", "schedules 2" "schedul" and
  // "articles 3" "articl".
  it('normalises plural reference words to their singular kind', () => {
    const refs = crossReferencesOf(buildContractModel('# A\n\nSee clauses 7 and 8, schedules 2 and 3, and articles 3 to 5.\n'));
    assert.deepEqual(refs.map((r) => r.kind), ['clause', 'schedule', 'article']);
  });

  // Regression (was a bug, now fixed): Roman-numeral targets are cut to one letter: in REF (model/crossReferences.ts) the
  // alternative [A-Z] comes before [IVX]{1,5} and nothing requires a word boundary after the target,
  // so "Appendix III" yields target "I" (span "Appendix I") and "Schedule IV" target "I".
  it('keeps whole Roman-numeral targets ("Appendix III", "Schedule IV")', () => {
    const t = '# A\n\nSee Appendix III and Schedule IV.\n';
    const refs = crossReferencesOf(buildContractModel(t));
    assert.deepEqual(refs.map((r) => r.target), ['III', 'IV']);
    assert.deepEqual(refs.map((r) => t.slice(r.start, r.end)), ['Appendix III', 'Schedule IV']);
  });
});

// Issue 13 (sections): the model holds no list of references; they are found in its blocks when
// asked (model/crossReferences.ts crossReferencesOf), so neither a first model nor a keystroke's
// splice builds or moves them.
describe('model: cross-references found when asked', () => {
  const clause = (i: number) => `## ${i}. Clause ${i}\n\nAs clause ${i + 1}.2 and Schedule ${i} say, the Supplier shall act.\n`;
  const text = `# Agreement\n\n${Array.from({ length: 30 }, (_, i) => clause(i + 1)).join('\n')}`;

  it('a model, first or spliced, holds none, and asking gives a fresh model\'s, once per model', () => {
    const first = fullModelState(text, 1, 'markdown', 'test');
    assert.ok(!('crossReferences' in first.model), 'a first model holds no list');
    const edited = text.replace('As clause 16.2', 'As clause 16.3');
    const spliced = updateModelState(first, edited, 2, 'markdown');
    assert.equal(spliced.fullReason, null, 'the edit was spliced');
    assert.ok(!('crossReferences' in spliced.model), 'a spliced model holds no list');
    const refs = crossReferencesOf(spliced.model);
    assert.deepEqual(refs, crossReferencesOf(buildContractModel(edited)));
    assert.equal(refs.length, 60);
    assert.ok(refs.some((r) => edited.slice(r.start, r.end) === 'clause 16.3'), 'the edited reference read where it now is');
    assert.equal(crossReferencesOf(spliced.model), refs, 'kept per model');
  });
});
