import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { allClauses, getClause, review } from '../../server/src/engine';
import { CLAUSE_POSITIONS, clauseAt, describePositionDifference, positionDifferences, type Clause } from '../../server/src/library';
import { VAGUE_TERMS } from '../../server/src/rules/vague-terms';

const ROOT = resolve(__dirname, '../..');

// A minimal valid clause file; each generator test breaks one thing in it.
const VALID_FRONT = `id: sample
category: audit-rights
title: Sample
summary: A sample clause.
rationale: Why it matters.
variables:
  - name: notice_days
    description: Days of notice
    default: "10"`;
const VALID_BODY = `{{n}}.1 {{Supplier}} shall keep records.

{{n}}.2 {{Customer}} may audit them on [[notice_days]] days' notice.
`;
const VALID_POSITIONS = `positions:
  balanced:
    tradeoff: "Both sides."
  customer:
    tradeoff: "Customer gains."
    defaults:
      notice_days: "5"
    paragraphs:
      "2": "{{Customer}} may audit them at any time."
    add:
      - "{{Supplier}} shall pay for the audit."
  supplier:
    tradeoff: "Supplier gains."`;

function generate(positions: string | null): { status: number | null; stderr: string; stdout: string } {
  const dir = mkdtempSync(join(tmpdir(), 'clausewise-positions-'));
  try {
    copyFileSync(join(ROOT, 'clauses/_glossary.yaml'), join(dir, '_glossary.yaml'));
    writeFileSync(join(dir, 'sample.md'), `---\n${VALID_FRONT}${positions === null ? '' : `\n${positions}`}\n---\n${VALID_BODY}`);
    const r = spawnSync(process.execPath, ['scripts/generate-clauses.mjs', '--dir', dir, '--no-write'], { cwd: ROOT, encoding: 'utf8' });
    return { status: r.status, stderr: r.stderr, stdout: r.stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('clause library: the generator checks each positions block', function () {
  this.timeout(60000);

  it('accepts a well-formed block', () => {
    const r = generate(VALID_POSITIONS);
    assert.equal(r.status, 0, r.stderr);
  });

  const broken: Array<[string, string, RegExp]> = [
    ['no positions block at all', '', /clauses\/sample\.md: front matter needs a "positions" block with balanced, customer and supplier/],
    ['a missing position', VALID_POSITIONS.replace(/\n {2}supplier:\n {4}tradeoff: "Supplier gains."/, ''), /clauses\/sample\.md: "positions\.supplier" is missing/],
    ['an unknown position', `${VALID_POSITIONS}\n  vendor:\n    tradeoff: "x"`, /clauses\/sample\.md: unknown position "vendor"/],
    ['a position without its tradeoff', VALID_POSITIONS.replace('tradeoff: "Supplier gains."', 'defaults: { notice_days: "20" }'), /"positions\.supplier\.tradeoff" must be a non-empty line/],
    ['wording in the balanced position', VALID_POSITIONS.replace('tradeoff: "Both sides."', 'tradeoff: "Both sides."\n    add: ["x"]'), /"positions\.balanced\.add" is not allowed \(the balanced position is the body itself/],
    ['a paragraph the body does not have', VALID_POSITIONS.replace('"2": "{{Customer}}', '"7": "{{Customer}}'), /"positions\.customer\.paragraphs\.7": the body has no paragraph \{\{n\}\}\.7/],
    ['a paragraph written with its number prefix', VALID_POSITIONS.replace('"2": "{{Customer}}', '"2": "{{n}}.2 {{Customer}}'), /must be written without the "\{\{n\}\}\.N " number prefix/],
    ['a default for an undeclared variable', VALID_POSITIONS.replace('notice_days: "5"', 'notice_period: "5"'), /names "notice_period", which is not a declared variable/],
    ['an undeclared variable in the wording', VALID_POSITIONS.replace('at any time.', 'within [[audit_days]] days.'), /uses \[\[audit_days\]\], which is not declared under variables/],
    ['an unknown placeholder in the wording', VALID_POSITIONS.replace('shall pay for the audit', 'shall pay {{vendor}}'), /unknown placeholders: \{\{vendor\}\}/],
    ['an unknown key in a position', VALID_POSITIONS.replace('tradeoff: "Supplier gains."', 'tradeoff: "Supplier gains."\n    replace: {}'), /"positions\.supplier\.replace" is not allowed \(use tradeoff, defaults, paragraphs, add\)/],
    ['add that is not a list', VALID_POSITIONS.replace('add:\n      - "{{Supplier}} shall pay for the audit."', 'add: "one"'), /"positions\.customer\.add" must be a list of paragraphs/],
  ];
  for (const [what, block, message] of broken) {
    it(`rejects ${what}, naming the file and the problem`, () => {
      const r = generate(block || null);
      assert.equal(r.status, 2, `exit code 2 (stdout: ${r.stdout})`);
      assert.match(r.stderr, message);
    });
  }
});

describe('clause library: positions', () => {
  const sample: Clause = {
    id: 'sample', category: 'audit-rights', title: 'Sample', summary: '', rationale: '', requires: [],
    variables: [{ name: 'notice_days', description: 'Days of notice', default: '10' }],
    body: '{{n}}.1 One.\n\n{{n}}.2 Two on [[notice_days]] days.\n\n{{n}}.3 Three.',
    positions: {
      balanced: { tradeoff: 'Middle.' },
      customer: { tradeoff: 'Customer gains.', defaults: { notice_days: '5' }, paragraphs: { '2': 'Two at any time.' }, add: ['Four.'] },
      supplier: { tradeoff: 'Supplier gains.', defaults: { notice_days: '20' } },
    },
  };

  it('writes a position by replacing numbered paragraphs, appending added ones and changing defaults', () => {
    const c = clauseAt(sample, 'customer');
    assert.equal(c.body, '{{n}}.1 One.\n\n{{n}}.2 Two at any time.\n\n{{n}}.3 Three.\n\n{{n}}.4 Four.');
    assert.equal(c.variables[0].default, '5');
    assert.equal(clauseAt(sample, 'balanced'), sample, 'the balanced position is the clause itself');
    assert.equal(clauseAt(sample, 'supplier').body, sample.body);
    assert.equal(clauseAt(sample, 'supplier').variables[0].default, '20');
  });

  it('describes how each position differs from the balanced text', () => {
    const [customer, balanced, supplier] = positionDifferences(sample);
    assert.equal(describePositionDifference(customer), 'rewrites paragraph 2; adds 1 paragraph; days of notice: 5 (balanced 10)');
    assert.equal(describePositionDifference(balanced), 'the library text');
    assert.equal(describePositionDifference(supplier), 'days of notice: 20 (balanced 10)');
  });

  it('every clause has three positions, each with a one-line tradeoff, and the other two differ from the balanced text', () => {
    for (const c of allClauses()) {
      assert.deepEqual(Object.keys(c.positions).sort(), [...CLAUSE_POSITIONS].sort(), c.id);
      for (const p of CLAUSE_POSITIONS) assert.match(c.positions[p].tradeoff, /^[^\n]{10,200}$/, `${c.id} ${p}`);
      for (const p of ['customer', 'supplier'] as const) assert.notEqual(JSON.stringify(clauseAt(c, p)), JSON.stringify(c), `${c.id} ${p} differs`);
    }
  });

  it('moves figures the way each side wants: the supplier gets more audit notice and the customer less', () => {
    const audit = getClause('audit-rights')!;
    const notice = (p: 'customer' | 'balanced' | 'supplier') => Number(clauseAt(audit, p).variables.find((v) => v.name === 'audit_notice_days')!.default);
    assert.ok(notice('customer') < notice('balanced') && notice('balanced') < notice('supplier'));
    const cap = (p: 'customer' | 'supplier') => Number(clauseAt(getClause('limitation-of-liability')!, p).variables.find((v) => v.name === 'cap_multiple')!.default);
    assert.ok(cap('customer') > cap('supplier'));
  });

  it('writes the positions in plain English: no sentence over 40 words, 25 on average, no vague words', () => {
    const texts = allClauses().flatMap((c) => CLAUSE_POSITIONS.flatMap((p) => {
      const s = c.positions[p];
      return [s.tradeoff, ...Object.values(s.paragraphs ?? {}), ...(s.add ?? [])].map((t) => ({ id: `${c.id} ${p}`, t }));
    }));
    const sentences = texts.flatMap(({ id, t }) => t
      .replace(/\[\[[a-z_0-9]+\]\]/g, 'N').replace(/\{\{\w+\}\}/g, 'Party')
      .split(/(?<=[.;:])\s+(?=[A-Z(])|\n+/).map((s) => s.trim()).filter((s) => /[a-z]/.test(s))
      .map((s) => ({ id, s, words: s.split(/\s+/).length })));
    const over = sentences.filter((x) => x.words > 40);
    assert.deepEqual(over.map((x) => `${x.id}: ${x.s}`), []);
    const average = sentences.reduce((n, x) => n + x.words, 0) / sentences.length;
    assert.ok(average <= 25, `average ${average.toFixed(1)} words`);
    const vague: string[] = [];
    for (const { id, t } of texts) for (const v of VAGUE_TERMS) for (const m of t.matchAll(new RegExp(v.pattern.source, v.pattern.flags))) vague.push(`${id}: "${m[0]}"`);
    assert.deepEqual(vague, []);
  });

  it('keeps the generated library in step with the clause files', () => {
    const generated = JSON.parse(readFileSync(join(ROOT, 'server/src/library/clauses.generated.json'), 'utf8')) as Clause[];
    const audit = readFileSync(join(ROOT, 'clauses/audit-rights.md'), 'utf8');
    const tradeoff = generated.find((c) => c.id === 'audit-rights')!.positions.supplier.tradeoff;
    assert.ok(audit.includes(tradeoff), 'the supplier tradeoff comes from clauses/audit-rights.md');
  });
});

describe('engine: choosing the position quick fixes offer first', () => {
  const BODY = '# Hosting Agreement\n\nThis Agreement is made between Alder Bank plc (the "Customer") and Brightline Ltd (the "Supplier").\n';
  const withFront = (v: string) => `---\nclausewise: { clausePosition: ${v} }\n---\n${BODY}`;

  it('is balanced by default', () => {
    assert.equal(review({ text: BODY, force: true }).clausePosition, 'balanced');
  });

  it('follows the setting', () => {
    assert.equal(review({ text: BODY, force: true, settings: { clausePosition: 'supplier' } }).clausePosition, 'supplier');
  });

  it('follows the front matter, which wins over the setting', () => {
    const r = review({ text: withFront('customer'), force: true, settings: { clausePosition: 'supplier' } });
    assert.equal(r.clausePosition, 'customer');
    assert.deepEqual(r.problems, []);
  });

  it('reports a front-matter value that is not a position, and falls back to the setting', () => {
    const r = review({ text: withFront('vendor'), force: true, settings: { clausePosition: 'supplier' } });
    assert.equal(r.clausePosition, 'supplier');
    assert.ok(r.problems.some((p) => /front matter line 2: clausewise\.clausePosition: must be one of customer, balanced, supplier \(found "vendor"\)/.test(p)), r.problems.join('\n'));
  });

  it('reports a setting that is not a position, and falls back to balanced', () => {
    const r = review({ text: BODY, force: true, settings: { clausePosition: 'fair' as never } });
    assert.equal(r.clausePosition, 'balanced');
    assert.ok(r.problems.some((p) => /setting clausePosition "fair" is not a position/.test(p)));
  });
});
