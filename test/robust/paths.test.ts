/** Paths are canonical: each file reviewed once whatever the links, shards whatever the spelling. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { discoverFiles } from '../../server/src/cli/files';
import { inShard, shardKey, shardRoot } from '../../server/src/cli/shard';
import { makeTempDir, runJson, writeFiles } from '../cli/helpers';

const CONTRACT = '---\nclausewise:\n  review: true\n---\n# Services Agreement\n\nThe Supplier shall provide the Services.\n';

describe('robust: paths are canonical', function () {
  this.timeout(120000);
  if (process.platform === 'win32') return; // symbolic links need privileges there
  let dir: string;
  beforeEach(() => {
    dir = fs.realpathSync(makeTempDir('clausewise-paths-'));
    fs.mkdirSync(path.join(dir, '.git'));
    writeFiles(dir, { 'lib/a.md': CONTRACT, 'lib/deep/b.md': CONTRACT, 'lib/c.md': CONTRACT });
    fs.symlinkSync(path.join(dir, 'lib'), path.join(dir, 'mirror'));
    fs.symlinkSync(path.join(dir, 'lib', 'a.md'), path.join(dir, 'alias.md'));
    fs.symlinkSync('/', path.join(dir, 'lib', 'root'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('** globs and folder walks do not follow links to folders; a file named twice is one file', () => {
    for (const args of [['**/*.md'], ['.'], ['lib', 'mirror/a.md', './lib/a.md', path.join(dir, 'lib/a.md')]]) {
      const d = discoverFiles(args, dir);
      assert.deepEqual(d.errors, [], args.join(' '));
      const reals = d.files.map((f) => fs.realpathSync(f.abs));
      assert.equal(new Set(reals).size, reals.length, `${args.join(' ')}: ${d.files.map((f) => f.path).join(', ')}`);
      assert.ok(!d.files.some((f) => f.path.startsWith('mirror/') && args[0] !== 'lib'), d.files.map((f) => f.path).join(', '));
    }
    assert.deepEqual(discoverFiles(['**/*.md'], dir).files.map((f) => f.path), ['lib/a.md', 'lib/c.md', 'lib/deep/b.md']);
    // A linked file is reviewed once, under the shorter of its names.
    assert.deepEqual(discoverFiles(['.'], dir).files.map((f) => f.path), ['alias.md', 'lib/c.md', 'lib/deep/b.md']);
    // Naming the linked folder itself still reviews it.
    assert.deepEqual(discoverFiles(['mirror'], dir).files.map((f) => f.path), ['mirror/a.md', 'mirror/c.md', 'mirror/deep/b.md']);
  });

  it('the shard key is the same for every spelling of a path, from the repository root', () => {
    const root = shardRoot(path.join(dir, 'lib'));
    assert.equal(root, dir);
    const spellings = [path.join(dir, 'lib/a.md'), path.join(dir, 'lib', '.', 'a.md'), path.join(dir, 'mirror/a.md'), path.join(dir, 'lib/deep/../a.md')];
    assert.deepEqual(spellings.map((s) => shardKey(s, root)), spellings.map(() => 'lib/a.md'));
  });

  it('CI jobs that spell paths differently still partition the files', async () => {
    const all = ['lib/a.md', 'lib/c.md', 'lib/deep/b.md'];
    for (const n of [2, 3]) {
      const seen: string[] = [];
      for (let i = 1; i <= n; i++) {
        // Job i spells the same files in its own way; the working folder differs too.
        const spelling = [['lib/a.md', 'lib/c.md', 'lib/deep/b.md'], ['./lib/a.md', './lib/c.md', './lib/deep/b.md'], all.map((p) => path.join(dir, p))][i % 3];
        const cwd = i % 2 ? dir : path.join(dir, 'lib');
        const args = cwd === dir ? spelling : spelling.map((p) => path.relative(cwd, path.resolve(dir, p)));
        const r = await runJson(['--fail-on', 'none', '--shard', `${i}/${n}`, ...args], { cwd });
        assert.equal(r.code, 0, r.stderr);
        const got = r.json.files.map((f) => path.relative(dir, path.resolve(cwd, f.path)).split(path.sep).join('/'));
        assert.deepEqual(got, all.filter((p) => inShard(p, i, n)));
        seen.push(...got);
      }
      assert.deepEqual(seen.sort(), all);
    }
  });
});
