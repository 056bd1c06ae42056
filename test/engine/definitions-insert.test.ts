import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { computeFix, review, type ComputedFix } from '../../server/src/engine';
import type { ClausePosition } from '../../server/src/library';
import { buildContractModel } from '../../server/src/model';
import { applyEdits } from '../rules/support';

// A clause that uses a glossary term the contract neither defines nor maps to one of its own terms:
// the definition goes into the contract's definitions clause (alphabetically, in its style) when it
// has one, otherwise into the inserted clause. Nothing the user wrote is removed.
const read = (p: string) => readFileSync(resolve(__dirname, '..', p), 'utf8');
const WEAK_MSA = read('../examples/weak-msa.md');
const SORTED = read('fixtures/definitions/sorted-list.md');
const NUMBERED = read('fixtures/definitions/numbered.md');
const NONE = read('fixtures/definitions/no-definitions.md');

// undefined-term is opt-in; switch it on so the test can see a term left undefined.
const SETTINGS = { severity: { 'undefined-term': 'warning' as const } };

function fix(text: string, clauseId: string, opts: { position?: ClausePosition; insertOnly?: boolean } = {}): { fixed: string; fix: ComputedFix } {
  // A fix needs only the contract model (the one review() builds), not the rules' findings.
  const f = computeFix(buildContractModel(text), { kind: 'insertClause', title: `Insert clause: ${clauseId}`, clauseId }, { snippet: false, ...opts });
  assert.ok(f, `${clauseId} renders`);
  return { fixed: applyEdits(text, f.edits), fix: f };
}

