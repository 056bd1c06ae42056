/**
 * Line shifts in diagnostic changes (version 2; server/src/lsp/diagnostics-json.ts changeFrom,
 * raw-json.ts changeParamsFromJson, protocol.ts): findings whose JSON is the same and whose range
 * moved by whole lines (both lines by the same number, characters the same) are sent as
 * `{ start, count, lineDelta }` instead of again; anything else that moved is spliced as before, and
 * a cache asked for version 1 (`true`) never shifts.
 */
import { strict as assert } from 'node:assert';
import type { ReviewDiagnostic, ReviewResult } from '../../server/src/engine';
import { IncrementalReview } from '../../server/src/engine';
import { DiagnosticsJsonCache, type DiagnosticsJsonText } from '../../server/src/lsp/diagnostics-json';
import { changeParamsFromJson, jsonBytes, messageJson } from '../../server/src/lsp/raw-json';
import { diagnosticChangesCapability, diagnosticChangesVersion } from '../../server/src/lsp/protocol';
import { runReviewJob } from '../../server/src/lsp/review-job';
import { applySplices, movedLspDiagnostic, type Change } from '../../client/src/diagnostic-changes';
import { generateContract } from '../../scripts/bench-contract';

type Step = { start: number; deleteCount: number; diagnostics: unknown[] } | { start: number; count: number; lineDelta: number };
type Lsp = Parameters<typeof movedLspDiagnostic>[0];

function stepsOf(made: DiagnosticsJsonText): Step[] {
  const json = made.change!.json.toString();
  assert.equal(Buffer.from(jsonBytes(made.change!.json)).toString('utf8'), json, 'the steps write exactly byteLength bytes');
  return JSON.parse(json) as Step[];
}

const asChanges = (steps: Step[]): Change<Lsp>[] => steps.map((x) => ('lineDelta' in x ? x : { start: x.start, deleteCount: x.deleteCount, items: x.diagnostics as Lsp[] }));

/** The previous list with the render's change applied, as a client of version 2 does. */
function applied(previous: Lsp[], made: DiagnosticsJsonText): Lsp[] {
  const out = applySplices(previous, asChanges(stepsOf(made)), movedLspDiagnostic);
  assert.ok(out, 'the change fits the list');
  return out;
}

/** What the steps say, short: `s start count delta` for a shift, `r start deleteCount items` for a splice. */
const brief = (steps: Step[]): string[] => steps.map((x) => ('lineDelta' in x ? `s ${x.start} ${x.count} ${x.lineDelta}` : `r ${x.start} ${x.deleteCount} ${x.diagnostics.length}`));

/** A review's result with these findings (and input problems, published before them, on the first line). */
const resultOf = (diagnostics: ReviewDiagnostic[], problems: string[] = []): ReviewResult =>
  ({ isContract: true, problems, warnings: [], diagnostics, model: { lineStarts: [0], text: 'x' } } as unknown as ReviewResult);

/** A finding on line `line` (to `endLine`), characters 4 to 9 unless given. */
function finding(i: number, line: number, endLine = line, c1 = 4, c2 = 9): ReviewDiagnostic {
  return { ruleId: 'vague-wording', category: 'drafting', severity: 'warning', message: `Finding ${i}.`, range: { start: { line, character: c1 }, end: { line: endLine, character: c2 } }, fixes: [] };
}

/** Renders `before` then `after` through one cache of `version`; the second render's steps and whether the list applied equals it. */
function change(before: ReviewDiagnostic[], after: ReviewDiagnostic[], version: boolean | number = 2, problems: string[] = []): Step[] {
  const cache = new DiagnosticsJsonCache('full', version);
  const list = JSON.parse(cache.render(resultOf(before, problems)).toString()) as Lsp[];
  const made = cache.render(resultOf(after, problems));
  assert.equal(JSON.stringify(applied(list, made)), made.toString(), 'the list applied is the render\'s');
  return stepsOf(made);
}

const lines = (n: number, lineOf: (i: number) => number): ReviewDiagnostic[] => Array.from({ length: n }, (_, i) => finding(i, lineOf(i)));

