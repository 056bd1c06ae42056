import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { allClauses, computeFix, GLOSSARY_TERMS, review } from './fitting-support';
import { applyEdits } from '../rules/support';

const ROOT = resolve(__dirname, '../..');

function inserted(text: string, clauseId: string, thresholds?: Record<string, number>): string {
  const result = review({ text, force: true, settings: thresholds ? { thresholds } : {} });
  const fix = computeFix(result.model, { kind: 'insertClause', title: 'Insert', clauseId }, { snippet: false, thresholds: result.thresholds });
  assert.ok(fix);
  return fix.edits[0].newText;
}

const DOC = `# Outsourcing Agreement

This Agreement is made between Harbourline Council (the "Customer") and Tailspin Systems Limited ("Tailspin"). The Customer and Tailspin are each a "Party".

## 1. Definitions

1.1 "Commencement Date" means 1 April 2026.

1.2 "Working Day" means a day on which banks in London are open.

1.3 "Services" means the services in Schedule 1.

## 2. Services

2.1 Tailspin shall provide the Services from the Commencement Date.
`;

describe('clause library: inserted clauses fit the document', () => {
  it('maps glossary terms onto the document\'s own terms and defines the rest in the clause', () => {
    const text = inserted(DOC, 'exit-assistance');
    assert.match(text, /Commencement Date/);
    assert.doesNotMatch(text, /Effective Date/);
    const insurance = inserted(DOC, 'insurance');
    assert.doesNotMatch(insurance, /Business Days?/);
    assert.match(insurance, /Working Days?/);
    assert.match(insurance, /^In this clause \d+, .*"Term" means/m, 'a term the document lacks is defined before its first use');
  });

  it('uses the document\'s short party name and its "Party" capitalisation', () => {
    const text = inserted(DOC, 'audit-rights');
    assert.match(text, /Tailspin must/);
    assert.doesNotMatch(text, /\bthe Supplier\b/);
    assert.doesNotMatch(text, /\b(?<!third )part(?:y|ies)\b/, 'no lower-case "party" where the document defines "Party"');
  });

  it('brackets every variable in a plain insert and takes defaults from the playbook', () => {
    const plain = inserted(DOC, 'service-levels');
    assert.match(plain, /\[99\.9\]%/);
    const strict = inserted(DOC, 'service-levels', { minAvailability: 99.95 });
    assert.match(strict, /\[99\.95\]%/);
    const fixed = DOC + '\n' + strict;
    const findings = review({ text: fixed, force: true, settings: { thresholds: { minAvailability: 99.95 } } }).diagnostics.filter((d) => d.ruleId === 'playbook-availability');
    assert.deepEqual(findings.map((d) => d.message), [], 'the inserted clause meets the playbook');
  });

  it('defines in the glossary only terms that some clause uses', () => {
    for (const term of GLOSSARY_TERMS) assert.ok(allClauses().some((c) => new RegExp(`\\b${term}`).test(c.body)), `${term} is used`);
  });

  it('declares what each clause requires, and the required clauses exist', () => {
    const ids = new Set(allClauses().map((c) => c.id));
    assert.deepEqual(allClauses().find((c) => c.id === 'service-credits')!.requires, ['service-levels']);
    for (const c of allClauses()) for (const r of c.requires) assert.ok(ids.has(r), `${c.id} requires ${r}`);
  });

  it('keeps docs/clause-library.md generated from the library (--check)', function () {
    this.timeout(60000);
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate-clause-docs.ts', '--check'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });
});

describe('clause library: applying an insert keeps the fitted text', () => {
  it('inserts into the document without losing its lines', () => {
    const result = review({ text: DOC, force: true });
    const fix = computeFix(result.model, { kind: 'insertClause', title: 'Insert', clauseId: 'notices' }, { snippet: false })!;
    const fixed = applyEdits(DOC, fix.edits);
    assert.ok(fixed.startsWith(DOC.trimEnd()));
  });
});
