import assert from 'node:assert/strict';
import { buildContractModel } from '../../server/src/model';

describe('model: cross-references', () => {
  const text = `# Hosting Agreement

## 3. Charges

The Customer shall pay the charges in Schedule 2 as adjusted under clause 4.2 and Section 12(b), except as Annex B and Exhibit C say.

## See Clause 9

A heading is not a reference.
`;
  const m = buildContractModel(text);

  it('finds clause, section, schedule, annex and exhibit references with their targets', () => {
    assert.deepEqual(m.crossReferences.map((r) => [r.kind, r.target]), [
      ['schedule', '2'],
      ['clause', '4.2'],
      ['section', '12(b)'],
      ['annex', 'B'],
      ['exhibit', 'C'],
    ]);
  });

  it('spans exactly the reference in the source', () => {
    assert.deepEqual(m.crossReferences.map((r) => text.slice(r.start, r.end)), ['Schedule 2', 'clause 4.2', 'Section 12(b)', 'Annex B', 'Exhibit C']);
  });

  it('ignores references inside headings', () => {
    assert.ok(!m.crossReferences.some((r) => r.target === '9'));
  });

  it('maps references through markup onto the source', () => {
    const t = '# A\n\nAs **clause 5.1** says.\n';
    const [r] = buildContractModel(t).crossReferences;
    assert.equal(t.slice(r.start, r.end), 'clause 5.1');
  });

  // Regression (was a bug, now fixed): plural reference words lose "es" instead of "s": findCrossReferences (model/crossReferences.ts)
  // applies .replace(/(es|s)$/, ''), so "clauses 7" has kind "claus", "schedules 2" "schedul" and
  // "articles 3" "articl".
  it('normalises plural reference words to their singular kind', () => {
    const refs = buildContractModel('# A\n\nSee clauses 7 and 8, schedules 2 and 3, and articles 3 to 5.\n').crossReferences;
    assert.deepEqual(refs.map((r) => r.kind), ['clause', 'schedule', 'article']);
  });

  // Regression (was a bug, now fixed): Roman-numeral targets are cut to one letter: in REF (model/crossReferences.ts) the
  // alternative [A-Z] comes before [IVX]{1,5} and nothing requires a word boundary after the target,
  // so "Appendix III" yields target "I" (span "Appendix I") and "Schedule IV" target "I".
  it('keeps whole Roman-numeral targets ("Appendix III", "Schedule IV")', () => {
    const t = '# A\n\nSee Appendix III and Schedule IV.\n';
    const refs = buildContractModel(t).crossReferences;
    assert.deepEqual(refs.map((r) => r.target), ['III', 'IV']);
    assert.deepEqual(refs.map((r) => t.slice(r.start, r.end)), ['Appendix III', 'Schedule IV']);
  });
});
