/**
 * A review job's text sent to the worker as the edit of the previous job's (server/src/lsp/job-text.ts,
 * review-thread.ts, review-worker.ts): the edit rebuilds exactly the new text, the worker's copy stays
 * in step with the server's over a run of edits, and when the worker no longer holds the text the
 * edit was made against, the job is sent again whole. The reviews match a fresh review of the same
 * text in this thread byte for byte.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { IncrementalReview } from '../../server/src/engine';
import { applyTextEdit, KeptTexts, SentTexts, textEdit } from '../../server/src/lsp/job-text';
import { runReviewJob, type DiagnosticsJson, type ReviewJob } from '../../server/src/lsp/review-job';
import { ReviewThread } from '../../server/src/lsp/review-thread';
import { TextSnapshot } from '../../server/src/lsp/text-snapshot';
import { MemoryClient, TEST_REVIEW_WORKER, type PublishParams } from './memory';
import { ROOT } from './client';

const WEAK = fs.readFileSync(path.join(ROOT, 'examples', 'weak-msa.md'), 'utf8');
const STRONG = fs.readFileSync(path.join(ROOT, 'examples', 'strong-msa.md'), 'utf8');

/** A small deterministic generator (the same edits on every run). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = ['x', ' in a timely manner', '\n\n', '\r\n', '😀', 'é', '', '## 9. Extra\n\nThe Supplier shall act promptly.\n', '\u2019'];

/** A random edit of `text`: a stretch replaced by one of PIECES (possibly splitting a surrogate pair). */
function randomEdit(text: string, rnd: () => number): string {
  const start = Math.floor(rnd() * (text.length + 1));
  const end = Math.min(text.length, start + Math.floor(rnd() * 40 * (rnd() < 0.5 ? 0 : 1)));
  return text.slice(0, start) + PIECES[Math.floor(rnd() * PIECES.length)] + text.slice(end);
}

