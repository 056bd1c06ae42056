/**
 * A document's findings' JSON kept between reviews (server/src/lsp/diagnostics-json.ts): what it
 * writes is byte for byte JSON.stringify of the diagnostics made from the objects (./convert.ts
 * diagnosticsOf), after edits that move lines and edits that do not, with input problems and
 * suppression warnings around the findings; and an edit makes again only the findings it changed.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IncrementalReview, type ReviewDiagnostic, type ReviewResult } from '../../server/src/engine';
import { diagnosticsOf } from '../../server/src/lsp/convert';
import { DiagnosticsJsonCache } from '../../server/src/lsp/diagnostics-json';
import { jsonBytes, messageJson, messageParts, publishParamsFromJson } from '../../server/src/lsp/raw-json';
import { runReviewJob, type ReviewJob } from '../../server/src/lsp/review-job';
import { reusingEncoder } from '../../server/src/lsp/output-buffer';
import { generateContract } from '../../scripts/bench-contract';
import { ROOT } from './client';
import { editsOfEveryKind } from './edits-of-every-kind';
import { MemoryClient, TEST_REVIEW_WORKER } from './memory';

const WEAK = fs.readFileSync(path.join(ROOT, 'examples', 'weak-msa.md'), 'utf8');
const uri = 'file:///kept.md';

/** The JSON of the review's diagnostics as the cache writes it: as text, and into a buffer at an offset. */
function written(cache: DiagnosticsJsonCache, result: ReviewResult): string {
  const made = cache.render(result);
  const text = made.toString();
  const out = Buffer.alloc(made.byteLength + 7, 0x20);
  assert.equal(made.writeTo(out, 3), 3 + made.byteLength, 'writes exactly byteLength bytes');
  assert.equal(out.subarray(3, 3 + made.byteLength).toString('utf8'), text);
  assert.equal(Buffer.from(jsonBytes(made)).toString('utf8'), text);
  return text;
}

/** Reviews `text` spliced from the state's last review, as the language server does after an edit. */
const reviewOf = (state: IncrementalReview, text: string, version: number, settings: ReviewJob['settings'] = {}): ReviewResult =>
  runReviewJob({ uri, version, text, format: 'markdown', settings, force: false, workspaceFolders: [] }, state, () => undefined).result;

