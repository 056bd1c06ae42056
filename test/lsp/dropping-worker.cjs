// A stand-in review worker for test/lsp/job-text.test.ts's message order tests: it keeps job texts
// with the real KeptTexts (server/src/lsp/job-text.ts) and sends each job's text back as its status
// (`{ text }`), so a test sees exactly what the worker rebuilt. A job whose settings say
// `dropBefore` finds the worker letting go of every text it holds, and saying so (`dropped`), just
// before it reads the job: as an idle collection handled between the job's post and its arrival
// would, so that the message crosses the job on its way. An idle collection (`collect`) lets go of
// every text too (the first one only), a second after it arrives: the server's thread has sent what it had to meanwhile.
// It stops when asked, as the real worker does.
require('tsx/cjs');
const { parentPort, workerData } = require('node:worker_threads');
const { KeptTexts } = require('../../server/src/lsp/job-text.ts');

const texts = new KeptTexts();
let collected = false;
parentPort.on('message', (m) => {
  if (m.kind === 'stop') {
    workerData.bundlePort.close();
    parentPort.close();
    return;
  }
  if (m.kind === 'forget') texts.forget(m.uri);
  if (m.kind === 'collect' && !collected) {
    collected = true;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    const dropped = texts.retain(() => false);
    if (dropped.length) parentPort.postMessage({ kind: 'dropped', texts: dropped });
  }
  if (m.kind !== 'review') return;
  const { uri, version, settings } = m.job;
  if (settings && settings.dropBefore) {
    const dropped = texts.retain(() => false);
    if (dropped.length) parentPort.postMessage({ kind: 'dropped', texts: dropped });
  }
  const got = texts.receiveJob(uri, version, m.text);
  if (!got) {
    parentPort.postMessage({ kind: 'needText', uri, version });
    return;
  }
  parentPort.postMessage({ kind: 'findings', uri, version, findings: { diagnostics: [], status: { text: got.text } } });
  parentPort.postMessage({ kind: 'done', uri, version, costMs: 0, lineStarts: [0] });
});
