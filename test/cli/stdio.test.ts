// The CLI's standard output and error (server/src/cli/stdio.ts): written straight to a pipe, socket
// or file, through Node's stream for anything else or once a direct write fails, in order and
// without losing text. Behaviour only; what it saves is in docs/performance.md and `npm run bench`.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { cliOutput, writableDirectly } from '../../server/src/cli/stdio';
import { generateContract } from '../../scripts/bench-contract';
import { CLI, ensureBuilt, EXAMPLES, makeTempDir } from './helpers';

/** A stand-in for process.stdout that records what it is given and whether it was made. */
function recordingStream(isTTY?: boolean) {
  const chunks: string[] = [];
  let made = 0;
  const stream = Object.assign(new Writable({ write(chunk: Buffer, _enc, done) { chunks.push(chunk.toString('utf8')); done(); } }), { isTTY });
  return { make: () => { made++; return stream; }, chunks, made: () => made };
}

describe('CLI: standard output and error', () => {
  let dir: string;
  before(() => { dir = makeTempDir('clausewise-stdio-'); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes to a file descriptor directly, without making Node\'s stream', () => {
    const file = path.join(dir, 'out.txt');
    const fd = fs.openSync(file, 'w');
    try {
      const s = recordingStream(true);
      const out = cliOutput(fd, s.make);
      assert.equal(out.isTTY, false);
      const long = 'é'.repeat(300_000);
      out.write('first line\n');
      out.write(long);
      out.write('\nlast\n');
      assert.equal(s.made(), 0);
      assert.equal(fs.readFileSync(file, 'utf8'), `first line\n${long}\nlast\n`);
    } finally {
      fs.closeSync(fd);
    }
  });

  it('only pipes, sockets and files are written directly; a character device or Windows goes through the stream', () => {
    const file = path.join(dir, 'probe.txt');
    const fd = fs.openSync(file, 'w');
    const devNull = fs.openSync('/dev/null', 'w');
    try {
      assert.equal(writableDirectly(fd), process.platform !== 'win32');
      assert.equal(writableDirectly(fd, 'win32'), false);
      assert.equal(writableDirectly(devNull), false);
      const s = recordingStream(true);
      const out = cliOutput(devNull, s.make);
      out.write('to the stream\n');
      assert.equal(out.isTTY, true);
      assert.deepEqual(s.chunks, ['to the stream\n']);
    } finally {
      fs.closeSync(fd);
      fs.closeSync(devNull);
    }
  });

  it('a failed direct write hands the rest, and every later write, to the stream', () => {
    const file = path.join(dir, 'readonly.txt');
    fs.writeFileSync(file, '');
    const fd = fs.openSync(file, 'r'); // writing fails (EBADF), as a closed pipe (EPIPE) or a full non-blocking one (EAGAIN) would
    try {
      const s = recordingStream();
      const out = cliOutput(fd, s.make, () => true);
      out.write('one\n');
      out.write('two\n');
      assert.deepEqual(s.chunks, ['one\n', 'two\n']);
      assert.equal(s.made() > 0, true);
    } finally {
      fs.closeSync(fd);
    }
  });

  describe('the built CLI', function () {
    this.timeout(120_000);
    before(() => ensureBuilt());

    it('writes the same report to a pipe and to a file', () => {
      const args = [CLI, '--fail-on', 'none', path.join(EXAMPLES, 'weak-msa.md'), path.join(EXAMPLES, 'strong-msa.md')];
      const piped = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8' });
      assert.equal(piped.status, 0, piped.stderr);
      const file = path.join(dir, 'report.txt');
      const fd = fs.openSync(file, 'w');
      const toFile = spawnSync(process.execPath, args, { cwd: dir, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      fs.closeSync(fd);
      assert.equal(toFile.status, 0, toFile.stderr);
      assert.ok(piped.stdout.length > 1000);
      assert.equal(fs.readFileSync(file, 'utf8'), piped.stdout);
    });

    it('stops quietly when the reader of its output goes away', async () => {
      // The JSON report of a long contract is far larger than a pipe's buffer: the CLI meets EPIPE.
      const file = path.join(dir, 'long.md');
      fs.writeFileSync(file, generateContract(400_000));
      const child = spawn(process.execPath, [CLI, '--format', 'json', '--fail-on', 'none', file], { cwd: dir });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
      assert.equal(code, 0, stderr);
      assert.doesNotMatch(stderr, /internal error|EPIPE/);
    });
  });
});
