// What the review worker keeps alive after a document's open (issue 13, memory): the review's own
// result (its model carrying every rule's memoised facts, tens of MB for a 1 MB contract) must go
// once the review is kept in its lighter form. The warm-up's wait after an open held it: with
// twenty different 1 MB contracts opened in a row, two or three such results at once ran the
// worker into its heap limit (docs/performance.md, round seventeen's memory subsection).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BroadcastChannel } from 'node:worker_threads';
import { MemoryClient, TEST_REVIEW_WORKER } from './memory';
import { ROOT } from './client';

const WEAK = fs.readFileSync(path.join(ROOT, 'examples', 'weak-msa.md'), 'utf8');

describe('lsp: what the review worker keeps alive after an open', function () {
  this.timeout(60_000);
  let client: MemoryClient | undefined;
  let channel: BroadcastChannel | undefined;
  const env = process.env.CLAUSEWISE_WARM_UP_AFTER_OPEN_MS;
  afterEach(async () => {
    channel?.close();
    await client?.stop();
    if (env === undefined) delete process.env.CLAUSEWISE_WARM_UP_AFTER_OPEN_MS;
    else process.env.CLAUSEWISE_WARM_UP_AFTER_OPEN_MS = env;
  });

  it('the open\'s own review result is freed once another document is opened, while the warm-up still waits', async () => {
    // A long wait before the warm-up resumes (the worker reads it when it starts): whatever that wait holds is held throughout.
    process.env.CLAUSEWISE_WARM_UP_AFTER_OPEN_MS = '600000';
    channel = new BroadcastChannel('clausewise-test-held-reviews');
    const answers: string[][] = [];
    channel.onmessage = (e) => { const m = (e as { data: { alive?: string[] } }).data; if (m?.alive) answers.push(m.alive); };
    const alive = async (): Promise<string[]> => {
      const n = answers.length;
      channel!.postMessage('check');
      for (let i = 0; i < 100 && answers.length === n; i++) await new Promise((r) => setTimeout(r, 50));
      assert.ok(answers.length > n, 'the worker answered');
      return answers[answers.length - 1];
    };
    client = await new MemoryClient({ server: { reviewWorker: { ...TEST_REVIEW_WORKER, script: path.join(__dirname, 'review-worker-held.cjs'), warmUp: true } }, timeout: 30_000 }).start();
    const uris = ['a', 'b'].map((n) => pathToFileURL(path.join(ROOT, 'scratch', `held-${n}.md`)).href);
    for (let i = 0; i < uris.length; i++) {
      const published = await client.open(uris[i], WEAK.replace('# ', `# Contract ${i + 1}: `));
      assert.ok(published.diagnostics.length > 0);
    }
    // The first document keeps no state once the second is reviewed (it was never edited): nothing needs its review's own result.
    assert.ok(!(await alive()).includes(uris[0]), 'the first document\'s own review result is still alive');
    // Its review is still kept, to answer requests from.
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: uris[0] } });
    assert.ok(Array.isArray(symbols) && symbols.length > 0);
    assert.ok(!/failed/.test(client.stderr), client.stderr);
  });
});
