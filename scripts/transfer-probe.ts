// CPU of carrying a publish's bytes from the review worker to the server's thread (issue 13, payload):
// the worker writes the diagnostics' JSON into a fresh buffer each time (as before) or into the buffer
// the server's thread handed back (server/src/lsp/spare-buffers.ts), transfers it, and the server's
// thread copies it into its kept output buffer (as ./output-buffer.ts does) and drops it or hands it
// back. Each thread's CPU comes from /proc/thread-self/schedstat (Linux) over a whole run of
// publishes, so that its scheduler-tick steps average out; the modes alternate in one process.
//   npx tsx scripts/transfer-probe.ts [--bytes 1000000] [--publishes 200] [--rounds 4]
import { threadCpuMs } from '../server/src/lsp/thread-cpu';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { jsonBytes } from '../server/src/lsp/raw-json';
import { SpareBuffers } from '../server/src/lsp/spare-buffers';

const cpu = threadCpuMs;

if (isMainThread) {
  const arg = (name: string, dflt: number) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : dflt; };
  const bytes = arg('bytes', 1_000_000);
  const publishes = arg('publishes', 200);
  const rounds = arg('rounds', 4);
  void (async () => {
    // The publish's JSON as the worker writes it: a real review's diagnostics.
    const { IncrementalReview } = await import('../server/src/engine');
    const { runReviewJob } = await import('../server/src/lsp/review-job');
    const { generateContract } = await import('./bench-contract');
    const job = { uri: 'file:///probe.md', version: 1, text: generateContract(bytes), format: 'markdown' as const, settings: {}, force: false, workspaceFolders: [] };
    const json = JSON.stringify(runReviewJob(job, new IncrementalReview(), () => undefined).diagnostics);
    // tsx compiles this file again inside the worker (as test/lsp/review-worker.cjs does).
    const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(__filename)});`, { eval: true, workerData: { json } });
    const out = Buffer.allocUnsafeSlow(Math.ceil(Buffer.byteLength(json) * 1.25));
    const run = (spare: boolean) => new Promise<{ worker: number; main: number }>((resolve) => {
      let n = 0;
      const main0 = cpu();
      const onMessage = (m: { bytes?: Uint8Array; workerCpu?: number }) => {
        if (m.workerCpu !== undefined) {
          worker.off('message', onMessage);
          resolve({ worker: m.workerCpu / publishes, main: (cpu() - main0) / publishes });
          return;
        }
        const b = m.bytes!;
        out.set(b, 0);
        if (spare) worker.postMessage({ spare: b.buffer }, [b.buffer as ArrayBuffer]);
        else worker.postMessage({});
        n++;
      };
      worker.on('message', onMessage);
      worker.postMessage({ start: publishes, spare });
    });
    console.log(`${Buffer.byteLength(json)} bytes of JSON per publish, ${publishes} publishes per run; CPU per publish (ms):`);
    for (let r = 0; r < rounds; r++) {
      for (const spare of [false, true]) {
        const t = await run(spare);
        console.log(`  ${spare ? 'handed back' : 'fresh      '}  worker ${t.worker.toFixed(3)}  server's thread ${t.main.toFixed(3)}`);
      }
    }
    await worker.terminate();
  })();
} else {
  void (() => {
    const json = Buffer.from((workerData as { json: string }).json);
    let spares = new SpareBuffers();
    let left = 0;
    let spare = false;
    let start = 0;
    const publish = () => {
      if (left-- === 0) {
        parentPort!.postMessage({ workerCpu: cpu() - start });
        return;
      }
      const bytes = spare ? spares.bytesOf(json) : jsonBytes(json);
      parentPort!.postMessage({ bytes }, [bytes.buffer as ArrayBuffer]);
    };
    parentPort!.on('message', (m: { start?: number; spare?: ArrayBuffer | boolean }) => {
      if (m.start !== undefined) {
        left = m.start;
        spare = m.spare === true;
        spares = new SpareBuffers();
        start = cpu();
        publish();
        return;
      }
      if (m.spare instanceof ArrayBuffer) spares.give(m.spare);
      publish();
    });
  })();
}
