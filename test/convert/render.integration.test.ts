/**
 * The exported Word file as a reader sees it: rendered by LibreOffice headless, the tracked changes
 * show (LibreOffice draws them in the author's colour), and a file without changes has none.
 * Skips when soffice or pdftoppm is missing; .ci/run installs them.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exportDocx } from '../../server/src/convert';
import { renderFirstPage, renderUnavailable } from '../../scripts/render-docx';

/** Pixels in warm colours (LibreOffice's colour for the first author's changes; headings are blue, text black). */
function warmPixels(ppmFile: string): number {
  const buf = fs.readFileSync(ppmFile);
  // P6 header: "P6\n<w> <h>\n<max>\n", then RGB bytes.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 50).toString('latin1'));
  assert.ok(header, 'a binary PPM image');
  let n = 0;
  for (let i = header[0].length; i + 2 < buf.length; i += 3) {
    const [r, g, b] = [buf[i], buf[i + 1], buf[i + 2]];
    if (r > 120 && r - b > 60 && g > b) n++;
  }
  return n;
}

const BASE = '# Support Agreement\n\n## 1. Support\n\n1.1 The Supplier shall respond to faults promptly.\n\n1.2 The Supplier shall keep the systems running.\n';
const DRAFT = '# Support Agreement\n\n## 1. Support\n\n1.1 The Supplier shall respond to each Priority 1 fault within one hour, at any time of day.\n\n1.2 The Supplier shall keep the systems running.\n';

describe('convert: the exported Word file, rendered by LibreOffice', function () {
  this.timeout(300_000);
  const why = renderUnavailable();

  it('shows the tracked changes; the same draft without a base shows none', async function () {
    if (why) {
      console.log(`      (skipped: ${why})`);
      return this.skip();
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clausewise-render-test-'));
    fs.writeFileSync(path.join(dir, 'redline.docx'), await exportDocx(DRAFT, { base: BASE }));
    fs.writeFileSync(path.join(dir, 'clean.docx'), await exportDocx(DRAFT));
    const redline = warmPixels(renderFirstPage(path.join(dir, 'redline.docx'), path.join(dir, 'redline'), { ppm: true, dpi: 60 }));
    const clean = warmPixels(renderFirstPage(path.join(dir, 'clean.docx'), path.join(dir, 'clean'), { ppm: true, dpi: 60 }));
    assert.ok(redline > 200, `tracked changes are drawn in colour (${redline} coloured pixels)`);
    assert.ok(clean < 20, `no coloured text without changes (${clean} coloured pixels)`);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the screenshot in the README exists (npx tsx scripts/render-docx.ts makes it)', () => {
    const png = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'images', 'word-redline.png'));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  });
});
