import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { allClauses, getClause, renderClause, RULES } from '../../server/src/engine';
import { CLAUSE_POSITIONS, clauseTitle } from '../../server/src/library';

const parties = { supplier: 'Tailspin', Supplier: 'Tailspin', customer: 'the Customer', Customer: 'The Customer' };

describe('clause library', () => {
  it('has a clause for every rule that names one', () => {
    const missing = RULES.filter((r) => r.meta.clauseId && !getClause(r.meta.clauseId)).map((r) => `${r.meta.id} -> ${r.meta.clauseId}`);
    assert.deepEqual(missing, []);
  });

  it('names each clause by the same title without the library (clauseTitle, for a review\'s "Insert clause" fixes)', () => {
    // The generated titles table (scripts/generate-clauses.mjs) must stay the library's own titles.
    for (const c of allClauses()) assert.equal(clauseTitle(c.id), c.title, c.id);
    for (const id of ['no-such-clause', 'constructor', '__proto__', 'toString']) assert.equal(clauseTitle(id), undefined, id);
  });

  it('generates one VS Code snippet per clause and position from the same source', () => {
    const snippets = JSON.parse(readFileSync(resolve(__dirname, '../../snippets/clauses.code-snippets'), 'utf8')) as Record<string, { prefix: string; body: string[] }>;
    const prefixes = Object.values(snippets).map((s) => s.prefix).sort();
    assert.deepEqual(prefixes, allClauses().flatMap((c) => [`clause-${c.id}`, `clause-${c.id}-customer`, `clause-${c.id}-supplier`]).sort());
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
    const fixed = allClauses().flatMap((c) => c.body.split(/(?<=[.;:])\s+/).filter((s) => FIXED.test(s)).map((s) => `${c.id}: ${s}`));
    assert.deepEqual(fixed, []);
    const audit = allClauses().find((c) => c.id === 'audit-rights')!;
    assert.deepEqual(['max_audits', 'audit_period_months'].filter((v) => !audit.variables.some((x) => x.name === v)), []);
    assert.ok(!FIXED.test('at least once every [[bcp_test_months]] months'), 'a cadence written as a variable passes');
  });

  it('leaves no negotiable figure fixed in a position\'s wording: cadences, periods, percentages and audit counts are variables', () => {
    // A customer or supplier position rewrites paragraphs; any figure it chooses ("twice a year",
    // "30 days", "5%", "two audits") must be a [[variable]] with the position's own default.
    const FIXED = /\b(?:(?:once|twice) (?:a|each|every|in each|in every) (?:year|quarter|month|week)|once in every \w+ (?:contract )?years?|(?:annual|quarterly|biannual|weekly)(?:ly)?|twelve-month|(?:\d+(?:\.\d+)?|one|two|three|four|five|six|ten|twelve|fourteen|fifteen|twenty|thirty|sixty|ninety)[ -](?:business |working )?(?:days?|months?|years?|weeks?|hours?)|(?:one|two|three|four|five|\d+) audits?|(?:two|three|four|five|\d+) times)\b|\d+(?:\.\d+)?\s?%/i;
    // Clause numbers and named standards are not figures the parties choose.
    const strip = (t: string) => t.replace(/\[\[[a-z0-9_]+\]\]%?|\{\{n\}\}\.\d+(?:\([a-z]\))?|ISO\/IEC \d+(?::\d+)?|Article \d+/g, '');
    const fixed = allClauses().flatMap((c) =>
      CLAUSE_POSITIONS.flatMap((p) => {
        const spec = c.positions[p];
        const texts = [...Object.entries(spec.paragraphs ?? {}), ...(spec.add ?? []).map((t, i) => [`add ${i + 1}`, t] as const)];
        return texts.filter(([, t]) => FIXED.test(strip(t))).map(([k, t]) => `${c.id} ${p} ${k}: ${strip(t).match(FIXED)![0]}`);
      }),
    );
    assert.deepEqual(fixed, []);
    for (const near of ['at least twice a year', 'within 5 Business Days', 'the first 5% of any increase', 'up to two audits', 'three times the cap', 'for 30 days after']) assert.ok(FIXED.test(strip(near)), near);
    for (const ok of ['up to [[max_audits]] audits in any period of [[audit_period_months]] months', 'more than [[overcharge_threshold]]% of the Charges', 'clause {{n}}.4', 'one of the Key Personnel']) assert.ok(!FIXED.test(strip(ok)), ok);
  });

  for (const clause of allClauses()) {
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
