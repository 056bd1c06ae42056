// Where an LSP keystroke's latency goes: runs the bench's editing session (scripts/bench.ts, the lsp
// row) over stdio with CLAUSEWISE_LSP_TRACE=1 and prints, for each edit, the server's and worker's
// trace events (server/src/lsp/trace.ts) in milliseconds after the client sent the change.
//   npx tsx scripts/lsp-trace.ts [--bytes 1000000] [--edits 12] [--hover-every 4] [--node-args "--flag ..."] [--quiet] [--pause MS] [--gap MS]
// Per edit it also prints the CPU time each of the server's threads spent since the previous edit's
// last event (from the events' `@cpu=`), which a loaded machine inflates far less than wall time.
// --node-args runs the server under other Node/V8 flags (experiments); --quiet prints only the summary;
// --pause waits that long after the open's diagnostics before the first edit (a user reading first).
// Each event printed carries `+cpu`: the CPU time (ms) its thread spent since its previous event.
// As the VS Code client, it asks for diagnostic changes (client/src/diagnostic-changes.ts) and counts
// a version as diagnosed when its full publish or its change has arrived and been applied;
// --no-changes asks for full publishes only (as before issue 13's delta round); --changes-version 1
// asks for changes without line shifts (`diagnosticChanges: true`, as before issue 13's linebreak round;
// default 2, with them). --newline types a line break (after a sentence's full stop and space) instead
// of a character; --server runs another build's dist/server.js (an A/B with this client).
// --docs N opens N documents of --bytes each (numbered titles) and types into them in turns, edit i
// into document i % N, as the bench's memory row does (issue 13, serverrefuse): with more documents
// than keep a state in the worker, every edit is a full review there; the summary then counts how
// the jobs travelled (whole, as edits, refused and sent again) from the server's trace.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as os from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateContract, typedEdit } from './bench-contract';
import { restoreDiagnostics, ruleIndexOf } from '../client/src/compact-diagnostics';
import { changesOf, DiagnosticLists, movedLspDiagnostic } from '../client/src/diagnostic-changes';
import type { RuleIndex } from '../server/src/lsp/protocol';

