/**
 * The text formats (stylish, github) are written file by file, in file order, as soon as a file and
 * every file before it are reviewed; the result is the same text as the report written at the end.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from '../../server/src/cli/run';
import { reviewShared } from '../../server/src/cli/pool';
import type { ReviewTask } from '../../server/src/cli/review-task';
import { FIXTURES, makeTempDir, writeFiles } from './helpers';

const CONTRACT = fs.readFileSync(path.join(FIXTURES, 'contract.md'), 'utf8');
const README = fs.readFileSync(path.join(FIXTURES, 'readme.md'), 'utf8');

/** Runs the CLI in this process and keeps each write to standard output apart. */
async function runWrites(args: readonly string[], cwd: string): Promise<{ code: number; writes: string[] }> {
  const writes: string[] = [];
  const code = await run(args, {
    cwd,
    env: { PATH: process.env.PATH },
    stdout: { write: (s: string) => { writes.push(s); return true; } },
    stderr: { write: () => true },
    workerScript: null,
  });
  return { code, writes };
}

describe('CLI output written file by file', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = makeTempDir();
    writeFiles(dir, {
      'a-msa.md': CONTRACT,
      'b-notes.md': README,
      'c-sow.md': CONTRACT.replace(/Supplier/g, 'Vendor'),
    });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('stylish: one write per file in file order, then the summary; the same text as --output', async () => {
    const streamed = await runWrites(['--fail-on', 'none', '.'], dir);
    assert.equal(streamed.code, 0);
    assert.equal(streamed.writes.length, 4, streamed.writes.join('\n----\n'));
    assert.match(streamed.writes[0], /^a-msa\.md\n/);
    assert.doesNotMatch(streamed.writes[0], /c-sow\.md/);
    assert.match(streamed.writes[1], /^b-notes\.md\n {2}not reviewed as a contract/);
    assert.match(streamed.writes[2], /^c-sow\.md\n/);
    assert.match(streamed.writes[3], /^\d+ findings? \(.*\) in 2 contracts; 3 files reviewed\n$/);

    const whole = await runWrites(['--fail-on', 'none', '--output', 'report.txt', '.'], dir);
    assert.equal(whole.writes.length, 0);
    assert.equal(streamed.writes.join(''), fs.readFileSync(path.join(dir, 'report.txt'), 'utf8'));
    fs.rmSync(path.join(dir, 'report.txt'));
  });

  it('github: one write per contract with findings, the same text as --output', async () => {
    const streamed = await runWrites(['--format', 'github', '--fail-on', 'none', 'a-msa.md', 'b-notes.md', 'c-sow.md'], dir);
    assert.equal(streamed.writes.length, 2);
    assert.ok(streamed.writes[0].split('\n').filter(Boolean).every((l) => /^::\w+ file=a-msa\.md,/.test(l)));
    assert.ok(streamed.writes[1].split('\n').filter(Boolean).every((l) => /^::\w+ file=c-sow\.md,/.test(l)));
    const whole = await runWrites(['--format', 'github', '--fail-on', 'none', '--output', 'report.txt', 'a-msa.md', 'b-notes.md', 'c-sow.md'], dir);
    assert.equal(whole.writes.length, 0);
    assert.equal(streamed.writes.join(''), fs.readFileSync(path.join(dir, 'report.txt'), 'utf8'));
    fs.rmSync(path.join(dir, 'report.txt'));
  });

  it('the whole-document formats are written once, at the end', async () => {
    const json = await runWrites(['--format', 'json', '--fail-on', 'none', '.'], dir);
    assert.equal(json.writes.length, 1);
    assert.equal((JSON.parse(json.writes[0]) as { files: unknown[] }).files.length, 3);
  });

  it('a --quiet run writes nothing for files without errors, and still the summary', async () => {
    const quiet = await runWrites(['--quiet', '--fail-on', 'none', '.'], dir);
    const whole = await runWrites(['--quiet', '--fail-on', 'none', '--output', 'report.txt', '.'], dir);
    assert.equal(whole.writes.length, 0);
    assert.equal(quiet.writes.join(''), fs.readFileSync(path.join(dir, 'report.txt'), 'utf8'));
    assert.ok(quiet.writes.every((w) => w.length > 0));
    fs.rmSync(path.join(dir, 'report.txt'));
  });

  it('reviewShared tells of each outcome as it comes, with its index (one thread)', async () => {
    const tasks: ReviewTask[] = [0, 1, 2].map((index) => ({ index, text: index === 1 ? README : CONTRACT, path: `f${index}.md`, cwd: dir, settings: {}, force: false }));
    const seen: number[] = [];
    const share = await reviewShared(tasks, null, (i, outcome) => {
      assert.equal(outcome.index, i);
      seen.push(i);
    });
    assert.deepEqual(seen, [0, 1, 2]);
    assert.deepEqual(share.outcomes.map((o) => o.result.isContract), [true, false, true]);
  });
});
