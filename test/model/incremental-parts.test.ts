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

// Defined terms of a spliced model are the previous model's but for the re-parsed blocks
// (model/docFacts.ts): those before the edit kept, those after it moved. (Cross-references are
// drafting/xrefs.ts's, patched per edit and tested in test/drafting/xrefs-patch.test.ts.)
describe('defined terms of a spliced model', () => {
  const defs = `## 1. Definitions\n\n"Services" means the services in clause 3.\n\n"Charges" means the fees under clause 4.2.\n\n### 1.1 General\n\nBusiness Day: a day on which banks in London are open.\n\n## 2. Term\n\nThis Agreement starts on the Effective Date (the "Term").\n\n### 2.1 Hours\n\nService Window: the hours set out in clause 3.1.\n`;
  const body = Array.from({ length: 5 }, (_, i) => `## ${i + 3}. Part ${i + 3}\n\n${i + 3}.1 The Supplier shall provide the Services as set out in clause ${i + 2}.1 (the "Part ${i + 3} Services").\n`);
  const base = `# Agreement\n\nBetween Contoso Bank plc (the "Customer") and Fabrikam Ltd (the "Supplier").\n\n${defs}\n${body.join('\n')}`;
  const parts = (m: ReturnType<typeof buildContractModel>) => ({ terms: m.definedTerms, sections: shape(m.sections) });
  const edits: Array<[string, (t: string) => string]> = [
    ['a character typed in clause 5', (t) => t.replace('5.1 The Supplier', '5.1 The the Supplier')],
    ['a paragraph split in two before the terms of clauses 5 to 7 (blocks after it move by one)', (t) => t.replace('5.1 The Supplier shall provide', '5.1 The Supplier shall.\n\nIt shall provide')],
    ['a paragraph removed', (t) => t.replace('"Charges" means the fees under clause 4.2.\n\n', '')],
    // A "Term: meaning" line defines a term only in a definitions section: those of the sub-clauses
    // (chunks of their own, not re-parsed) change with their parent's title.
    ['the definitions clause retitled (its terms are read again)', (t) => t.replace('## 1. Definitions', '## 1. Scope')],
    ['a clause retitled as definitions', (t) => t.replace('## 2. Term', '## 2. Definitions')],
    ['a clause retitled, neither as nor from definitions', (t) => t.replace('## 5. Part 5', '## 5. Part Five')],
    ['a definitions clause retitled, still definitions', (t) => t.replace('## 1. Definitions', '## 1. Definitions and Interpretation')],
  ];
  for (const [what, edit] of edits) {
    it(`equal a fresh parse after ${what}`, () => {
      const prev = fullModelState(base, 1, 'markdown', 'first');
      const edited = edit(base);
      assert.notEqual(edited, base);
      const next = updateModelState(prev, edited, 2, 'markdown');
      assert.equal(next.fullReason, null);
      assert.deepEqual(parts(next.model), parts(buildContractModel(edited, 2, 'markdown')));
      // Not vacuous: the terms of the definitions clause, before the edits in clause 5, are the previous objects.
      if (what.includes('clause 5')) assert.equal(next.model.definedTerms[0], prev.model.definedTerms[0]);
      if (what.includes('retitled as') || what.includes('definitions clause retitled (')) assert.notDeepEqual(next.model.definedTerms.map((t) => t.term), prev.model.definedTerms.map((t) => t.term));
    });
  }

  // A retitled heading whose section stays (or stays not) a definitions section leaves every block's
  // terms as they were: the previous model's are taken over, those after the edit moved, and only
  // the re-parsed blocks are read (model/docFacts.ts sameDefinitionSections).
  for (const [what, from, to] of [['not as definitions', '## 5. Part 5', '## 5. Part Five'], ['still definitions', '## 1. Definitions', '## 1. Definitions and Interpretation']]) {
    it(`takes the previous terms over when a clause is retitled ${what}`, () => {
      const prev = fullModelState(base, 1, 'markdown', 'first');
      // A marked copy in place of the previous model's last term (in clause 7, after both edits):
      // only a term taken over from the previous list carries the mark; one read from the block's
      // kept facts (which hold the unmarked object) does not.
      const terms = prev.model.definedTerms;
      assert.equal(terms[terms.length - 1].term, 'Part 7 Services');
      terms[terms.length - 1] = { ...terms[terms.length - 1], definition: 'MARK' };
      const next = updateModelState(prev, base.replace(from, to), 2, 'markdown');
      assert.equal(next.fullReason, null);
      assert.equal(next.model.definedTerms[next.model.definedTerms.length - 1].definition, 'MARK');
    });
  }
});
