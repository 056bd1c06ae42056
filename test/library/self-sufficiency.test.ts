import assert from 'node:assert/strict';
import { allClauses, computeFix, review } from '../../server/src/engine';
import { CLAUSE_POSITIONS, type ClausePosition } from '../../server/src/library';
import { buildContractModel } from '../../server/src/model';
import { applyEdits } from '../rules/support';

// An otherwise empty contract: a title and the parties, nothing else.
const EMPTY = `# Hosting Services Agreement

This Agreement is made between Alder Mutual Bank plc (the "Customer") and Brightline Hosting Limited (the "Supplier").
`;

function insert(text: string, clauseId: string, position?: ClausePosition): string {
  // A fix needs only the contract model (the one review() builds), not the rules' findings.
  const fix = computeFix(buildContractModel(text), { kind: 'insertClause', title: 'Insert', clauseId }, { snippet: false, position });
  assert.ok(fix, `${clauseId} renders`);
  return applyEdits(text, fix.edits);
}

const REPORTED_INSIDE = ['vague-wording', 'undefined-term', 'term-used-before-definition', 'duplicate-definition', 'broken-cross-reference', 'numbering'];

describe('clause library: each clause stands alone, in each position', () => {
  for (const clause of allClauses()) for (const position of CLAUSE_POSITIONS) {
    it(`${clause.id} (${position}), inserted alone into an empty contract, covers ${clause.category} without drafting findings`, () => {
      const fixed = insert(EMPTY, clause.id, position);
      if (position !== 'balanced') assert.notEqual(fixed, insert(EMPTY, clause.id), `${clause.id}: the ${position} position differs from the balanced text`);
      const result = review({ text: fixed, force: true });
      assert.equal(result.coverage[clause.category], 'present', `${clause.id}: ${result.assessments.find((a) => a.category === clause.category)?.reason}`);
      const start = fixed.indexOf('## 1.');
      const inside = result.diagnostics.filter((d) => REPORTED_INSIDE.includes(d.ruleId) && result.model.lineStarts[d.range.start.line] >= start);
      assert.deepEqual(inside.map((d) => `${d.ruleId}: ${d.message}`), []);
    });
  }
});

describe('clause library: all clauses together', () => {
  for (const position of CLAUSE_POSITIONS) {
    it(`inserted one after another into an empty contract (${position}), cover every category with no conflicting definitions or numbers`, () => {
      let text = EMPTY;
      for (const clause of allClauses()) text = insert(text, clause.id, position);
      const result = review({ text, force: true });
      for (const category of new Set(allClauses().map((c) => c.category))) assert.equal(result.coverage[category], 'present', category);
      const conflicts = result.diagnostics.filter((d) => ['duplicate-definition', 'numbering', 'undefined-term', 'term-used-before-definition', 'broken-cross-reference', 'number-mismatch'].includes(d.ruleId));
      assert.deepEqual(conflicts.map((d) => `${d.ruleId}: ${d.message}`), []);
    });
  }

  it('uses one figure for one duty in every position: a variable shared by several clauses has one default per position', () => {
    for (const position of CLAUSE_POSITIONS) {
      const byName = new Map<string, Set<string>>();
      for (const c of allClauses()) for (const v of c.variables) byName.set(v.name, (byName.get(v.name) ?? new Set()).add(c.positions[position].defaults?.[v.name] ?? v.default));
      const conflicting = [...byName].filter(([, defaults]) => defaults.size > 1).map(([name, d]) => `${position} ${name}: ${[...d].join(' / ')}`);
      assert.deepEqual(conflicting, []);
    }
  });

  it('uses one figure for one duty: a variable shared by several clauses has one default', () => {
    const byName = new Map<string, Set<string>>();
    for (const c of allClauses()) for (const v of c.variables) byName.set(v.name, (byName.get(v.name) ?? new Set()).add(v.default));
    const conflicting = [...byName].filter(([, defaults]) => defaults.size > 1).map(([name, d]) => `${name}: ${[...d].join(' / ')}`);
    assert.deepEqual(conflicting, []);
  });

  it('allows personal data in the same places in data-location and data-protection', () => {
    const where = (id: string, name: string) => allClauses().find((c) => c.id === id)!.variables.find((v) => v.name === name)!.default;
    assert.equal(where('data-protection', 'permitted_region'), where('data-location', 'permitted_locations'));
  });

  it('has one escalation timetable: only the escalation clause sets escalation time limits', () => {
    const sentences = allClauses().filter((c) => c.id !== 'escalation-path').flatMap((c) => c.body.split(/(?<=\.)\s+/).map((s) => ({ id: c.id, s })));
    const timed = sentences.filter(({ s }) => /\bescalat/i.test(s) && /\[\[[a-z_]+\]\]/.test(s) && !/mediation/i.test(s));
    assert.deepEqual(timed.map((t) => `${t.id}: ${t.s}`), []);
  });

  it('deletes personal data only after the exit period', () => {
    const dp = allClauses().find((c) => c.id === 'data-protection')!.body;
    assert.match(dp, /\[\[deletion_days\]\] days after the processing services end, including any Exit Period/);
  });
});
