import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CodeAction, TextEdit } from 'vscode-languageserver';
import { ConfigError, ConfigLoader, parseConfig, review, type ReviewResult } from '../../server/src/engine';
import { buildCodeActions } from '../../server/src/lsp/convert';
import { hoverAt } from '../../server/src/lsp/outline';
import { sanitizeSettings, mergeSettings } from '../../server/src/lsp/settings';

const WEAK_MSA = readFileSync(resolve(__dirname, '../../examples/weak-msa.md'), 'utf8');
const withPosition = (text: string, position: string) => `---\nclausewise: { clausePosition: ${position} }\n---\n${text}`;

function auditActions(result: ReviewResult, caps = { snippets: false, documentChanges: false }): CodeAction[] {
  const i = result.diagnostics.findIndex((d) => d.ruleId === 'audit-rights');
  assert.ok(i >= 0, 'an audit-rights finding');
  const d = result.diagnostics[i];
  return buildCodeActions('file:///weak-msa.md', 1, result, d.range, [], caps).filter((a) => a.title.includes('Audit Rights'));
}

function insertedText(action: CodeAction): string {
  const edits = action.edit!.changes!['file:///weak-msa.md'] as TextEdit[];
  return edits.map((e) => e.newText).sort((a, b) => b.length - a.length)[0];
}

describe('lsp: quick fixes offer the three positions of a clause', () => {
  it('offers the balanced position first by default, then the other two, each title naming its position', () => {
    const actions = auditActions(review({ text: WEAK_MSA, path: 'weak-msa.md' }));
    assert.deepEqual(actions.map((a) => /, ([a-z-]+) position/.exec(a.title)?.[1]), ['balanced', 'customer-favourable', 'supplier-favourable']);
    assert.deepEqual(actions.map((a) => a.isPreferred), [true, false, false], 'only the default is preferred');
    assert.match(actions[0].title, /^Insert clause: Audit Rights, balanced position/);
  });

  it('offers the position the setting chooses first', () => {
    const actions = auditActions(review({ text: WEAK_MSA, path: 'weak-msa.md', settings: { clausePosition: 'customer' } }));
    assert.match(actions[0].title, /customer-favourable position/);
    assert.equal(actions[0].isPreferred, true);
  });

  it('offers the position the front matter chooses first, over the setting', () => {
    const actions = auditActions(review({ text: withPosition(WEAK_MSA, 'supplier'), path: 'weak-msa.md', settings: { clausePosition: 'customer' } }));
    assert.deepEqual(actions.map((a) => /, ([a-z-]+) position/.exec(a.title)?.[1]), ['supplier-favourable', 'balanced', 'customer-favourable']);
  });

  it('inserts each position\'s own text and figures', () => {
    const actions = auditActions(review({ text: WEAK_MSA, path: 'weak-msa.md' }));
    const [balanced, customer, supplier] = actions.map(insertedText);
    assert.match(balanced, /at least \[10\] Business Days' written notice/);
    assert.match(customer, /at least \[5\] Business Days' written notice/);
    assert.match(customer, /audits up to a total of \[2\] in any period of \[12\] months/);
    assert.match(supplier, /at least \[20\] Business Days' written notice/);
    assert.match(supplier, /must not see information about the Supplier's other customers/);
  });

  it('keeps the definitions it adds as plain text when the clause itself is a snippet', () => {
    const actions = auditActions(review({ text: WEAK_MSA, path: 'weak-msa.md' }), { snippets: true, documentChanges: true });
    const edits = (actions[0].edit!.documentChanges![0] as { edits: Array<{ newText?: string; snippet?: { value: string } }> }).edits;
    assert.ok(edits.some((e) => e.snippet?.value.includes('Audit Rights')), 'the clause is a snippet');
    const definition = edits.find((e) => e.newText?.includes('"Business Day" means'));
    assert.ok(definition, 'the definition is a plain text edit');
  });
});

describe('lsp: the hover shows how the positions differ', () => {
  // The audit finding alone (on weak-msa.md it shares the title line with other findings).
  function auditHover(result: ReviewResult): string {
    const i = result.diagnostics.findIndex((x) => x.ruleId === 'audit-rights');
    const d = result.diagnostics[i];
    const hover = hoverAt({ ...result, diagnostics: [d], fixSpecs: [result.fixSpecs[i]] }, d.range.start);
    assert.ok(hover);
    return (hover.contents as { value: string }).value;
  }

  it('lists the three positions with their tradeoffs and differences, marking the one offered first', () => {
    const text = auditHover(review({ text: WEAK_MSA, path: 'weak-msa.md' }));
    assert.match(text, /\*Positions\* \(the quick fix offers the balanced one first\):/);
    assert.match(text, /- \*\*balanced\*\* \(offered first\): Audits once a year on notice/);
    assert.match(text, /- \*\*customer-favourable\*\*: The customer gets short notice[^\n]*\*Differs:\* rewrites paragraphs 3 and 6; Business Days of notice before an ordinary audit: 5 \(balanced 10\)/);
    assert.match(text, /- \*\*supplier-favourable\*\*: The supplier gets one audit a year[^\n]*rewrites paragraphs 2, 3 and 6/);
  });

  it('marks the front matter\'s choice and quotes its wording as the example', () => {
    const text = auditHover(review({ text: withPosition(WEAK_MSA, 'supplier'), path: 'weak-msa.md' }));
    assert.match(text, /offers the supplier-favourable one first/);
    assert.match(text, /- \*\*supplier-favourable\*\* \(offered first\)/);
  });
});

describe('lsp: the clausePosition setting', () => {
  it('passes the setting on and lets a later source win', () => {
    assert.equal(sanitizeSettings({ clausePosition: 'supplier' }).clausePosition, 'supplier');
    assert.equal(sanitizeSettings({ clausePosition: 3 }).clausePosition, undefined);
    assert.equal(mergeSettings({ clausePosition: 'customer' }, { clausePosition: 'supplier' }).clausePosition, 'supplier');
    assert.equal(mergeSettings({ clausePosition: 'customer' }, {}).clausePosition, 'customer');
  });

  it('can be set in a .clausewise.yaml, which rejects a value that is not a position', () => {
    assert.equal(parseConfig('clausePosition: supplier\n', '/x/.clausewise.yaml')?.clausePosition, 'supplier');
    assert.throws(() => parseConfig('clausePosition: vendor\n', '/x/.clausewise.yaml'), (e: unknown) => e instanceof ConfigError && /clausePosition/.test(e.message));
    const files: Record<string, string> = { '/r/.git/HEAD': 'x', '/r/.clausewise.yaml': 'clausePosition: customer\n' };
    const loader = new ConfigLoader({ readFile: (p) => files[p] ?? null, exists: (p) => p in files || Object.keys(files).some((f) => f.startsWith(`${p}/`)) });
    assert.equal(loader.forFile('/r/contracts/msa.md').settings.clausePosition, 'customer');
  });

  it('is declared in package.json with the three positions, balanced by default', () => {
    const pkg = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8'));
    const prop = pkg.contributes.configuration.properties['clausewise.clausePosition'];
    assert.deepEqual(prop.enum, ['customer', 'balanced', 'supplier']);
    assert.equal(prop.default, 'balanced');
    assert.equal(prop.enumDescriptions.length, 3);
  });
});
