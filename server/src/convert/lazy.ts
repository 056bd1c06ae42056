/**
 * Loads the converters only when a document needs them. In the bundles (dist/cli.js, dist/server.js,
 * dist/client.js) they are a bundle of their own, dist/convert.js, beside the caller: mammoth, docx
 * and PDF.js are read from disk the first time a .docx, .html or .pdf is met, not at every start.
 * From the TypeScript sources (tests, scripts) the module is required directly.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type Converters = typeof import('./index');

/** Kept in a variable so that esbuild does not inline the converters into the caller's bundle. */
const SOURCE_MODULE = './index';

let cached: Converters | undefined;

export function loadConverters(): Converters {
  if (cached) return cached;
  const bundled = path.join(__dirname, 'convert.js');
  const inBundle = /\.c?js$/.test(__filename);
  if (inBundle && !fs.existsSync(bundled)) throw new Error(`the converters are missing (${bundled}); run "npm run build"`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  cached = require(inBundle ? bundled : SOURCE_MODULE) as Converters;
  return cached;
}
