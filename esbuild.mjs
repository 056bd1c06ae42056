// Bundles the three faces: the VS Code client, the language server and the CLI.
// `node esbuild.mjs` builds once; `--watch` rebuilds on change; `--production` minifies.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  // Keep `import.meta.url` users (ESM-only dependencies bundled into CJS) from breaking.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  // The language server's review worker (server/src/lsp/review-worker.ts): large documents are
  // reviewed in this thread, started by dist/server.js from the file beside it.
  { ...common, entryPoints: ['server/src/lsp/review-worker.ts'], outfile: 'dist/review-worker.js' },
  // The CLI: dist/cli.js is a small loader (server/src/cli/loader.ts) that runs dist/cli-main.js
  // through a V8 code cache, so a run does not compile the whole bundle again.
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli-main.js', minifyWhitespace: true },
  { ...common, entryPoints: ['server/src/cli/loader.ts'], outfile: 'dist/cli.js', banner: {}, define: {} },
  // Word/HTML/PDF conversion (mammoth, docx, PDF.js): its own bundle, required by the three above
  // only when a document needs it (server/src/convert/lazy.ts), so their start-up does not pay for it.
  { ...common, entryPoints: ['server/src/convert/index.ts'], outfile: 'dist/convert.js' },
];

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching client, server and CLI');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  writeCodeCache();
}

/**
 * Primes the CLI's code cache beside the bundle: one review of the example contract with the
 * loader told to write what it compiled. Old caches (other builds) are removed first.
 */
function writeCodeCache() {
  for (const f of fs.readdirSync('dist')) if (f.endsWith('.v8cache')) fs.rmSync(`dist/${f}`, { force: true });
  const r = spawnSync(process.execPath, ['dist/cli.js', '--format', 'json', '--fail-on', 'none', 'examples/weak-msa.md'], {
    env: { ...process.env, CLAUSEWISE_CODE_CACHE: 'write' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) console.warn(`esbuild.mjs: no code cache for the CLI (exit ${r.status}): ${r.stderr.slice(0, 300)}`);
}
