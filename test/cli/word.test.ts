/**
 * The CLI on Word, HTML and PDF files: reviewed through their conversion, findings traced back to the
 * original; unreadable files fail the run with a reason; convert and export write their files.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { docxParts, clause, docxOf, heading, pdfOf } from '../convert/support';
import { CLI, ensureBuilt, EXAMPLES, makeTempDir, ROOT, runCli, runJson, writeFiles } from './helpers';

const WEAK_DOCX = path.join(EXAMPLES, 'weak-msa.docx');

describe('cli: Word, HTML and PDF documents', () => {
  before(ensureBuilt);

  it('examples/weak-msa.docx reviews to the same findings as its Markdown twin', async function () {
    if (!fs.existsSync(WEAK_DOCX)) return this.skip();
    const md = await runJson(['examples/weak-msa.md'], { cwd: ROOT });
    const docx = await runJson(['examples/weak-msa.docx'], { cwd: ROOT });
    assert.equal(docx.code, md.code, docx.stderr);
    const findings = (r: typeof md) => r.json.files[0].diagnostics.map((d) => `${d.ruleId}: ${d.message}`).sort();
    assert.ok(findings(md).length > 10);
    assert.deepEqual(findings(docx), findings(md));
    assert.deepEqual(docx.json.files[0].coverage, md.json.files[0].coverage);
  });

  it('JSON and SARIF give the Word paragraph, the clause number and a quote of the text', async () => {
    const dir = makeTempDir();
    writeFiles(dir, {
      'msa.docx': await docxOf([
        heading('Services'),
        clause('The Supplier shall provide the Services with reasonable care and shall perform its obligations under clause 9.4.'),
        clause('The Supplier shall meet the service levels in clause 2.1.'),
        heading('Service Levels'),
        clause('The Supplier shall resolve each incident within four hours.'),
        clause('Clause 1.2 applies to every service level.'),
        heading('Term'),
        clause('This Agreement lasts three years.'),
      ]),
    });
    const r = await runJson(['--force', 'msa.docx'], { cwd: dir });
    const xref = r.json.files[0].diagnostics.find((d) => d.ruleId === 'broken-cross-reference') as unknown as { range: { start: { line: number } }; source: Record<string, unknown> };
    assert.ok(xref, `the numbering rules see Word's numbers: ${JSON.stringify(r.json.files[0].diagnostics.map((d) => d.ruleId))}`);
    assert.deepEqual({ ...xref.source, quote: undefined }, { format: 'docx', paragraph: 2, clause: '1.1', quote: undefined });
    assert.match(String(xref.source.quote), /9\.4/);
    const sarif = JSON.parse((await runCli(['--force', '--format', 'sarif', 'msa.docx'], { cwd: dir })).stdout);
    const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'broken-cross-reference');
    assert.equal(result.properties.source.paragraph, 2);
    assert.match(result.locations[0].physicalLocation.region.snippet.text, /9\.4/);
    const stylish = (await runCli(['--force', 'msa.docx'], { cwd: dir })).stdout;
    assert.match(stylish, /clause 1\.1, Word paragraph 2: ".*9\.4/);
  });

  it('a file that cannot be read is "not reviewed" with the reason, and the run fails', async () => {
    const dir = makeTempDir();
    writeFiles(dir, { 'damaged.docx': Buffer.from('PK\u0003\u0004 truncated'), 'scan.pdf': pdfOf([]) });
    const r = await runCli(['damaged.docx', 'scan.pdf'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /damaged\.docx: not reviewed: .*damaged/);
    assert.match(r.stderr, /scan\.pdf: not reviewed: the PDF has no text layer/);
  });

  it('folders include Word and PDF files but not Word\'s lock files', async () => {
    const dir = makeTempDir();
    writeFiles(dir, { 'deal/msa.docx': await docxOf([heading('Services'), clause('The Supplier shall provide the Services.')]), 'deal/~$msa.docx': Buffer.from('lock') });
    const r = await runJson(['--force', '--fail-on', 'none', 'deal'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.json.files.map((f) => f.path), ['deal/msa.docx']);
  });

  it('the review bundle does not carry the converters (they load only when needed)', () => {
    const cli = fs.readFileSync(CLI, 'utf8');
    assert.doesNotMatch(cli, /node_modules\/(mammoth|docx|unpdf)\//);
    assert.ok(fs.existsSync(path.join(path.dirname(CLI), 'convert.js')));
  });

  it('convert writes the Markdown draft; export writes it back as Word', async () => {
    const dir = makeTempDir();
    writeFiles(dir, { 'in.docx': await docxOf([heading('Services'), clause('The Supplier shall provide the Services.')]) });
    const c = await runCli(['convert', 'in.docx', '-o', 'draft.md'], { cwd: dir });
    assert.equal(c.code, 0, c.stderr);
    assert.match(fs.readFileSync(path.join(dir, 'draft.md'), 'utf8'), /^1\.1 The Supplier shall provide the Services\.$/m);
    const e = await runCli(['export', 'draft.md', '--docx', 'out.docx', '--comments'], { cwd: dir });
    assert.equal(e.code, 0, e.stderr);
    assert.match(e.stderr, /wrote out\.docx with \d+ comments/);
    const parts = await docxParts(fs.readFileSync(path.join(dir, 'out.docx')));
    assert.match(parts['word/document.xml'], /1\.1 The Supplier shall provide the Services\./);
    assert.match(parts['word/comments.xml'], /No limitation of liability/);
    assert.equal((await runCli(['convert', 'draft.md'], { cwd: dir })).code, 2, 'a Markdown file needs no conversion');
    assert.equal((await runCli(['export', 'draft.md'], { cwd: dir })).code, 2, '--docx is required');
  });

  it('export --changes-from-git compares with a git revision of the draft', async function () {
    const dir = makeTempDir();
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, stdio: 'pipe' });
    try { git('init', '-q'); } catch { return this.skip(); }
    writeFiles(dir, { 'msa.md': '# Services Agreement\n\n1.1 The Supplier shall respond promptly.\n' });
    git('add', '.');
    git('commit', '-qm', 'first');
    writeFiles(dir, { 'msa.md': '# Services Agreement\n\n1.1 The Supplier shall respond within one hour.\n' });
    for (const args of [['--changes-from-git', 'HEAD'], ['--changes-from', 'HEAD:msa.md']]) {
      const r = await runCli(['export', 'msa.md', '--docx', 'out.docx', ...args], { cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      const xml = execFileSync('unzip', ['-p', 'out.docx', 'word/document.xml'], { cwd: dir, encoding: 'utf8' });
      assert.match(xml, /<w:del [^>]*w:author="Clausewise"[^>]*>.*?promptly/s);
      assert.match(xml, /<w:ins [^>]*w:author="Clausewise"[^>]*>.*?within one hour/s);
    }
    const bad = await runCli(['export', 'msa.md', '--docx', 'out.docx', '--changes-from-git', 'no-such-rev'], { cwd: dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /git show no-such-rev:\.\/msa\.md failed/);
  });
});