describe('lsp: findings\' JSON kept between reviews', function () {
  this.timeout(120_000);

  for (const [name, start] of [['the generated 100 KB contract', generateContract(100_000)], ['weak-msa.md', WEAK]] as const) {
    it(`writes the bytes of the diagnostics' JSON.stringify after every edit (${name})`, () => {
      const state = new IncrementalReview();
      const cache = new DiagnosticsJsonCache();
      let version = 1;
      let result = reviewOf(state, start, version);
      assert.equal(written(cache, result), JSON.stringify(diagnosticsOf(result)));
      assert.ok(result.diagnostics.length > 20);
      for (const text of editsOfEveryKind(start)) {
        result = reviewOf(state, text, ++version);
        assert.equal(written(cache, result), JSON.stringify(diagnosticsOf(result)), `after edit ${version - 1}`);
      }
    });
  }

  it('matches a diagnostic the engine kept from the last review by identity (issue 13, positions)', () => {
    const state = new IncrementalReview();
    const cache = new DiagnosticsJsonCache();
    let text = generateContract(100_000);
    cache.render(reviewOf(state, text, 1));
    assert.equal(cache.sameObjects, 0);
    const at = text.indexOf('. ', text.length / 2);
    text = `${text.slice(0, at)}x${text.slice(at)}`;
    const result = reviewOf(state, text, 2);
    assert.equal(written(cache, result), JSON.stringify(diagnosticsOf(result)));
    // The rules that keep block-relative findings: their diagnostics outside the edited section are the last review's objects.
    const kept = result.diagnostics.filter((d) => ['vague-wording', 'duplicate-clause-title', 'inconsistent-figure', 'sla-vague-target'].includes(d.ruleId)).length;
    assert.ok(kept > 300 && cache.sameObjects >= kept - 10, `${cache.sameObjects} of ${kept} matched by identity`);
  });

  it('makes again only the findings an edit changed, whether it moves lines or not', () => {
    const state = new IncrementalReview();
    const cache = new DiagnosticsJsonCache();
    let text = generateContract(100_000);
    let result = reviewOf(state, text, 1);
    cache.render(result);
    assert.equal(cache.made, result.diagnostics.length, 'the first review makes every finding');
    const at = text.indexOf('. ', text.length / 2);
    // A character typed: the findings of its line move along it, none changes.
    text = `${text.slice(0, at)}x${text.slice(at)}`;
    result = reviewOf(state, text, 2);
    assert.equal(written(cache, result), JSON.stringify(diagnosticsOf(result)));
    assert.ok(cache.made <= 2, `made ${cache.made} of ${result.diagnostics.length}`);
    // A line break typed: half the findings move down a line, none is made again.
    text = `${text.slice(0, at)}\n${text.slice(at)}`;
    result = reviewOf(state, text, 3);
    assert.equal(written(cache, result), JSON.stringify(diagnosticsOf(result)));
    assert.ok(cache.made <= 2, `made ${cache.made} of ${result.diagnostics.length}`);
    // New findings (a vague phrase typed) are made; the rest are kept.
    text = `${text.slice(0, at)} as needed and in a timely manner${text.slice(at)}`;
    result = reviewOf(state, text, 4);
    assert.equal(written(cache, result), JSON.stringify(diagnosticsOf(result)));
    assert.ok(cache.made >= 1 && cache.made <= 6, `made ${cache.made} of ${result.diagnostics.length}`);
  });

  it('makes a finding again when anything but its range changed: severity, message, category, clauses, citations', () => {
    const base: ReviewDiagnostic = {
      ruleId: 'vague-wording', category: 'drafting', severity: 'warning', message: 'Vague: \u201cas needed\u201d.',
      range: { start: { line: 3, character: 4 }, end: { line: 3, character: 13 } },
      fixes: [{ kind: 'insertClause', title: 'Add', clauseId: 'exit-plan' }, { kind: 'edits', title: 'Say when' }, { kind: 'insertClause', title: 'Add again', clauseId: 'exit-plan' }],
      citations: ['DORA Art. 30(3)(a)'],
    };
    const resultOf = (diagnostics: ReviewDiagnostic[]): ReviewResult => ({ isContract: true, problems: [], warnings: [], diagnostics } as unknown as ReviewResult);
    const cache = new DiagnosticsJsonCache();
    const variants: ReviewDiagnostic[] = [
      base,
      { ...base, range: { start: { line: 9, character: 0 }, end: { line: 10, character: 12345 } } },
      { ...base, severity: 'error' },
      { ...base, message: 'Vague: \u201cas required\u201d.' },
      { ...base, category: 'exit' as ReviewDiagnostic['category'] },
      { ...base, ruleId: 'undefined-term' },
      { ...base, fixes: [{ kind: 'insertClause', title: 'Add', clauseId: 'audit-rights' }] },
      { ...base, fixes: [] },
      { ...base, citations: ['GDPR Art. 28(3)(g)'] },
      { ...base, citations: undefined },
    ];
    for (const [i, d] of variants.entries()) {
      const result = resultOf([d, { ...base, range: { start: { line: 20, character: 1 }, end: { line: 20, character: 2 } } }]);
      assert.equal(written(cache, result), JSON.stringify(diagnosticsOf(result)), `variant ${i}`);
      // The first variant makes both; a range alone makes nothing; every other change makes the changed finding
      // (the second finding's match is found past it, or it is made again when the key changed the order).
      if (i === 1) assert.equal(cache.made, 0, 'a new range alone is written from its numbers');
      else if (i > 1) assert.ok(cache.made >= 1, `variant ${i} is made again`);
    }
  });

  it('puts input problems first and suppression warnings last, as the objects are', () => {
    const text = WEAK.replace('review: true', 'review: true\n  profiles: [no-such-profile]').replace('# Managed IT Services Agreement', '# Managed IT Services Agreement\n\n<!-- clausewise-disable-next-line no-such-rule -- not a rule -->\nThe Supplier shall act as needed.');
    const state = new IncrementalReview();
    const cache = new DiagnosticsJsonCache();
    const result = reviewOf(state, text, 1);
    assert.ok(result.problems.length > 0 && (result.warnings ?? []).length > 0, 'the document has both');
    assert.equal(written(cache, result), JSON.stringify(diagnosticsOf(result)));
    // And in a publish, after a diagnostic made in the server's thread.
    const first = diagnosticsOf(result).slice(0, 1);
    const notification = (params: unknown) => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params });
    const params = publishParamsFromJson(uri, 1, cache.render(result), first);
    const expected = JSON.stringify(notification({ uri, version: 1, diagnostics: [...first, ...diagnosticsOf(result)] }));
    assert.equal(messageJson(notification(params)), expected);
    assert.equal(messageParts(notification(params)).map((p) => String(p instanceof Uint8Array ? Buffer.from(p) : p)).join(''), expected);
  });

  it('writes an empty list, also after other diagnostics', () => {
    const cache = new DiagnosticsJsonCache();
    const empty = { isContract: false, problems: [], warnings: [], diagnostics: [] } as unknown as ReviewResult;
    assert.equal(written(cache, empty), '[]');
    const first = diagnosticsOf({ ...empty, isContract: true, problems: ['x'], model: reviewOf(new IncrementalReview(), WEAK, 1).model } as ReviewResult);
    const params = publishParamsFromJson(uri, 2, cache.render(empty), first);
    assert.deepEqual(JSON.parse(messageJson({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params })).params.diagnostics, first);
  });

  it('is written by the stdio writer between the message\'s head and tail, byte for byte the notification\'s JSON.stringify', async () => {
    const state = new IncrementalReview();
    const cache = new DiagnosticsJsonCache();
    const encoder = reusingEncoder(messageParts);
    let version = 1;
    for (const text of [WEAK, ...editsOfEveryKind(WEAK)]) {
      const result = reviewOf(state, text, version);
      for (const first of [[], diagnosticsOf(result).slice(0, 1)]) {
        const m = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: publishParamsFromJson(uri, version, cache.render(result), first) };
        const bytes = await encoder.encode(m, { charset: 'utf-8' });
        assert.equal(Buffer.from(bytes).toString('utf8'), JSON.stringify({ ...m, params: { uri, version, diagnostics: [...first, ...diagnosticsOf(result)] } }));
      }
      version++;
    }
  });

  for (const worker of [false, true]) {
    it(`publishes after each keystroke what the objects' JSON says, line breaks typed or not (${worker ? 'worker' : 'server\'s thread'})`, async () => {
      // Counts what each render in this thread made (the worker's run in their own thread).
      const made: number[] = [];
      const render = DiagnosticsJsonCache.prototype.render;
      DiagnosticsJsonCache.prototype.render = function (this: DiagnosticsJsonCache, r: ReviewResult) {
        const out = render.call(this, r);
        made.push(this.made);
        return out;
      };
      const client = await new MemoryClient({ server: { reviewWorker: worker ? TEST_REVIEW_WORKER : undefined }, timeout: 60_000 }).start();
      try {
        const u = 'file:///tmp/clausewise-kept-json.md';
        let text = generateContract(60_000);
        const state = new IncrementalReview();
        const expected = (version: number) => JSON.stringify(diagnosticsOf(reviewOf(state, text, version)));
        assert.equal(JSON.stringify((await client.open(u, text)).diagnostics), expected(1));
        let version = 1;
        for (const typed of ['x', '\n', 'y', '\n\n']) {
          const at = text.indexOf('. ', Math.floor(text.length * (0.2 + version / 10)));
          text = text.slice(0, at) + typed + text.slice(at);
          version++;
          assert.equal(JSON.stringify((await client.change(u, version, text)).diagnostics), expected(version), `version ${version}`);
        }
        if (worker) assert.equal(made.length, 0, 'made in the worker');
        else {
          assert.equal(made.length, 5, 'one render per review');
          assert.ok(made[0] > 100, 'the first makes every finding');
          for (const m of made.slice(1)) assert.ok(m <= 2, `a keystroke makes again what it changed only (made ${made.join(', ')})`);
        }
      } finally {
        DiagnosticsJsonCache.prototype.render = render;
        await client.stop();
      }
    });
  }

  it('writes an earlier render\'s bytes after later renders, their tails copied together, and written-whole findings', () => {
    // A render holds the findings' entries and reads their tails when written (issue 13,
    // editengine); compaction moves the tails to a new block with the same bytes.
    const cache = new DiagnosticsJsonCache('full', 2);
    const states = [new IncrementalReview(), new IncrementalReview()];
    const texts = [generateContract(100_000), WEAK];
    const made: Array<{ render: ReturnType<DiagnosticsJsonCache['render']>; expected: string }> = [];
    let compacted = 0;
    let held = 0;
    for (let k = 0; k < 12; k++) {
      const result = reviewOf(states[k % 2], texts[k % 2], k + 1);
      if (k === 5) {
        // A finding whose range JSON.stringify writes otherwise is written whole.
        const d = result.diagnostics[0];
        result.diagnostics[0] = { ...d, range: { start: { line: 0.5, character: d.range.start.character }, end: d.range.end } } as ReviewDiagnostic;
      }
      const render = cache.render(result);
      if (cache.heldBytes < held) compacted++;
      held = cache.heldBytes;
      made.push({ render, expected: JSON.stringify(diagnosticsOf(result)) });
    }
    assert.ok(compacted > 0, 'the tails were copied together at least once');
    for (const [k, m] of made.entries()) {
      assert.equal(m.render.toString(), m.expected, `render ${k}`);
      const out = Buffer.alloc(m.render.byteLength);
      assert.equal(m.render.writeTo(out, 0), m.render.byteLength);
      assert.equal(out.toString('utf8'), m.expected);
    }
  });
});
