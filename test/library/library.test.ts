import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CLAUSES, getClause, renderClause, RULES } from '../../server/src/engine';

const parties = { supplier: 'Tailspin', Supplier: 'Tailspin', customer: 'the Customer', Customer: 'The Customer' };

describe('clause library', () => {
  it('has a clause for every rule that names one', () => {
    const missing = RULES.filter((r) => r.meta.clauseId && !getClause(r.meta.clauseId)).map((r) => `${r.meta.id} -> ${r.meta.clauseId}`);
    assert.deepEqual(missing, []);
  });

  it('generates one VS Code snippet per clause and position from the same source', () => {
    const snippets = JSON.parse(readFileSync(resolve(__dirname, '../../snippets/clauses.code-snippets'), 'utf8')) as Record<string, { prefix: string; body: string[] }>;
    const prefixes = Object.values(snippets).map((s) => s.prefix).sort();
    assert.deepEqual(prefixes, CLAUSES.flatMap((c) => [`clause-${c.id}`, `clause-${c.id}-customer`, `clause-${c.id}-supplier`]).sort());
    // A position's snippet carries its own figures: the supplier's audit notice, not the balanced one.
    const audit = Object.values(snippets).find((s) => s.prefix === 'clause-audit-rights-supplier')!;
    const notice = getClause('audit-rights')!.positions.supplier.defaults!.audit_notice_days;
    assert.match(audit.body.join('\n'), new RegExp(`at least \\$\\{\\d+:${notice}\\} Business Days`));
    for (const s of Object.values(snippets)) assert.ok(s.body.join('\n').includes('${1:'), `${s.prefix} has tab stops`);
  });

  it('leaves no negotiable frequency fixed in the text: audit limits, review and test cadences are variables', () => {
    // Words that fix how often something happens ("once a year", "quarterly", "one audit in any
    // twelve-month period"): the parties choose these, so a clause writes them as [[variables]].
    const FIXED = /\b(?:once (?:a|each|every|in each) (?:year|quarter|month|week|contract year|calendar (?:year|quarter|month))|once every (?:year|quarter|month)|every (?:year|quarter)|each (?:calendar )?quarter|(?:annual|quarterly|biannual|weekly)(?:ly)?|at least daily|twelve-month|(?:one|two|three) audits?)\b/i;
    const fixed = CLAUSES.flatMap((c) => c.body.split(/(?<=[.;:])\s+/).filter((s) => FIXED.test(s)).map((s) => `${c.id}: ${s}`));
    assert.deepEqual(fixed, []);
    const audit = CLAUSES.find((c) => c.id === 'audit-rights')!;
    assert.deepEqual(['max_audits', 'audit_period_months'].filter((v) => !audit.variables.some((x) => x.name === v)), []);
    assert.ok(!FIXED.test('at least once every [[bcp_test_months]] months'), 'a cadence written as a variable passes');
  });

  for (const clause of CLAUSES) {
    it(`renders ${clause.id} with party names, numbering and no leftover placeholders`, () => {
      const plain = renderClause(clause, { number: '14', parties, snippet: false, headingDepth: 2 });
      assert.ok(plain.startsWith(`## 14. ${clause.title}\n`));
      assert.doesNotMatch(plain, /\{\{|\}\}|\[\[|\]\]/);
      assert.doesNotMatch(plain, /\$\{/);
      if (/\{\{n\}\}/.test(clause.body)) assert.match(plain, /\b14\.1\b/);
      if (/\{\{[Ss]upplier\}\}/.test(clause.body)) assert.match(plain, /Tailspin/);
      const snippet = renderClause(clause, { number: '14', parties, snippet: true, headingDepth: null });
      assert.ok(snippet.startsWith(`14. ${clause.title.toUpperCase()}\n`));
      if (clause.variables.length) assert.match(snippet, /\$\{1:[^}]+\}/);
    });
  }
});
