/**
 * How the language server's two entry files (dist/server.js and dist/review-worker.js, each a few
 * lines) load their bundles (dist/server-main.js, dist/review-worker-main.js): read in pieces of
 * 64 KB, then compiled as the CommonJS module Node would have made of the file.
 *
 * Why not `require` (issue 13, memory): Node reads a required file into one growing std::string,
 * which for a 3 MB bundle ends as a 4 MB block, allocated with mmap and freed once the source is
 * compiled. glibc then raises its mmap threshold to the size of the largest such block freed and its
 * trim threshold to twice that, for the whole process and for good: at 4.2 and 8.4 MB from the start,
 * every later buffer under 4 MB came from an arena, and the arenas of V8's platform threads and of
 * the review worker never gave back the free memory at their tops (under 8.4 MB each), which was
 * most of the server's RSS growth over edits (docs/performance.md). A 64 KB piece stays under glibc's
 * initial 128 KB threshold.
 *
 * Only node: built-ins here: this file is bundled into both entry files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/** Bytes read at a time: under glibc's initial mmap threshold (128 KB). */
export const READ_PIECE_BYTES = 64 * 1024;

/** The file's text, decoded as UTF-8 (a character split between pieces is kept whole). */
export function readInPieces(file: string, pieceBytes = READ_PIECE_BYTES): string {
  const fd = fs.openSync(file, 'r');
  try {
    const piece = Buffer.allocUnsafeSlow(pieceBytes);
    const decoder = new StringDecoder('utf8');
    const parts: string[] = [];
    for (;;) {
      const n = fs.readSync(fd, piece, 0, pieceBytes, null);
      if (n === 0) break;
      parts.push(decoder.write(piece.subarray(0, n)));
    }
    parts.push(decoder.end());
    // One flat string in V8's heap (not malloc's): the compiler reads it as Node's loader would have.
    return parts.join('');
  } finally {
    fs.closeSync(fd);
  }
}

/** Node's CommonJS module class, as far as the loader uses it (its underscored members are not in the public typing). */
interface CommonJsModule {
  filename: string;
  paths: string[];
  loaded: boolean;
  exports: unknown;
  _compile(source: string, filename: string): unknown;
}
interface CommonJsModuleClass {
  new (id: string, parent?: NodeModule): CommonJsModule;
  _nodeModulePaths(dir: string): string[];
}

/**
 * Runs the bundle as a module of its own (its `__filename` and `__dirname` are its own, so it finds
 * the files beside it as before), a child of `parent` (the entry file's module). Returns its exports.
 */
export function loadBundle(file: string, parent: NodeModule): unknown {
  const Module = parent.constructor as unknown as CommonJsModuleClass;
  const m = new Module(file, parent);
  m.filename = file;
  m.paths = Module._nodeModulePaths(path.dirname(file));
  m._compile(readInPieces(file), file);
  m.loaded = true;
  return m.exports;
}