describe('lsp: line shifts in diagnostic changes (version 2)', () => {
  it('reads the option and says the version in the capability: true stays true, 2 or more is 2', () => {
    assert.deepEqual([true, 1, 2, 3, false, 0, 1.5, '2', undefined, null].map(diagnosticChangesVersion), [1, 1, 2, 2, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual([0, 1, 2].map(diagnosticChangesCapability), [undefined, true, 2]);
  });

  it('sends the findings below a line break as one shift, and those after it on its line again', () => {
    // Findings on lines 0..19, two a line; a line break on line 5 between its two findings.
    const before = Array.from({ length: 40 }, (_, i) => finding(i, i >> 1, i >> 1, i % 2 ? 20 : 4, i % 2 ? 25 : 9));
    const after = before.map((d, i) => (i < 11 ? d : i === 11 ? finding(i, 6, 6, 2, 7) : finding(i, (i >> 1) + 1, (i >> 1) + 1, i % 2 ? 20 : 4, i % 2 ? 25 : 9)));
    assert.deepEqual(brief(change(before, after)), ['r 11 1 1', 's 12 28 1']);
  });

  it('moves up after a deleted line, and by the block\'s lines after a pasted block', () => {
    const before = lines(30, (i) => 2 * i);
    assert.deepEqual(brief(change(before, lines(30, (i) => (i < 10 ? 2 * i : 2 * i - 1)))), ['s 10 20 -1']);
    assert.deepEqual(brief(change(before, lines(30, (i) => (i < 10 ? 2 * i : 2 * i + 7)))), ['s 10 20 7']);
    // Everything moved: one shift from the first.
    assert.deepEqual(brief(change(before, lines(30, (i) => 2 * i + 3))), ['s 0 30 3']);
    // Lines moved back to 0 (the first line deleted): allowed; below 0 never happens.
    assert.deepEqual(brief(change(lines(3, (i) => i + 1), lines(3, (i) => i))), ['s 0 3 -1']);
  });

  it('starts a new shift where the number of lines changes, and after a splice', () => {
    const before = lines(30, (i) => 2 * i);
    // Two edits' worth: +1 from finding 5, +3 from finding 20.
    assert.deepEqual(brief(change(before, lines(30, (i) => 2 * i + (i < 5 ? 0 : i < 20 ? 1 : 3)))), ['s 5 15 1', 's 20 10 3']);
    // A changed finding among moved ones: shift, splice of that one, shift again.
    const changed = lines(30, (i) => 2 * i + (i < 5 ? 0 : 1));
    changed[12] = { ...changed[12], message: 'Another message.' };
    assert.deepEqual(brief(change(before, changed)), ['s 5 7 1', 'r 12 1 1', 's 13 17 1']);
    // A finding removed among moved ones, and one added.
    const removed = lines(30, (i) => 2 * i + 1).filter((_, i) => i !== 12);
    assert.deepEqual(brief(change(before, removed)), ['s 0 12 1', 'r 12 1 0', 's 12 17 1']);
    const added = lines(30, (i) => 2 * i + 1);
    added.splice(12, 0, { ...finding(99, 24), message: 'New.' });
    assert.deepEqual(brief(change(before, added)), ['s 0 12 1', 'r 12 0 1', 's 13 18 1']);
  });

  it('splices a finding whose lines moved by different numbers (it spans the edit) or whose characters changed', () => {
    const before = [finding(0, 1), finding(1, 3, 5), finding(2, 8), finding(3, 9)];
    // Finding 1 spans lines 3 to 5 and a line break on line 4 grows it: its end moves, its start does not.
    const grown = [finding(0, 1), finding(1, 3, 6), finding(2, 9), finding(3, 10)];
    assert.deepEqual(brief(change(before, grown)), ['r 1 1 1', 's 2 2 1']);
    // A line break and its characters changed (a finding after the break on its line).
    const moved = [finding(0, 1), finding(1, 4, 6, 0, 9), finding(2, 9), finding(3, 10)];
    assert.deepEqual(brief(change(before, moved)), ['r 1 1 1', 's 2 2 1']);
    const endChar = [finding(0, 2), finding(1, 4, 6, 4, 3), finding(2, 9), finding(3, 10)];
    assert.deepEqual(brief(change(before, endChar)), ['s 0 1 1', 'r 1 1 1', 's 2 2 1']);
  });

  it('counts the server\'s own diagnostics before the findings in a shift\'s start, and writes a negative line count', () => {
    const problem = 'Unknown profile "x".';
    const before = lines(10, (i) => i + 2);
    assert.deepEqual(brief(change(before, lines(10, (i) => (i < 4 ? i + 2 : i + 1)), 2, [problem])), ['s 5 6 -1']);
  });

  it('never shifts for a client of version 1 (`true`): the moved findings are spliced as before', () => {
    const before = lines(30, (i) => 2 * i);
    const after = lines(30, (i) => (i < 10 ? 2 * i : 2 * i + 1));
    assert.deepEqual(brief(change(before, after, true)), ['r 10 20 20']);
    assert.deepEqual(brief(change(before, after, 1)), ['r 10 20 20']);
    assert.equal(new DiagnosticsJsonCache('full', true).changes, 1);
    assert.equal(new DiagnosticsJsonCache('full', 2).changes, 2);
  });

  it('moves shifts\' starts past the server thread\'s own diagnostics, and joins lists of steps, in the notification', () => {
    const cache = new DiagnosticsJsonCache('full', 2);
    cache.render(resultOf(lines(10, (i) => i)));
    const one = cache.render(resultOf(lines(10, (i) => (i < 3 ? i : i + 2))));
    const two = cache.render(resultOf(lines(10, (i) => (i < 3 ? i : i + 1))));
    assert.deepEqual(brief(stepsOf(one)), ['s 3 7 2']);
    assert.deepEqual(brief(stepsOf(two)), ['s 3 7 -1']);
    const params = changeParamsFromJson('file:///a.md', 3, 1, [one.change!.json, two.change!.json], 1);
    assert.deepEqual(params.changes, [{ start: 4, count: 7, lineDelta: 2 }, { start: 4, count: 7, lineDelta: -1 }]);
    const single = changeParamsFromJson('file:///a.md', 3, 2, [two.change!.json]);
    const notification = { jsonrpc: '2.0', method: 'clausewise/diagnosticChanges', params: single };
    assert.equal(messageJson(notification), JSON.stringify({ ...notification, params: { uri: 'file:///a.md', version: 3, previousVersion: 2, changes: [{ start: 3, count: 7, lineDelta: -1 }] } }));
  });

  it('a line break half way through the generated 100 KB contract sends a shift of a few dozen bytes, not the findings below it', () => {
    const uri = 'file:///shift.md';
    const state = new IncrementalReview();
    const cache = new DiagnosticsJsonCache('full', 2);
    let text = generateContract(100_000);
    let version = 1;
    const review = (t: string): ReviewResult => runReviewJob({ uri, version: version++, text: t, format: 'markdown', settings: {}, force: false, workspaceFolders: [] }, state, () => undefined).result;
    let list = JSON.parse(cache.render(review(text)).toString()) as Lsp[];
    const at = text.indexOf('. ', text.length / 2) + 2;
    text = `${text.slice(0, at)}\n${text.slice(at)}`;
    const result = review(text);
    const below = result.diagnostics.filter((d) => d.range.start.line > text.slice(0, at).split('\n').length - 1).length;
    assert.ok(below > 50, `${below} findings below the line break`);
    const made = cache.render(result);
    const steps = stepsOf(made);
    assert.ok(made.change!.json.byteLength < 200, `${made.change!.json.byteLength} bytes: ${JSON.stringify(brief(steps))}`);
    assert.equal(steps.filter((x) => 'lineDelta' in x).reduce((k, x) => k + (x as { count: number }).count, 0), below, 'every finding below moved by a shift');
    list = applied(list, made);
    assert.equal(JSON.stringify(list), made.toString());
  });
});
