// Temporary probe (not committed): CPU of the server's main thread and of the whole process over 1 MB keystrokes.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as os from 'node:os';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { generateContract, typedEdit } from './bench-contract';
const dir = process.argv[2];
const edits = Number(process.argv[3] ?? 12);
const proc = spawn(process.execPath, [join(dir, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const c = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
const waiting = new Map<string, () => void>();
c.onNotification('textDocument/publishDiagnostics', (p: any) => { waiting.get(`${p.uri}@${p.version}`)?.(); });
c.onRequest(() => null);
c.listen();
const tick = 100; // USER_HZ
const cpuOf = (tid: number) => { const f = readFileSync(`/proc/${proc.pid}/task/${tid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) * 1000 / tick; };
const total = () => readdirSync(`/proc/${proc.pid}/task`).reduce((s, t) => s + cpuOf(Number(t)), 0);
(async () => {
  await c.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
  c.sendNotification('initialized', {});
  let text = generateContract(1_000_000);
  const uri = pathToFileURL(join(os.tmpdir(), `cpu-probe.md`)).href;
  let done = new Promise<void>((r) => waiting.set(`${uri}@1`, r));
  c.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await done;
  await new Promise((r) => setTimeout(r, 1500));
  const main0 = cpuOf(proc.pid!); const all0 = total();
  const hovers: number[] = [];
  for (let i = 0; i < edits; i++) {
    const e = typedEdit(text, i, edits); text = e.text;
    done = new Promise<void>((r) => waiting.set(`${uri}@${i + 2}`, r));
    c.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ range: { start: e.pos, end: e.pos }, text: 'x' }] });
    let h: Promise<unknown> | null = null;
    if (i % 4 === 3) { const h0 = performance.now(); h = c.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: e.pos.line, character: Math.max(0, e.pos.character - 3) } }).then(() => hovers.push(performance.now() - h0)); }
    await done; if (h) await h;
  }
  const main = cpuOf(proc.pid!) - main0; const all = total() - all0;
  console.log(`${dir}: per keystroke CPU main thread ${(main / edits).toFixed(1)} ms, whole process ${(all / edits).toFixed(1)} ms; hovers ${hovers.map((x) => x.toFixed(0)).join(' ')} ms; load ${os.loadavg()[0].toFixed(1)}`);
  proc.kill(); process.exit(0);
})();
