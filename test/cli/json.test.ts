/** `--format json` against the interface spec (section 3): shape, ranges, determinism. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { CATEGORY_IDS, DRAFTING, PROFILES, VERSION } from '../../server/src/engine';
import { formatJson, formatJsonFile } from '../../server/src/cli/format-json';
import { buildReport, emptyCounts, type FileReport } from '../../server/src/cli/report';
import { inertJson } from '../../server/src/engine';
import { exampleFiles, FIXTURES, runCli, runJson, type CliJson } from './helpers';

/** A reviewed file's report with one finding whose message is `message`. */
const fileReport = (p: string, message: string): FileReport => ({
  path: p, isContract: true, profiles: ['it-outsourcing'], coverage: {}, reason: '', suppressed: [], fingerprints: [], baselined: 0, activeRules: [], warnings: [],
  diagnostics: [{ ruleId: 'vague-wording', category: 'drafting', severity: 'warning', message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, fixes: [] } as unknown as FileReport['diagnostics'][number]],
});

const position = {
  type: 'object',
  required: ['line', 'character'],
  additionalProperties: false,
  properties: { line: { type: 'integer', minimum: 0 }, character: { type: 'integer', minimum: 0 } },
};

const count = { type: 'integer', minimum: 0 };

/** The spec's JSON shape; fixes carry `kind` besides the spec's title and clauseId. */
const SCHEMA = {
  type: 'object',
  required: ['tool', 'files', 'summary'],
  additionalProperties: false,
  properties: {
    tool: {
      type: 'object',
      required: ['name', 'version'],
      additionalProperties: false,
      properties: { name: { const: 'clausewise' }, version: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+' } },
    },
    files: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'isContract', 'profiles', 'coverage', 'diagnostics'],
        additionalProperties: false,
        properties: {
          path: { type: 'string', minLength: 1, not: { pattern: '\\\\' } },
          isContract: { type: 'boolean' },
          profiles: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: Object.keys(PROFILES) } },
          coverage: {
            type: 'object',
            propertyNames: { enum: [...CATEGORY_IDS] },
            additionalProperties: { enum: ['present', 'weak', 'missing'] },
          },
          diagnostics: {
            type: 'array',
            items: {
              type: 'object',
              required: ['ruleId', 'category', 'severity', 'message', 'range', 'fixes'],
              additionalProperties: false,
              properties: {
                ruleId: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
                // Coverage categories, and 'drafting' for drafting-hygiene rules (no coverage verdict).
                category: { enum: [...CATEGORY_IDS, DRAFTING] },
                severity: { enum: ['error', 'warning', 'information', 'hint'] },
                message: { type: 'string', minLength: 1 },
                range: {
                  type: 'object',
                  required: ['start', 'end'],
                  additionalProperties: false,
                  properties: { start: position, end: position },
                },
                fixes: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['title'],
                    additionalProperties: false,
                    properties: { kind: { type: 'string' }, title: { type: 'string', minLength: 1 }, clauseId: { type: 'string', minLength: 1 } },
                  },
                },
                // The provisions the active profiles cite for the rule; left out when none does.
                citations: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
              },
            },
          },
        },
      },
    },
    summary: {
      type: 'object',
      required: ['files', 'contracts', 'errors', 'warnings', 'information', 'hints'],
      additionalProperties: false,
      // skipped: files found but not reviewed (binary, too large), present only when there are some.
      properties: { files: count, contracts: count, errors: count, warnings: count, information: count, hints: count, skipped: count },
    },
  },
} as const;

const validate = new Ajv({ allErrors: true, strict: true }).compile(SCHEMA);

/** What the spec says beyond the schema: key order, coverage keys, summary sums, ranges inside the text. */
function checkReport(json: CliJson, cwd: string): void {
  assert.ok(validate(json), JSON.stringify(validate.errors, null, 2));
  assert.deepEqual(Object.keys(json), ['tool', 'files', 'summary']);
  assert.equal(json.tool.version, VERSION);
  const sorted = [...json.files.map((f) => f.path)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  assert.deepEqual(json.files.map((f) => f.path), sorted, 'files in path order');
  const sums = { errors: 0, warnings: 0, information: 0, hints: 0 };
  for (const f of json.files) {
    assert.deepEqual(Object.keys(f), ['path', 'isContract', 'profiles', 'coverage', 'diagnostics']);
    if (!f.isContract) {
      assert.deepEqual(f.coverage, {}, `${f.path}: non-contract coverage`);
      assert.deepEqual(f.diagnostics, [], `${f.path}: non-contract diagnostics`);
    } else {
      const active = new Set(f.profiles.flatMap((p) => PROFILES[p].categories));
      assert.deepEqual(Object.keys(f.coverage), CATEGORY_IDS.filter((c) => active.has(c)), `${f.path}: coverage has every category of the active profiles, in order`);
    }
    const lines = fs.readFileSync(path.resolve(cwd, f.path), 'utf8').replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
    for (const d of f.diagnostics) {
      sums[d.severity === 'error' ? 'errors' : d.severity === 'warning' ? 'warnings' : d.severity === 'information' ? 'information' : 'hints']++;
      assert.ok(f.isContract);
      const { start, end } = d.range;
      assert.ok(start.line < lines.length && end.line < lines.length, `${f.path}: ${d.ruleId} range inside the file`);
      assert.ok(start.character <= lines[start.line].length && end.character <= lines[end.line].length, `${f.path}: ${d.ruleId} character inside the line (zero-based, UTF-16)`);
      assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `${f.path}: ${d.ruleId} start before end`);
      assert.ok(CATEGORY_IDS.includes(d.category as never) || d.category === DRAFTING);
    }
  }
  assert.equal(json.summary.files, json.files.length);
  assert.equal(json.summary.contracts, json.files.filter((f) => f.isContract).length);
  assert.deepEqual({ errors: json.summary.errors, warnings: json.summary.warnings, information: json.summary.information, hints: json.summary.hints }, sums);
}

