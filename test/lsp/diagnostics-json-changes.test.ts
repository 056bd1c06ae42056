/**
 * The change from one render of a document's findings' JSON to the next (server/src/lsp/diagnostics-json.ts,
 * a cache made with `changes`), and its message (raw-json.ts changeParamsFromJson): applied to the
 * previous render's list it gives the new one, after edits that move lines and edits that do not;
 * it names the render it applies to; it leaves out the findings both lists start and end with; no
 * change when the server's own diagnostics around the findings changed or there is no previous
 * render; and a cache not asked for changes renders as before.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IncrementalReview, type ReviewDiagnostic, type ReviewResult } from '../../server/src/engine';
import { diagnosticsOf } from '../../server/src/lsp/convert';
import { DiagnosticsJsonCache, reserveRender, type DiagnosticsJsonText } from '../../server/src/lsp/diagnostics-json';
import { changeParamsFromJson, jsonBytes, messageJson, messageParts } from '../../server/src/lsp/raw-json';
import { runReviewJob, type ReviewJob } from '../../server/src/lsp/review-job';
import { applySplices } from '../../client/src/diagnostic-changes';
import { generateContract } from '../../scripts/bench-contract';
import { ROOT } from './client';
import { editsOfEveryKind } from './edits-of-every-kind';

const WEAK = fs.readFileSync(path.join(ROOT, 'examples', 'weak-msa.md'), 'utf8');
const uri = 'file:///changes.md';

const reviewOf = (state: IncrementalReview, text: string, version: number, settings: ReviewJob['settings'] = {}): ReviewResult =>
  runReviewJob({ uri, version, text, format: 'markdown', settings, force: false, workspaceFolders: [] }, state, () => undefined).result;

interface Splice { start: number; deleteCount: number; diagnostics: unknown[] }

/** A render's change as the client reads it (written as the server writes it). */
function splicesOf(made: DiagnosticsJsonText): Splice[] {
  const json = made.change!.json.toString();
  assert.equal(Buffer.from(jsonBytes(made.change!.json)).toString('utf8'), json, 'the splices write exactly byteLength bytes');
  return JSON.parse(json) as Splice[];
}

/** The previous list with the render's change applied. */
function applied(previous: unknown[], made: DiagnosticsJsonText): unknown[] {
  return applySplices(previous, splicesOf(made).map((x) => ({ start: x.start, deleteCount: x.deleteCount, items: x.diagnostics })))!;
}

const deleted = (xs: Splice[]): number => xs.reduce((k, x) => k + x.deleteCount, 0);
const sent = (xs: Splice[]): number => xs.reduce((k, x) => k + x.diagnostics.length, 0);

