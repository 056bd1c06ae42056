/**
 * The language server's behaviour, in memory: createServer over paired streams (./memory.ts), as an
 * editor drives it. The stdio transport itself is covered by ./stdio.test.ts.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MemoryClient as LspClient } from './memory';
import { CATEGORY_IDS, docsUrl, getRule, review, RULES, type FixInfo } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '..', '..');
const WEAK_MSA = path.join(ROOT, 'examples', 'weak-msa.md');

// ---------------------------------------------------------------------------------------------
// Protocol shapes the tests read

interface Position { line: number; character: number }
interface Range { start: Position; end: Position }
interface Diagnostic {
  range: Range;
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  data?: { category: string | null; clauseIds?: string[]; citations?: string[] };
}
interface PublishParams { uri: string; version?: number; diagnostics: Diagnostic[] }
interface TextEdit { range: Range; newText: string }
interface SnippetEdit { range: Range; snippet: { kind: 'snippet'; value: string } }
type AnyEdit = TextEdit | SnippetEdit;
interface WorkspaceEdit {
  changes?: Record<string, TextEdit[]>;
  documentChanges?: Array<{ textDocument: { uri: string; version: number | null }; edits: AnyEdit[] }>;
}
interface CodeAction { title: string; kind?: string; isPreferred?: boolean; diagnostics?: Diagnostic[]; edit?: WorkspaceEdit }
interface StatusParams { uri: string; isContract: boolean; reason: string; profiles: string[]; covered: number; weak: number; missing: number; total: number }
interface DocumentSymbol { name: string; kind: number; range: Range; selectionRange: Range; children?: DocumentSymbol[] }

// ---------------------------------------------------------------------------------------------
// Text helpers

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  return starts;
}

function offsetAt(text: string, pos: Position): number {
  const starts = lineStarts(text);
  if (pos.line >= starts.length) return text.length;
  const next = pos.line + 1 < starts.length ? starts[pos.line + 1] : text.length;
  return Math.min(starts[pos.line] + pos.character, next);
}

function textAt(text: string, r: Range): string {
  return text.slice(offsetAt(text, r.start), offsetAt(text, r.end));
}

/** Snippet syntax to the text it expands to with the defaults (tab stops take their placeholders). */
function expandSnippet(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length && '$}\\'.includes(s[i + 1])) { out += s[++i]; continue; }
    if (c === '$') {
      const m = /^\$(\d+)|^\$\{(\d+)\}/.exec(s.slice(i));
      if (m) { i += m[0].length - 1; continue; }
      if (s.startsWith('${', i)) {
        const colon = s.indexOf(':', i);
        // Placeholder "${1:default}": keep the default (no nested placeholders in clause snippets).
        let j = colon + 1;
        let inner = '';
        while (j < s.length && s[j] !== '}') {
          if (s[j] === '\\' && j + 1 < s.length) { inner += s[j + 1]; j += 2; continue; }
          inner += s[j++];
        }
        out += inner;
        i = j;
        continue;
      }
    }
    out += c;
  }
  return out;
}

function editText(e: AnyEdit): string {
  return 'snippet' in e ? expandSnippet(e.snippet.value) : e.newText;
}

function editsFor(edit: WorkspaceEdit, uri: string): AnyEdit[] {
  if (edit.documentChanges) return edit.documentChanges.filter((d) => d.textDocument.uri === uri).flatMap((d) => d.edits);
  return edit.changes?.[uri] ?? [];
}

/** Applies a WorkspaceEdit's edits for one document, the way an editor would (all against the original text). */
function applyEdit(text: string, edit: WorkspaceEdit, uri: string): string {
  const edits = editsFor(edit, uri)
    .map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), text: editText(e) }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Every line of `before` is in `after`, in order (nothing the user wrote is lost). */
/** As assertLinesKept, with clause numbers ignored (a fix that renumbers says so in its title). */
function assertLinesKeptRenumbered(before: string, after: string): void {
  const strip = (s: string) => s.replace(/^([ \t>#*]*)\d+(?:\.\d+)*/gm, '$1#').replace(/\b(clauses?|sections?)\s+\d+(?:\.\d+)*/gi, '$1 #');
  assertLinesKept(strip(before), strip(after));
}

function assertLinesKept(before: string, after: string): void {
  const lines = after.split(/\r?\n/);
  let at = 0;
  for (const line of before.split(/\r?\n/)) {
    const found = lines.indexOf(line, at);
    assert.ok(found >= 0, `line lost after the fix: ${JSON.stringify(line)}`);
    at = found + 1;
  }
}

function uriOf(name: string): string {
  return pathToFileURL(path.join('/tmp/clausewise-lsp-test', name)).href;
}

// ---------------------------------------------------------------------------------------------
// Documents

const WEAK = `# IT Support Services Agreement

This Agreement is made between Acme Bank plc (the "Customer") and Widget Systems Ltd (the "Supplier"). The Customer and the Supplier are each a "Party".

## 1. Services

1.1 The Supplier shall provide IT support services to the Customer in a timely manner.

1.2 The Supplier shall use best efforts to keep the systems running with high availability.

## 2. Security

2.1 The Supplier shall take appropriate measures to protect the Customer's data.

## 3. Charges

3.1 The Customer shall pay the Supplier the charges set out in the order form within 30 days of receipt of a valid invoice.

## 4. Term and Termination

4.1 This Agreement starts on the Effective Date and continues for two years. Either Party may terminate this Agreement on 90 days' written notice.

## 5. Governing Law

5.1 This Agreement is governed by the laws of England and Wales, and the courts of England have exclusive jurisdiction.
`;

const README = `# widget-cli

A small command-line tool for formatting widgets.

## Install

\`\`\`sh
npm install -g widget-cli
\`\`\`

## Usage

Run \`widget format <file>\` to format a widget file in place. The tool will read the file, apply the
house style and write it back. You can pass \`--check\` to only report files that need formatting.

## Contributing

Pull requests are welcome. Please run the tests before you open one, and describe what you changed.
`;

const KNOWN_RULES = () => new Set(RULES.map((r) => r.meta.id));
const SERVER_CODES = new Set(['file-skipped', 'invalid-config']);

function ruleDiagnostics(p: PublishParams): Diagnostic[] {
  return p.diagnostics.filter((d) => !SERVER_CODES.has(String(d.code)));
}

async function codeActionsFor(client: LspClient, uri: string, d: Diagnostic): Promise<CodeAction[]> {
  return client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] },
  });
}