describe('cli: --format json', () => {

  it('fixtures validate against the spec shape', async () => {
    const r = await runJson(['readme.md', 'contract.md', 'tree']);
    assert.notEqual(r.code, 2, r.stderr);
    checkReport(r.json, FIXTURES);
    assert.deepEqual(r.json.files.map((f) => f.path), ['contract.md', 'readme.md', 'tree/notes.txt', 'tree/sub/deeper/guide.md', 'tree/sub/msa.markdown']);
  });

  it('forced files validate too (diagnostics on a README)', async () => {
    const r = await runJson(['--force', 'readme.md', 'contract.md', 'tree']);
    assert.notEqual(r.code, 2, r.stderr);
    checkReport(r.json, FIXTURES);
    assert.ok(r.json.files.every((f) => f.isContract));
  });

  it('examples/*.md validate against the spec shape', async function () {
    const examples = exampleFiles();
    if (!examples.length) this.skip();
    const root = path.resolve(FIXTURES, '..', '..', '..');
    const r = await runJson(examples.map((e) => path.relative(root, e)), { cwd: root });
    assert.notEqual(r.code, 2, r.stderr);
    checkReport(r.json, root);
  });

  it('the shared corpus of real contracts validates against the spec shape', async function () {
    const corpus = path.resolve(FIXTURES, '..', '..', '..', '..', 'shared', 'corpus');
    if (!fs.existsSync(corpus)) return this.skip();
    const r = await runJson(['--fail-on', 'none', '.'], { cwd: corpus });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.json.files.length > 0);
    checkReport(r.json, corpus);
  });

  it('is pretty-printed with two spaces and ends with a newline', async () => {
    const r = await runCli(['--format', 'json', 'contract.md']);
    assert.ok(r.stdout.endsWith('}\n'));
    assert.ok(r.stdout.startsWith('{\n  "tool": {\n    "name": "clausewise",'));
    assert.equal(r.stdout, `${JSON.stringify(JSON.parse(r.stdout), null, 2)}\n`);
  });

  it('is byte-deterministic across runs', async () => {
    const args = ['--format', 'json', '--force', 'readme.md', 'contract.md', 'tree'];
    const a = await runCli(args);
    const b = await runCli(args);
    assert.equal(a.stdout, b.stdout);
    assert.equal(a.code, b.code);
    const c = await runCli(['--format', 'json', '--force', 'tree', 'contract.md', 'readme.md']);
    assert.equal(c.stdout, a.stdout, 'argument order does not matter');
  });

  it('is made of each file\'s part, made as its review comes in, laid out as one JSON.stringify of the whole', async () => {
    // Several files, a forced README, characters made inert (a line separator in a message's quote).
    const r = await runCli(['--format', 'json', '--force', 'readme.md', 'contract.md', 'tree']);
    const parsed = JSON.parse(r.stdout) as CliJson;
    assert.ok(parsed.files.length > 2);
    assert.equal(r.stdout, `${inertJson(JSON.stringify(parsed, null, 2))}\n`);
    const report = buildReport('clausewise', VERSION, [fileReport('a.md', 'Line\u2028one'), fileReport('b.md', 'two')], [], emptyCounts());
    const whole = formatJson(report);
    assert.equal(whole, `${inertJson(JSON.stringify(JSON.parse(whole), null, 2))}\n`);
    assert.match(whole, /Line\\u2028one/);
    // The parts made beforehand are joined as they are, not made again.
    const parts = report.files.map(formatJsonFile);
    assert.equal(formatJson(report, parts), whole);
    assert.match(formatJson(report, [parts[0], parts[1].replace('"two"', '"made before"')]), /"made before"/);
    const empty = formatJson(buildReport('clausewise', VERSION, [], [], emptyCounts()));
    assert.equal(empty, `${JSON.stringify(JSON.parse(empty), null, 2)}\n`);
    assert.match(empty, /\n {2}"files": \[\],\n/);
  });

  it('stylish is byte-deterministic across runs too', async () => {
    const a = await runCli(['--force', 'readme.md', 'contract.md', 'tree']);
    const b = await runCli(['--force', 'readme.md', 'contract.md', 'tree']);
    assert.equal(a.stdout, b.stdout);
  });
});
