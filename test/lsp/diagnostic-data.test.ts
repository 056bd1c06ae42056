/**
 * What a published diagnostic carries in `data` (server/src/lsp/convert.ts toLspDiagnostic; spec
 * section 5: at least `{ "category" }`): the category, the library clauses its fixes insert and the
 * provisions cited, nothing the diagnostic or a code action already gives. Quick fixes come from the
 * review the server keeps, for the diagnostics a client sends back as published, after later
 * edits too, whether the document is reviewed in the server's thread or in the worker.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { review } from '../../server/src/engine';
import { MemoryClient, TEST_REVIEW_WORKER, type PublishParams } from './memory';
import { ROOT } from './client';

const WEAK = fs.readFileSync(path.join(ROOT, 'examples', 'weak-msa.md'), 'utf8');
/** Typed after the front matter: every finding below moves down two lines. */
const TYPED = 'Draft for discussion only.\n\n';
const END_OF_FRONT_MATTER = WEAK.indexOf('\n---\n') + 5;
const TYPED_AT = { line: WEAK.slice(0, END_OF_FRONT_MATTER).split('\n').length - 1, character: 0 };

type Diagnostic = PublishParams['diagnostics'][number];
interface CodeAction { title: string; diagnostics?: Diagnostic[]; edit?: { changes?: Record<string, Array<{ range: Diagnostic['range']; newText: string }>> } }

let n = 0;
const uriOf = (name: string): string => pathToFileURL(path.join(ROOT, 'scratch', `${name}-${n++}.md`)).href;

function offsetAt(text: string, p: { line: number; character: number }): number {
  let at = 0;
  for (let line = 0; line < p.line; line++) at = text.indexOf('\n', at) + 1;
  return at + p.character;
}

describe('lsp: diagnostic data', function () {
  this.timeout(120_000);
  const clients: MemoryClient[] = [];
  afterEach(async () => { for (const c of clients.splice(0)) await c.stop(); });

  it('carries the category, the clauses the fixes insert and the citations, and nothing else', async () => {
    const client = await new MemoryClient({ initializationOptions: { settings: { profiles: ['it-outsourcing', 'dora-ict'] } } }).start();
    clients.push(client);
    const p = await client.open(uriOf('data'), WEAK);
    const engine = review({ text: WEAK, settings: { profiles: ['it-outsourcing', 'dora-ict'] } });
    assert.equal(p.diagnostics.length, engine.diagnostics.length);
    let withClauses = 0;
    let withCitations = 0;
    p.diagnostics.forEach((d, i) => {
      const e = engine.diagnostics[i];
      assert.equal(d.code, e.ruleId);
      const clauseIds = [...new Set(e.fixes.flatMap((f) => (f.clauseId ? [f.clauseId] : [])))];
      const expected = { category: e.category, ...(clauseIds.length ? { clauseIds } : {}), ...(e.citations?.length ? { citations: e.citations } : {}) };
      assert.equal(JSON.stringify(d.data), JSON.stringify(expected), `${d.code}`);
      if (clauseIds.length) withClauses++;
      if (e.citations?.length) withCitations++;
    });
    assert.ok(withClauses > 0 && withCitations > 0, 'both optional fields occur in this contract');
  });

  for (const worker of [false, true]) {
    it(`quick fixes for diagnostics sent back as published, before and after a later edit (${worker ? 'worker' : 'server\'s thread'})`, async () => {
      const client = await new MemoryClient({ server: { reviewWorker: worker ? TEST_REVIEW_WORKER : undefined }, timeout: 60_000 }).start();
      clients.push(client);
      const uri = uriOf(worker ? 'data-worker' : 'data-thread');
      const opened = await client.open(uri, WEAK);
      const vague = opened.diagnostics.find((d) => d.code === 'vague-wording' && /timely/.test(d.message))!;
      const clause = opened.diagnostics.find((d) => (d.data?.clauseIds?.length ?? 0) > 0)!;
      assert.ok(vague && clause, 'a vague-wording finding and one with a clause to insert');
      const actionsFor = (d: Diagnostic, range = d.range) => client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [d], only: ['quickfix'] } });
      const replaceOf = (actions: CodeAction[]) => actions.find((a) => /^replace\b/i.test(a.title));

      // As published.
      const before = replaceOf(await actionsFor(vague));
      assert.ok(before, 'a replace fix for the vague words');
      const edit = before.edit!.changes![uri][0];
      assert.equal(WEAK.slice(offsetAt(WEAK, edit.range.start), offsetAt(WEAK, edit.range.end)), 'in a timely manner');
      assert.ok((await actionsFor(clause)).some((a) => a.title.includes('Insert')), 'an insert-clause fix');

      // Two lines typed above: the new review moves the finding down; the old diagnostic, sent back
      // as it was published with the request at the words' new place, still finds its fix.
      const typed = WEAK.slice(0, END_OF_FRONT_MATTER) + TYPED + WEAK.slice(END_OF_FRONT_MATTER);
      const since = client.mark();
      client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: TYPED_AT, end: TYPED_AT }, text: TYPED }] });
      const republished = await client.diagnostics(uri, 2, since);
      const moved = { start: { ...vague.range.start, line: vague.range.start.line + 2 }, end: { ...vague.range.end, line: vague.range.end.line + 2 } };
      const fresh = republished.diagnostics.find((d) => d.code === 'vague-wording' && d.message === vague.message && d.range.start.line === moved.start.line)!;
      assert.ok(fresh, 'the finding, two lines down');
      assert.deepEqual(fresh.data, vague.data);
      for (const [label, d, range] of [['the new diagnostic', fresh, fresh.range], ['the old one, at the new place', vague, moved]] as const) {
        const after = replaceOf(await actionsFor(d, range));
        assert.ok(after, `${label}: a replace fix`);
        const e = after.edit!.changes![uri][0];
        assert.equal(typed.slice(offsetAt(typed, e.range.start), offsetAt(typed, e.range.end)), 'in a timely manner', label);
        assert.equal(after.title, before.title);
      }
      const clauseAfter = republished.diagnostics.find((d) => d.code === clause.code && d.message === clause.message)!;
      assert.ok((await actionsFor(clauseAfter)).some((a) => a.title.includes('Insert')), 'an insert-clause fix after the edit');
    });
  }
});
