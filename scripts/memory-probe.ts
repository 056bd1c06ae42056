/**
 * What the review worker keeps per document, measured in one process (issue 13, memory): it opens
 * generated 1 MB contracts one by one and then edits them in turns, through the same
 * WorkerDocuments the worker uses (server/src/lsp/worker-documents.ts), and prints the heap still
 * alive after a full collection at each step; `--parts` then takes the kept structures apart one
 * by one, `--snapshot` writes a heap snapshot at the end:
 *   node --expose-gc --import tsx scripts/memory-probe.ts [--docs N] [--edits N] [--bytes N] [--idle] [--distinct] [--parts] [--snapshot]
 * `--distinct` numbers the parties' names in each document, as the bench's `--memory-distinct` row
 * does, so that no chunk or sentence is shared between documents.
 * `--idle` runs the worker's idle step before each reading, as the bench's server does after a
 * pause: one state kept, the per-sentence WeakMaps' tables shrunk, the heap compacted.
 * `--peak` reads the edits' peak instead (issue 13, round eighteen): no collection forced between
 * edits, so V8 collects when it would in the worker, and the process's highest RSS over the edits
 * (VmHWM, reset after the opens) and the highest heap used after an edit are printed at the end.
 * Run it as the worker's heap is limited: `node --expose-gc --max-old-space-size=512 --import tsx
 * scripts/memory-probe.ts --docs 20 --edits 40 --peak` (V8 flags such as
 * `--heap-growing-percent=N` go before --import).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { IncrementalReview } from '../server/src/engine';
import { collectShrinkingTables, compactingCollection } from '../server/src/lsp/collector';
import { numberArg as arg, numberedContract, ProbeDocuments, spreadAt } from './probe-documents';

const docs = arg('--docs', 5);
const edits = arg('--edits', 10);
const bytes = arg('--bytes', 1_000_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const idle = process.argv.includes('--idle');
const peak = process.argv.includes('--peak');
const rssOf = (field: 'VmRSS' | 'VmHWM') => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN) / 1024;
const distinct = process.argv.includes('--distinct');
const liveMb = () => {
  if (idle) {
    documents.idle();
    collectShrinkingTables();
    compactingCollection();
  }
  gc!();
  gc!();
  return getHeapStatistics().used_heap_size / 1e6;
};

const probe = new ProbeDocuments('probe');
const { documents } = probe;
const { states, reviews } = documents;

const base = liveMb();
console.log(`baseline ${base.toFixed(1)} MB live`);
let last = base;
for (let d = 0; d < docs; d++) {
  const text = numberedContract(bytes, d);
  const cpu = probe.open(distinct ? text.replace(/Customer/g, `Customer${d + 1}`).replace(/Supplier/g, `Supplier${d + 1}`) : text);
  const now = liveMb();
  console.log(`open ${d + 1}: +${(now - last).toFixed(1)} MB, ${now.toFixed(1)} MB live (states ${states.size}, reviews as objects ${reviews.objectCount}); CPU ${cpu.toFixed(0)} ms`);
  last = now;
}
let peakUsed = 0;
let peakCpu = 0;
if (peak) writeFileSync('/proc/self/clear_refs', '5');
const peakFrom = rssOf('VmRSS');
for (let i = 0; i < edits; i++) {
  const d = i % docs;
  const cpu = probe.edit(d, spreadAt(i));
  if (peak) {
    // As the worker: whatever V8 collects on its own, nothing forced.
    const used = getHeapStatistics().used_heap_size / 1e6;
    peakUsed = Math.max(peakUsed, used);
    peakCpu += cpu;
    console.log(`edit ${i + 1} (doc ${d + 1}): heap used ${used.toFixed(1)} MB, RSS ${rssOf('VmRSS').toFixed(0)} MB; CPU ${cpu.toFixed(0)} ms`);
    continue;
  }
  const now = liveMb();
  console.log(`edit ${i + 1} (doc ${d + 1}): ${now.toFixed(1)} MB live (states ${states.size}, reviews as objects ${reviews.objectCount}); CPU ${cpu.toFixed(0)} ms`);
}
if (peak) console.log(`peak over ${edits} edits: RSS ${rssOf('VmHWM').toFixed(0)} MB (from ${peakFrom.toFixed(0)} MB after the opens), heap used after an edit at most ${peakUsed.toFixed(1)} MB; edits' CPU ${peakCpu.toFixed(0)} ms`);
if (process.argv.includes('--parts')) {
  // What each document's state is made of, the last reviewed first; then the caches shared by all.
  let at = liveMb();
  const step = (what: string, f: () => void) => { f(); const now = liveMb(); console.log(`${what}: -${(at - now).toFixed(1)} MB (${now.toFixed(1)} live)`); at = now; };
  for (const u of states.uris().reverse()) {
    // (No local variable holds the state: the frame would keep it alive through the steps below.)
    step(`${u}: memoised facts dropped`, () => states.take(u, () => new IncrementalReview(), 0).releaseEditCaches());
    step(`${u}: state dropped (the kept review as objects stays)`, () => states.delete(u));
    step(`${u}: kept review compressed`, () => reviews.compressIdle(() => false));
  }
  step('kept reviews dropped', () => reviews.clear());
}
if (process.argv.includes('--snapshot')) {
  gc!();
  console.log(`snapshot: ${require('node:v8').writeHeapSnapshot('/tmp/memory-probe.heapsnapshot')}`);
}
