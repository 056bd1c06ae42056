// The review worker from its TypeScript source (as ./review-worker.cjs), with each review it keeps
// watched through a WeakRef: a 'check' posted on the BroadcastChannel below runs a full collection
// in this thread and posts back which documents' own review results are still alive. For tests of
// what the worker keeps alive after a job (test/lsp/worker-held-reviews.test.ts).
require('tsx/cjs');
const { BroadcastChannel } = require('node:worker_threads');
const { setFlagsFromString } = require('node:v8');
const { runInNewContext } = require('node:vm');

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
const channel = new BroadcastChannel('clausewise-test-held-reviews');
channel.unref();
const watched = [];
const { KeptReviews } = require('../../server/src/lsp/kept-reviews.ts');
const set = KeptReviews.prototype.set;
KeptReviews.prototype.set = function (uri, version, result) {
  watched.push({ uri, ref: new WeakRef(result) });
  return set.call(this, uri, version, result);
};
channel.onmessage = (e) => {
  if (e.data !== 'check') return;
  gc();
  channel.postMessage({ alive: watched.filter((w) => w.ref.deref() !== undefined).map((w) => w.uri) });
};
require('../../server/src/lsp/review-worker.ts');
