// Which runs start their review workers from the loader, before the bundle loads (cli/pool-workers.ts):
// only a command line that names enough regular files for the pool, and as many workers as the pool
// would start. The built CLI's order of events is in startup.test.ts.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { earlyWorkerCount } from '../../server/src/cli/pool-workers';
import { PARALLEL_MIN_FILES } from '../../server/src/cli/run-profile';
import { makeTempDir } from './helpers';

describe('CLI: review workers started by the loader (earlyWorkerCount)', () => {
  let dir: string;
  let files: string[];
  before(() => {
    dir = makeTempDir('clausewise-early-');
    files = Array.from({ length: 12 }, (_, i) => `c${i}.md`);
    for (const f of files) fs.writeFileSync(path.join(dir, f), '# A\n');
    fs.mkdirSync(path.join(dir, 'folder'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const count = (args: string[], cores = 2) => earlyWorkerCount(args, dir, cores);
  const enough = () => files.slice(0, PARALLEL_MIN_FILES);

  it('starts cores - 1 workers for a run naming enough regular files, and none for fewer', () => {
    assert.equal(count(enough()), 1);
    assert.equal(count(['--format', 'json', '--fail-on', 'none', ...enough()]), 1);
    assert.equal(count(files, 4), 3);
    assert.equal(count(enough().slice(1)), 0);
    // Names that are not regular files are not counted (a folder's files are known only after the search).
    assert.equal(count([...enough().slice(1), 'folder', 'missing.md']), 0);
    assert.equal(count(['folder']), 0);
  });

  it('no more threads than files, and as many as --concurrency asks', () => {
    assert.equal(count(enough(), 64), PARALLEL_MIN_FILES - 1);
    assert.equal(count([...files, '--concurrency', '1']), 0);
    assert.equal(count(['--concurrency=1', ...files]), 0);
    assert.equal(count(['--concurrency', '3', ...files], 2), 2);
    assert.equal(count(['--concurrency', 'auto', ...files], 2), 1);
  });

  it('none for a subcommand or a run that reviews something else', () => {
    for (const first of ['rules', 'convert', 'export']) assert.equal(count([first, ...files]), 0, first);
    for (const option of ['--help', '-h', '--version', '-v', '--print-config', '--shard=1/2', '--stdin-filename=x.md', '-']) {
      assert.equal(count([...files, option]), 0, option);
    }
  });
});
