/**
 * The review worker's warm-up before a document's first edit (server/src/lsp/warmup.ts
 * FirstEditWarmUp, review-worker.ts): it reviews a sample of the document just opened to the end
 * when nothing else comes, begins no step once a message is waiting, drops the sample review under
 * way when paused, ends for good; through the worker it never publishes and changes no result.
 * Behaviour only, no timing.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { documentSample, FirstEditWarmUp } from '../../server/src/lsp/warmup';
import { MemoryClient, TEST_REVIEW_WORKER, type PublishParams } from './memory';
import { ROOT } from './client';

const WEAK = fs.readFileSync(path.join(ROOT, 'examples', 'weak-msa.md'), 'utf8');
const STRONG = fs.readFileSync(path.join(ROOT, 'examples', 'strong-msa.md'), 'utf8');
let n = 0;
const uriOf = (name: string): string => pathToFileURL(path.join(ROOT, 'scratch', `first-edit-warmup-${name}-${n++}.md`)).href;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(ok: () => boolean, what: string, ms = 90_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await sleep(10);
  }
}

describe('lsp: the review worker warms up its edit path after an open', function () {
  this.timeout(180_000);

  describe('documentSample', () => {
    it('is the text up to the first blank line after the length asked for, or the whole of a shorter text', () => {
      const s = documentSample(WEAK, 1000);
      assert.ok(s.length > 1000 && s.length < WEAK.length);
      assert.ok(WEAK.startsWith(s));
      assert.ok(s.endsWith('\n') && WEAK.slice(s.length - 1, s.length + 1) === '\n\n');
      assert.equal(documentSample(WEAK, WEAK.length + 10), WEAK);
      // A text without a blank line after that point is cut at the length asked for.
      const flat = 'word '.repeat(1000);
      assert.equal(documentSample(flat, 300), flat.slice(0, 300));
    });
  });

  describe('FirstEditWarmUp', () => {
    it('reviews the sample and its edits to the end when nothing waits, then ends', async () => {
      let asked = 0;
      const warm = new FirstEditWarmUp(() => { asked++; return false; }, 2, 3000);
      warm.resume(() => WEAK, {});
      await until(() => warm.done, 'the warm-up is over');
      assert.equal(warm.completed, 3);
      assert.ok(warm.steps > 3);
      assert.equal(asked, warm.steps, 'asked before every step');
      assert.equal(warm.running, false);
    });

    it('begins no step while a message is waiting, and goes on once resumed after it', async () => {
      let waiting = true;
      const warm = new FirstEditWarmUp(() => waiting, 1, 3000);
      warm.resume(() => WEAK, {});
      await sleep(50);
      assert.equal(warm.steps, 0);
      assert.equal(warm.running, false);
      // The message came and was handled: the next open resumes it.
      waiting = false;
      warm.resume(() => STRONG, {});
      await until(() => warm.done, 'the warm-up is over');
      assert.equal(warm.completed, 2);
    });

    it('stops between two steps when a message comes part-way, dropping the sample review under way', async () => {
      // The message comes after the third step, as the warm-up asks before the fourth. (Set from a
      // poll of the test's, it came late under load: a whole sample review could end in between.)
      let waiting = false;
      let sent = false;
      const warm: FirstEditWarmUp = new FirstEditWarmUp(() => {
        if (!sent && warm.steps >= 3) sent = waiting = true;
        return waiting;
      }, 1, 3000);
      warm.resume(() => WEAK, {});
      await until(() => waiting, 'a message after three steps');
      const at = warm.steps;
      assert.equal(at, 3);
      await sleep(50);
      // At most the step already scheduled ran, and it saw the message.
      assert.ok(warm.steps <= at, `${warm.steps - at} steps after the message`);
      assert.equal(warm.running, false);
      assert.equal(warm.completed, 0);
      assert.equal(warm.interruptions, 1);
      waiting = false;
      warm.resume(() => WEAK, {});
      await until(() => warm.done, 'the warm-up is over');
      assert.equal(warm.completed, 2, 'the dropped review was made again');
    });

    it('runNow() reviews the sample and its edits to the end before it returns, asking before every step', () => {
      let asked = 0;
      const warm = new FirstEditWarmUp(() => { asked++; return false; }, 2, 3000);
      assert.equal(warm.runNow(() => WEAK, {}), true);
      assert.ok(warm.done);
      assert.equal(warm.completed, 3);
      assert.equal(asked, warm.steps, 'asked before every step');
      assert.equal(warm.running, false);
    });

    it('runNow() begins no step while a message is waiting, stops part-way when one comes, and resume() finishes it later', async () => {
      let waiting = true;
      let steps = 0;
      const warm = new FirstEditWarmUp(() => waiting || (++steps > 3 && (waiting = true)), 1, 3000);
      assert.equal(warm.runNow(() => WEAK, {}), false);
      assert.equal(warm.steps, 0);
      waiting = false;
      assert.equal(warm.runNow(() => WEAK, {}), false);
      assert.equal(warm.steps, 3, 'stopped at the message');
      assert.equal(warm.interruptions, 1, 'the sample review under way dropped');
      assert.equal(warm.completed, 0);
      assert.equal(warm.done, false);
      waiting = false;
      steps = -1e9;
      warm.resume(() => WEAK, {});
      await until(() => warm.done, 'the warm-up is over');
      assert.equal(warm.completed, 2);
    });

    it('pause() stops it at once; end() lets it go for good', async () => {
      const warm = new FirstEditWarmUp(() => false, 2, 3000);
      warm.resume(() => WEAK, {});
      await until(() => warm.steps >= 2, 'two steps');
      warm.pause();
      const at = warm.steps;
      await sleep(50);
      assert.equal(warm.steps, at);
      warm.end();
      assert.ok(warm.done);
      warm.resume(() => WEAK, {});
      await sleep(50);
      assert.equal(warm.steps, at);
      assert.equal(warm.running, false);
    });
  });

  describe('through the worker', () => {
    /** The worker's trace lines (its warm-up's start and end), read from this process's standard error, where a worker's goes. */
    let lines = '';
    let write: typeof process.stderr.write;
    let traceWas: string | undefined;
    const clients: MemoryClient[] = [];
    beforeEach(() => {
      lines = '';
      traceWas = process.env.CLAUSEWISE_LSP_TRACE;
      // Read by the worker as it starts (each client starts its own).
      process.env.CLAUSEWISE_LSP_TRACE = '1';
      write = process.stderr.write;
      process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
        if (text.includes('TRACE ')) {
          lines += text;
          return true;
        }
        return (write as (...a: unknown[]) => boolean).call(process.stderr, chunk, ...rest);
      }) as typeof process.stderr.write;
    });
    afterEach(async () => {
      process.stderr.write = write;
      if (traceWas === undefined) delete process.env.CLAUSEWISE_LSP_TRACE;
      else process.env.CLAUSEWISE_LSP_TRACE = traceWas;
      for (const c of clients.splice(0)) await c.stop();
    });

    const clientWith = async (warmUp: boolean): Promise<MemoryClient> => {
      // No idle collection (it ends a warm-up not yet over: under load the sample can take longer than its second).
      const c = new MemoryClient({ server: { reviewWorker: { ...TEST_REVIEW_WORKER, warmUp, idleCollectMs: 600_000 } }, timeout: 90_000 });
      clients.push(c);
      return c.start({ initializationOptions: { compactDiagnostics: true } });
    };

    /** The open and three edits, each awaited; `afterOpen` runs between the open's diagnostics and the first edit. */
    const session = async (c: MemoryClient, uri: string, afterOpen: () => Promise<void>): Promise<PublishParams[]> => {
      const seen: PublishParams[] = [await c.open(uri, WEAK)];
      await afterOpen();
      let text = WEAK;
      for (const [from, to] of [['The Supplier shall', 'The Supplier shall promptly'], ['reasonable', 'reasonable and timely'], ['\n\n', '\n\nDraft.\n\n']]) {
        text = text.replace(from, to);
        const since = c.mark();
        c.notify('textDocument/didChange', { textDocument: { uri, version: seen.length + 1 }, contentChanges: [{ text }] });
        seen.push(await c.diagnostics(uri, seen.length + 1, since));
      }
      return seen;
    };

    /**
     * What a worker without the warm-up gives for the same session equals `withWarmUp`; with `warm`,
     * that client got only `uri`'s diagnostics (never a sample's), one publish per version.
     */
    const sameAsWithoutWarmUp = async (warm: MemoryClient | null, uri: string, withWarmUp: PublishParams[]): Promise<void> => {
      const plain = await clientWith(false);
      const withoutWarmUp = await session(plain, uriOf('plain'), async () => undefined);
      assert.deepEqual(withWarmUp.map((p) => p.diagnostics), withoutWarmUp.map((p) => p.diagnostics));
      if (!warm) return;
      for (const m of warm.received) {
        const p = m.params as { uri?: string } | undefined;
        if (typeof p?.uri === 'string') assert.equal(p.uri, uri, `${m.method} for ${p.uri}`);
      }
      assert.deepEqual(warm.published.map((p) => p.version), [1, 2, 3, 4]);
    };

    it('reviews the sample after the open, never publishes it, and the document gets what a worker without it gives', async () => {
      const warm = await clientWith(true);
      const uri = uriOf('warm');
      const withWarmUp = await session(warm, uri, () => until(() => /warm-up ended \(3 sample reviews/.test(lines), 'the warm-up ended'));
      await sameAsWithoutWarmUp(warm, uri, withWarmUp);
    });

    it('warms up before a large open\'s diagnostics are posted, publishes only the document\'s, and changes no result', async () => {
      // Read by the worker as it starts (at the open's job): every document counts as large here.
      const was = process.env.CLAUSEWISE_WARM_UP_BEFORE_PUBLISH_CHARS;
      process.env.CLAUSEWISE_WARM_UP_BEFORE_PUBLISH_CHARS = '1';
      const warm = await clientWith(true);
      const uri = uriOf('before');
      let withWarmUp: PublishParams[];
      try {
        withWarmUp = await session(warm, uri, async () => undefined);
      } finally {
        if (was === undefined) delete process.env.CLAUSEWISE_WARM_UP_BEFORE_PUBLISH_CHARS;
        else process.env.CLAUSEWISE_WARM_UP_BEFORE_PUBLISH_CHARS = was;
      }
      await until(() => /findings-posted[^]*findings-posted[^]*findings-posted[^]*findings-posted/.test(lines), 'the worker\'s trace of the four reviews');
      // In the worker's own trace (one stream, in order): the whole warm-up, three sample reviews, came
      // within the open's job, before its findings were posted.
      const before = lines.slice(0, lines.indexOf('findings-posted'));
      assert.match(before, /job v1[^]*warm-up before the publish[^]*warm-up ended \(3 sample reviews/);
      assert.doesNotMatch(lines, /warm-up resumed/, 'nothing left for after the open');
      await sameAsWithoutWarmUp(warm, uri, withWarmUp!);
    });

    it('gives way to an edit sent as soon as it starts, which gets what it gets without it; the warm-up is then over', async () => {
      const warm = await clientWith(true);
      const withWarmUp = await session(warm, uriOf('edit'), () => until(() => /warm-up resumed/.test(lines), 'the warm-up started'));
      await until(() => /warm-up ended/.test(lines), 'the warm-up ended');
      await sameAsWithoutWarmUp(null, '', withWarmUp);
      assert.doesNotMatch(lines.split('warm-up ended')[1] ?? '', /warm-up resumed/, 'not resumed after the edit');
    });
  });
});
