// A stand-in review worker for test/lsp/review-thread-queued.test.ts: for each review it reads how
// many jobs wait in the server's thread's queue (WorkerSetup.posted[1]), for up to 500 ms, and sends
// that number back as the review's cost. It stops when asked, as the real worker does.
const { parentPort, workerData } = require('node:worker_threads');

parentPort.on('message', (m) => {
  if (m.kind === 'stop') {
    workerData.bundlePort.close();
    parentPort.close();
    return;
  }
  if (m.kind !== 'review') return;
  const nap = new Int32Array(new SharedArrayBuffer(4));
  let waiting = 0;
  for (const end = Date.now() + 500; Date.now() < end; Atomics.wait(nap, 0, 0, 5)) {
    waiting = workerData.posted.length > 1 ? Atomics.load(workerData.posted, 1) : 0;
    if (waiting > 0) break;
  }
  const { uri, version } = m.job;
  parentPort.postMessage({ kind: 'findings', uri, version, findings: { diagnostics: [], status: {} } });
  parentPort.postMessage({ kind: 'done', uri, version, costMs: waiting, lineStarts: [0] });
});
