/** File discovery: folders, globs, deduplication, order, and files that cannot be reviewed. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BINARY, hugeText, makeTempDir, runCli, runJson, writeFiles } from './helpers';

const README = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'cli', 'readme.md'), 'utf8');
const CONTRACT = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'cli', 'contract.md'), 'utf8');

describe('cli: file discovery', () => {
  let dir: string;
  before(() => {
    dir = makeTempDir();
    writeFiles(dir, {
      'drafts/b.md': README,
      'drafts/a.markdown': CONTRACT,
      'drafts/notes.txt': README,
      'drafts/UPPER.MD': README,
      'drafts/data.csv': 'a,b\n1,2\n',
      'drafts/sub/deep/c.md': README,
      'drafts/node_modules/pkg/README.md': README,
      'drafts/.git/description.md': README,
      'other/z.md': README,
      'empty/.keep': '',
    });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const paths = async (args: string[]) => {
    const r = await runJson(['--fail-on', 'none', ...args], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    return r.json.files.map((f) => f.path);
  };

  it('walks folders recursively for .md, .markdown and .txt, skipping node_modules and .git', async () => {
    assert.deepEqual(await paths(['drafts']), ['drafts/UPPER.MD', 'drafts/a.markdown', 'drafts/b.md', 'drafts/notes.txt', 'drafts/sub/deep/c.md']);
  });

  it('folder "." gives paths relative to the working directory', async () => {
    assert.deepEqual(await paths(['.']), ['drafts/UPPER.MD', 'drafts/a.markdown', 'drafts/b.md', 'drafts/notes.txt', 'drafts/sub/deep/c.md', 'other/z.md']);
  });

  it('expands globs (tinyglobby), skipping node_modules', async () => {
    assert.deepEqual(await paths(['drafts/**/*.md']), ['drafts/b.md', 'drafts/sub/deep/c.md']);
    assert.deepEqual(await paths(['*/*.{md,txt}']), ['drafts/b.md', 'drafts/notes.txt', 'other/z.md']);
  });

  it('a file named explicitly is reviewed whatever its extension', async () => {
    assert.deepEqual(await paths(['drafts/data.csv']), ['drafts/data.csv']);
  });

  it('sorts and deduplicates across files, folders and globs; normalises "./" and trailing "/"', async () => {
    assert.deepEqual(await paths(['other/', './drafts/b.md', 'drafts/sub', 'drafts/**/c.md', 'drafts/b.md', 'other/z.md']), ['drafts/b.md', 'drafts/sub/deep/c.md', 'other/z.md']);
  });

  it('argument order does not change the output bytes', async () => {
    const a = await runCli(['--format', 'json', 'other', 'drafts'], { cwd: dir });
    const b = await runCli(['--format', 'json', 'drafts', 'other'], { cwd: dir });
    assert.equal(a.stdout, b.stdout);
  });

  it('keeps absolute paths absolute, "/"-separated', async () => {
    const abs = path.join(dir, 'other');
    assert.deepEqual(await paths([abs]), [`${abs.split(path.sep).join('/')}/z.md`]);
  });

  it('a glob that matches nothing is an error (exit 2)', async () => {
    const r = await runCli(['nothing/**/*.md'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /nothing\/\*\*\/\*\.md: no files match/);
  });

  it('a folder with nothing to review warns; with no files at all the run exits 2', async () => {
    const r = await runCli(['empty'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /empty: no \.md, \.markdown, \.txt, \.docx or \.pdf files/);
    const r2 = await runJson(['empty', 'other'], { cwd: dir });
    assert.equal(r2.code, 0);
    assert.match(r2.stderr, /warning: empty/);
    assert.deepEqual(r2.json.files.map((f) => f.path), ['other/z.md']);
  });
});

describe('cli: files that cannot be reviewed', () => {
  let dir: string;
  before(() => {
    dir = makeTempDir();
    writeFiles(dir, { 'docs/binary.md': BINARY, 'docs/huge.md': hugeText(), 'docs/readme.md': README });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('skips binary and huge files with a warning naming each, and carries on', async () => {
    const r = await runJson(['docs'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /docs\/binary\.md: skipped: binary file/);
    assert.match(r.stderr, /docs\/huge\.md: skipped: file is larger than 2 MB/);
    assert.deepEqual(r.json.files.map((f) => f.path), ['docs/readme.md']);
    assert.equal(r.json.summary.files, 1, 'summary.files counts only the reviewed file');
    assert.equal(r.json.summary.contracts, 0);
    assert.equal((r.json.summary as { skipped?: number }).skipped, 2, 'and summary.skipped the two skipped');
  });

  it('lists skipped files in the stylish report', async () => {
    const r = await runCli(['docs/binary.md', 'docs/huge.md', 'docs/readme.md'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^docs\/binary\.md\n {2}skipped: binary file/m);
    assert.match(r.stdout, /^docs\/huge\.md\n {2}skipped: file is larger than 2 MB/m);
    assert.match(r.stdout, /1 file reviewed, 2 skipped$/m);
  });

  it('--force does not make a binary file a contract; a run that reviewed nothing exits 2 unless --allow-empty', async () => {
    const r = await runJson(['--force', 'docs/binary.md'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /error: nothing reviewed: 1 file was found and skipped \(binary file \(contains NUL bytes\)\)/);
    assert.deepEqual(r.json.files, []);
    const allowed = await runJson(['--force', '--allow-empty', 'docs/binary.md', 'docs/huge.md'], { cwd: dir });
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.match(allowed.stderr, /warning: nothing reviewed: 2 files were found and skipped/);
    assert.deepEqual(allowed.json.files, []);
  });

  it('a UTF-16 text file is skipped and, alone, fails the run instead of passing on nothing', async () => {
    fs.writeFileSync(path.join(dir, 'utf16.txt'), Buffer.from('\uFEFFMaster Services Agreement', 'utf16le'));
    const r = await runCli(['utf16.txt'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /utf16\.txt: skipped/);
    assert.match(r.stdout, /0 files reviewed, 1 skipped$/m);
  });

  it('an unreadable file is an error naming the file (exit 2)', async function () {
    if (process.platform === 'win32' || process.getuid?.() === 0) this.skip(); // root reads anything
    const p = path.join(dir, 'locked.md');
    fs.writeFileSync(p, README);
    fs.chmodSync(p, 0o000);
    try {
      const r = await runCli(['locked.md', 'docs/readme.md'], { cwd: dir });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /locked\.md: cannot read file/);
      assert.match(r.stdout, /docs\/readme\.md/);
    } finally {
      fs.chmodSync(p, 0o644);
    }
  });

  it('a UTF-8 byte-order mark is dropped, as editors do', async () => {
    fs.writeFileSync(path.join(dir, 'bom.md'), `\uFEFF${CONTRACT}`);
    fs.writeFileSync(path.join(dir, 'nobom.md'), CONTRACT);
    const a = (await runJson(['--force', 'bom.md'], { cwd: dir })).json.files[0];
    const b = (await runJson(['--force', 'nobom.md'], { cwd: dir })).json.files[0];
    assert.deepEqual({ ...a, path: '' }, { ...b, path: '' });
  });
});
