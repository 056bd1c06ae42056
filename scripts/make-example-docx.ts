/**
 * Generates examples/weak-msa.docx, the Word twin of examples/weak-msa.md, with Clausewise's own
 * exporter (npx tsx scripts/make-example-docx.ts). The output is committed: `clausewise examples/`
 * shows a Word document reviewed to the same findings as its Markdown twin.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportDocx } from '../server/src/convert';

const root = path.resolve(__dirname, '..');
const source = path.join(root, 'examples', 'weak-msa.md');
const target = path.join(root, 'examples', 'weak-msa.docx');

(async () => {
  // A fixed date keeps the generated file the same from run to run.
  const bytes = await exportDocx(fs.readFileSync(source, 'utf8'), { date: new Date('2025-01-01T00:00:00Z') });
  fs.writeFileSync(target, bytes);
  console.log(`wrote ${path.relative(root, target)} (${bytes.length} bytes)`);
})();