/** Every line of the original is still there, in order: the fix only added text (and renumbered sections). */
function keepsEveryLine(original: string, fixed: string): void {
  const unnumbered = (t: string) => t.split('\n').map((l) => l.replace(/^(#+ )?\d+(?:\.\d+)*\.? /, '$1N '));
  const lines = unnumbered(fixed);
  let at = 0;
  for (const line of unnumbered(original)) {
    const found = lines.indexOf(line, at);
    assert.ok(found >= 0, `the line "${line}" is still there, in order`);
    at = found + 1;
  }
}

function termFindings(text: string, terms: string[]): string[] {
  const result = review({ text, force: true, settings: SETTINGS });
  return result.diagnostics
    .filter((d) => ['undefined-term', 'term-used-before-definition', 'duplicate-definition'].includes(d.ruleId))
    .filter((d) => terms.some((t) => d.message.includes(`"${t}`)))
    .map((d) => `${d.ruleId}: ${d.message}`);
}

describe('engine: glossary definitions go into the contract\'s definitions clause', () => {
  it('examples/weak-msa.md: Audit Rights adds "Business Day" and "Term" to the definitions, in their style, not to the clause', () => {
    const { fixed, fix: f } = fix(WEAK_MSA, 'audit-rights');
    keepsEveryLine(WEAK_MSA, fixed);
    assert.match(f.title, /\(defines "Business Day", "Term" in the definitions\)/);
    assert.match(fixed, /\n"Business Day" means a day other than a Saturday, a Sunday or a public holiday in the place where the Customer has its main office\.\n\n"Services" means/);
    // "Term" uses the contract's own "Commencement Date", never the glossary's "Effective Date".
    assert.match(fixed, /\n"Term" means the period from the Commencement Date until this Agreement expires or is terminated\.\n/);
    const clause = fixed.slice(fixed.indexOf('## 11. Audit Rights'));
    assert.doesNotMatch(clause.slice(0, 400), /In this clause 11,/);
    assert.deepEqual(termFindings(fixed, ['Business Day', 'Term', 'Effective Date']), []);
  });

  it('examples/weak-msa.md: every position of every clause inserts without leaving a term undefined or defined twice', function () {
    this.timeout(300000);
    const { allClauses } = require('../../server/src/engine') as typeof import('../../server/src/engine');
    const problems: string[] = [];
    // The findings the contract had before any insert: reviewed once.
    const before = review({ text: WEAK_MSA, force: true, settings: SETTINGS });
    const old = new Set(before.diagnostics.map((d) => `${d.ruleId}: ${d.message}`));
    for (const c of allClauses()) for (const position of ['customer', 'balanced', 'supplier'] as const) {
      const { fixed } = fix(WEAK_MSA, c.id, { position });
      const result = review({ text: fixed, force: true, settings: SETTINGS });
      for (const d of result.diagnostics) {
        if (!['term-used-before-definition', 'duplicate-definition'].includes(d.ruleId)) continue;
        const key = `${d.ruleId}: ${d.message}`;
        if (!old.has(key)) problems.push(`${c.id} (${position}): ${key}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('a sorted, bulleted definitions clause gets each new entry in alphabetical place and in the same bold, bulleted style', () => {
    const { fixed, fix: f } = fix(SORTED, 'audit-rights');
    keepsEveryLine(SORTED, fixed);
    // "Term" is defined from the "Effective Date", which this contract does not define either.
    assert.match(f.title, /defines "Business Day", "Effective Date", "Term" in the definitions/);
    const list = fixed.slice(fixed.indexOf('## 1. Definitions'), fixed.indexOf('## 2.'));
    const entries = [...list.matchAll(/^- \*\*"([^"]+)"\*\* means /gm)].map((m) => m[1]);
    assert.deepEqual(entries, ['Affiliate', 'Business Day', 'Charges', 'Customer Data', 'Effective Date', 'Services', 'Term']);
    assert.doesNotMatch(fixed, /In this clause \d+,/);
    assert.deepEqual(termFindings(fixed, ['Business Day', 'Term', 'Effective Date']), []);
  });

  it('adds several definitions that land at one place as one edit, in alphabetical order', () => {
    const { fix: f } = fix(SORTED, 'term-and-termination');
    const adds = f.edits.filter((e) => e.definitions);
    assert.ok(adds.length >= 1);
    for (const e of adds) {
      const terms = [...e.newText.matchAll(/\*\*"([^"]+)"\*\*/g)].map((m) => m[1]);
      assert.deepEqual(terms, [...terms].sort((a, b) => a.localeCompare(b)), 'in order within one edit');
    }
  });

  it('maps a glossary term to the contract\'s own term instead of defining it ("Business Day" becomes "Working Day")', () => {
    const { fixed, fix: f } = fix(NUMBERED, 'audit-rights');
    assert.doesNotMatch(fixed, /"Business Day" means/);
    assert.match(fixed, /Working Days' written notice/);
    // Numbered definitions: a new entry would break the numbering, so the rest stay in the clause.
    assert.ok(!f.edits.some((e) => e.definitions), 'no entry added to numbered definitions');
    assert.match(fixed, /In this clause 3, "Term" means/);
    keepsEveryLine(NUMBERED, fixed);
  });

  it('a contract without a definitions clause gets the definitions at the top of the inserted clause', () => {
    const { fixed, fix: f } = fix(NONE, 'audit-rights');
    assert.ok(!f.edits.some((e) => e.definitions));
    const opening = /## 2\. Audit Rights\n\n(In this clause 2, [^\n]+)\n/.exec(fixed)?.[1] ?? '';
    for (const t of ['Business Day', 'Term', 'Effective Date', 'Services', 'Charges']) assert.match(opening, new RegExp(`"${t}" means `));
    keepsEveryLine(NONE, fixed);
    assert.deepEqual(termFindings(fixed, ['Business Day', 'Term', 'Services', 'Charges']), []);
  });

  it('the clause picker (one edit) keeps the definitions in the clause', () => {
    const { fix: f } = fix(SORTED, 'audit-rights', { insertOnly: true });
    assert.equal(f.edits.length, 1);
    assert.match(f.edits[0].newText, /In this clause \d+, "Business Day" means/);
  });

  it('keeps a Windows contract\'s line endings in the added definitions', () => {
    const crlf = SORTED.replace(/\n/g, '\r\n');
    const { fix: f } = fix(crlf, 'audit-rights');
    for (const e of f.edits.filter((x) => x.definitions)) assert.doesNotMatch(e.newText.replace(/\r\n/g, ''), /\n/);
  });
});
