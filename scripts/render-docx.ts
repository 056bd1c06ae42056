/**
 * Renders a Word document to images with LibreOffice headless (soffice -> PDF, then pdftoppm), the
 * way a reader would see it, tracked changes included (comments are left out of the image). Used by the render
 * test and, run directly (npx tsx scripts/render-docx.ts), to make docs/images/word-redline.png from
 * the weak example with a few accepted fixes and its findings as comments.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Why rendering cannot run here (no soffice or pdftoppm), or null when it can. */
export function renderUnavailable(): string | null {
  for (const [tool, pkg] of [['soffice', 'libreoffice-writer'], ['pdftoppm', 'poppler-utils']]) {
    const r = spawnSync(tool, ['--version'], { stdio: 'ignore' });
    if (r.error) return `${tool} is not installed (Debian package ${pkg}; .ci/run installs it)`;
  }
  return null;
}

/**
 * Converts `docx` to PDF and renders its first page as `<outBase>.png` (or `.ppm` when `ppm`), at
 * `dpi`. Returns the image path. Each call uses its own LibreOffice profile, so runs in parallel
 * do not collide.
 */
export function renderFirstPage(docx: string, outBase: string, options: { dpi?: number; ppm?: boolean } = {}): string {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'clausewise-render-'));
  try {
    // Comments would be note icons over the text (LibreOffice 7.4 cannot put them in the margin).
    const filter = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"false"}}';
    const lo = spawnSync('soffice', [`-env:UserInstallation=file://${work}/profile`, '--headless', '--convert-to', filter, '--outdir', work, docx], { encoding: 'utf8', timeout: 180_000 });
    const pdf = path.join(work, `${path.basename(docx, path.extname(docx))}.pdf`);
    if (!fs.existsSync(pdf)) throw new Error(`soffice did not write a PDF: ${lo.stderr || lo.stdout || lo.error}`);
    const args = [options.ppm ? '' : '-png', '-r', String(options.dpi ?? 80), '-f', '1', '-l', '1', '-singlefile', pdf, outBase].filter(Boolean);
    const pp = spawnSync('pdftoppm', args, { encoding: 'utf8', timeout: 60_000 });
    const out = `${outBase}.${options.ppm ? 'ppm' : 'png'}`;
    if (!fs.existsSync(out)) throw new Error(`pdftoppm did not write an image: ${pp.stderr}`);
    return out;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  (async () => {
    const { exportDocx } = await import('../server/src/convert');
    const { runReviewTask } = await import('../server/src/cli/review-task');
    const root = path.resolve(__dirname, '..');
    const base = fs.readFileSync(path.join(root, 'examples', 'weak-msa.md'), 'utf8');
    // The draft after a reviewer's first fixes: a start date instead of "to be agreed", measurable
    // service instead of "timely" and "industry standard".
    const draft = base
      .replace('which is to be agreed', 'which is 1 April 2025')
      .replace('in a timely manner and to an industry standard', 'in accordance with the service levels in Schedule 2');
    const review = runReviewTask({ index: 0, text: draft, path: 'weak-msa.md', cwd: root, settings: {}, force: true });
    // Only findings on particular clauses, not the list of missing ones that sits on the title.
    const comments = review.result.diagnostics.filter((d) => d.range.start.line > 8)
      .map((d) => ({ line: d.range.start.line, text: `${d.message} (${d.ruleId})` }));
    const out = path.join(os.tmpdir(), 'clausewise-redline.docx');
    fs.writeFileSync(out, await exportDocx(draft, { base, comments, date: new Date('2025-03-01T09:00:00Z') }));
    const why = renderUnavailable();
    if (why) throw new Error(why);
    const png = renderFirstPage(out, path.join(root, 'docs', 'images', 'word-redline'), { dpi: 70 });
    console.log(`wrote ${path.relative(root, png)}`);
  })().catch((e) => { console.error(e); process.exitCode = 1; });
}
