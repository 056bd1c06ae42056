import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadBundle, readInPieces, READ_PIECE_BYTES } from '../../server/src/lsp/load-bundle';
import { ensureServerBuilt, ROOT } from './client';

describe('lsp: the server\'s bundles read in pieces (issue 13, memory)', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clausewise-load-bundle-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a file as UTF-8 whole, characters split between pieces included', () => {
    // Two-, three- and four-byte characters at every offset against a 7-byte piece.
    const text = `const s = 'caf\u00e9 \u2026 \u{1FAA6} \u00a3';\n`.repeat(50) + 'plain ASCII at the end';
    const file = path.join(dir, 'mixed.js');
    fs.writeFileSync(file, text);
    for (const piece of [1, 2, 3, 7, 64, READ_PIECE_BYTES]) assert.equal(readInPieces(file, piece), text, `pieces of ${piece}`);
    const ascii = path.join(dir, 'ascii.js');
    fs.writeFileSync(ascii, 'x'.repeat(3 * READ_PIECE_BYTES + 5));
    assert.equal(readInPieces(ascii), fs.readFileSync(ascii, 'latin1'));
  });

  it('runs a bundle as its own module: its own __filename and __dirname, requires beside it, exports', () => {
    const sub = path.join(dir, 'dist');
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, 'beside.js'), 'module.exports = 42;\n');
    const bundle = path.join(sub, 'main.js');
    fs.writeFileSync(bundle, "module.exports = { file: __filename, dir: __dirname, beside: require('./beside.js'), path: require('node:path').sep };\n");
    const exports = loadBundle(bundle, module) as { file: string; dir: string; beside: number; path: string };
    assert.deepEqual(exports, { file: bundle, dir: sub, beside: 42, path: path.sep });
  });

  it('leaves Node only small entry files to read itself: dist/server.js and dist/review-worker.js', function () {
    this.timeout(120000);
    ensureServerBuilt();
    // Node reads a required file into one string that doubles as it grows; a block over glibc's
    // 128 KB threshold, once freed, raises its thresholds for the whole process.
    for (const f of ['server.js', 'review-worker.js']) {
      const size = fs.statSync(path.join(ROOT, 'dist', f)).size;
      assert.ok(size < READ_PIECE_BYTES, `dist/${f} is ${size} bytes`);
    }
    for (const f of ['server-main.js', 'review-worker-main.js']) assert.ok(fs.existsSync(path.join(ROOT, 'dist', f)), `dist/${f} is built`);
  });

  it('builds the server\'s bundles in ASCII, so that V8 keeps their source as one-byte strings', function () {
    this.timeout(120000);
    ensureServerBuilt();
    // One non-ASCII character anywhere (a comment, a regular expression) makes the whole 3 MB source
    // a two-byte string of 6 MB, held by V8 for as long as the thread runs.
    for (const f of ['server-main.js', 'review-worker-main.js']) {
      const bytes = fs.readFileSync(path.join(ROOT, 'dist', f));
      const at = bytes.findIndex((b) => b > 0x7f);
      assert.equal(at, -1, `dist/${f} has a non-ASCII byte at ${at}: ${bytes.subarray(Math.max(0, at - 40), at + 10).toString()}`);
    }
  });
});
