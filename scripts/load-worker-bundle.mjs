// The review worker's bundle loaded as dist/review-worker.js loads it (server/src/lsp/load-bundle.ts:
// read in 64 KB pieces, compiled as a CommonJS module of its own), with one statement appended that
// hands back some of its top-level functions or values: the bundle exports nothing, and in a main
// thread its worker does not start. Shared by scripts/first-analysis.mjs and first-analysis-parts.mjs.
import Module from 'node:module';
import { closeSync, openSync, readSync } from 'node:fs';
import { dirname } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/**
 * `names` maps each name to hand back to the opening of its definition in the bundle (e.g.
 * `function* reviewSteps(`). esbuild renames a top-level name that another module's takes: each
 * opening must occur exactly once, else this throws naming `hint`, rather than time another function.
 */
export function loadWorkerBundle(bundle, names, hint = 'the bundle\'s names changed') {
  const fd = openSync(bundle, 'r');
  const parts = [];
  try {
    const piece = Buffer.allocUnsafeSlow(64 * 1024);
    const decoder = new StringDecoder('utf8');
    for (let n; (n = readSync(fd, piece, 0, piece.length, null)) > 0;) parts.push(decoder.write(piece.subarray(0, n)));
    parts.push(decoder.end());
  } finally {
    closeSync(fd);
  }
  const source = parts.join('');
  for (const opening of Object.values(names)) {
    if (source.split(opening).length !== 2) throw new Error(`${bundle}: expected one \`${opening}\`; ${hint}`);
  }
  const m = new Module(bundle, null);
  m.filename = bundle;
  m.paths = Module._nodeModulePaths(dirname(bundle));
  m._compile(`${source}\n;module.exports = { ${Object.keys(names).join(', ')} };\n`, bundle);
  m.loaded = true;
  return m.exports;
}
