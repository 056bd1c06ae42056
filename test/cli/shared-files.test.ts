// A parallel run reads its files straight into memory its threads share (cli/pool.ts SharedFiles,
// engine/regular-file.ts readRegularFile's `allocate`), rather than into buffers of their own copied
// into a SharedArrayBuffer before the workers get their tasks.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SharedFiles } from '../../server/src/cli/pool';
import { MAX_DOCUMENT_BYTES, readRegularFile } from '../../server/src/engine/regular-file';
import { makeTempDir } from './helpers';

describe('CLI: files read into shared memory (SharedFiles)', () => {
  let dir: string;
  before(() => {
    dir = makeTempDir('clausewise-shared-files-');
    fs.writeFileSync(path.join(dir, 'a.md'), '# A\n\nThe Supplier shall provide the Services.\n');
    fs.writeFileSync(path.join(dir, 'b.md'), 'é'.repeat(1000));
    fs.writeFileSync(path.join(dir, 'empty.md'), '');
    fs.writeFileSync(path.join(dir, 'big.md'), 'x'.repeat(5 * 1024 * 1024 - 7));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads each file into a SharedArrayBuffer, small files into one block, with the same bytes as a plain read', () => {
    const shared = new SharedFiles();
    const read = (f: string) => {
      const r = readRegularFile(path.join(dir, f), 8 * 1024 * 1024, shared.allocate);
      assert.ok(r.ok, f);
      return r.bytes;
    };
    const a = read('a.md');
    const b = read('b.md');
    const empty = read('empty.md');
    const big = read('big.md');
    for (const [f, bytes] of [['a.md', a], ['b.md', b], ['empty.md', empty], ['big.md', big]] as const) {
      assert.ok(bytes.buffer instanceof SharedArrayBuffer, f);
      assert.ok(bytes.equals(fs.readFileSync(path.join(dir, f))), f);
    }
    assert.equal(a.buffer, b.buffer, 'small files share a block');
    assert.notEqual(big.buffer, a.buffer, 'a file larger than a block gets one of its own');
    assert.equal(b.toString('utf8'), 'é'.repeat(1000));
  });

  it('still refuses a file over the limit, before reading it', () => {
    const shared = new SharedFiles();
    let asked = 0;
    const r = readRegularFile(path.join(dir, 'big.md'), MAX_DOCUMENT_BYTES, (n) => { asked += n; return shared.allocate(n); });
    assert.equal(r.ok, false);
    assert.equal(asked, 0);
  });
});
