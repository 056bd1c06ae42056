/**
 * Defined terms as symbols and cross-references as links, over LSP (issue 6), with the server in
 * memory (./memory.ts). Covers initialize capabilities, definition, references, hover, prepareRename
 * and rename, completion, document links and semantic tokens.
 */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

import { MemoryClient as Client, type Position, type Range } from './memory';
import { ROOT } from './client';

// ---------------------------------------------------------------------------------------------
// A contract written for these tests.

const TEXT = `# Managed Hosting Agreement

This Agreement is made between Larkspur Retail Group plc (the "Customer") and Tailspin Systems Limited (the "Supplier").

## 1. Definitions

"Service" means the hosting service described in Schedule 1.

"Service Credit" means a credit calculated under clause 3.2.

"Charges" means the fees in clause 4.

## 2. Services

2.1 The Supplier shall provide the Services, and each Service shall meet clause 3.

2.2 THE SUPPLIER'S SERVICES ARE PROVIDED WITH THE CARE OF A PRUDENT OPERATOR.

2.3 The Supplier shall keep an Incident Log for each Service.

## 3. Service Levels

3.1 The Supplier shall make each Service available 99.9% of the time.

3.2 The Supplier shall pay a Service Credit for each month it misses the target.

## 4. Charges

4.1 The Customer shall pay the Charges monthly, less any Service Credits.
`;

