// The extension in a real VS Code (run by test/vscode/run.mjs with @vscode/test-electron).
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import * as vscode from 'vscode';

const WORKSPACE = process.env.CLAUSEWISE_TEST_WORKSPACE ?? '';

async function until<T>(fn: () => T | undefined | false | Promise<T | undefined | false>, what: string, ms = 30000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function clausewise(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'clausewise');
}

function ruleId(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' ? d.code.value : d.code);
}

describe('Clausewise in VS Code', () => {
  let doc: vscode.TextDocument;

  before(async () => {
    doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(WORKSPACE, 'weak-msa.md')));
    await vscode.window.showTextDocument(doc);
    await until(() => clausewise(doc.uri).length > 10, 'Clausewise findings');
  });

  it('reports findings with rule ids, documentation links and their category in data', () => {
    const audit = clausewise(doc.uri).find((d) => ruleId(d) === 'audit-rights');
    assert.ok(audit, 'an audit-rights finding');
    assert.equal(audit.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(typeof audit.code === 'object' && audit.code.target.toString().includes('audit-rights'));
    assert.equal((audit as vscode.Diagnostic & { data?: { category?: string } }).data?.category, 'audit-rights');
  });

  it('explains a finding on hover', async () => {
    const audit = clausewise(doc.uri).find((d) => ruleId(d) === 'audit-rights')!;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, audit.range.start);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /Why it matters/);
    assert.match(text, /Source:/);
    assert.match(text, /Good wording/);
  });

  it('inserts a clause with a quick fix', async () => {
    const audit = clausewise(doc.uri).find((d) => ruleId(d) === 'audit-rights')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, audit.range, vscode.CodeActionKind.QuickFix.value);
    const insert = actions.find((a) => a.title.startsWith('Insert clause: Audit Rights'));
    assert.ok(insert?.edit, `an "Insert clause: Audit Rights" action among ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(insert.edit));
    assert.match(doc.getText(), /^#+ \d+\. Audit Rights$/m);
    await until(() => !clausewise(doc.uri).some((d) => ruleId(d) === 'audit-rights'), 'the audit-rights finding to go');
  });

  it('outlines the numbered sections', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    const names = JSON.stringify(symbols.map((s) => [s.name, s.children.map((c) => c.name)]));
    assert.match(names, /Definitions/);
  });

  it('registers the commands and shows the Contract Review view', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['clausewise.reviewDocument', 'clausewise.insertClause', 'clausewise.showCoverage', 'clausewise.chooseProfile', 'clausewise.exportReport', 'clausewise.acceptFinding', 'clausewise.openExample']) {
      assert.ok(commands.includes(id), id);
    }
    await vscode.commands.executeCommand('clausewise.showCoverage');
  });

  it('inserts a clause from the library by id', async () => {
    await vscode.window.showTextDocument(doc);
    const ok = await vscode.commands.executeCommand<boolean>('clausewise.insertClause', { clauseId: 'insurance', at: 'suggested' });
    assert.equal(ok, true);
    assert.match(doc.getText(), /^#+ \d+\. Insurance$/m);
  });

  it('reviews a document that does not read as a contract only when asked', async () => {
    const notes = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(WORKSPACE, 'notes.md')));
    await vscode.window.showTextDocument(notes);
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(clausewise(notes.uri).length, 0);
    const result = await vscode.commands.executeCommand<{ isContract: boolean }>('clausewise.reviewDocument', notes.uri);
    assert.equal(result?.isContract, true);
  });

  it('opens the bundled example contract', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('clausewise.openExample');
    assert.ok(editor?.document.isUntitled);
    await until(() => clausewise(editor!.document.uri).length > 10, 'findings on the example');
  });
});
