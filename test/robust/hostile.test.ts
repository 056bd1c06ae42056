/**
 * Hostile input: files no contract is, written to break a parser or make it slow. Each is built
 * here (none is committed) and must be reviewed without an exception, with every range inside the
 * document, in time linear in its size: the full file may take at most 8 times as long as a
 * quarter of it, plus a few seconds of slack for a loaded machine (a quadratic step takes 16 times
 * as long). A document that cannot be read at all, and a rule that throws, still give a result.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildContractModel } from '../../server/src/model';
import { fingerprints, INTERNAL_ERROR, NOT_ANALYSED, notAnalysedReview, review, RULES } from '../../server/src/engine';
import { assertRangesInside, printed } from './support';
import { ensureBuilt, makeTempDir, runBuiltCli, writeFiles, EXAMPLES } from '../cli/helpers';

const TITLE = 'MASTER SERVICES AGREEMENT\n\n';
const SENTENCE = 'The Supplier shall provide the Services to the Customer with reasonable skill and care';

/** `count` numbered clauses. (Thousands of clauses all numbered alike are slow to check: see the report.) */
function clauses(count: number, clause: (i: number) => string): string {
  return Array.from({ length: Math.ceil(count) }, (_, i) => clause(i + 1)).join('');
}

/** Each maker writes a hostile text of about `size` characters (its own unit for nesting). */
const HOSTILE: Array<{ name: string; size: number; make: (size: number) => string }> = [
  { name: 'a 150 KB hard-wrapped single paragraph', size: 150_000, make: (n) => TITLE + `${SENTENCE} on day`.repeat(Math.ceil(n / 84)).replace(/day/g, 'day\n') },
  { name: 'a 150 KB paragraph on one line', size: 150_000, make: (n) => TITLE + `${SENTENCE}; `.repeat(Math.ceil(n / 88)) },
  { name: 'a 117 KB paragraph of placeholders', size: 117_000, make: (n) => TITLE + 'The fee is [AMOUNT] payable on [DATE] to [●] '.repeat(Math.ceil(n / 46)) },
  { name: '20,000 nested block quotes', size: 20_000, make: (n) => TITLE + '>'.repeat(n) + ` ${SENTENCE}.\n` },
  { name: '20,000 nested lists', size: 20_000, make: (n) => TITLE + '- '.repeat(n) + `${SENTENCE}.\n` },
  { name: '20,000 nested quotes and ordered lists', size: 20_000, make: (n) => TITLE + '> 1. '.repeat(n / 2) + `${SENTENCE}.\n` },
  { name: '20,000 nested emphasis markers', size: 20_000, make: (n) => TITLE + '*'.repeat(n) + 'x' + '*'.repeat(n) + '\n' },
  { name: '100,000 brackets', size: 100_000, make: (n) => TITLE + '['.repeat(n) + '\n' },
  { name: 'an unclosed bracket before 100 KB of words', size: 100_000, make: (n) => `${TITLE}[ ` + 'word '.repeat(n / 5) + '\n' },
  { name: 'invalid UTF-8, decoded as a file is read', size: 60_000, make: (n) => TITLE + Buffer.from(Array.from({ length: n }, (_, i) => [0xff, 0xc3, 0x28, 0xe2, 0x82, 0x20, 0x41, 0x0a][i % 8])).toString('utf8') },
  { name: 'UTF-16 bytes read as UTF-8', size: 60_000, make: (n) => Buffer.from('\uFEFF' + TITLE + `${SENTENCE}.\n`.repeat(Math.ceil(n / 180)), 'utf16le').toString('utf8') },
  { name: 'lone CR line endings', size: 100_000, make: (n) => `# Agreement\r\r## 1. Services\r\r` + clauses(n / 95, (i) => `1.${i} ${SENTENCE}.\r`) },
  { name: 'emoji, CJK and right-to-left text', size: 100_000, make: (n) => TITLE + clauses(n / 145, (i) => `## ${i}. サービス 😀\n\n${SENTENCE} 👩‍💻 本契約 \u202Eשירותים هذا العقد\u202C within 24 hours.\n\n`) },
];