function countSymbols(list: DocumentSymbol[]): number {
  return list.reduce((n, s) => n + 1 + countSymbols(s.children ?? []), 0);
}

/** The outline of a text, from a scratch document. */
async function symbolsOf(client: LspClient, text: string): Promise<DocumentSymbol[]> {
  const uri = uriOf(`scratch-${client.mark()}.md`);
  await client.open(uri, text);
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  client.notify('textDocument/didClose', { textDocument: { uri } });
  return symbols;
}

const engineReviews = new Map<string, ReturnType<typeof review>>();
/**
 * The quick fixes the engine lists for a published diagnostic (`data` no longer carries them: the
 * server works them out from its review), from a review of the same text in this process.
 */
function fixesOf(text: string, d: Diagnostic): FixInfo[] {
  let r = engineReviews.get(text);
  if (!r) engineReviews.set(text, (r = review({ text })));
  const same = (a: Range, b: Range) => a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
  const found = r.diagnostics.find((x) => x.ruleId === d.code && x.message === d.message && same(x.range, d.range));
  assert.ok(found, `${d.code} at line ${d.range.start.line + 1} is a finding of the engine's review`);
  return found.fixes;
}

function sameFinding(a: Diagnostic, b: Diagnostic): boolean {
  return a.code === b.code && a.message === b.message;
}

// ---------------------------------------------------------------------------------------------

