// A pooled run is posted to its worker before its files are read (server/src/cli/pool.ts EarlyRun,
// server/src/cli/run.ts): the tasks are made from the files' stats and the main thread then reads the
// files longest first, as the threads claim them. A file found binary, unreadable, too large, or read
// with another size than its stat (it grew between the stat and the read) is reported exactly as a
// run in one thread reports it: same report, same messages in the same order, same exit code.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BINARY, CLI, ensureBuilt, EXAMPLES, hugeText, makeTempDir } from './helpers';

/**
 * Preload for the built CLI's main thread (not its workers): logs every contract file it opens, in
 * order; makes opening CW_TEST_DENY fail with EACCES (chmod cannot make a file unreadable for root);
 * appends a sentence with two vague phrases to CW_TEST_GROW as it is opened, after every stat of it.
 */
const PRELOAD = `
const fs = require('node:fs');
const path = require('node:path');
if (require('node:worker_threads').isMainThread) {
  const open = fs.openSync;
  let inside = false;
  fs.openSync = function (p, ...rest) {
    const name = typeof p === 'string' ? path.basename(p) : '';
    if (!inside && /\\.(md|txt)$/.test(name)) {
      inside = true;
      try {
        if (process.env.CW_TEST_LOG) fs.appendFileSync(process.env.CW_TEST_LOG, name + '\\n');
        if (name === process.env.CW_TEST_GROW) fs.appendFileSync(p, '\\nThe Supplier shall use best efforts to deliver the Services as soon as possible.\\n');
      } finally {
        inside = false;
      }
      if (name === process.env.CW_TEST_DENY) {
        const e = new Error("EACCES: permission denied, open '" + p + "'");
        e.code = 'EACCES';
        throw e;
      }
    }
    return open.call(this, p, ...rest);
  };
}
`;

describe('CLI: a pooled run posted before its files are read', function () {
  this.timeout(240_000);
  let root: string;
  let preload: string;
  before(() => {
    ensureBuilt();
    root = makeTempDir('clausewise-early-run-');
    preload = path.join(root, 'preload.js');
    fs.writeFileSync(preload, PRELOAD);
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  /** A fresh folder of eleven files (PARALLEL_MIN_FILES is 9): eight contracts of different sizes, a binary, a huge and a grown file. */
  const folder = (name: string): string => {
    const dir = path.join(root, name);
    fs.mkdirSync(dir);
    const examples = ['strong-msa.md', 'weak-msa.md', 'plain-text-sow.md'].map((f) => fs.readFileSync(path.join(EXAMPLES, f), 'utf8'));
    for (let i = 0; i < 7; i++) fs.writeFileSync(path.join(dir, `c${i}.md`), examples[i % 3] + '\nThe Customer may audit the Supplier.\n'.repeat(i * 7));
    fs.writeFileSync(path.join(dir, 'binary.md'), BINARY);
    fs.writeFileSync(path.join(dir, 'denied.md'), examples[1]);
    fs.writeFileSync(path.join(dir, 'grown.md'), examples[2]);
    fs.writeFileSync(path.join(dir, 'huge.md'), hugeText());
    return dir;
  };

  const run = (dir: string, args: string[]) => {
    const log = path.join(dir, 'opened.log');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
    const r = spawnSync(process.execPath, ['-r', preload, CLI, ...args, ...files], {
      cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NO_COLOR: '1', CW_TEST_LOG: log, CW_TEST_DENY: 'denied.md', CW_TEST_GROW: 'grown.md', CLAUSEWISE_DEBUG: '' },
    });
    const opened = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, opened };
  };

  for (const format of ['json', 'stylish']) {
    it(`says what a run in one thread says of binary, unreadable, too large and grown files (${format})`, () => {
      const sequential = folder(`one-${format}`);
      const pooled = folder(`two-${format}`);
      // Sizes as stat gives them before the run: the longest is read first.
      const sizes = new Map(fs.readdirSync(pooled).map((f) => [f, fs.statSync(path.join(pooled, f)).size]));
      const args = ['--format', format, '--fail-on', 'none'];
      const one = run(sequential, ['--concurrency', '1', ...args]);
      const two = run(pooled, ['--concurrency', '2', ...args]);

      assert.equal(two.code, 2, two.stderr);
      assert.equal(two.code, one.code);
      assert.equal(two.stdout, one.stdout);
      assert.equal(two.stderr, one.stderr);
      assert.match(two.stderr, /binary\.md: skipped: binary file[^]*denied\.md: cannot read file: it permission denied[^]*huge\.md: skipped: file is larger than 2 MB/);
      // The grown file is reviewed with what it held when read, in either run.
      assert.equal(fs.readFileSync(path.join(pooled, 'grown.md'), 'utf8'), fs.readFileSync(path.join(sequential, 'grown.md'), 'utf8'));
      if (format === 'json') {
        const report = JSON.parse(two.stdout) as { files: Array<{ path: string; diagnostics: Array<{ ruleId: string; range: { start: { line: number } } }> }> };
        assert.deepEqual(report.files.map((f) => f.path), ['c0.md', 'c1.md', 'c2.md', 'c3.md', 'c4.md', 'c5.md', 'c6.md', 'grown.md']);
        // Its findings include the sentence appended after the stat (the bytes read, not the stat's length).
        const before = fs.readFileSync(path.join(EXAMPLES, 'plain-text-sow.md'), 'utf8').split('\n').length;
        const grown = report.files.find((f) => f.path === 'grown.md')!;
        assert.ok(grown.diagnostics.filter((d) => d.ruleId === 'vague-wording' && d.range.start.line >= before).length >= 2, JSON.stringify(grown.diagnostics.map((d) => [d.ruleId, d.range.start.line])));
      }

      // One thread reads in file order; the pooled run longest first, as the threads claim them (the
      // file over the limit is never opened).
      const inFileOrder = [...sizes.keys()].filter((f) => f.endsWith('.md') && f !== 'huge.md').sort();
      assert.deepEqual(one.opened, inFileOrder);
      assert.deepEqual(two.opened, [...inFileOrder].sort((a, b) => sizes.get(b)! - sizes.get(a)! || (a < b ? -1 : 1)));
    });
  }
});
