// CPU of the publish stretch of a keystroke, in process (issue 13, publish): from a review's result to
// the bytes the stdio writer sends, made from the objects (as before) and from the findings' JSON kept
// between reviews (server/src/lsp/diagnostics-json.ts), with a check that both give the same bytes.
//   npx tsx scripts/publish-probe.ts [--bytes 100000] [--edits 8] [--reps 10] [--newline]
// --newline types a line break instead of a character (every later finding moves a line). Each step is
// repeated --reps times per edit (the kept JSON's step as the change from the previous review to this
// one each time) and timed with this thread's CPU time (/proc/thread-self/schedstat, Linux), whose
// readings move in scheduler ticks: the means over all repetitions are what to read.
import { threadCpuMs } from '../server/src/lsp/thread-cpu';
import { IncrementalReview, type ReviewResult } from '../server/src/engine';
import { runReviewJob, statusOf, type ReviewJob } from '../server/src/lsp/review-job';
import { diagnosticsOf } from '../server/src/lsp/convert';
import { DiagnosticsJsonCache } from '../server/src/lsp/diagnostics-json';
import { jsonBytes, messageParts, publishParamsFromJson } from '../server/src/lsp/raw-json';
import { reusingEncoder } from '../server/src/lsp/output-buffer';
import { SpareBuffers } from '../server/src/lsp/spare-buffers';
import { generateContract, typedEdit } from './bench-contract';

const arg = (name: string, dflt: number) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : dflt; };
const bytes = arg('bytes', 100_000);
const edits = arg('edits', 8);
const reps = arg('reps', 10);
const newline = process.argv.includes('--newline');
/** This thread's CPU time (ms): garbage collection on helper threads left out. */
const cpu = threadCpuMs;
const uri = 'file:///probe.md';
const inc = new IncrementalReview();
const cache = new DiagnosticsJsonCache();
let text = generateContract(bytes);
const job = (version: number): ReviewJob => ({ uri, version, text, format: 'markdown', settings: {}, force: false, workspaceFolders: [] });
let previous: ReviewResult = runReviewJob(job(1), inc, () => undefined).result;
cache.render(previous);
const encoder = reusingEncoder(messageParts);
/** The worker's buffers, handed back after each publish (server/src/lsp/spare-buffers.ts). */
const spares = new SpareBuffers();
const opts = { charset: 'utf-8' } as never;
const totals = new Map<string, number>();
const timed = async <T>(name: string, f: () => T | Promise<T>): Promise<T> => {
  const t = cpu();
  const out = await f();
  totals.set(name, (totals.get(name) ?? 0) + cpu() - t);
  return out;
};
const publishOf = (version: number, diagnostics: unknown) => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: diagnostics });
/** The message's bytes in the encoder's kept buffer (valid until the next message is encoded). */
const encoded = async (msg: unknown) => (await encoder.encode(msg as never, opts)) as Buffer;
(async () => {
  let count = 0;
  for (let i = 0; i < edits; i++) {
    const e = typedEdit(text, i, edits);
    text = newline ? text.slice(0, e.at) + '\n' + text.slice(e.at + 1) : e.text;
    const version = i + 2;
    const { result } = runReviewJob(job(version), inc, () => undefined);
    let before: Buffer; let after: Buffer; let wb!: Uint8Array; let wa!: Uint8Array;
    for (let r = 0; r < reps; r++) {
      await timed('status', () => statusOf(uri, result));
      // Before: objects, serialised whole by the encoder (server's thread) or in the worker.
      before = Buffer.from(await timed('server thread, objects: convert + encode', () => encoded(publishOf(version, { uri, version, diagnostics: diagnosticsOf(result) }))));
      wb = await timed('worker, objects: convert + JSON + bytes', () => jsonBytes(JSON.stringify(diagnosticsOf(result))));
      // After: the JSON kept per finding, made again for the change from the previous review.
      if (r > 0) cache.render(previous);
      const made = await timed('kept JSON: render', () => cache.render(result));
      after = await timed('server thread, kept: encode', () => encoded(publishOf(version, publishParamsFromJson(uri, version, made))));
      if (!before.equals(after)) throw new Error(`edit ${i + 1}: the bytes differ`);
      wa = await timed('worker, kept: bytes', () => jsonBytes(made));
      const ws = await timed('worker, kept: bytes into the buffer handed back', () => spares.bytesOf(made));
      if (!Buffer.from(ws).equals(Buffer.from(wa))) throw new Error(`edit ${i + 1}: the bytes differ`);
      spares.give(ws.buffer as ArrayBuffer);
      await timed('server thread, worker bytes: encode', () => encoded(publishOf(version, publishParamsFromJson(uri, version, wa))));
    }
    if (!Buffer.from(wb).equals(Buffer.from(wa))) throw new Error(`edit ${i + 1}: the bytes differ`);
    if (i === 0) console.log(`${result.diagnostics.length} diagnostics, ${wb.byteLength} bytes of JSON; ${newline ? 'line breaks' : 'characters'} typed`);
    previous = result;
    count += reps;
  }
  for (const [k, ms] of totals) console.log(`${k.padEnd(42)} mean ${(ms / count).toFixed(2)} ms`);
  console.log('the same bytes after every edit');
})();
