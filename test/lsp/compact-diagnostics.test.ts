/**
 * Compact diagnostics (server/src/lsp/diagnostic-shape.ts, client/src/compact-diagnostics.ts): a
 * client that asks for them (initializationOptions.compactDiagnostics, as the VS Code client does)
 * gets the rule index once and findings without `source`, `codeDescription` and `data.category`;
 * put back from the index, they are what every other client is sent whole, in the server's thread
 * and in the worker, on open and after an edit (the findings' JSON kept between reviews). Quick fixes
 * still come for the diagnostics as the VS Code client sends them back.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES } from '../../server/src/engine';
import { RULE_INDEX_KEY, type RuleIndex } from '../../server/src/lsp/protocol';
import { restoreDiagnostics, ruleIndexOf } from '../../client/src/compact-diagnostics';
import { MemoryClient, TEST_REVIEW_WORKER, type PublishParams } from './memory';
import { ROOT } from './client';

const WEAK = fs.readFileSync(path.join(ROOT, 'examples', 'weak-msa.md'), 'utf8');
const SETTINGS = { profiles: ['it-outsourcing', 'dora-ict'] };
/** Typed after the front matter: every finding below moves down two lines. */
const TYPED = 'Draft for discussion only.\n\n';
const END_OF_FRONT_MATTER = WEAK.indexOf('\n---\n') + 5;
const TYPED_AT = { line: WEAK.slice(0, END_OF_FRONT_MATTER).split('\n').length - 1, character: 0 };

type Diagnostic = PublishParams['diagnostics'][number];
let n = 0;
const uriOf = (name: string): string => pathToFileURL(path.join(ROOT, 'scratch', `${name}-${n++}.md`)).href;

/** Compact diagnostics put back as the VS Code client does, then in LSP's shape (as vscode-languageclient sends them back). */
function restored(ds: Diagnostic[], index: RuleIndex): Diagnostic[] {
  const copies = ds.map((d) => ({ ...d })) as Array<Diagnostic & { code?: unknown }>;
  restoreDiagnostics(copies as never[], index, (href: string) => ({ href }));
  return copies.map((d) => {
    const code = d.code as string | { value: string; target: { href: string } };
    const { code: _c, codeDescription: _d, ...rest } = d;
    return typeof code === 'object'
      ? { ...rest, code: code.value, codeDescription: { href: code.target.href } }
      : { ...rest, code, ...(d.codeDescription ? { codeDescription: d.codeDescription } : {}) };
  });
}

/** A diagnostic's fields in LSP's order, to compare two whatever the order of their keys. */
const canonical = (d: Diagnostic) => JSON.stringify([d.range, d.severity, d.source, d.code, d.codeDescription, d.message, d.data]);

describe('lsp: compact diagnostics for a client that asks', function () {
  this.timeout(120_000);
  const clients: MemoryClient[] = [];
  afterEach(async () => { for (const c of clients.splice(0)) await c.stop(); });

  it('sends the rule index only to a client that asks for compact diagnostics', async () => {
    const whole = await new MemoryClient().start();
    const compact = await new MemoryClient({ initializationOptions: { compactDiagnostics: true } }).start();
    clients.push(whole, compact);
    assert.equal(whole.capabilities.experimental, undefined);
    const index = ruleIndexOf(compact.initializeResult);
    assert.ok(index, 'an index');
    assert.equal(index.source, 'clausewise');
    assert.deepEqual(Object.keys(index.rules).sort(), RULES.map((r) => r.meta.id).sort());
    for (const r of RULES) assert.equal(index.rules[r.meta.id].category, r.meta.category);
    assert.equal(index.rules['vague-wording'].href, 'https://github.com/clausewise/clausewise/blob/main/docs/rules/vague-wording.md');
    assert.ok(compact.capabilities.experimental[RULE_INDEX_KEY]);
  });

  for (const worker of [false, true]) {
    const where = worker ? 'worker' : 'server\'s thread';
    it(`compact findings put back are the whole ones, on open and after an edit (${where})`, async () => {
      const server = { reviewWorker: worker ? TEST_REVIEW_WORKER : undefined };
      const whole = await new MemoryClient({ server, timeout: 60_000, initializationOptions: { settings: SETTINGS } }).start();
      const compact = await new MemoryClient({ server, timeout: 60_000, initializationOptions: { settings: SETTINGS, compactDiagnostics: true } }).start();
      clients.push(whole, compact);
      const index = ruleIndexOf(compact.initializeResult)!;
      const uri = uriOf(worker ? 'compact-worker' : 'compact-thread');
      const edit = (c: MemoryClient) => {
        const since = c.mark();
        c.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: TYPED_AT, end: TYPED_AT }, text: TYPED }] });
        return c.diagnostics(uri, 2, since);
      };
      const pairs = [[await whole.open(uri, WEAK), await compact.open(uri, WEAK)], [await edit(whole), await edit(compact)]];
      for (const [label, [w, c]] of [['open', pairs[0]], ['edit', pairs[1]]] as const) {
        assert.ok(w.diagnostics.length > 10, `${label}: findings`);
        assert.equal(c.diagnostics.length, w.diagnostics.length, label);
        // Left out of every rule finding; kept where a finding has clauses or citations.
        for (const d of c.diagnostics) {
          assert.equal(d.source, undefined, `${label}: ${d.code} without source`);
          assert.equal(d.codeDescription, undefined, `${label}: ${d.code} without link`);
          assert.equal(d.data?.category, undefined, `${label}: ${d.code} without category`);
        }
        assert.ok(c.diagnostics.some((d) => d.data?.clauseIds) && c.diagnostics.some((d) => d.data?.citations), `${label}: clauses and citations kept`);
        assert.ok(JSON.stringify(c.diagnostics).length < 0.7 * JSON.stringify(w.diagnostics).length, `${label}: smaller`);
        assert.deepEqual(restored(c.diagnostics, index).map(canonical), w.diagnostics.map(canonical), label);
      }

      // Quick fixes for a finding as the VS Code client sends it back (put back, in LSP's shape).
      const back = restored(pairs[1][1].diagnostics, index).find((d) => d.code === 'vague-wording' && /timely/.test(d.message))!;
      const actions = await compact.request<Array<{ title: string }>>('textDocument/codeAction', { textDocument: { uri }, range: back.range, context: { diagnostics: [back], only: ['quickfix'] } });
      assert.ok(actions.some((a) => /^replace\b/i.test(a.title)), 'a replace fix');
    });
  }
});
