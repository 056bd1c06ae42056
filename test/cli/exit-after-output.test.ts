// The built CLI ends as soon as its output is out (server/src/cli/main.ts exitOnceWritten), with its
// exit code, and never before: a reader that is slow to read a pipe or a socket still gets every
// byte, whether the CLI wrote it directly or Node's stream holds the rest (./stdio.ts falls back to
// the stream when a non-blocking descriptor is full). Behaviour only; the time saved is in
// docs/performance.md.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateContract } from '../../scripts/bench-contract';
import { CLI, ensureBuilt, EXAMPLES, makeTempDir } from './helpers';

/** How long a reader holds off when the CLI has not ended by itself: longer than a run of the test's contract. */
const READER_HOLDS_MS = 8_000;

describe('CLI: ends once its output is written, and not before', function () {
  this.timeout(240_000);
  let dir: string;
  let contract: string;
  /** Preload: keeps the event loop alive for ten minutes, as a stray handle would. */
  let keepAlive: string;
  /** Preload: makes Node's stdout stream at the start, which makes a pipe or socket on fd 1 non-blocking. */
  let nonBlocking: string;
  before(() => {
    ensureBuilt();
    dir = makeTempDir('clausewise-exit-');
    contract = path.join(dir, 'contract.md');
    // About 400 KB of Markdown: its JSON report (about 1 MB) is far more than a pipe or a socket holds.
    fs.writeFileSync(contract, generateContract(400_000));
    keepAlive = path.join(dir, 'keep-alive.js');
    fs.writeFileSync(keepAlive, 'setTimeout(() => {}, 600_000);\n');
    nonBlocking = path.join(dir, 'non-blocking.js');
    fs.writeFileSync(nonBlocking, 'void process.stdout;\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The report written with --output, to compare what arrives through stdout with. */
  const expected = (format: string, args: string[] = [contract]): string => {
    const out = path.join(dir, `expected-${format}-${args.length}.txt`);
    const r = spawnSync(process.execPath, [CLI, '--format', format, '--fail-on', 'warning', '--output', out, ...args], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    return fs.readFileSync(out, 'utf8');
  };

  it('ends with its exit code once the report is out, though a handle would keep the event loop alive', () => {
    const copies = Array.from({ length: 10 }, (_, i) => {
      const file = path.join(dir, `copy-${i}.md`);
      fs.copyFileSync(path.join(EXAMPLES, i % 2 ? 'weak-msa.md' : 'strong-msa.md'), file);
      return file;
    });
    // One file in the main thread, and ten with a worker thread (PARALLEL_MIN_FILES is 9).
    for (const [format, files] of [['json', [contract]], ['stylish', [contract]], ['sarif', copies], ['junit', copies], ['markdown', copies]] as const) {
      const r = spawnSync(process.execPath, ['-r', keepAlive, CLI, '--format', format, '--fail-on', 'warning', ...files], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
      assert.equal(r.signal, null, `${format}: still running after two minutes (the timer kept it alive)`);
      assert.equal(r.status, 1, `${format}: ${r.stderr}`);
      assert.equal(r.stdout, expected(format, [...files]), format);
    }
    // An exit code of 2 (an unreadable file) is kept too.
    const r = spawnSync(process.execPath, ['-r', keepAlive, CLI, '--format', 'json', path.join(dir, 'missing.md')], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.signal, null);
    assert.equal(r.status, 2, r.stderr);
  });

  it('a slow reader of a non-blocking socket (a child\'s stdout from spawn) gets every byte, and the exit code', async () => {
    for (const format of ['json', 'sarif']) {
      const want = expected(format);
      const child = spawn(process.execPath, ['-r', nonBlocking, CLI, '--format', format, '--fail-on', 'warning', contract], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => { stderr += d.toString('utf8'); });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      // Nothing is read until the CLI has ended, or has not ended for a while: a CLI that ended with
      // the rest of its report still in Node's stream would lose it.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, READER_HOLDS_MS)))]);
      clearTimeout(timer);
      const chunks: Buffer[] = [];
      child.stdout.on('data', (d: Buffer) => chunks.push(d));
      const closed = new Promise<void>((resolve) => child.stdout.once('close', () => resolve()));
      const code = await exited;
      await closed;
      assert.equal(code, 1, `${format}: ${stderr}`);
      const got = Buffer.concat(chunks).toString('utf8');
      assert.equal(got.length, want.length, `${format}: ${got.length} of ${want.length} characters arrived`);
      assert.equal(got, want, format);
    }
  });

  it('a slow reader of a non-blocking pipe gets every byte, and the exit code', async function () {
    if (process.platform === 'win32') this.skip();
    for (const format of ['json', 'markdown']) {
      const want = expected(format);
      const [ended, go, out] = ['ended', 'go', 'out'].map((f) => path.join(dir, `${format}-${f}`));
      // The CLI writes into a pipe whose reader (cat) starts only once the test creates `go`; the
      // shell writes the CLI's exit code to `ended` when it has ended.
      const script = '{ "$0" -r "$1" "$2" --format "$3" --fail-on warning "$4"; echo $? > "$5"; } | { while [ ! -e "$6" ]; do sleep 0.05; done; cat > "$7"; }';
      const shell = spawn('sh', ['-c', script, process.execPath, nonBlocking, CLI, format, contract, ended, go, out], { cwd: dir, stdio: 'ignore' });
      const done = new Promise<void>((resolve) => shell.once('exit', () => resolve()));
      const started = Date.now();
      while (!fs.existsSync(ended) && Date.now() - started < READER_HOLDS_MS) await new Promise((resolve) => setTimeout(resolve, 50));
      fs.writeFileSync(go, '');
      await done;
      assert.equal(fs.readFileSync(ended, 'utf8').trim(), '1', format);
      const got = fs.readFileSync(out, 'utf8');
      assert.equal(got.length, want.length, `${format}: ${got.length} of ${want.length} characters arrived`);
      assert.equal(got, want, format);
    }
  });
});