function timed(text: string): { ms: number; result: ReturnType<typeof review> } {
  const t = process.hrtime.bigint();
  const result = review({ text, force: true });
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, result };
}

describe('robustness: hostile input', function () {
  this.timeout(300_000);

  for (const h of HOSTILE) {
    it(`reviews ${h.name} in linear time`, () => {
      const quarter = h.make(h.size / 4);
      const full = h.make(h.size);
      timed(quarter); // warm up: the first review loads and compiles the rules
      const q = timed(quarter);
      const f = timed(full);
      for (const d of f.result.diagnostics) assert.notEqual(d.ruleId, INTERNAL_ERROR, d.message);
      assert.ok(!f.result.diagnostics.some((d) => d.ruleId === NOT_ANALYSED), 'the hostile file is analysed');
      assertRangesInside(full, f.result);
      assert.ok(f.ms <= 8 * q.ms + 5000, `${Math.round(f.ms)} ms for ${full.length} characters against ${Math.round(q.ms)} ms for ${quarter.length}: not linear`);
      assert.equal(printed(review({ text: full, force: true })), printed(f.result), 'the same output twice');
    });
  }

  it('keeps every placeholder of a long paragraph past the markup caps (the text is read as written)', () => {
    const text = TITLE + '[DATE] '.repeat(2000) + '\n';
    const placeholders = review({ text, force: true }).diagnostics.filter((d) => d.ruleId === 'placeholder');
    assert.equal(placeholders.length, 2000);
  });

  it('computes baseline fingerprints of one 117 KB sentence of placeholders in linear time', () => {
    // One sentence, so every finding shares its (long) text: the worst case for fingerprints.
    const make = (n: number) => TITLE + 'Pay [AMOUNT] and '.repeat(n) + '\n';
    const time = (text: string) => {
      const model = buildContractModel(text);
      const diagnostics = [...text.matchAll(/\[AMOUNT\]/g)].map((m) => ({
        ruleId: 'placeholder', category: 'drafting' as const, severity: 'warning' as const, message: 'placeholder', fixes: [],
        range: { start: { line: 2, character: m.index! - TITLE.length }, end: { line: 2, character: m.index! - TITLE.length + 8 } },
      }));
      const t = process.hrtime.bigint();
      const prints = fingerprints(model, diagnostics);
      return { ms: Number(process.hrtime.bigint() - t) / 1e6, prints };
    };
    time(make(1700));
    const q = time(make(1700));
    const f = time(make(6800));
    assert.equal(new Set(f.prints).size, 6800, 'one distinct fingerprint per finding');
    assert.ok(f.ms <= 8 * q.ms + 3000, `${Math.round(f.ms)} ms against ${Math.round(q.ms)} ms for a quarter: not linear`);
  });

  it('gives a document that cannot be read one not-analysed information finding, outside coverage', () => {
    const text = '# Agreement\n\nThe Supplier shall provide the Services.\n';
    const r = notAnalysedReview({ text, force: true }, 'a test reason');
    assert.equal(r.isContract, true);
    assert.deepEqual(r.coverage, {});
    assert.equal(r.diagnostics.length, 1);
    const [d] = r.diagnostics;
    assert.equal(d.ruleId, NOT_ANALYSED);
    assert.equal(d.category, 'drafting');
    assert.equal(d.severity, 'information');
    assert.match(d.message, /^Not analysed: a test reason\./);
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 11 } });
    assert.ok(fs.existsSync(path.resolve(__dirname, '../../docs/input-problems.md')));
    assert.match(fs.readFileSync(path.resolve(__dirname, '../../docs/input-problems.md'), 'utf8'), /^## not-analysed$/m);
  });

  it('isolates a rule that throws: one internal-error finding for it, every other rule unchanged', () => {
    const text = fs.readFileSync(path.join(EXAMPLES, 'weak-msa.md'), 'utf8');
    // sla-metrics: no other rule calls it (placeholder calls vague-wording, for one).
    const rule = RULES.find((r) => r.meta.id === 'sla-metrics')!;
    const before = review({ text, force: true });
    assert.ok(before.diagnostics.some((d) => d.ruleId === 'sla-metrics'), 'the rule has findings to lose');
    const check = rule.check;
    rule.check = () => { throw new TypeError('Cannot read properties of null (secret detail)'); };
    let after;
    try {
      after = review({ text, force: true });
    } finally {
      rule.check = check;
    }
    const errors = after.diagnostics.filter((d) => d.ruleId === INTERNAL_ERROR);
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /the sla-metrics check could not run/);
    assert.doesNotMatch(errors[0].message, /secret detail|Cannot read/);
    assert.equal(errors[0].severity, 'information');
    const others = (ds: typeof before.diagnostics) => JSON.stringify(ds.filter((d) => d.ruleId !== 'sla-metrics' && d.ruleId !== INTERNAL_ERROR));
    assert.equal(others(after.diagnostics), others(before.diagnostics));
    assert.deepEqual(after.coverage, before.coverage);
  });

  it('keeps a model of unreadable text empty but usable, with the reason', () => {
    const m = buildContractModel('# T\n\n' + '>'.repeat(50_000) + ' x\n');
    assert.equal(m.notAnalysed, undefined, 'deep nesting is read, not given up on');
  });
});