describe('lsp: language server', function () {

  describe('client without workspace/configuration (initializationOptions, documentChanges)', () => {
    let client: LspClient;
    before(async () => {
      client = await new LspClient({
        capabilities: { workspace: { workspaceEdit: { documentChanges: true } }, textDocument: { hover: { contentFormat: ['markdown'] } } },
        initializationOptions: { debounceMs: 0, settings: {} },
      }).start();
    });
    after(() => client?.stop());

    it('initialize advertises incremental sync, quick fixes, hover, outline and folding', () => {
      const caps = client.initializeResult!.capabilities as Record<string, any>;
      assert.equal(caps.textDocumentSync.change, 2);
      assert.equal(caps.textDocumentSync.openClose, true);
      assert.deepEqual(caps.codeActionProvider.codeActionKinds, ['quickfix']);
      assert.equal(caps.hoverProvider, true);
      assert.ok(caps.documentSymbolProvider);
      assert.ok(caps.foldingRangeProvider);
      assert.equal(client.initializeResult!.serverInfo?.name, 'clausewise');
    });

    it('publishes diagnostics for a weak contract on open: source, code = rule id, codeDescription, data.category', async () => {
      const uri = uriOf('weak-open.md');
      const p = await client.open(uri, WEAK);
      assert.equal(p.version, 1);
      const known = KNOWN_RULES();
      assert.ok(ruleDiagnostics(p).length >= 1, 'at least one finding');
      for (const d of p.diagnostics) {
        assert.equal(d.source, 'clausewise');
        assert.equal(typeof d.code, 'string');
        assert.equal(d.codeDescription?.href, docsUrl(String(d.code)));
        assert.ok(d.severity && d.severity >= 1 && d.severity <= 4);
        assert.ok(d.data && 'category' in d.data, 'data.category');
      }
      for (const d of ruleDiagnostics(p)) {
        assert.ok(known.has(String(d.code)), `${d.code} is a rule id`);
        assert.ok((CATEGORY_IDS as readonly string[]).includes(d.data!.category!) || d.data!.category === 'drafting', `${d.data!.category} is a category`);
        assert.equal(d.data!.category, getRule(String(d.code))!.meta.category);
        // Only what the diagnostic does not say otherwise: no rule id (it is the code), no fixes (code actions).
        assert.deepEqual(Object.keys(d.data!).filter((k) => k !== 'citations'), d.data!.clauseIds ? ['category', 'clauseIds'] : ['category']);
        const clauses = fixesOf(WEAK, d).flatMap((f) => (f.clauseId ? [f.clauseId] : []));
        assert.deepEqual(d.data!.clauseIds ?? [], [...new Set(clauses)], `${d.code}: the clauses its fixes insert`);
      }
      // The weak contract has no measurable service levels and generic security.
      const codes = new Set(p.diagnostics.map((d) => d.code));
      if (known.has('sla-metrics')) assert.ok(codes.has('sla-metrics'), 'sla-metrics reported');
      client.notify('textDocument/didClose', { textDocument: { uri } });
    });

    it('sends clausewise/status after publishing', async () => {
      const uri = uriOf('weak-status.md');
      const since = client.mark();
      await client.open(uri, WEAK);
      const status = await client.waitFor<StatusParams>('clausewise/status', (s) => s.uri === uri, since);
      assert.equal(status.isContract, true);
      assert.deepEqual(status.profiles, ['it-outsourcing']);
      assert.equal(status.total, CATEGORY_IDS.length);
      assert.equal(status.covered + status.weak + status.missing, status.total);
      assert.ok(status.missing > 0);
      client.notify('textDocument/didClose', { textDocument: { uri } });
    });

    it('a quick fix that inserts a clause (sent back as an incremental change) removes its finding and keeps every line', async () => {
      const uri = uriOf('weak-insert.md');
      const p = await client.open(uri, WEAK);
      const target = ruleDiagnostics(p).find((d) => fixesOf(WEAK, d).some((f) => f.kind === 'insertClause'));
      assert.ok(target, 'a finding with an insert-clause fix');
      const actions = await codeActionsFor(client, uri, target!);
      const action = actions.find((a) => a.diagnostics?.some((d) => sameFinding(d, target!)));
      assert.ok(action, 'a code action for the finding');
      assert.equal(action!.kind, 'quickfix');
      assert.equal(action!.isPreferred, true);
      assert.ok(action!.edit?.documentChanges, 'documentChanges for a client that supports them');
      const docEdit = action!.edit!.documentChanges![0];
      assert.equal(docEdit.textDocument.uri, uri);
      assert.equal(docEdit.textDocument.version, 1);
      for (const e of docEdit.edits) {
        assert.ok('newText' in e, 'plain text edit (no snippet support declared)');
        assert.deepEqual(e.range.start, e.range.end, 'an insertion has an empty range');
      }
      const after = applyEdit(WEAK, action!.edit!, uri);
      assertLinesKept(WEAK, after);

      // Send the same edits as incremental changes (descending order, so positions stay valid).
      const since = client.mark();
      const changes = [...docEdit.edits]
        .sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)
        .map((e) => ({ range: e.range, text: editText(e) }));
      client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: changes });
      const p2 = await client.diagnostics(uri, 2, since);
      assert.ok(!p2.diagnostics.some((d) => sameFinding(d, target!)), `${target!.code} is fixed: ${JSON.stringify(p2.diagnostics.filter((d) => d.code === target!.code))}`);
      // The server's document matches the locally applied text: outline of both agree.
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      const names = (list: DocumentSymbol[]): unknown => list.map((x) => [x.name, names(x.children ?? [])]);
      assert.deepEqual(names(symbols), names(await symbolsOf(client, after)), 'the server applied the incremental change as the client did');
      assert.ok(countSymbols(symbols) > countSymbols(await symbolsOf(client, WEAK)), 'the inserted clause is a new section');
      client.notify('textDocument/didClose', { textDocument: { uri } });
    });

    it('a quick fix that replaces vague words changes only the flagged words and removes the finding', async function () {
      const uri = uriOf('weak-replace.md');
      const p = await client.open(uri, WEAK);
      const target = ruleDiagnostics(p).find((d) => fixesOf(WEAK, d).some((f) => f.kind === 'replace'));
      if (!target) return this.skip();
      const actions = await codeActionsFor(client, uri, target);
      const action = actions.find((a) => a.diagnostics?.some((d) => sameFinding(d, target)) && a.title === fixesOf(WEAK, target).find((f) => f.kind === 'replace')!.title);
      assert.ok(action, 'a replace action');
      const edits = editsFor(action!.edit!, uri);
      const start = offsetAt(WEAK, target.range.start);
      const end = offsetAt(WEAK, target.range.end);
      for (const e of edits) {
        assert.ok(offsetAt(WEAK, e.range.start) >= start && offsetAt(WEAK, e.range.end) <= end, 'the edit stays inside the flagged words');
      }
      const after = applyEdit(WEAK, action!.edit!, uri);
      assert.ok(after.startsWith(WEAK.slice(0, start)), 'text before the flagged words is unchanged');
      assert.ok(after.endsWith(WEAK.slice(end)), 'text after the flagged words is unchanged');
      const p2 = await client.change(uri, 2, after);
      assert.ok(!p2.diagnostics.some((d) => sameFinding(d, target) && d.range.start.line === target.range.start.line && d.range.start.character === target.range.start.character), 'the vague wording is fixed');
      client.notify('textDocument/didClose', { textDocument: { uri } });
    });

    it('no quick fix deletes text: insertions have empty ranges, replacements stay inside the flagged words', async () => {
      for (const [name, text] of [['weak-all.md', WEAK], ['weak-msa.md', fs.existsSync(WEAK_MSA) ? fs.readFileSync(WEAK_MSA, 'utf8') : '']] as const) {
        if (!text) continue;
        const uri = uriOf(name);
        const p = await client.open(uri, text);
        let checked = 0;
        for (const d of ruleDiagnostics(p)) {
          // The fixes of the finding (its "Accept this finding…" action is checked in the suppression tests).
          const actions = (await codeActionsFor(client, uri, d)).filter((a) => a.diagnostics?.some((x) => sameFinding(x, d)) && !a.title.startsWith('Accept this finding'));
          // One action per fix; an inserted clause once per position (customer, balanced, supplier).
          const expected = fixesOf(text, d).reduce((n, f) => n + (f.kind === 'insertClause' ? 3 : 1), 0);
          assert.equal(actions.length, expected, `${d.code}: one action per fix and clause position`);
          if (actions.length) assert.equal(actions[0].isPreferred, true);
          for (const a of actions) {
            const replace = /^replace\b/i.test(a.title);
            const renumbers = /\(renumbers /.test(a.title);
            for (const e of editsFor(a.edit!, uri)) {
              const empty = e.range.start.line === e.range.end.line && e.range.start.character === e.range.end.character;
              const removed = text.slice(offsetAt(text, e.range.start), offsetAt(text, e.range.end));
              if (renumbers && !empty && /^\d+(?:\.\d+)*$/.test(removed)) {
                // A clause number the title says it renumbers.
              } else if (replace && !empty) {
                assert.ok(offsetAt(text, e.range.start) >= offsetAt(text, d.range.start) && offsetAt(text, e.range.end) <= offsetAt(text, d.range.end), `${a.title}: inside the flagged words`);
              } else {
                assert.deepEqual(e.range.start, e.range.end, `${a.title}: insertion only`);
              }
            }
            const after = applyEdit(text, a.edit!, uri);
            if (!replace) assertLinesKeptRenumbered(text, after);
            checked++;
          }
        }
        assert.ok(checked > 0, `${name}: some quick fixes`);
        client.notify('textDocument/didClose', { textDocument: { uri } });
      }
    });

    it('every quick fix of the weak contract, applied, removes the finding it was offered for', async function () {
      // Each inserted clause is offered in three positions, each applied and reviewed in turn.
      this.timeout(180000);
      const uri = uriOf('weak-every-fix.md');
      const p = await client.open(uri, WEAK);
      let version = 1;
      const failures: string[] = [];
      for (const d of ruleDiagnostics(p)) {
        for (const a of (await codeActionsFor(client, uri, d)).filter((x) => x.diagnostics?.some((y) => sameFinding(y, d)))) {
          const after = applyEdit(WEAK, a.edit!, uri);
          const fixed = await client.change(uri, ++version, after);
          const replace = /^replace\b/i.test(a.title);
          const still = fixed.diagnostics.some((x) => sameFinding(x, d) && (!replace || (x.range.start.line === d.range.start.line && x.range.start.character === d.range.start.character)));
          if (still) failures.push(`${d.code}: "${a.title}"`);
          // Back to the original text (its diagnostics were already checked), for the next fix.
          await client.change(uri, ++version, WEAK);
        }
      }
      assert.deepEqual(failures, [], 'fixes that did not remove their finding');
      client.notify('textDocument/didClose', { textDocument: { uri } });
    });

    it('hover on a finding shows the rule title, message, rationale and docs link', async () => {
      const uri = uriOf('weak-hover.md');
      const p = await client.open(uri, WEAK);
      const d = ruleDiagnostics(p).find((x) => x.range.start.line > 0) ?? ruleDiagnostics(p)[0];
      const hover = await client.request<{ contents: { kind: string; value: string } } | null>('textDocument/hover', {
        textDocument: { uri }, position: d.range.start,
      });
      assert.ok(hover, 'a hover');
      assert.equal(hover!.contents.kind, 'markdown');
      const meta = getRule(String(d.code))!.meta;
      assert.ok(hover!.contents.value.includes(meta.title), 'rule title');
      assert.ok(hover!.contents.value.includes(d.message), 'message');
      assert.ok(hover!.contents.value.includes(meta.rationale), 'rationale');
      assert.ok(hover!.contents.value.includes(docsUrl(String(d.code))), 'docs link');
      client.notify('textDocument/didClose', { textDocument: { uri } });
    });

    it('hover on a section heading lists the categories that section evidences', async () => {
      const uri = uriOf('weak-hover-heading.md');
      await client.open(uri, WEAK);
      const line = WEAK.split('\n').indexOf('## 5. Governing Law');
      const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
        textDocument: { uri }, position: { line, character: 8 },
      });
      assert.ok(hover, 'a hover');
      assert.match(hover!.contents.value, /5\. Governing Law|5 Governing Law/);
      assert.match(hover!.contents.value, /Governing law/i);
      // A line of plain body text far from any finding gets no hover.
      const none = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: line + 1, character: 0 } });
      assert.equal(none, null);
      client.notify('textDocument/didClose', { textDocument: { uri } });
    });

    it('documentSymbol returns the section outline (numbers and titles, nested clauses), folding ranges cover sections', async () => {
      const uri = uriOf('weak-outline.md');
      await client.open(uri, WEAK);
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      const flat: string[] = [];
      const walk = (list: DocumentSymbol[], depth: number) => {
        for (const s of list) {
          assert.ok(s.name.trim(), 'non-empty name');
          assert.ok(offsetAt(WEAK, s.range.start) <= offsetAt(WEAK, s.selectionRange.start) && offsetAt(WEAK, s.selectionRange.end) <= offsetAt(WEAK, s.range.end), 'selectionRange inside range');
          flat.push(`${depth}:${s.name}`);
          walk(s.children ?? [], depth + 1);
        }
      };
      walk(symbols, 0);
      for (const name of ['1 Services', '2 Security', '3 Charges', '4 Term and Termination', '5 Governing Law']) {
        assert.ok(flat.some((f) => f.replace(/\.(?= )/, '').endsWith(name)), `${name} in ${JSON.stringify(flat)}`);
      }
      const services = symbols.flatMap(function all(s): DocumentSymbol[] { return [s, ...(s.children ?? []).flatMap(all)]; }).find((s) => /Services$/.test(s.name) && !/Agreement/.test(s.name));
      assert.ok(services, 'Services section');
      assert.ok((services!.children ?? []).length >= 1 || flat.some((f) => f.startsWith('1:') || f.startsWith('2:')), 'clauses are nested');
      const folds = await client.request<Array<{ startLine: number; endLine: number }>>('textDocument/foldingRange', { textDocument: { uri } });
      assert.ok(folds.length >= 5);
      for (const f of folds) assert.ok(f.endLine > f.startLine);
      client.notify('textDocument/didClose', { textDocument: { uri } });
    });

    it('a README-like document gets zero diagnostics, a not-a-contract status and no quick fixes', async () => {
      const uri = uriOf('README.md');
      const since = client.mark();
      const p = await client.open(uri, README);
      assert.deepEqual(p.diagnostics, []);
      const status = await client.waitFor<StatusParams>('clausewise/status', (s) => s.uri === uri, since);
      assert.equal(status.isContract, false);
      assert.ok(status.reason);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } }, context: { diagnostics: [] },
      });
      assert.deepEqual(actions, []);
      client.notify('textDocument/didClose', { textDocument: { uri } });
    });

    it('code actions honour context.only (no quick fixes when only source actions are asked for)', async () => {
      const uri = uriOf('weak-only.md');
      const p = await client.open(uri, WEAK);
      const d = ruleDiagnostics(p).find((x) => fixesOf(WEAK, x).length)!;
      const source = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['source.organizeImports'] } });
      assert.deepEqual(source, []);
      const any = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      assert.ok(any.length >= 1);
      client.notify('textDocument/didClose', { textDocument: { uri } });
    });

    it('didClose clears the diagnostics and nothing is published for the closed document afterwards', async () => {
      const uri = uriOf('weak-close.md');
      await client.open(uri, WEAK);
      // A change immediately followed by a close: the pending review must not publish.
      const since = client.mark();
      client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: WEAK + '\nMore text.\n' }] });
      client.notify('textDocument/didClose', { textDocument: { uri } });
      const cleared = await client.waitFor<PublishParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length === 0, since);
      assert.equal(cleared.version, undefined);
      // A round trip through the server, then nothing but the clearing was published.
      await client.request('clausewise/listClauses');
      await new Promise((r) => setTimeout(r, 50));
      const after = client.notifications<PublishParams>('textDocument/publishDiagnostics', (p) => p.uri === uri, since);
      assert.deepEqual(after.map((p) => p.diagnostics.length), [0]);
    });

    it('clausewise/reviewDocument forces a review of a non-contract, and the force holds until close', async () => {
      const uri = uriOf('notes.md');
      await client.open(uri, README);
      const since = client.mark();
      const summary = await client.request<{ isContract: boolean; reason: string; profiles: string[]; coverage: Record<string, string>; counts: Record<string, number> }>('clausewise/reviewDocument', { uri });
      assert.equal(summary.isContract, true);
      assert.match(summary.reason, /forced/);
      assert.deepEqual(summary.profiles, ['it-outsourcing']);
      assert.deepEqual(Object.keys(summary.coverage), [...CATEGORY_IDS]);
      for (const k of ['error', 'warning', 'information', 'hint']) assert.equal(typeof summary.counts[k], 'number');
      const published = await client.waitFor<PublishParams>('textDocument/publishDiagnostics', (p) => p.uri === uri, since);
      assert.equal(published.diagnostics.length, summary.counts.error + summary.counts.warning + summary.counts.information + summary.counts.hint);
      assert.ok(published.diagnostics.length > 0);
      const status = await client.waitFor<StatusParams>('clausewise/status', (s) => s.uri === uri, since);
      assert.equal(status.isContract, true);
      // Still forced after an edit.
      const p2 = await client.change(uri, 2, README + '\nOne more line.\n');
      assert.ok(p2.diagnostics.length > 0, 'still reviewed as a contract');
      // Closed and reopened: detection decides again.
      client.notify('textDocument/didClose', { textDocument: { uri } });
      const p3 = await client.open(uri, README, 3);
      assert.deepEqual(p3.diagnostics, []);
      client.notify('textDocument/didClose', { textDocument: { uri } });
    });

    it('clausewise/reviewDocument and clausewise/coverage answer null for a document that is not open', async () => {
      assert.equal(await client.request('clausewise/reviewDocument', { uri: uriOf('never-opened.md') }), null);
      assert.equal(await client.request('clausewise/coverage', { uri: uriOf('never-opened.md') }), null);
      assert.equal(await client.request('clausewise/renderClause', { uri: uriOf('never-opened.md'), clauseId: 'x' }), null);
      assert.equal(await client.request('clausewise/coverage', {}), null);
    });

    it('clausewise/coverage returns verdicts, reasons and evidence with ranges', async () => {
      const uri = uriOf('weak-coverage.md');
      await client.open(uri, WEAK);
      const cov = await client.request<{
        isContract: boolean; reason: string; profiles: string[]; coverage: Record<string, string>;
        assessments: Array<{ category: string; verdict: string; reason: string; evidence: Array<{ requirement: string; text: string; range: Range }> }>;
      }>('clausewise/coverage', { uri });
      assert.equal(cov.isContract, true);
      assert.deepEqual(cov.assessments.map((a) => a.category), Object.keys(cov.coverage));
      for (const a of cov.assessments) {
        assert.equal(a.verdict, cov.coverage[a.category]);
        assert.equal(typeof a.reason, 'string');
      }
      const law = cov.assessments.find((a) => a.category === 'governing-law')!;
      assert.ok(law.evidence.length > 0, 'governing law has evidence');
      for (const e of law.evidence) {
        assert.equal(typeof e.requirement, 'string');
        assert.ok(textAt(WEAK, e.range).length > 0, 'evidence range points at text');
      }
      client.notify('textDocument/didClose', { textDocument: { uri } });
    });

    it('clausewise/listClauses and clausewise/renderClause: a clause rendered where a fix would insert it', async function () {
      const clauses = await client.request<Array<{ id: string; title: string; category: string; summary: string }>>('clausewise/listClauses');
      assert.ok(Array.isArray(clauses));
      if (!clauses.length) return this.skip();
      for (const c of clauses) {
        assert.equal(typeof c.id, 'string');
        assert.equal(typeof c.title, 'string');
        assert.ok((CATEGORY_IDS as readonly string[]).includes(c.category), `${c.id}: ${c.category}`);
        assert.equal(typeof c.summary, 'string');
      }
      const uri = uriOf('weak-render.md');
      await client.open(uri, WEAK);
      const clause = clauses.find((c) => c.id === 'audit-rights') ?? clauses[0];
      const plain = await client.request<{ text: string; position: Position }>('clausewise/renderClause', { uri, clauseId: clause.id, snippet: false });
      assert.ok(plain.text.includes(clause.title) || plain.text.toUpperCase().includes(clause.title.toUpperCase()));
      assert.match(plain.text, /## 6\. /, 'numbered after the last section, as a level-2 heading');
      assert.equal(typeof plain.position.line, 'number');
      assert.ok(plain.text.includes('the Supplier') || plain.text.includes('The Supplier'), 'party names filled');
      const snippet = await client.request<{ text: string; position: Position }>('clausewise/renderClause', { uri, clauseId: clause.id, snippet: true });
      assert.deepEqual(snippet.position, plain.position);
      // The same text, except that a plain insert brackets the figures a snippet offers as tab stops.
      assert.equal(expandSnippet(snippet.text), plain.text.replace(/\[([^\]\n]+)\]/g, '$1'));
      assert.match(plain.text, /\[\d[^\]]*\]/, 'figures bracketed in the plain insert');
      assert.equal(await client.request('clausewise/renderClause', { uri, clauseId: 'no-such-clause' }), null);
      // Positions: listed with what they trade away and how they differ; rendered on request.
      const audit = (clauses as Array<{ id: string; positions?: Array<{ position: string; label: string; tradeoff: string; differs: string }> }>).find((c) => c.id === 'audit-rights')!;
      assert.deepEqual(audit.positions!.map((p) => p.position), ['customer', 'balanced', 'supplier']);
      assert.match(audit.positions![2].differs, /rewrites paragraphs 2, 3 and 6/);
      assert.equal((await client.request<{ clausePosition: string }>('clausewise/renderClause', { uri, clauseId: 'audit-rights', snippet: false })).clausePosition, 'balanced');
      const supplier = await client.request<{ text: string; clausePosition: string }>('clausewise/renderClause', { uri, clauseId: 'audit-rights', snippet: false, clausePosition: 'supplier' });
      assert.equal(supplier.clausePosition, 'supplier');
      assert.match(supplier.text, /at least \[20\] /);
      assert.match(supplier.text, /other customers/);
      client.notify('textDocument/didClose', { textDocument: { uri } });
    });

    it('files with NUL bytes or over 2 MB get one information diagnostic saying they were skipped', async () => {
      const nul = uriOf('binary.md');
      const p1 = await client.open(nul, `Agreement\0\0${WEAK}`);
      assert.equal(p1.diagnostics.length, 1);
      assert.equal(p1.diagnostics[0].severity, 3);
      assert.equal(p1.diagnostics[0].source, 'clausewise');
      assert.match(p1.diagnostics[0].message, /NUL/);
      const big = uriOf('big.md');
      const p2 = await client.open(big, WEAK.repeat(Math.ceil((2.1 * 1024 * 1024) / WEAK.length)));
      assert.equal(p2.diagnostics.length, 1);
      assert.equal(p2.diagnostics[0].severity, 3);
      assert.match(p2.diagnostics[0].message, /2 MB/);
      const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: big } });
      assert.deepEqual(symbols, []);
      client.notify('textDocument/didClose', { textDocument: { uri: nul } });
      client.notify('textDocument/didClose', { textDocument: { uri: big } });
    });

    it('the server survives bad requests', async () => {
      // Either null or an error response; what matters is that the server keeps answering.
      const r = await client.request('textDocument/hover', { textDocument: { uri: 42 }, position: null }).catch((e: Error) => e);
      assert.ok(r === null || r instanceof Error);
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri: uriOf('unknown.md') }, position: { line: 0, character: 0 } }), null);
      assert.ok(Array.isArray(await client.request('clausewise/listClauses')));
    });
  });

  describe('client without documentChanges', () => {
    let client: LspClient;
    before(async () => {
      client = await new LspClient({ initializationOptions: { debounceMs: 0 } }).start();
    });
    after(() => client?.stop());

    it('quick fixes use WorkspaceEdit.changes', async () => {
      const uri = uriOf('weak-changes.md');
      const p = await client.open(uri, WEAK);
      const d = ruleDiagnostics(p).find((x) => fixesOf(WEAK, x).length)!;
      const [action] = await codeActionsFor(client, uri, d);
      assert.ok(action.edit?.changes?.[uri]?.length, 'changes keyed by uri');
      assert.equal(action.edit!.documentChanges, undefined);
    });

    it('initializationOptions settings apply: a rule set to off is not reported, a category override changes severity', async () => {
      const off = ruleDiagnostics(await client.open(uriOf('weak-settings-probe.md'), WEAK))[0];
      const other = await new LspClient({
        initializationOptions: { debounceMs: 0, settings: { severity: { [String(off.code)]: 'off', 'governing-law': 'hint' } } },
      }).start();
      try {
        const p = await other.open(uriOf('weak-settings.md'), WEAK);
        assert.ok(!p.diagnostics.some((d) => d.code === off.code), `${off.code} is off`);
        assert.ok(p.diagnostics.length > 0);
        for (const d of p.diagnostics) if (d.data?.category === 'governing-law') assert.equal(d.severity, 4);
        const disabled = await new LspClient({ initializationOptions: { debounceMs: 0, settings: { enable: false } } }).start();
        try {
          const q = await disabled.open(uriOf('weak-disabled.md'), WEAK);
          assert.deepEqual(q.diagnostics, []);
        } finally {
          await disabled.stop();
        }
      } finally {
        await other.stop();
      }
    });
  });

  describe('client with workspace/configuration', () => {
    const folder = pathToFileURL('/tmp/clausewise-ws').href;
    let config: Record<string, unknown> = { enable: false };
    let client: LspClient;
    before(async () => {
      client = await new LspClient({
        capabilities: { workspace: { workspaceEdit: { documentChanges: true, snippetEditSupport: true }, didChangeConfiguration: { dynamicRegistration: true } } },
        initializationOptions: { debounceMs: 0, settings: { profiles: ['it-outsourcing'] } },
        workspaceFolders: [{ uri: folder, name: 'ws' }],
        configuration: (items) => items.map((i) => (i.section === 'clausewise' ? config : null)),
      }).start();
    });
    after(() => client?.stop());

    it('pulls the clausewise section per document and re-pulls on didChangeConfiguration', async () => {
      const uri = `${folder}/contracts/msa.md`;
      const p = await client.open(uri, WEAK);
      assert.deepEqual(p.diagnostics, [], 'enable: false from workspace/configuration');
      const req = client.serverRequests.find((r) => r.method === 'workspace/configuration');
      assert.ok(req, 'the server asked for its settings');
      assert.deepEqual((req!.params as { items: unknown[] }).items, [{ scopeUri: uri, section: 'clausewise' }]);
      assert.ok(client.serverRequests.some((r) => r.method === 'client/registerCapability'), 'registers for configuration changes');
      config = {};
      const since = client.mark();
      client.notify('workspace/didChangeConfiguration', { settings: null });
      const p2 = await client.waitFor<PublishParams>('textDocument/publishDiagnostics', (x) => x.uri === uri && x.diagnostics.length > 0, since);
      assert.equal(p2.version, 1);
      client.notify('textDocument/didClose', { textDocument: { uri } });
    });

    it('include globs are matched against the workspace-relative path', async () => {
      config = { include: ['contracts/**/*.md'] };
      client.notify('workspace/didChangeConfiguration', { settings: null });
      const short = 'Draft notes.\n\nThe Supplier shall provide support.\n';
      const since = client.mark();
      await client.open(`${folder}/contracts/short.md`, short);
      await client.open(`${folder}/notes/short.md`, short);
      const inside = await client.waitFor<StatusParams>('clausewise/status', (s) => s.uri === `${folder}/contracts/short.md`, since);
      const outside = await client.waitFor<StatusParams>('clausewise/status', (s) => s.uri === `${folder}/notes/short.md`, since);
      assert.equal(inside.isContract, true);
      assert.match(inside.reason, /include/);
      assert.equal(outside.isContract, false);
      client.notify('textDocument/didClose', { textDocument: { uri: `${folder}/contracts/short.md` } });
      client.notify('textDocument/didClose', { textDocument: { uri: `${folder}/notes/short.md` } });
      config = {};
      client.notify('workspace/didChangeConfiguration', { settings: null });
    });

    it('snippetEditSupport: insert-clause fixes come as SnippetTextEdit in a versioned TextDocumentEdit', async () => {
      const uri = `${folder}/contracts/snippet.md`;
      const p = await client.open(uri, WEAK);
      const d = ruleDiagnostics(p).find((x) => fixesOf(WEAK, x).some((f) => f.kind === 'insertClause'))!;
      const actions = await codeActionsFor(client, uri, d);
      const insert = actions.find((a) => !/^replace\b/i.test(a.title))!;
      const dc = insert.edit!.documentChanges![0];
      assert.equal(dc.textDocument.version, 1);
      const e = dc.edits[0] as SnippetEdit;
      assert.equal(e.snippet?.kind, 'snippet');
      assert.deepEqual(e.range.start, e.range.end);
      assertLinesKept(WEAK, applyEdit(WEAK, insert.edit!, uri));
      // Replacements stay plain text.
      const r = ruleDiagnostics(p).find((x) => fixesOf(WEAK, x).some((f) => f.kind === 'replace'));
      if (r) {
        const ra = (await codeActionsFor(client, uri, r)).find((a) => /^replace\b/i.test(a.title))!;
        assert.ok('newText' in editsFor(ra.edit!, uri)[0]);
      }
      client.notify('textDocument/didClose', { textDocument: { uri } });
    });

    it('experimental.snippetTextEdit also turns on snippet edits', async () => {
      const other = await new LspClient({
        capabilities: { workspace: { workspaceEdit: { documentChanges: true } }, experimental: { snippetTextEdit: true } },
        initializationOptions: { debounceMs: 0 },
      }).start();
      try {
        const uri = uriOf('weak-experimental.md');
        const p = await other.open(uri, WEAK);
        const d = ruleDiagnostics(p).find((x) => fixesOf(WEAK, x).some((f) => f.kind === 'insertClause'))!;
        const insert = (await codeActionsFor(other, uri, d)).find((a) => !/^replace\b/i.test(a.title))!;
        assert.equal((insert.edit!.documentChanges![0].edits[0] as SnippetEdit).snippet.kind, 'snippet');
      } finally {
        await other.stop();
      }
    });
  });

  describe('debounce', () => {
    let client: LspClient;
    before(async () => {
      client = await new LspClient({ initializationOptions: { debounceMs: 150 } }).start();
    });
    after(() => client?.stop());

    it('rapid successive changes publish only for the latest version', async () => {
      const uri = uriOf('weak-rapid.md');
      await client.open(uri, WEAK);
      const since = client.mark();
      let text = WEAK;
      for (let v = 2; v <= 8; v++) {
        text += `\n${v}. Extra line ${v}.\n`;
        client.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text }] });
      }
      const last = await client.diagnostics(uri, 8, since);
      assert.ok(last.diagnostics.length > 0);
      // A round trip after one more debounce period: no older version was (or will be) published.
      await new Promise((r) => setTimeout(r, 200));
      await client.request('clausewise/listClauses');
      const versions = client.notifications<PublishParams>('textDocument/publishDiagnostics', (p) => p.uri === uri, since).map((p) => p.version);
      assert.deepEqual(versions, [8]);
      const statuses = client.notifications<StatusParams>('clausewise/status', (s) => s.uri === uri, since);
      assert.equal(statuses.length, 1);
    });
  });

  describe('config files, suppression comments and accepting a finding', () => {
    let dir: string;
    let client: LspClient;
    const configFile = () => path.join(dir, 'contracts', '.clausewise.yaml');
    const docUri = (rel: string) => pathToFileURL(path.join(dir, rel)).href;
    const GOOD = 'severity:\n  insurance: off\n  vague-wording: error\n';
    before(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clausewise-lsp-config-'));
      fs.mkdirSync(path.join(dir, '.git'));
      fs.mkdirSync(path.join(dir, 'contracts'));
      fs.writeFileSync(configFile(), GOOD);
      client = await new LspClient({
        capabilities: { workspace: { workspaceEdit: { documentChanges: true, snippetEditSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true } } },
        initializationOptions: { debounceMs: 0, settings: { severity: { 'vague-wording': 'hint' } } },
        workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }],
      }).start();
    });
    after(async () => {
      await client?.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    /** Rewrites the config file and tells the server, then waits for the document's next diagnostics. */
    async function changeConfig(text: string, uri: string): Promise<PublishParams> {
      fs.writeFileSync(configFile(), text);
      const since = client.mark();
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configFile()).href, type: 2 }] });
      return client.waitFor<PublishParams>('textDocument/publishDiagnostics', (p) => p.uri === uri, since);
    }

    it('a config file in the workspace folder is honoured, and wins over the editor settings', async () => {
      const inside = await client.open(docUri('contracts/msa.md'), WEAK);
      const outside = await client.open(docUri('notes/msa.md'), WEAK);
      assert.ok(!inside.diagnostics.some((d) => d.code === 'insurance'), 'insurance: off from .clausewise.yaml');
      assert.ok(outside.diagnostics.some((d) => d.code === 'insurance'), 'no config above notes/');
      const vague = (p: PublishParams) => p.diagnostics.filter((d) => d.code === 'vague-wording').map((d) => d.severity);
      assert.ok(vague(inside).length > 0);
      assert.ok(vague(inside).every((s) => s === 1), 'error from the config file, not hint from the editor');
      assert.ok(vague(outside).every((s) => s === 4), 'hint from the editor where no config file applies');
      assert.ok(client.serverRequests.some((r) => r.method === 'client/registerCapability' && JSON.stringify(r.params).includes('workspace/didChangeWatchedFiles')), 'watches config files');
      client.notify('textDocument/didClose', { textDocument: { uri: docUri('notes/msa.md') } });
    });

    it('a changed config file is read again; an invalid one gives one invalid-config diagnostic naming the file and line', async () => {
      const uri = docUri('contracts/msa.md');
      const p = await changeConfig('severity:\n  insurance: warning\n', uri);
      assert.ok(p.diagnostics.some((d) => d.code === 'insurance' && d.severity === 2), 'the new config applies');
      const bad = await changeConfig('severity:\n  insurance: sometimes\n', uri);
      const config = bad.diagnostics.filter((d) => d.code === 'invalid-config');
      assert.equal(config.length, 1, JSON.stringify(config));
      assert.equal(config[0].severity, 1);
      assert.ok(config[0].message.includes(`${configFile()}:2`), config[0].message);
      assert.match(config[0].message, /severity\.insurance: must be one of error, warning, information, hint, off/);
      const related = (config[0] as Diagnostic & { relatedInformation?: Array<{ location: { uri: string; range: Range } }> }).relatedInformation!;
      assert.equal(related[0].location.uri, pathToFileURL(configFile()).href);
      assert.equal(related[0].location.range.start.line, 1);
      assert.ok(ruleDiagnostics(bad).length > 0, 'still reviewed, with the editor settings');
      const fixed = await changeConfig(GOOD, uri);
      assert.ok(!fixed.diagnostics.some((d) => d.code === 'invalid-config'));
    });

    it('without file watching, config files are read for every review', async () => {
      const other = await new LspClient({ initializationOptions: { debounceMs: 0 }, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }] }).start();
      try {
        const uri = docUri('contracts/unwatched.md');
        assert.ok(!(await other.open(uri, WEAK)).diagnostics.some((d) => d.code === 'insurance'));
        fs.writeFileSync(configFile(), 'severity:\n  governing-law: off\n');
        const p = await other.change(uri, 2, `${WEAK}\n`);
        assert.ok(p.diagnostics.some((d) => d.code === 'insurance'), 'the new config applies at the next review');
      } finally {
        fs.writeFileSync(configFile(), GOOD);
        await other.stop();
      }
    });

    it('suppression comments remove findings; an unknown rule name in one is a warning on the comment', async () => {
      const uri = docUri('notes/suppressed.md');
      const base = await client.open(uri, WEAK);
      const target = ruleDiagnostics(base).find((d) => d.code === 'vague-wording')!;
      const lines = WEAK.split('\n');
      lines.splice(target.range.start.line, 0, '<!-- clausewise-disable-next-line vague-wording -- agreed wording -->');
      lines.splice(0, 0, '<!-- clausewise-disable-file insurance no-such-rule -->');
      const p = await client.change(uri, 2, lines.join('\n'));
      assert.ok(!p.diagnostics.some((d) => d.code === 'insurance'), 'disable-file');
      const before = ruleDiagnostics(base).filter((d) => d.code === 'vague-wording' && d.range.start.line === target.range.start.line).length;
      const after = ruleDiagnostics(p).filter((d) => d.code === 'vague-wording' && d.range.start.line === target.range.start.line + 2).length;
      assert.ok(before > 0);
      assert.equal(after, 0, 'disable-next-line');
      const warning = p.diagnostics.filter((d) => d.code === 'invalid-config');
      assert.equal(warning.length, 1);
      assert.equal(warning[0].severity, 2);
      assert.equal(warning[0].range.start.line, 0);
      assert.match(warning[0].message, /unknown rule or category "no-such-rule"/);
      client.notify('textDocument/didClose', { textDocument: { uri } });
    });

    it('"Accept this finding…" inserts a disable-next-line comment above it, the reason a tab stop; applied, the finding is gone', async () => {
      const uri = docUri('notes/accept.md');
      const p = await client.open(uri, WEAK);
      const checked: string[] = [];
      for (const d of [ruleDiagnostics(p).find((x) => x.code === 'vague-wording')!, ruleDiagnostics(p).find((x) => x.range.start.line === 0)!]) {
        const actions = await codeActionsFor(client, uri, d);
        const accept = actions.find((a) => a.title.startsWith('Accept this finding…') && a.diagnostics?.some((x) => sameFinding(x, d)))!;
        assert.ok(accept, `offered for ${d.code}`);
        assert.equal(accept.kind, 'quickfix');
        assert.notEqual(accept.isPreferred, true);
        const firstAccept = actions.findIndex((a) => a.title.startsWith('Accept this finding…'));
        assert.ok(actions.slice(firstAccept).every((a) => a.title.startsWith('Accept this finding…')), 'after the quick fixes');
        const edit = accept.edit!.documentChanges![0].edits[0] as SnippetEdit;
        assert.deepEqual(edit.range.start, edit.range.end, 'an insertion');
        assert.deepEqual(edit.range.start, { line: d.range.start.line, character: 0 });
        assert.equal(edit.snippet.value, `<!-- clausewise-disable-next-line ${d.code} -- \${1:[reason]} -->\n`);
        const after = applyEdit(WEAK, accept.edit!, uri);
        assertLinesKept(WEAK, after);
        const q = await client.change(uri, checked.length + 2, after);
        assert.ok(!q.diagnostics.some((x) => sameFinding(x, d)), `${d.code} accepted`);
        // The inserted "[reason]" is flagged by the placeholder rule until someone writes the reason.
        const flagged = ruleDiagnostics(q).filter((x) => x.code === 'placeholder' && x.range.start.line === d.range.start.line);
        assert.equal(flagged.length, 1, 'the placeholder reason is flagged');
        assert.equal(ruleDiagnostics(q).length - 1, ruleDiagnostics(p).length - ruleDiagnostics(p).filter((x) => sameFinding(x, d) && x.range.start.line === d.range.start.line).length);
        checked.push(String(d.code));
        await client.change(uri, checked.length + 2 + 100, WEAK);
      }
      // A client without snippet support gets plain text with the placeholder reason.
      const plain = await new LspClient({ initializationOptions: { debounceMs: 0 } }).start();
      try {
        const u = uriOf('accept-plain.md');
        const d = ruleDiagnostics(await plain.open(u, WEAK))[0];
        const accept = (await codeActionsFor(plain, u, d)).find((a) => a.title.startsWith('Accept this finding…'))!;
        assert.equal((accept.edit!.changes![u][0] as TextEdit).newText, `<!-- clausewise-disable-next-line ${d.code} -- [reason] -->\n`);
      } finally {
        await plain.stop();
      }
    });
  });
});
