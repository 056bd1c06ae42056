import assert from 'node:assert/strict';
import { CLAUSES, computeFix, review } from '../../server/src/engine';
import { applyEdits } from '../rules/support';

// An otherwise empty contract: a title and the parties, nothing else.
const EMPTY = `# Hosting Services Agreement

This Agreement is made between Alder Mutual Bank plc (the "Customer") and Brightline Hosting Limited (the "Supplier").
`;

function insert(text: string, clauseId: string): string {
  const result = review({ text, force: true });
  const fix = computeFix(result.model, { kind: 'insertClause', title: 'Insert', clauseId }, { snippet: false });
  assert.ok(fix, `${clauseId} renders`);
  return applyEdits(text, fix.edits);
}

const REPORTED_INSIDE = ['vague-wording', 'undefined-term', 'term-used-before-definition', 'duplicate-definition', 'broken-cross-reference', 'numbering'];

describe('clause library: each clause stands alone', () => {
  for (const clause of CLAUSES) {
    it(`${clause.id}, inserted alone into an empty contract, covers ${clause.category} without drafting findings`, () => {
      const fixed = insert(EMPTY, clause.id);
      const result = review({ text: fixed, force: true });
      assert.equal(result.coverage[clause.category], 'present', `${clause.id}: ${result.assessments.find((a) => a.category === clause.category)?.reason}`);
      const start = fixed.indexOf('## 1.');
      const inside = result.diagnostics.filter((d) => REPORTED_INSIDE.includes(d.ruleId) && result.model.lineStarts[d.range.start.line] >= start);
      assert.deepEqual(inside.map((d) => `${d.ruleId}: ${d.message}`), []);
    });
  }
});

describe('clause library: all clauses together', () => {
  it('inserted one after another into an empty contract, cover every category with no conflicting definitions or numbers', function () {
    // One review per insert of a growing document (42 clauses): seconds alone, longer on a loaded machine.
    this.timeout(120000);
    let text = EMPTY;
    for (const clause of CLAUSES) text = insert(text, clause.id);
    const result = review({ text, force: true });
    for (const category of new Set(CLAUSES.map((c) => c.category))) assert.equal(result.coverage[category], 'present', category);
    const conflicts = result.diagnostics.filter((d) => ['duplicate-definition', 'numbering', 'undefined-term', 'term-used-before-definition', 'broken-cross-reference', 'number-mismatch'].includes(d.ruleId));
    assert.deepEqual(conflicts.map((d) => `${d.ruleId}: ${d.message}`), []);
  });

  it('uses one figure for one duty: a variable shared by several clauses has one default', () => {
    const byName = new Map<string, Set<string>>();
    for (const c of CLAUSES) for (const v of c.variables) byName.set(v.name, (byName.get(v.name) ?? new Set()).add(v.default));
    const conflicting = [...byName].filter(([, defaults]) => defaults.size > 1).map(([name, d]) => `${name}: ${[...d].join(' / ')}`);
    assert.deepEqual(conflicting, []);
  });

  it('allows personal data in the same places in data-location and data-protection', () => {
    const where = (id: string, name: string) => CLAUSES.find((c) => c.id === id)!.variables.find((v) => v.name === name)!.default;
    assert.equal(where('data-protection', 'permitted_region'), where('data-location', 'permitted_locations'));
  });

  it('has one escalation timetable: only the escalation clause sets escalation time limits', () => {
    const sentences = CLAUSES.filter((c) => c.id !== 'escalation-path').flatMap((c) => c.body.split(/(?<=\.)\s+/).map((s) => ({ id: c.id, s })));
    const timed = sentences.filter(({ s }) => /\bescalat/i.test(s) && /\[\[[a-z_]+\]\]/.test(s) && !/mediation/i.test(s));
    assert.deepEqual(timed.map((t) => `${t.id}: ${t.s}`), []);
  });

  it('deletes personal data only after the exit period', () => {
    const dp = CLAUSES.find((c) => c.id === 'data-protection')!.body;
    assert.match(dp, /\[\[deletion_days\]\] days after the processing services end, including any Exit Period/);
  });
});