describe('robustness: the CLI with hostile files', function () {
  this.timeout(300_000);
  before(() => ensureBuilt());

  it('reports every file of a folder with hostile files, byte for byte the same with 1 and 4 worker threads', () => {
    const dir = makeTempDir();
    const files: Record<string, string | Buffer> = {};
    for (const f of ['weak-msa.md', 'plain-text-sow.md']) files[`lib/${f}`] = fs.readFileSync(path.join(EXAMPLES, f));
    // A few of the hostile files (all of them take minutes on a loaded machine), and small good ones,
    // enough files for the CLI to use worker threads.
    for (const [i, h] of HOSTILE.entries()) {
      if (!/150 KB hard-wrapped|nested block quotes|100,000 brackets|nested emphasis/.test(h.name)) continue;
      files[`lib/hostile-${String(i).padStart(2, '0')}.md`] = h.make(h.size);
    }
    for (let i = 0; i < 4; i++) files[`lib/sow-${i}.md`] = fs.readFileSync(path.join(EXAMPLES, 'plain-text-sow.md'));
    files['lib/invalid-utf8.txt'] = Buffer.concat([Buffer.from(TITLE), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x0a]), Buffer.from(`${SENTENCE}.\n`)]);
    files['lib/utf16.md'] = Buffer.from('\uFEFF' + TITLE + `${SENTENCE}.\n`, 'utf16le');
    writeFiles(dir, files);
    const serial = runBuiltCli(['--format', 'json', '--fail-on', 'none', '--force', '--concurrency', '1', 'lib'], { cwd: dir, env: { CLAUSEWISE_DEBUG: 'threads' } });
    const parallel = runBuiltCli(['--format', 'json', '--fail-on', 'none', '--force', '--concurrency', '4', 'lib'], { cwd: dir, env: { CLAUSEWISE_DEBUG: 'threads' } });
    assert.equal(serial.code, 0, serial.stderr);
    assert.equal(parallel.code, 0, parallel.stderr);
    assert.match(serial.stderr, / in 1 thread\b/);
    assert.match(parallel.stderr, / in 4 threads\b/);
    const report = JSON.parse(serial.stdout) as { files: Array<{ path: string; isContract: boolean; diagnostics: Array<{ ruleId: string }> }> };
    const reviewed = Object.keys(files).filter((f) => f !== 'lib/utf16.md').sort();
    assert.deepEqual(report.files.map((f) => f.path).sort(), reviewed, 'every file but the binary one is in the report');
    assert.match(serial.stderr, /lib\/utf16\.md: skipped: binary file/);
    for (const f of report.files) assert.ok(!f.diagnostics.some((d) => d.ruleId === NOT_ANALYSED || d.ruleId === INTERNAL_ERROR), `${f.path} was analysed`);
    assert.equal(parallel.stdout, serial.stdout, 'the report does not depend on --concurrency');
  });
});
