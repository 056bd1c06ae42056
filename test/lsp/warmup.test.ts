/**
 * The idle warm-up of a thread's review code (server/src/lsp/warmup.ts): it reviews a sample of its
 * own to the end, gives way to an edit, never publishes, and never changes what a real document's
 * review finds. No timing asserted.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { prefiltered, sentencesOf } from '../../server/src/categories/scan';
import { IncrementalReview } from '../../server/src/engine';
import { editedSample, sampleContract, WarmUp } from '../../server/src/lsp/warmup';
import { MemoryClient, type PublishParams } from './memory';
import { ROOT } from './client';

const WEAK = fs.readFileSync(path.join(ROOT, 'examples', 'weak-msa.md'), 'utf8');
let n = 0;
const uriOf = (name: string): string => pathToFileURL(path.join(ROOT, 'scratch', `warmup-${name}-${n++}.md`)).href;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `ok()` holds (polling), failing after `ms`. */
async function until(ok: () => boolean, what: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await sleep(10);
  }
}

/** Two edits typed into WEAK: a vague phrase added to a clause, then a clause removed. */
function editsOf(text: string): string[] {
  const first = text.replace('The Supplier shall', 'The Supplier shall in a timely manner');
  assert.notEqual(first, text);
  const second = first.replace(/\n## [^\n]*\n/, '\n');
  return [first, second];
}

/** The diagnostics a client sees for the open and each edit (uri and version left out). */
async function sessionOf(client: MemoryClient, uri: string, between: () => Promise<void>): Promise<unknown[]> {
  const seen: PublishParams[] = [await client.open(uri, WEAK)];
  let version = 1;
  for (const text of editsOf(WEAK)) {
    await between();
    seen.push(await client.change(uri, ++version, text));
  }
  return seen.map((p) => p.diagnostics);
}

/** A WarmUp that notes its steps and interruptions in `log`. */
class LoggedWarmUp extends WarmUp {
  readonly log: string[] = [];
  override step(): boolean {
    this.log.push('step');
    return super.step();
  }
  override interrupt(): void {
    this.log.push('interrupt');
    super.interrupt();
  }
}

describe('lsp: idle warm-up', function () {
  this.timeout(180_000);

  describe('WarmUp', () => {
    it('reviews the sample once whole, then each of its edits, and stops for good', () => {
      const warm = new WarmUp(2);
      let steps = 0;
      while (warm.step()) steps++;
      assert.ok(steps > 3, 'a review is taken in several steps');
      assert.equal(warm.completed, 3, 'the open and two edits');
      assert.equal(warm.done, true);
      assert.equal(warm.step(), false);
    });

    it('drops the sample review under way when interrupted, and still gets to the end', () => {
      const warm = new WarmUp(1);
      for (let i = 0; i < 3; i++) assert.equal(warm.step(), true);
      assert.equal(warm.completed, 0, 'the first review is still under way');
      warm.interrupt();
      warm.interrupt(); // nothing under way: not counted
      assert.equal(warm.interruptions, 1);
      while (warm.step());
      assert.equal(warm.completed, 2);
    });

    it('ends quietly when a sample review fails', () => {
      const warm = new WarmUp(2, () => { throw new Error('no sample'); });
      assert.equal(warm.step(), false);
      assert.equal(warm.done, true);
    });

    it('samples a long contract and edits it by typing one character, never removing text', () => {
      const sample = sampleContract();
      const sentences = sentencesOf(new IncrementalReview().model(sample, 1, 'markdown')).length;
      assert.ok(prefiltered(sentences), `the sample takes a long contract's paths (${sentences} sentences)`);
      let text = sample;
      for (let i = 0; i < 5; i++) {
        const next = editedSample(text, i);
        assert.equal(next.length, text.length + 1);
        const at = [...next].findIndex((c, k) => c !== text[k]);
        assert.equal(next.slice(0, at) + next.slice(at + 1), text);
        text = next;
      }
    });
  });

  describe("in the server's thread", () => {
    it('never publishes, and the diagnostics are those of a server without it', async () => {
      const warm = new LoggedWarmUp(3);
      const warmed = await new MemoryClient({ server: { warmUp: warm, reviewWorker: undefined } }).start();
      const plain = await new MemoryClient({ server: { reviewWorker: undefined } }).start();
      try {
        const uri = uriOf('thread');
        // Between edits, long enough for the warm-up to start, and at the end to finish.
        const withWarmUp = await sessionOf(warmed, uri, () => until(() => warm.log.includes('step'), 'the warm-up steps'));
        await until(() => warm.done, 'the warm-up is over');
        const without = await sessionOf(plain, uriOf('thread-plain'), async () => undefined);
        assert.deepEqual(withWarmUp, without);
        assert.deepEqual(warmed.published.map((p) => p.uri).filter((u) => u !== uri), [], 'only the document is published');
        assert.deepEqual(warmed.reviews.map((r) => r.version), [1, 2, 3], 'only the document is reported reviewed');
        assert.equal(warm.completed, 4);
      } finally {
        await warmed.stop();
        await plain.stop();
      }
    });

    it('gives way to an edit: stops at once and takes no step until the edit is reviewed', async () => {
      const warm = new LoggedWarmUp();
      const client = await new MemoryClient({ server: { warmUp: warm, reviewWorker: undefined } }).start();
      try {
        const uri = uriOf('give-way');
        await client.open(uri, WEAK);
        await until(() => warm.log.filter((e) => e === 'step').length >= 3, 'a few warm-up steps');
        assert.equal(warm.done, false, 'the warm-up is under way when the edit arrives');
        const [edited] = editsOf(WEAK);
        let reviewedAt = -1;
        const reviewed = client.change(uri, 2, edited).then(() => { reviewedAt = warm.log.length; return undefined; });
        await reviewed;
        const log = warm.log.slice(0, reviewedAt);
        const stopped = log.lastIndexOf('interrupt');
        assert.ok(stopped >= 0, 'the edit interrupted the warm-up');
        assert.ok(!log.slice(stopped).includes('step'), 'no warm-up step between the edit and its diagnostics');
        assert.ok(warm.interruptions >= 1, 'the sample review under way was dropped');
      } finally {
        await client.stop();
      }
    });
  });
});
