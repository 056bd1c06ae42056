// readRegularFile's `known`: the CLI reads a file named on the command line with the stat its file
// search took (cli/files.ts FoundFile.stat), instead of taking a second stat (issue 13, clipost).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readRegularFile } from '../../server/src/engine/regular-file';

describe('readRegularFile with a stat taken by the caller (known)', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clausewise-known-stat-'));
    fs.writeFileSync(path.join(dir, 'small.md'), 'The Supplier shall provide the Services.\n');
    fs.writeFileSync(path.join(dir, 'large.md'), 'x'.repeat(4096));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('decides type and size from the given stat, without a stat of its own', () => {
    const small = path.join(dir, 'small.md');
    // The stat of another, larger file: a reader that took its own stat would read small.md whole.
    const read = readRegularFile(small, 1024, undefined, fs.statSync(path.join(dir, 'large.md')));
    assert.equal(read.ok, false);
    assert.equal(!read.ok && read.kind, 'too-large');
    const folder = readRegularFile(small, 1024, undefined, fs.statSync(dir));
    assert.equal(!folder.ok && folder.kind, 'directory');
  });

  it('reads the same bytes as without it, and says a file gone since the stat does not exist', () => {
    const small = path.join(dir, 'small.md');
    const st = fs.statSync(small);
    const a = readRegularFile(small, 1024, undefined, st);
    const b = readRegularFile(small, 1024);
    assert.ok(a.ok && b.ok && a.bytes.equals(b.bytes));
    const gone = path.join(dir, 'gone.md');
    fs.writeFileSync(gone, 'text');
    const goneStat = fs.statSync(gone);
    fs.rmSync(gone);
    assert.deepEqual(readRegularFile(gone, 1024, undefined, goneStat), readRegularFile(gone, 1024));
  });
});