describe('lsp: diagnostic changes made from the findings\' kept JSON', function () {
  this.timeout(120_000);

  for (const [name, start] of [['the generated 100 KB contract', generateContract(100_000)], ['weak-msa.md', WEAK]] as const) {
    for (const shape of ['full', 'compact'] as const) {
      it(`a render's change applied to the previous list gives its list, after every edit (${name}, ${shape})`, () => {
        const state = new IncrementalReview();
        const cache = new DiagnosticsJsonCache(shape, true);
        let version = 1;
        let made = cache.render(reviewOf(state, start, version));
        assert.ok(made.render > 0 && made.change === undefined, 'the first render has a number and no change');
        let list = JSON.parse(made.toString()) as unknown[];
        for (const text of editsOfEveryKind(start, { firstDeletedAgain: true })) {
          const result = reviewOf(state, text, ++version);
          const before = made.render;
          made = cache.render(result);
          assert.ok(made.change, `a change after edit ${version - 1}`);
          assert.equal(made.change.base, before, 'it names the render it applies to');
          assert.notEqual(made.render, before);
          const expected = JSON.stringify(diagnosticsOf(result, shape));
          assert.equal(made.toString(), expected);
          list = applied(list, made);
          assert.equal(JSON.stringify(list), expected, `after edit ${version - 1}`);
        }
      });
    }
  }

  it('leaves out the findings both lists start and end with: a character typed changes only its line\'s findings after it', () => {
    const state = new IncrementalReview();
    const cache = new DiagnosticsJsonCache('full', true);
    let text = generateContract(100_000);
    const first = cache.render(reviewOf(state, text, 1));
    const n = JSON.parse(first.toString()).length as number;
    const at = text.indexOf('. ', text.length / 2);
    text = `${text.slice(0, at)}x${text.slice(at)}`;
    const typed = splicesOf(cache.render(reviewOf(state, text, 2)));
    assert.ok(deleted(typed) <= 3, `deleted ${deleted(typed)} of ${n}`);
    assert.ok(JSON.stringify(typed).length < 2000, `${JSON.stringify(typed).length} bytes`);
    // Nothing changed: no splice.
    assert.equal(cache.render(reviewOf(state, text, 3)).change!.json.toString(), '[]');
    // A line break: every finding after it moves down a line, and only those are sent.
    const line = reviewOf(state, `${text.slice(0, at)}\n${text.slice(at)}`, 4);
    const moved = splicesOf(cache.render(line));
    const after = line.diagnostics.filter((d) => d.range.start.line > text.slice(0, at).split('\n').length - 1).length;
    assert.ok(moved[0].start >= n - after - 3 && deleted(moved) <= after + 3 && sent(moved) <= after + 3, `start ${moved[0].start}, deleted ${deleted(moved)}, ${after} after the line`);
  });

  it('sends only the findings an edit changed, however far apart (a figure other findings all through the contract compare theirs with)', () => {
    const resultOf = (diagnostics: ReviewDiagnostic[]): ReviewResult => ({ isContract: true, problems: [], warnings: [], diagnostics } as unknown as ReviewResult);
    const finding = (i: number, other: number): ReviewDiagnostic => ({
      ruleId: 'inconsistent-figure', category: 'drafting', severity: 'warning', message: i % 10 === 3 ? `3 hours here but ${other} hours elsewhere.` : `Finding ${i}.`,
      range: { start: { line: 2 * i, character: 4 }, end: { line: 2 * i, character: 9 } }, fixes: [],
    });
    const cache = new DiagnosticsJsonCache('full', true);
    let list = JSON.parse(cache.render(resultOf(Array.from({ length: 200 }, (_, i) => finding(i, 41)))).toString()) as unknown[];
    const made = cache.render(resultOf(Array.from({ length: 200 }, (_, i) => finding(i, 43))));
    const splices = splicesOf(made);
    assert.deepEqual(splices.map((x) => [x.start, x.deleteCount, x.diagnostics.length]), Array.from({ length: 20 }, (_, k) => [10 * k + 3, 1, 1]), 'one splice per changed finding');
    list = applied(list, made);
    assert.equal(JSON.stringify(list), made.toString());
  });

  it('gives no change when the server\'s own diagnostics around the findings changed, and none without a previous render', () => {
    const problems = WEAK.replace('review: true', 'review: true\n  profiles: [no-such-profile]');
    const state = new IncrementalReview();
    const cache = new DiagnosticsJsonCache('full', true);
    assert.equal(cache.render(reviewOf(state, WEAK, 1)).change, undefined);
    const withProblem = reviewOf(state, problems, 2);
    assert.ok(withProblem.problems.length > 0);
    assert.equal(cache.render(withProblem).change, undefined, 'an input problem appeared');
    let list = JSON.parse(cache.render(withProblem).toString()) as unknown[];
    const typed = reviewOf(state, `${problems}x`, 3);
    const same = cache.render(typed);
    assert.ok(same.change, 'the same problem again');
    assert.ok(splicesOf(same).every((x) => x.start >= withProblem.problems.length), 'the splices count the problems before the findings');
    list = applied(list, same);
    assert.equal(JSON.stringify(list), JSON.stringify(diagnosticsOf(typed)));
  });

  it('a diagnostic written whole is never taken as unchanged', () => {
    const base: ReviewDiagnostic = {
      ruleId: 'vague-wording', category: 'drafting', severity: 'warning', message: 'Vague.',
      range: { start: { line: 3, character: 4 }, end: { line: 3, character: 13 } }, fixes: [],
    };
    const odd = { ...base, message: 'Odd.', range: { start: { line: 1.5, character: 0 }, end: { line: 2, character: 0 } } };
    const resultOf = (diagnostics: ReviewDiagnostic[]): ReviewResult => ({ isContract: true, problems: [], warnings: [], diagnostics } as unknown as ReviewResult);
    const cache = new DiagnosticsJsonCache('full', true);
    let list = JSON.parse(cache.render(resultOf([odd, base])).toString()) as unknown[];
    const made = cache.render(resultOf([odd, base]));
    assert.deepEqual(splicesOf(made).map((x) => [x.start, x.deleteCount]), [[0, 1]], 'the odd one is sent again');
    list = applied(list, made);
    assert.equal(JSON.stringify(list), made.toString());
  });

  it('renders as before without `changes`, and a reserved number is the render\'s', () => {
    const state = new IncrementalReview();
    const plain = new DiagnosticsJsonCache();
    const result = reviewOf(state, WEAK, 1);
    const a = plain.render(result);
    assert.equal(a.render, 0);
    assert.equal(a.change, undefined);
    assert.equal(plain.render(result).change, undefined);
    const reserved = reserveRender();
    const cache = new DiagnosticsJsonCache('full', true);
    assert.equal(cache.render(result, reserved).render, reserved);
    assert.equal(cache.render(result).change!.base, reserved);
  });

  it('writes the change notification as its JSON.stringify, the splices between head and tail', () => {
    const state = new IncrementalReview();
    const cache = new DiagnosticsJsonCache('full', true);
    cache.render(reviewOf(state, WEAK, 1));
    const made = cache.render(reviewOf(state, `${WEAK.slice(0, WEAK.length / 2)}\n${WEAK.slice(WEAK.length / 2)}`, 2));
    const json = made.change!.json;
    const splices = JSON.parse(json.toString()) as Splice[];
    assert.ok(splices.length > 0);
    const params = changeParamsFromJson(uri, 2, 1, [json]);
    const notification = { jsonrpc: '2.0', method: 'clausewise/diagnosticChanges', params };
    const expected = JSON.stringify({ ...notification, params: { uri, version: 2, previousVersion: 1, changes: splices } });
    assert.equal(messageJson(notification), expected);
    const parts = messageParts(notification);
    assert.equal(parts[1], json, 'the splices are a piece of their own');
    assert.equal(parts.map((p) => (typeof p === 'string' ? p : p.toString())).join(''), expected);
    assert.deepEqual(params.changes, splices);
    // Two lists (a change on top of one never sent), the second as UTF-8 bytes, moved past one diagnostic made in the server's thread.
    const more = Buffer.from('[{"start":2,"deleteCount":0,"diagnostics":[]}]');
    const two = changeParamsFromJson(uri, 3, 1, [json, more], 1);
    const twoNote = { jsonrpc: '2.0', method: 'clausewise/diagnosticChanges', params: two };
    const moved = [...splices, { start: 2, deleteCount: 0, diagnostics: [] }].map((x) => ({ ...x, start: x.start + 1 }));
    assert.equal(messageJson(twoNote), JSON.stringify({ ...twoNote, params: { uri, version: 3, previousVersion: 1, changes: moved } }));
  });
});