const arg = (name: string, dflt: number) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : dflt; };
const bytes = arg('bytes', 1_000_000);
const edits = arg('edits', 12);
const docCount = Math.max(1, arg('docs', 1));
/** How the edits' jobs travelled, from the server's trace: posted whole or as edits, refused by the worker, texts it said it let go. */
const travel = { whole: 0, edit: 0, refused: 0, dropped: 0 };
let countTravel = false;
const hoverEvery = arg('hover-every', 4);
/** The pause between an edit's diagnostics and the next edit (ms); 0 types as the bench does, and shows a hover sent right after a keystroke. */
const gapMs = arg('gap', 30);
const nodeArgs = (() => { const i = process.argv.indexOf('--node-args'); return i > 0 ? process.argv[i + 1].split(/\s+/).filter(Boolean) : []; })();
const quiet = process.argv.includes('--quiet');
/** Asks for whole diagnostics, as a client other than VS Code's does (default: compact, put back as the VS Code client does). */
const whole = process.argv.includes('--whole');
/** Asks for full publishes only (no diagnostic changes). */
const noChanges = process.argv.includes('--no-changes');
/** The version of diagnostic changes asked for: 1 `true` (splices only), 2 with line shifts. */
const changesVersion = arg('changes-version', 2);
/** Types line breaks instead of characters. */
const newline = process.argv.includes('--newline');
/** The server to run (default this tree's build). */
const serverJs = (() => { const i = process.argv.indexOf('--server'); return i > 0 ? resolve(process.argv[i + 1]) : undefined; })();
/** Each document's diagnostics as this client holds them, changes applied (as the VS Code client does). */
const lists = new DiagnosticLists<{ range: { start: { line: number; character: number }; end: { line: number; character: number } } }>(movedLspDiagnostic);
let ruleIndex: RuleIndex | undefined;
/** Per publish or change: its bytes, and this client's CPU (ms) to parse it, put back what compact diagnostics leave out and apply a change. */
const reads: Array<{ bytes: number; cpuMs: number }> = [];
/** A pause (ms) between the open's diagnostics and the first edit, as a user reading before typing. */
const pauseAfterOpen = arg('pause', 0);
const root = resolve(__dirname, '..');
const now = () => performance.timeOrigin + performance.now();
/** The server process's CPU time so far (ms, all its threads), from /proc (Linux; NaN elsewhere). */
const serverCpu = (): number => {
  try {
    const fields = readFileSync(`/proc/${proc.pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
  } catch {
    return NaN;
  }
};

const proc = spawn(process.execPath, [...nodeArgs, serverJs ?? join(root, 'dist/server.js'), '--stdio'], { cwd: os.tmpdir(), stdio: 'pipe', env: { CLAUSEWISE_LSP_TRACE: '1', ...process.env } });
const events: Array<{ t: number; what: string; thread?: string; cpu?: number }> = [];
/** Each thread's CPU time (ms) at its latest event. */
const threadCpu = new Map<string, number>();
/** Each thread's CPU time at its first and latest event since the last edit's dump: the work it did for this edit, idle work between edits left out. */
const spanCpu = new Map<string, { first: number; last: number }>();
const spanPerEdit: Array<Map<string, number>> = [];
/** Garbage collection time per thread (ms) since the last edit's dump, from the `gc` events. */
const gcTime = new Map<string, number>();
const gcPerEdit: Array<Map<string, number>> = [];
/** Every worker event of the run (trace lines relayed late, as at --gap 0, land in the wrong edit's dump; this log does not care). */
const workerLog: Array<{ t: number; what: string; cpu?: number }> = [];
/**
 * The worker's collections after the open, split by when they began: inside an edit's job (its
 * `job` to its `findings-posted`: they hold the keystroke up) or between jobs (idle time), by version.
 */
function workerGcSplit(): { inside: Map<number, number>; between: number; count: { inside: number; between: number; majors: number; majorsInside: number }; jobCpu: number[] } {
  const log = [...workerLog].sort((x, y) => x.t - y.t);
  const windows: Array<{ v: number; a: number; b: number; cpu: number }> = [];
  for (let i = 0; i < log.length; i++) {
    const j = /^job v(\d+)$/.exec(log[i].what);
    if (!j || Number(j[1]) < 2) continue;
    const end = log.slice(i + 1).find((e) => e.what === 'findings-posted');
    if (end) windows.push({ v: Number(j[1]), a: log[i].t, b: end.t, cpu: (end.cpu ?? NaN) - (log[i].cpu ?? NaN) });
  }
  const inside = new Map<number, number>(windows.map((w) => [w.v, 0]));
  let between = 0;
  const count = { inside: 0, between: 0, majors: 0, majorsInside: 0 };
  const start = windows.length ? windows[0].a : Infinity;
  for (const e of log) {
    const g = /^gc (\S+) ([\d.]+)$/.exec(e.what);
    if (!g || e.t < start) continue;
    const w = windows.find((x) => e.t >= x.a && e.t <= x.b);
    if (g[1] === 'major') count.majors++;
    if (w) { inside.set(w.v, inside.get(w.v)! + Number(g[2])); count.inside++; if (g[1] === 'major') count.majorsInside++; }
    else { between += Number(g[2]); count.between++; }
  }
  return { inside, between, count, jobCpu: windows.map((w) => w.cpu) };
}
let errBuf = '';
proc.stderr.on('data', (d: Buffer) => {
  errBuf += d.toString();
  let nl: number;
  while ((nl = errBuf.indexOf('\n')) >= 0) {
    const line = errBuf.slice(0, nl);
    errBuf = errBuf.slice(nl + 1);
    const m = /^TRACE (\S+) (\S+) (.*?)(?: @cpu=(\S+))?$/.exec(line);
    if (m) {
      events.push({ t: Number(m[1]), what: `${m[2]} ${m[3]}`, thread: m[2], ...(m[4] !== undefined ? { cpu: Number(m[4]) } : {}) });
      if (countTravel && m[2] === 'main') {
        if (/^job posted v\d+ text/.test(m[3])) travel.whole++;
        else if (/^job posted v\d+ edit/.test(m[3])) travel.edit++;
        else if (m[3] === 'recv needText') travel.refused++;
        else if (m[3].startsWith('recv dropped')) travel.dropped++;
      }
      if (m[2] === 'worker') workerLog.push({ t: Number(m[1]), what: m[3], ...(m[4] !== undefined ? { cpu: Number(m[4]) } : {}) });
      const gc = /^gc \S+ ([\d.]+)$/.exec(m[3]);
      if (gc) gcTime.set(m[2], (gcTime.get(m[2]) ?? 0) + Number(gc[1]));
      if (m[4] !== undefined) {
        threadCpu.set(m[2], Number(m[4]));
        const span = spanCpu.get(m[2]);
        if (span) span.last = Number(m[4]);
        else spanCpu.set(m[2], { first: Number(m[4]), last: Number(m[4]) });
      }
    }
  }
});
let buf: Buffer = Buffer.alloc(0);
/** Chunks read since `buf` was last joined, and how many bytes the message under way needs in all. */
let chunks: Buffer[] = [];
let size = 0;
let needed = 0;
let id = 1;
const pending = new Map<number, (v: unknown) => void>();
/** Per document, the newest version whose diagnostics arrived. */
const published = new Map<string, number>();
let onPublish: (() => void) | null = null;
proc.stdout.on('data', (d: Buffer) => {
  // Joined once the message under way has arrived whole, as vscode-jsonrpc's reader (and so an editor)
  // does: joining at every 64 KB chunk copied a 1.6 MB publish about 25 times over in this client.
  chunks.push(d);
  size += d.length;
  if (size < needed) return;
  buf = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
  chunks = [];
  size = 0;
  needed = 0;
  for (;;) {
    const head = buf.indexOf('\r\n\r\n');
    const len = head < 0 ? 0 : Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, head).toString())![1]);
    if (head < 0 || buf.length < head + 4 + len) {
      if (buf.length) chunks.push(buf);
      size = buf.length;
      needed = head < 0 ? 0 : head + 4 + len;
      return;
    }
    const c0 = process.cpuUsage();
    const msg = JSON.parse(buf.subarray(head + 4, head + 4 + len).toString('utf8'));
    let applied = false;
    if (msg.method === 'textDocument/publishDiagnostics') {
      if (ruleIndex) restoreDiagnostics(msg.params.diagnostics, ruleIndex, (href) => href);
      lists.full(msg.params.uri, msg.params.version, msg.params.diagnostics);
      applied = true;
    } else if (msg.method === 'clausewise/diagnosticChanges') {
      const p = msg.params as { uri: string; version: number; previousVersion: number; changes: Array<{ start: number; deleteCount?: number; diagnostics?: never[]; count?: number; lineDelta?: number }> };
      applied = !!lists.change(p.uri, p.previousVersion, p.version, changesOf(p.changes, (ds: never[]) => {
        if (ruleIndex) restoreDiagnostics(ds, ruleIndex, (href) => href);
        return ds;
      }));
      if (!applied) send({ jsonrpc: '2.0', method: 'clausewise/resendDiagnostics', params: { uri: p.uri } });
    }
    if (applied) { const c = process.cpuUsage(c0); reads.push({ bytes: len, cpuMs: (c.user + c.system) / 1000 }); }
    buf = buf.subarray(head + 4 + len);
    if (msg.id !== undefined && msg.method === undefined) pending.get(msg.id)?.(msg.result);
    else if (msg.id !== undefined) send({ jsonrpc: '2.0', id: msg.id, result: null });
    else if (applied && typeof msg.params.version === 'number') {
      events.push({ t: now(), what: `client diagnostics v${msg.params.version} (${len} bytes)` });
      published.set(msg.params.uri, Math.max(published.get(msg.params.uri) ?? 0, msg.params.version));
      onPublish?.();
    }
  }
});
function send(m: unknown) {
  const body = Buffer.from(JSON.stringify(m), 'utf8');
  proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  proc.stdin.write(body);
}
const request = (method: string, params: unknown) => new Promise((res) => { const i = id++; pending.set(i, res); send({ jsonrpc: '2.0', id: i, method, params }); });
const diagnosed = (uri: string, v: number) => new Promise<void>((res) => { const done = () => (published.get(uri) ?? 0) >= v; if (done()) res(); else onPublish = () => { if (done()) { onPublish = null; res(); } }; });
const firsts = new Map<string, number[]>();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Notes each event's first time after `from` (names with version numbers, sizes and costs left out). */
function summarise(from: number) {
  const seen = new Set<string>();
  for (const e of [...events].sort((a, b) => a.t - b.t)) {
    if (e.t < from - 1) continue;
    const what = e.what.replace(/ v\d+/g, '').replace(/ \(\d+ bytes\)| cost [\d.]+| \d+$/g, '');
    if (seen.has(what)) continue;
    seen.add(what);
    let ts = firsts.get(what);
    if (!ts) firsts.set(what, (ts = []));
    ts.push(e.t - from);
  }
}
/** CPU time per thread since the previous call (ms), e.g. `main 14.2 worker 0.0`. */
const lastCpu = new Map<string, number>();
const cpuPerEdit: Array<Map<string, number>> = [];
function cpuSince(): string {
  const spent = new Map<string, number>();
  for (const [thread, ms] of threadCpu) { spent.set(thread, ms - (lastCpu.get(thread) ?? 0)); lastCpu.set(thread, ms); }
  cpuPerEdit.push(spent);
  spanPerEdit.push(new Map([...spanCpu].map(([thread, s]) => [thread, s.last - s.first])));
  spanCpu.clear();
  gcPerEdit.push(new Map(gcTime));
  gcTime.clear();
  return [...spent].map(([thread, ms]) => `${thread} ${ms.toFixed(1)}`).join(', ');
}
/** Each thread's CPU time at its last event printed. */
const eventCpu = new Map<string, number>();
/**
 * Per edit, each thread's CPU time from its diagnostics' start to its last event: in the thread
 * that reviewed, from the rules' end (`rules`: then the diagnostics made, their JSON, the status)
 * to the last write (main) or to the findings posted (worker); in the server's thread for a worker
 * review, from the findings received to the last write.
 */
const publishCpu = new Map<string, number[]>();
function notePublishCpu(mine: typeof events) {
  const span = (thread: string, start: RegExp, end: RegExp | null) => {
    const own = mine.filter((e) => e.thread === thread && e.cpu !== undefined);
    const a = own.find((e) => start.test(e.what.slice(thread.length + 1)));
    const b = end ? own.find((e) => e.t >= (a?.t ?? Infinity) && end.test(e.what.slice(thread.length + 1))) : own[own.length - 1];
    if (!a || !b) return;
    let xs = publishCpu.get(thread);
    if (!xs) publishCpu.set(thread, (xs = []));
    xs.push(b.cpu! - a.cpu!);
  };
  span('main', /^(rules v|recv findings)/, null);
  span('worker', /^rules v/, /^findings-posted/);
}
/** Per edit, the worker's CPU from its `job` event to its `findings-posted` (the review itself), and the wall time from the change sent to that `job` (what it waited for). */
const jobCpu: number[] = [];
const jobWait: number[] = [];
function noteJobCpu(mine: typeof events, from: number) {
  const own = mine.filter((e) => e.thread === 'worker' && e.cpu !== undefined);
  const a = own.find((e) => /^worker job v/.test(e.what));
  const b = own.find((e) => e.t >= (a?.t ?? Infinity) && /^worker findings-posted/.test(e.what));
  if (!a || !b) return;
  jobCpu.push(b.cpu! - a.cpu!);
  jobWait.push(a.t - from);
}
/**
 * Per edit, the server thread's CPU from reading the change to posting the job (the last post, when
 * the worker refused the first and it went again whole), and the wall time from the change sent to
 * the worker's start on the job (issue 13, serverrefuse: the refused round trip).
 */
const postCpu: number[] = [];
/** When each edit's change was sent: the worker's `job` events are matched to them at the end, from the whole run's log (a worker's trace line may reach this client after its edit's dump). */
const changeSent: number[] = [];
function noteJobPost(mine: typeof events, from: number) {
  changeSent.push(from);
  const main = mine.filter((e) => e.thread === 'main' && e.cpu !== undefined && e.t >= from - 1);
  const read = main.find((e) => e.what === 'main read textDocument/didChange');
  const posts = main.filter((e) => /^main job posted/.test(e.what));
  if (read && posts.length) postCpu.push(posts[posts.length - 1].cpu! - read.cpu!);
}
/** Per edit, the wall time from its change sent to the worker's first `job` event after it (and before the next edit's). */
function toWorkerJob(): number[] {
  const jobs = workerLog.filter((e) => /^job v/.test(e.what)).map((e) => e.t).sort((a, b) => a - b);
  const out: number[] = [];
  changeSent.forEach((t0, i) => {
    const t = jobs.find((x) => x > t0 && x < (changeSent[i + 1] ?? Infinity));
    if (t !== undefined) out.push(t - t0);
  });
  return out;
}
/** When the last dump was made: events stamped earlier that arrived after it (a worker's, relayed late) are printed with the next edit, at negative times. */
let lastDump = 0;
function dump(from: number, label: string) {
  const mine = events.filter((e) => e.t >= Math.min(from - 1, lastDump)).sort((a, b) => a.t - b.t);
  lastDump = now();
  if (!label.startsWith('open')) { notePublishCpu(mine); noteJobCpu(mine, from); noteJobPost(mine, from); }
  events.length = 0;
  const cpu = cpuSince();
  if (quiet) return;
  console.log(`-- ${label} (thread CPU ms: ${cpu})`);
  // Beside each event, the CPU time its thread spent since that thread's previous event (`+cpu`).
  for (const e of mine) {
    const prev = e.thread && e.cpu !== undefined ? eventCpu.get(e.thread) : undefined;
    if (e.thread && e.cpu !== undefined) eventCpu.set(e.thread, e.cpu);
    console.log(`  ${(e.t - from).toFixed(1).padStart(8)}  ${prev !== undefined ? `+${(e.cpu! - prev).toFixed(1)}`.padStart(7) : ''.padStart(7)}  ${e.what}`);
  }
}

(async () => {
  ruleIndex = ruleIndexOf(await request('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { ...(whole ? {} : { compactDiagnostics: true }), ...(noChanges ? {} : { diagnosticChanges: changesVersion >= 2 ? changesVersion : true }) } }));
  send({ jsonrpc: '2.0', method: 'initialized', params: {} });
  // One document, or --docs of them with numbered titles (as the bench's memory row numbers them).
  const texts: string[] = [];
  const uris: string[] = [];
  const versions: number[] = [];
  for (let d = 0; d < docCount; d++) {
    const t = generateContract(bytes);
    texts.push(d === 0 ? t : t.replace('# Master Services Agreement', `# Master Services Agreement ${d + 1}`));
    uris.push(pathToFileURL(join(os.tmpdir(), d === 0 ? `trace-${bytes}.md` : `trace-${bytes}-${d + 1}.md`)).href);
    versions.push(1);
  }
  const keys: number[] = [];
  const hovers: number[] = [];
  const o0 = now();
  const openCpu0 = serverCpu();
  for (let d = 0; d < docCount; d++) {
    send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: uris[d], languageId: 'markdown', version: 1, text: texts[d] } } });
    await diagnosed(uris[d], 1);
  }
  const openMs = now() - o0;
  const openCpu = serverCpu() - openCpu0;
  await new Promise((r) => setTimeout(r, 50 + pauseAfterOpen));
  dump(o0, `open (${bytes} bytes)`);
  const cpu0 = serverCpu();
  countTravel = true;
  for (let i = 0; i < edits; i++) {
    const d = i % docCount;
    const uri = uris[d];
    let text = texts[d];
    const typed = typedEdit(text, i, edits);
    // A line break goes after the full stop and its space (Enter between two sentences); a character before the full stop.
    const edit = newline
      ? { pos: { line: typed.pos.line, character: typed.pos.character + 2 }, inserted: '\n', text: text.slice(0, typed.at + 2) + '\n' + text.slice(typed.at + 2) }
      : { pos: typed.pos, inserted: 'x', text: typed.text };
    const pos = edit.pos;
    text = texts[d] = edit.text;
    const version = ++versions[d];
    const t0 = now();
    send({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges: [{ range: { start: pos, end: pos }, text: edit.inserted }] } });
    let hover: Promise<unknown> | null = null;
    if (i % hoverEvery === hoverEvery - 1) {
      const h0 = now();
      events.push({ t: h0, what: 'client hover sent' });
      hover = request('textDocument/hover', { textDocument: { uri }, position: { line: pos.line, character: Math.max(0, pos.character - 3) } })
        .then(() => { events.push({ t: now(), what: 'client hover answered' }); hovers.push(now() - h0); });
    }
    await diagnosed(uri, version);
    keys.push(now() - t0);
    if (hover) await hover;
    await new Promise((r) => setTimeout(r, gapMs));
    summarise(t0);
    dump(t0, `edit ${i + 1} v${version}`);
  }
  // Per event (version numbers left out), the median of its first time after the change was sent, over all edits.
  console.log('-- median ms after the change was sent, first occurrence per edit:');
  for (const [what, ts] of [...firsts].sort((a, b) => median(a[1]) - median(b[1]))) console.log(`  ${median(ts).toFixed(1).padStart(8)}  ${what} (${ts.length} edits)`);
  const pct = (xs: number[], p: number) => { const x = [...xs].sort((a, b) => a - b); return x[Math.min(x.length - 1, Math.ceil(p * x.length) - 1)]; };
  const cpu = serverCpu() - cpu0;
  // The open's share is cpuPerEdit[0]; the edits follow.
  for (const thread of ['main', 'worker']) {
    const per = cpuPerEdit.slice(1).map((m) => m.get(thread) ?? 0);
    if (!per.some((x) => x > 0)) continue;
    const later = per.slice(10);
    console.log(`${thread} thread CPU per edit (ms): ${per.map((x) => x.toFixed(0)).join(' ')}; first 10 sum ${per.slice(0, 10).reduce((a, b) => a + b, 0).toFixed(0)}${later.length ? `, later median ${median(later).toFixed(1)}` : ''}`);
    // From the thread's first to its last trace event of each edit: the edit's own work (a warm-up between edits is muted).
    const own = spanPerEdit.slice(1).map((m) => m.get(thread) ?? 0);
    const ownLater = own.slice(10);
    console.log(`${thread} thread garbage collection per edit (ms): ${gcPerEdit.slice(1).map((m) => (m.get(thread) ?? 0).toFixed(0)).join(' ')}`);
    console.log(`${thread} thread CPU within each edit (ms): ${own.map((x) => x.toFixed(0)).join(' ')}; first 10 sum ${own.slice(0, 10).reduce((a, b) => a + b, 0).toFixed(0)}${ownLater.length ? `, later median ${median(ownLater).toFixed(1)}` : ''}`);
  }
  {
    const split = workerGcSplit();
    const ins = [...split.inside.values()];
    const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
    if (ins.length) console.log(`worker GC begun inside its job, per edit (ms): ${ins.map((x) => x.toFixed(0)).join(' ')}; sum ${sum(ins).toFixed(0)} (${split.count.inside} collections), edits 5 on ${sum(ins.slice(4)).toFixed(0)}; begun between jobs: ${split.between.toFixed(0)} ms (${split.count.between} collections); mark-compacts ${split.count.majors}, ${split.count.majorsInside} inside a job`);
    const jc = split.jobCpu;
    if (jc.length) console.log(`worker CPU from job to findings posted, all edits (ms): ${jc.map((x) => x.toFixed(1)).join(' ')}; median ${median(jc).toFixed(1)}, edits 5 on median ${jc.length > 4 ? median(jc.slice(4)).toFixed(1) : '-'}`);
  }
  if (jobCpu.length) console.log(`worker CPU from job to findings posted, per edit (ms): ${jobCpu.map((x) => x.toFixed(1)).join(' ')}; later median ${jobCpu.length > 4 ? median(jobCpu.slice(4)).toFixed(1) : "-"}; change sent to job, wall (ms): ${jobWait.map((x) => x.toFixed(1)).join(' ')}`);
  for (const [thread, xs] of publishCpu) console.log(`${thread} thread CPU from the rules' end to the diagnostics sent (ms): ${xs.map((x) => x.toFixed(1)).join(' ')}; median ${median(xs).toFixed(2)}, mean ${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(2)}`);
  // The publish from the server's thread's write to this client having it parsed (pipe, reading, JSON.parse and putting back what compact diagnostics leave out).
  const written = firsts.get('main write textDocument/publishDiagnostics') ?? firsts.get('main write clausewise/diagnosticChanges') ?? [];
  const read = firsts.get('client diagnostics') ?? [];
  const editReads = reads.slice(1);
  if (editReads.length) {
    const gaps = written.length === read.length ? read.map((t, i) => t - written[i]) : [];
    console.log(`publish (${whole ? 'whole' : 'compact'} diagnostics${noChanges ? '' : `, changes v${changesVersion >= 2 ? changesVersion : 1}`}${newline ? ', line breaks typed' : ''}): ${median(editReads.map((r) => r.bytes))} bytes median (${editReads.map((r) => r.bytes).join(' ')}); client CPU to parse${whole ? '' : ' and put back'}${noChanges ? '' : ' and apply'} ${editReads.map((r) => r.cpuMs.toFixed(1)).join(' ')}, median ${median(editReads.map((r) => r.cpuMs)).toFixed(2)} ms${gaps.length ? `; written to parsed, median ${median(gaps).toFixed(1)} ms wall` : ''}`);
  }
  console.log(`keystroke to diagnostics: p50 ${pct(keys, 0.5).toFixed(1)} ms, p95 ${pct(keys, 0.95).toFixed(1)} ms, max ${Math.max(...keys).toFixed(1)} ms; per edit ${keys.map((k) => k.toFixed(0)).join(' ')}`);
  if (hovers.length) console.log(`hover: p50 ${pct(hovers, 0.5).toFixed(1)} ms, max ${Math.max(...hovers).toFixed(1)} ms (${hovers.length} hovers)`);
  console.log(`open: first diagnostics ${openMs.toFixed(1)} ms after didOpen${docCount > 1 ? ` (${docCount} documents, one after another)` : ''}, server CPU ${openCpu.toFixed(0)} ms (all threads)`);
  if (postCpu.length) console.log(`main thread CPU from the change read to the job posted (ms): ${postCpu.map((x) => x.toFixed(1)).join(' ')}; median ${median(postCpu).toFixed(2)}, sum ${postCpu.reduce((a, b) => a + b, 0).toFixed(1)}`);
  const waits = toWorkerJob();
  if (waits.length) console.log(`change sent to the worker's start on the job, wall (ms): ${waits.map((x) => x.toFixed(0)).join(' ')}; median ${median(waits).toFixed(1)}`);
  console.log(`jobs of the edits: ${travel.whole} posted whole, ${travel.edit} as edits, ${travel.refused} refused by the worker (and sent again), ${travel.dropped} messages of texts let go${docCount > 1 ? ` (${docCount} documents in turns)` : ''}`);
  console.log(`server CPU during the edits: ${cpu.toFixed(0)} ms, ${(cpu / edits).toFixed(1)} ms per edit (all threads; load average ${os.loadavg()[0].toFixed(1)})`);
  await request('shutdown', null);
  send({ jsonrpc: '2.0', method: 'exit', params: null });
  setTimeout(() => proc.kill(), 1000).unref();
})();