const LINES = TEXT.split('\n');
/** Position of the n-th (0-based) occurrence of `needle`, plus `offset` characters. */
function pos(needle: string, n = 0, offset = 1): Position {
  let count = 0;
  for (let line = 0; line < LINES.length; line++) {
    let from = 0;
    for (;;) {
      const at = LINES[line].indexOf(needle, from);
      if (at < 0) break;
      if (count++ === n) return { line, character: at + offset };
      from = at + 1;
    }
  }
  throw new Error(`"${needle}" #${n} not found`);
}
function textOf(r: Range): string {
  assert.equal(r.start.line, r.end.line);
  return LINES[r.start.line].slice(r.start.character, r.end.character);
}
function applyEdits(text: string, edits: Array<{ range: Range; newText: string }>): string {
  const lines = text.split('\n');
  const offset = (p: Position) => lines.slice(0, p.line).reduce((a, l) => a + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

describe('language server: defined terms and cross-references', function () {
  this.timeout(30000);
  let client: Client;
  const uri = pathToFileURL(path.join(ROOT, 'test', 'lsp', 'terms-contract.md')).href;

  before(async () => {
    client = await new Client().start();
    await client.open(uri, TEXT);
  });
  after(() => client?.stop());

  it('advertises definition, references, rename with prepare, completion, document links and semantic tokens', () => {
    const c = client.capabilities;
    assert.equal(c.definitionProvider, true);
    assert.equal(c.referencesProvider, true);
    assert.deepEqual(c.renameProvider, { prepareProvider: true });
    assert.ok(c.completionProvider.triggerCharacters.includes('"'));
    assert.ok(c.completionProvider.triggerCharacters.includes('S'));
    assert.ok(c.documentLinkProvider);
    assert.deepEqual(c.semanticTokensProvider.legend, { tokenTypes: ['definedTerm', 'undefinedTerm'], tokenModifiers: ['declaration'] });
    assert.equal(c.semanticTokensProvider.full, true);
    assert.equal(c.hoverProvider, true);
  });

  it('goes from a use of a term (plural, singular, possessive, capitals) to its definition', async () => {
    for (const at of [pos('Services', 1), pos('Service shall'), pos("SUPPLIER'S"), pos('Service Credits', 0, 3)]) {
      const locs = await client.request<Array<{ uri: string; range: Range }>>('textDocument/definition', { textDocument: { uri }, position: at });
      assert.equal(locs.length, 1, JSON.stringify(at));
      assert.equal(locs[0].uri, uri);
    }
    const [service] = await client.request<Array<{ range: Range }>>('textDocument/definition', { textDocument: { uri }, position: pos('Services', 1) });
    assert.equal(textOf(service.range), 'Service');
    assert.equal(service.range.start.line, pos('"Service" means').line);
    const [credit] = await client.request<Array<{ range: Range }>>('textDocument/definition', { textDocument: { uri }, position: pos('Service Credits', 0, 10) });
    assert.equal(textOf(credit.range), 'Service Credit', 'the longer term wins');
  });

  it('goes from a cross-reference to the clause it names', async () => {
    const [loc] = await client.request<Array<{ range: Range }>>('textDocument/definition', { textDocument: { uri }, position: pos('clause 3.2', 0, 8) });
    assert.equal(LINES[loc.range.start.line].startsWith('3.2 '), true);
    const none = await client.request('textDocument/definition', { textDocument: { uri }, position: pos('hosting service described') });
    assert.equal(none, null, 'an ordinary word has no definition');
  });

  it('finds every reference of a term, with or without its declaration', async () => {
    const all = await client.request<Array<{ range: Range }>>('textDocument/references', { textDocument: { uri }, position: pos('Service shall'), context: { includeDeclaration: true } });
    const words = all.map((l) => textOf(l.range));
    // The definition, the heading "Services", uses in text (plural, singular, capitals), and "Service" in the heading "Service Levels".
    assert.deepEqual(words, ['Service', 'Services', 'Services', 'Service', 'SERVICES', 'Service', 'Service', 'Service']);
    assert.equal(all[0].range.start.line, pos('"Service" means').line);
    const uses = await client.request<Array<{ range: Range }>>('textDocument/references', { textDocument: { uri }, position: pos('Service shall'), context: { includeDeclaration: false } });
    assert.equal(uses.length, all.length - 1);
  });

  it('shows the definition on hover over a use of a term', async () => {
    const hover = await client.request<{ contents: { kind: string; value: string }; range: Range }>('textDocument/hover', { textDocument: { uri }, position: pos('the Charges monthly', 0, 6) });
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /\*\*Charges\*\* \(defined term\)/);
    assert.match(hover.contents.value, /"Charges" means the fees in clause 4\./);
    assert.match(hover.contents.value, /Defined on line 11\./);
    assert.equal(textOf(hover.range), 'Charges');
  });

  it('rejects renaming anything but a defined term', async () => {
    await assert.rejects(client.request('textDocument/prepareRename', { textDocument: { uri }, position: pos('hosting service described') }), /Only a defined term can be renamed/);
    const ok = await client.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri }, position: pos('Services', 1) });
    assert.equal(ok.placeholder, 'Services');
    assert.equal(textOf(ok.range), 'Services');
  });

  it('renames a term at its definition and every use, keeping plurals, possessives and capitals', async () => {
    const edit = await client.request<{ changes: Record<string, Array<{ range: Range; newText: string }>> }>('textDocument/rename', { textDocument: { uri }, position: pos('Services', 1), newName: 'Offerings' });
    const after = applyEdits(TEXT, edit.changes[uri]);
    assert.ok(after.includes('"Offering" means the hosting service described in Schedule 1.'));
    assert.ok(after.includes('2.1 The Supplier shall provide the Offerings, and each Offering shall meet clause 3.'));
    assert.ok(after.includes("THE SUPPLIER'S OFFERINGS ARE PROVIDED"));
    assert.ok(after.includes('"Service Credit" means'), 'a longer term that starts with the same word is not touched');
    assert.ok(after.includes('less any Service Credits.'));
    await assert.rejects(client.request('textDocument/rename', { textDocument: { uri }, position: pos('Services', 1), newName: 'Charge' }), /already defines "Charges"/);
  });

  it('completes defined terms as you type a capital letter or after a quote', async () => {
    const doc2 = pathToFileURL(path.join(ROOT, 'test', 'lsp', 'terms-completion.md')).href;
    const text = `${TEXT}\n4.2 The Supplier shall refund any Ser\n`;
    await client.open(doc2, text);
    const line = text.split('\n').length - 2;
    const character = text.split('\n')[line].length;
    const list = await client.request<{ items: Array<{ label: string; textEdit: { range: Range; newText: string }; detail: string }> }>('textDocument/completion', { textDocument: { uri: doc2 }, position: { line, character }, context: { triggerKind: 2, triggerCharacter: 'r' } });
    const labels = list.items.map((i) => i.label);
    assert.ok(labels.includes('Service'));
    assert.ok(labels.includes('Service Credit'));
    assert.ok(labels.includes('Services'), 'the plural the contract uses');
    assert.ok(!labels.includes('Charges'), 'terms that do not start with what was typed are left out');
    const item = list.items.find((i) => i.label === 'Service Credit')!;
    assert.equal(item.detail, 'Defined term');
    assert.deepEqual(item.textEdit.range, { start: { line, character: character - 3 }, end: { line, character } });
    const quoted = await client.request<{ items: Array<{ label: string }> }>('textDocument/completion', { textDocument: { uri }, position: pos('"Charges"', 0, 1), context: { triggerKind: 2, triggerCharacter: '"' } });
    assert.ok(quoted.items.some((i) => i.label === 'Charges'));
  });

  it('links cross-references to the clause they name', async () => {
    const links = await client.request<Array<{ range: Range; target: string; tooltip?: string }>>('textDocument/documentLink', { textDocument: { uri } });
    const byText = new Map(links.map((l) => [textOf(l.range), l]));
    assert.ok(byText.has('clause 3.2'));
    assert.equal(byText.get('clause 3.2')!.target, `${uri}#L${pos('3.2 The Supplier').line + 1}`);
    assert.match(byText.get('clause 3.2')!.tooltip!, /Go to 3\.2/);
    assert.equal(byText.get('clause 4')!.target, `${uri}#L${pos('## 4. Charges').line + 1}`);
    assert.ok(!byText.has('Schedule 1'), 'a schedule kept in another file is not linked');
  });

  it('returns semantic tokens: defined terms, the definition marked as declaration', async () => {
    const tokens = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.equal(tokens.data.length % 5, 0);
    const decoded: Array<{ text: string; type: number; mods: number }> = [];
    let line = 0;
    let ch = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      const [dl, dc, len, type, mods] = tokens.data.slice(i, i + 5);
      line += dl;
      ch = dl === 0 ? ch + dc : dc;
      decoded.push({ text: LINES[line].slice(ch, ch + len), type, mods });
    }
    assert.ok(decoded.some((t) => t.text === 'Service' && t.type === 0 && t.mods === 1), 'the definition');
    assert.ok(decoded.some((t) => t.text === 'Services' && t.type === 0 && t.mods === 0), 'a use');
    assert.ok(decoded.some((t) => t.text === 'SERVICES' && t.type === 0), 'a use in capitals');
    assert.ok(!decoded.some((t) => t.type === 1), 'no undefined-term tokens while that opt-in rule is off');
  });

  it('offers the numbering "Renumber" quick fix, which also updates cross-references', async () => {
    const doc = pathToFileURL(path.join(ROOT, 'test', 'lsp', 'terms-numbering.md')).href;
    const text = TEXT.replace('3.2 The Supplier shall pay', '3.4 The Supplier shall pay').replace('under clause 3.2', 'under clause 3.4');
    await client.open(doc, text);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.startsWith('3.4 '));
    const range = { start: { line, character: 0 }, end: { line, character: 3 } };
    const actions = await client.request<Array<{ title: string; kind: string; edit: { changes?: Record<string, Array<{ range: Range; newText: string }>>; documentChanges?: Array<{ edits: Array<{ range: Range; newText: string }> }> } }>>('textDocument/codeAction', { textDocument: { uri: doc }, range, context: { diagnostics: [], only: ['quickfix'] } });
    const renumber = actions.find((a) => a.title.startsWith('Renumber'));
    assert.ok(renumber, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(renumber.kind, 'quickfix');
    assert.equal(renumber.title, 'Renumber 3.4 as 3.2 and update 1 cross-reference');
    const edits = renumber.edit.changes?.[doc] ?? renumber.edit.documentChanges![0].edits;
    const after = applyEdits(text, edits);
    assert.ok(after.includes('3.2 The Supplier shall pay a Service Credit'));
    assert.ok(after.includes('"Service Credit" means a credit calculated under clause 3.2.'));
  });

  it('marks capitalised terms the undefined-term rule flags, when it is switched on', async () => {
    const c2 = await new Client().start();
    try {
      c2.notify('workspace/didChangeConfiguration', { settings: { clausewise: { severity: { 'undefined-term': 'warning' } } } });
      await c2.open(uri, TEXT);
      const tokens = await c2.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
      let line = 0;
      let ch = 0;
      const undefinedTokens: string[] = [];
      for (let i = 0; i < tokens.data.length; i += 5) {
        const [dl, dc, len, type] = tokens.data.slice(i, i + 5);
        line += dl;
        ch = dl === 0 ? ch + dc : dc;
        if (type === 1) undefinedTokens.push(LINES[line].slice(ch, ch + len));
      }
      assert.deepEqual(undefinedTokens, ['Incident Log']);
    } finally {
      await c2.stop();
    }
  });
});
