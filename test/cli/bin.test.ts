// The `clausewise` bin as npm installs it. On macOS and Linux npm links node_modules/.bin/clausewise
// to bin/clausewise.js and the kernel runs its shebang; on Windows npm's cmd-shim reads the shebang
// and writes .cmd, .ps1 and sh shims from it. The first line must suit both, and `env` without -S
// (busybox on Alpine, OpenBSD) too: the kernel hands everything after the interpreter to `env` as a
// single argument, so the line cannot carry options or variables (docs/performance.md, why the bin
// has no launcher that drops NODE_EXTRA_CA_CERTS). Exit codes and standard input go through the
// link and the shims unchanged.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureBuilt, EXAMPLES, makeTempDir, ROOT } from './helpers';

const BIN = path.join(ROOT, 'bin', 'clausewise.js');
const firstLine = () => fs.readFileSync(BIN, 'utf8').split(/\r?\n/)[0];

/** npm's cmd-shim from the npm beside this Node (global install layouts), or null. */
function npmCmdShim(): ((from: string, to: string) => Promise<void>) | null {
  const prefix = path.dirname(path.dirname(process.execPath));
  for (const npm of [path.join(prefix, 'lib', 'node_modules', 'npm'), path.join(path.dirname(process.execPath), 'node_modules', 'npm')]) {
    const shim = path.join(npm, 'node_modules', 'cmd-shim');
    if (fs.existsSync(shim)) return require(shim) as (from: string, to: string) => Promise<void>;
  }
  return null;
}

describe('the clausewise bin as npm installs it', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    ensureBuilt();
    dir = makeTempDir('clausewise-bin-');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('starts with a shebang `env` reads as one word on every platform (no -S, no variables, no options)', () => {
    assert.equal(firstLine(), '#!/usr/bin/env node');
  });

  it("is a script npm's cmd-shim turns into Windows shims that run node on it, with nothing else set", async function () {
    const cmdShim = npmCmdShim();
    if (!cmdShim) this.skip();
    const shims = path.join(dir, 'shims');
    fs.mkdirSync(shims, { recursive: true });
    await cmdShim!(BIN, path.join(shims, 'clausewise'));
    const cmd = fs.readFileSync(path.join(shims, 'clausewise.cmd'), 'utf8');
    const ps1 = fs.readFileSync(path.join(shims, 'clausewise.ps1'), 'utf8');
    const sh = fs.readFileSync(path.join(shims, 'clausewise'), 'utf8');
    // The program is node (or node.exe beside the shim), and no variable is set before it.
    assert.match(cmd, /SET "_prog=node"/);
    assert.doesNotMatch(cmd, /^@SET /m);
    assert.match(cmd, /"%_prog%"\s+"%dp0%\\[^"]*bin\\clausewise\.js" %\*/);
    assert.match(ps1, /& "node\$exe"\s+"\$basedir\/[^"]*bin\/clausewise\.js" \$args/);
    assert.match(sh, /exec node\s+"\$basedir\/[^"]*bin\/clausewise\.js" "\$@"/);
    if (process.platform === 'win32') return;
    // The sh shim (Git Bash, Cygwin and MSYS on Windows) runs here too: exit codes and standard input pass through.
    const viaShim = (args: string[], input?: string) => spawnSync('sh', [path.join(shims, 'clausewise'), ...args], { cwd: dir, encoding: 'utf8', input, env: { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}` } });
    assert.equal(viaShim(['--version']).status, 0);
    const stdin = viaShim(['-', '--format', 'json', '--fail-on', 'none'], fs.readFileSync(path.join(EXAMPLES, 'weak-msa.md'), 'utf8'));
    assert.equal(stdin.status, 0, stdin.stderr);
    assert.ok((JSON.parse(stdin.stdout) as { files: unknown[] }).files.length === 1);
    assert.equal(viaShim([path.join(dir, 'missing.md')]).status, 2);
  });

  it('runs through the link npm makes on macOS and Linux: exit codes, standard input and the README command', function () {
    if (process.platform === 'win32') this.skip();
    const link = path.join(dir, 'node_modules', '.bin', 'clausewise');
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.rmSync(link, { force: true });
    fs.symlinkSync(BIN, link);
    const env = { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}` };
    const bin = (args: string[], input?: string, cwd = dir) => spawnSync(link, args, { cwd, encoding: 'utf8', input, env, maxBuffer: 64 * 1024 * 1024 });
    const version = bin(['--version']);
    assert.equal(version.status, 0, version.stderr);
    assert.match(version.stdout, /^clausewise \d+\.\d+\.\d+/);
    // README: `npx clausewise examples/` from the repository: findings at the default --fail-on exit 1.
    const examples = bin(['examples/'], undefined, ROOT);
    assert.equal(examples.status, 1, examples.stderr);
    assert.match(examples.stdout, /findings? \(.*\) in \d+ contracts?; \d+ files? reviewed/);
    assert.equal(bin(['--fail-on', 'none', 'examples/'], undefined, ROOT).status, 0);
    // Bad usage and a missing file exit 2.
    assert.equal(bin(['--no-such-option', 'x.md']).status, 2);
    assert.equal(bin([path.join(dir, 'missing.md')]).status, 2);
    // Standard input: `-` reads the contract from it.
    const stdin = bin(['-', '--format', 'json', '--fail-on', 'none'], fs.readFileSync(path.join(EXAMPLES, 'weak-msa.md'), 'utf8'));
    assert.equal(stdin.status, 0, stdin.stderr);
    const files = (JSON.parse(stdin.stdout) as { files: Array<{ diagnostics: unknown[] }> }).files;
    assert.equal(files.length, 1);
    assert.ok(files[0].diagnostics.length > 0);
  });
});