describe('lsp: job texts sent as edits', function () {
  this.timeout(120_000);

  describe('textEdit and applyTextEdit', () => {
    it('rebuild the new text exactly, for random edits, identical texts and whole replacements', () => {
      const rnd = lcg(13);
      let before = WEAK;
      for (let i = 0; i < 300; i++) {
        const after = i % 50 === 49 ? STRONG : i % 37 === 0 ? before : randomEdit(before, rnd);
        const edit = textEdit(i, before, after);
        assert.equal(applyTextEdit(before, edit), after, `edit ${i}`);
        // Only the changed stretch travels.
        assert.ok(edit.insert.length <= Math.max(0, after.length - before.length) + (edit.end - edit.start));
        before = after;
      }
    });

    it('refuse a text of another length than the one the edit was made against', () => {
      const edit = textEdit(1, 'abc def', 'abc xdef');
      assert.equal(applyTextEdit('abc def', edit), 'abc xdef');
      assert.equal(applyTextEdit('abc de', edit), undefined);
      assert.equal(applyTextEdit('abc defg', edit), undefined);
    });

    it('send the first job of a document whole, the next as an edit, and whole again once forgotten', () => {
      const sent = new SentTexts();
      const kept = new KeptTexts();
      const travel = (version: number, text: string): string | undefined => {
        const wire = sent.wire('u', version, text);
        sent.sentTo('u', version, text);
        return kept.receive('u', version, wire);
      };
      assert.ok('text' in sent.wire('u', 1, 'one'));
      assert.equal(travel(1, 'one two'), 'one two');
      assert.ok('edit' in sent.wire('u', 2, 'one, two'));
      assert.equal(travel(2, 'one, two'), 'one, two');
      assert.equal(travel(3, 'one, two, three'), 'one, two, three');
      // The worker let go of the text: the edit is refused and the text dropped there too.
      kept.retain(() => false);
      assert.equal(kept.receive('u', 4, sent.wire('u', 4, 'four')), undefined);
      // An edit made against a version the worker does not hold is refused.
      kept.receive('u', 5, { text: 'five' });
      assert.equal(kept.receive('u', 6, { edit: textEdit(4, 'five', 'six') }), undefined);
      assert.equal(kept.has('u'), false);
      sent.forget('u');
      assert.ok('text' in sent.wire('u', 6, 'six'));
    });
  });

  describe('whole texts sent as a base and edits (issue 13, rssmain)', () => {
    it('SentTexts.whole sends an unbuilt snapshot as its base and edits, which KeptTexts applies', () => {
      const snap = new TextSnapshot('abc def', [{ start: 3, end: 4, text: '--' }, { start: 0, end: 1, text: 'X' }], 8);
      const wire = SentTexts.whole(snap);
      assert.deepEqual(wire, { text: 'abc def', then: snap.edits, length: 8 });
      assert.equal(snap.builtText, undefined, 'nothing built');
      const kept = new KeptTexts();
      assert.equal(kept.receive('u', 2, wire), 'Xbc--def');
      assert.equal(kept.receive('u', 3, { edit: textEdit(2, 'Xbc--def', 'Xbc--deff') }), 'Xbc--deff', 'the next job applies to the text made');
      assert.deepEqual(SentTexts.whole(snap, true), { text: 'Xbc--def' }, 'flat: the text built');
      assert.deepEqual(SentTexts.whole(TextSnapshot.of('abc')), { text: 'abc' }, 'a built text goes as it is');
    });

    it('KeptTexts refuses edits that do not fit their base, or make another length', () => {
      const kept = new KeptTexts();
      assert.equal(kept.receive('u', 1, { text: 'abc', then: [{ start: 2, end: 9, text: 'x' }], length: 3 }), undefined);
      assert.equal(kept.has('u'), false);
      assert.equal(kept.receive('u', 1, { text: 'abc', then: [{ start: 1, end: 2, text: 'xy' }], length: 3 }), undefined);
      assert.equal(kept.receive('u', 1, { text: 'abc', then: [{ start: 1, end: 2, text: 'xy' }], length: 4 }), 'axyc');
    });
  });

  describe('texts prepared ahead of their job (issue 13, editmodel)', () => {
    /** The server's side has sent v1 of `base` and holds v2 as a snapshot of base plus `edits`; the worker holds v1. */
    const sides = (base: string, edits: Array<{ start: number; end: number; text: string }>, length: number) => {
      const sent = new SentTexts();
      const kept = new KeptTexts();
      const v1 = TextSnapshot.of(base);
      kept.receive('u', 1, sent.wire('u', 1, v1));
      sent.sentTo('u', 1, v1);
      return { sent, kept, v2: new TextSnapshot(base, edits, length) };
    };

    it('aheadWire is the edit the job will travel as, and nothing when that would need the text built', () => {
      const { sent, v2 } = sides('one two', [{ start: 3, end: 3, text: ',' }, { start: 8, end: 8, text: ' three' }], 14);
      assert.deepEqual(sent.aheadWire('u', v2), sent.wire('u', 2, v2));
      // No edits since the text sent, a document never sent, a text not made of edits of the sent one.
      assert.equal(sent.aheadWire('u', TextSnapshot.of('one two')), undefined);
      assert.equal(sent.aheadWire('other', v2), undefined);
      assert.equal(sent.aheadWire('u', TextSnapshot.of('one, two three')), undefined);
    });

    it('the job takes the text prepared from its very edit, and rebuilds it from any other', () => {
      const base = WEAK;
      const at = base.indexOf('## 2');
      const { sent, kept, v2 } = sides(base, [{ start: at, end: at, text: 'x' }], base.length + 1);
      const wire = sent.aheadWire('u', v2)!;
      assert.equal(kept.prepare('u', 2, wire), true);
      const got = kept.receiveJob('u', 2, sent.wire('u', 2, v2))!;
      assert.equal(got.text, v2.text);
      assert.deepEqual({ start: got.edit!.start, oldEnd: got.edit!.oldEnd, insert: got.edit!.insert }, { start: at, oldEnd: at, insert: 'x' });
      assert.equal(got.edit!.before, base);
      assert.deepEqual(kept.ahead, { prepared: 1, taken: 1 });
      sent.sentTo('u', 2, v2);

      // Typed again before the job went: the job's edit is another, so the prepared text is not taken.
      const v3 = new TextSnapshot(v2.text, [{ start: at + 1, end: at + 1, text: 'y' }], v2.length + 1);
      assert.equal(kept.prepare('u', 3, sent.aheadWire('u', v3)!), true);
      const v3b = new TextSnapshot(v2.text, [{ start: at + 1, end: at + 1, text: 'y' }, { start: at + 2, end: at + 2, text: 'z' }], v2.length + 2);
      assert.equal(kept.receiveJob('u', 3, sent.wire('u', 3, v3b))!.text, v3b.text);
      assert.deepEqual(kept.ahead, { prepared: 2, taken: 1 });
      sent.sentTo('u', 3, v3b);

      // Prepared against a version the worker no longer holds: refused, and no job takes it.
      assert.equal(kept.prepare('u', 9, { edit: { baseVersion: 2, baseLength: v2.length, start: 0, end: 0, insert: 'q', length: v2.length + 1 } }), false);
      // A prepared text the job does not come for (the document forgotten) goes with the document's text.
      const v4 = new TextSnapshot(v3b.text, [{ start: 0, end: 0, text: 'w' }], v3b.length + 1);
      assert.equal(kept.prepare('u', 4, sent.aheadWire('u', v4)!), true);
      kept.forget('u');
      kept.receive('u', 1, { text: v3b.text });
      assert.equal(kept.receiveJob('u', 4, { edit: { ...sent.aheadWire('u', v4)!.edit, baseVersion: 1 } })!.text, v4.text);
      assert.deepEqual(kept.ahead, { prepared: 3, taken: 1 });
    });
  });

  describe('texts the worker lets go of', () => {
    it('KeptTexts.retain names the texts it let go, and SentTexts.letGo forgets only the text last sent', () => {
      const sent = new SentTexts();
      const kept = new KeptTexts();
      for (const [uri, version, text] of [['a', 3, 'alpha'], ['b', 7, 'beta'], ['c', 1, 'gamma']] as const) {
        kept.receive(uri, version, sent.wire(uri, version, text));
        sent.sentTo(uri, version, text);
      }
      assert.deepEqual(kept.retain((u) => u === 'b'), [{ uri: 'a', version: 3 }, { uri: 'c', version: 1 }]);
      assert.deepEqual(kept.retain((u) => u === 'b'), [], 'nothing more to let go');
      // The message reaches the server's thread after it sent a's next job (an edit of version 3):
      // that job is left to the worker, which refuses it, as before.
      sent.sentTo('a', 4, 'alpha!');
      assert.equal(sent.letGo('a', 3), false);
      assert.ok('edit' in sent.wire('a', 5, 'alpha!?'));
      assert.equal(kept.receive('a', 5, sent.wire('a', 5, 'alpha!?')), undefined, 'the worker refuses an edit of a text it let go');
      // c's text is still the one sent: forgotten, its next job goes whole at once and is kept.
      assert.equal(sent.letGo('c', 1), true);
      const wire = sent.wire('c', 2, 'gamma ray');
      assert.ok('text' in wire);
      assert.equal(kept.receive('c', 2, wire), 'gamma ray');
      // b was kept: its next job is an edit the worker applies.
      assert.equal(kept.receive('b', 8, sent.wire('b', 8, 'beta blocker')), 'beta blocker');
    });
  });

  describe('through the review worker', () => {
    let thread: ReviewThread | undefined;
    afterEach(() => { thread?.dispose(); thread = undefined; });

    const jobOf = (uri: string, version: number, text: string): ReviewJob => ({ uri, version, text, format: 'markdown', settings: {}, force: false, workspaceFolders: [] });
    /** A fresh review of the text in this thread: its diagnostics as the worker sends them, and its line starts. */
    const fresh = (job: ReviewJob) => {
      const outcome = runReviewJob(job, new IncrementalReview(), () => undefined);
      return { json: JSON.stringify(outcome.diagnostics), lineStarts: outcome.result.model.lineStarts };
    };

    it('keeps the worker\'s text in step over random edits, and sends the text whole at once when the worker let it go', async () => {
      const logged: string[] = [];
      // keepChars 1: only the document reviewed last keeps its state, so the worker drops the other's text.
      thread = new ReviewThread({ script: TEST_REVIEW_WORKER.script, keepChars: 1 }, { readBundle: () => undefined, log: (t) => logged.push(t) });
      const a = pathToFileURL(path.join(ROOT, 'scratch', 'job-text-a.md')).href;
      const b = pathToFileURL(path.join(ROOT, 'scratch', 'job-text-b.md')).href;
      const rnd = lcg(7);
      let text = WEAK;
      /** `sent`: the text as the server's thread holds it, when a snapshot (the job's text otherwise). */
      const check = async (job: ReviewJob, sent?: TextSnapshot): Promise<void> => {
        const outcome = await thread!.review(sent ? { ...job, text: sent } : job);
        assert.ok(outcome, `v${job.version} reviewed: ${logged.join('\n')}`);
        const expected = fresh(job);
        const json = (outcome.diagnostics as DiagnosticsJson).json;
        assert.ok(json instanceof Uint8Array, 'the diagnostics come as UTF-8 bytes');
        assert.equal(Buffer.from(json).toString('utf8'), expected.json, `v${job.version}: the same diagnostics as a fresh review of the text`);
        assert.deepEqual(outcome.lineStarts, expected.lineStarts, `v${job.version}: the worker's text has the same lines`);
      };
      await check(jobOf(a, 1, text));
      for (let v = 2; v <= 9; v++) {
        text = randomEdit(text, rnd);
        await check(jobOf(a, v, text));
      }
      assert.deepEqual(thread.sent, { texts: 1, edits: 8, refused: 0, ahead: 0, letGo: 0 });
      // Another document reviewed: the first one's state goes, and with it its text in the worker,
      // which says so before that review's outcome (issue 13, serverrefuse).
      await check(jobOf(b, 1, STRONG));
      assert.deepEqual(thread.sent, { texts: 2, edits: 8, refused: 0, ahead: 0, letGo: 1 }, 'the worker told which text it let go');
      // The job's text held as the last text and two edits, not built: sent whole at once (no edit
      // refused first) as those (the worker applies them), without the text built in this thread.
      const at10 = text.indexOf('## 3');
      const edits10 = [{ start: at10, end: at10, text: 'The Supplier shall reply promptly.\n\n' }, { start: 5, end: 9, text: '\u2019x' }];
      const before10 = text;
      text = text.slice(0, at10) + edits10[0].text + text.slice(at10);
      text = text.slice(0, 5) + edits10[1].text + text.slice(9);
      const snap10 = new TextSnapshot(before10, edits10, text.length);
      await check(jobOf(a, 10, text), snap10);
      assert.equal(snap10.builtText, undefined, 'the whole text was not built in the server\'s thread');
      // (b's text goes in turn: letGo 2.)
      assert.deepEqual(thread.sent, { texts: 3, edits: 8, refused: 0, ahead: 0, letGo: 2 }, 'the text went whole at once, no edit refused');
      // In step again: the next edit travels as an edit.
      text = randomEdit(text, rnd);
      await check(jobOf(a, 11, text));
      assert.deepEqual(thread.sent, { texts: 3, edits: 9, refused: 0, ahead: 0, letGo: 2 });
      // The next edit sent ahead of its job (ReviewThread.textAhead): the worker builds the text from it first.
      const at = text.indexOf('## 2');
      const ahead = new TextSnapshot(text, [{ start: at, end: at, text: 'The Supplier shall act in a timely manner.\n\n' }], text.length + 44);
      thread.textAhead(a, 12, ahead);
      await check(jobOf(a, 12, ahead.text), ahead);
      text = ahead.text;
      assert.deepEqual(thread.sent, { texts: 3, edits: 10, refused: 0, ahead: 1, letGo: 2 });
      // A closed document is forgotten on both sides: it comes back whole.
      thread.forget(a);
      await check(jobOf(a, 1, WEAK));
      assert.deepEqual(thread.sent, { texts: 4, edits: 10, refused: 0, ahead: 1, letGo: 2 });
      assert.deepEqual(logged, []);
    });
  });

  describe('when the worker\'s word that it let a text go crosses a job (a stand-in worker)', () => {
    let thread: ReviewThread | undefined;
    afterEach(() => { void thread?.dispose(); thread = undefined; });
    const STAND_IN = path.join(__dirname, 'dropping-worker.cjs');
    const job = (uri: string, version: number, text: string, settings: Record<string, unknown> = {}): ReviewJob => ({ uri, version, text, format: 'markdown', settings, force: false, workspaceFolders: [] });
    /** The text the worker rebuilt for the job (the stand-in sends it back as the status). */
    const rebuilt = async (j: ReviewJob): Promise<string | undefined> => ((await thread!.review(j))?.status as { text?: string } | undefined)?.text;

    it('a job on its way as an edit of a text let go is refused and sent whole; the next edit is applied', async () => {
      const logged: string[] = [];
      thread = new ReviewThread({ script: STAND_IN }, { readBundle: () => undefined, log: (t) => logged.push(t) });
      assert.equal(await rebuilt(job('a', 1, 'one')), 'one');
      assert.equal(await rebuilt(job('a', 2, 'one two')), 'one two');
      // The worker lets go of a's text (version 2) after the job of version 3 left as its edit: it
      // says so, then refuses the edit; the word about version 2 must not undo version 3's resend.
      assert.equal(await rebuilt(job('a', 3, 'one two three', { dropBefore: true })), 'one two three');
      assert.deepEqual(thread.sent, { texts: 2, edits: 2, refused: 1, ahead: 0, letGo: 0 });
      assert.equal(await rebuilt(job('a', 4, 'one, two three')), 'one, two three');
      assert.deepEqual(thread.sent, { texts: 2, edits: 3, refused: 1, ahead: 0, letGo: 0 }, 'in step again: an edit, applied');
      assert.deepEqual(logged, []);
    });

    it('a text let go before the document was closed and opened again does not unsend the new text', async () => {
      const logged: string[] = [];
      let reopened: Promise<string | undefined> | undefined;
      // The idle collection is posted a millisecond after the worker falls idle; the stand-in lets go
      // of every text a second after it arrives. Meanwhile the document is closed and opened again.
      thread = new ReviewThread({ script: STAND_IN, idleCollectMs: 1 }, {
        readBundle: () => undefined, log: (t) => logged.push(t),
        settle: () => {
          if (reopened) return;
          thread!.forget('a');
          reopened = rebuilt(job('a', 1, 'again'));
        },
      });
      assert.equal(await rebuilt(job('a', 1, 'one')), 'one');
      assert.equal(await rebuilt(job('a', 2, 'one two')), 'one two');
      while (!reopened) await new Promise((r) => setTimeout(r, 5));
      // Its outcome comes after the word that version 2 went (the worker posts in order), which
      // arrived after version 1 of the reopened document was sent: the worker keeps that one, so the
      // next job still travels as an edit of it.
      assert.equal(await reopened, 'again');
      assert.equal(await rebuilt(job('a', 2, 'again and again')), 'again and again');
      assert.deepEqual(thread.sent, { texts: 2, edits: 2, refused: 0, ahead: 0, letGo: 0 });
      assert.deepEqual(logged, []);
    });
  });

  describe('over LSP, with incremental changes', () => {
    let client: MemoryClient | undefined;
    let inThread: MemoryClient | undefined;
    afterEach(async () => { await client?.stop(); await inThread?.stop(); });

    it('publishes what a server reviewing in its own thread publishes, version after version', async () => {
      client = await new MemoryClient({ server: { reviewWorker: { ...TEST_REVIEW_WORKER, keepChars: 1 } }, timeout: 60_000 }).start();
      inThread = await new MemoryClient({ server: { reviewWorker: undefined } }).start();
      const uri = pathToFileURL(path.join(ROOT, 'scratch', 'job-text-lsp.md')).href;
      const other = pathToFileURL(path.join(ROOT, 'scratch', 'job-text-other.md')).href;
      const strip = (p: PublishParams) => JSON.stringify(p.diagnostics);
      assert.equal(strip(await client.open(uri, WEAK)), strip(await inThread.open(uri, WEAK)));
      const lines = WEAK.split('\n');
      const at = lines.findIndex((l) => l.startsWith('## 2'));
      const edits = [
        { range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, text: 'The Supplier shall respond in a timely manner.\n\n' },
        { range: { start: { line: at, character: 4 }, end: { line: at, character: 9 } }, text: '' },
        { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'x' },
      ];
      let version = 1;
      for (const [i, change] of edits.entries()) {
        version++;
        // The other document in between (once): with keepChars 1 the worker then lets go of this one's text.
        if (i === 2) assert.equal(strip(await client.open(other, STRONG)), strip(await inThread.open(other, STRONG)));
        const since = client.mark();
        const sinceThere = inThread.mark();
        for (const c of [client, inThread]) c.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
        const mine = await client.diagnostics(uri, version, since);
        const theirs = await inThread.diagnostics(uri, version, sinceThere);
        assert.equal(strip(mine), strip(theirs), `version ${version}`);
      }
      assert.ok(!/failed|could not/.test(client.stderr), client.stderr);
    });
  });
});
