/**
 * The CI output formats, each checked against its schema or parser: SARIF against the official
 * SARIF 2.1.0 JSON schema (shipped in @microsoft/jest-sarif), JUnit parsed as XML, GitHub annotations
 * by pattern, and the Markdown report and JSON additions for accepted deviations.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { docsUrl, RULES } from '../../server/src/engine';
import { escapeData, escapeProperty } from '../../server/src/cli/format-github';
import { xmlEscape } from '../../server/src/cli/format-junit';
import { FIXTURES, makeTempDir, runCli, runJson, writeFiles, type CliJson } from './helpers';

const SARIF_SCHEMA = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const CONTRACT = fs.readFileSync(path.join(FIXTURES, 'contract.md'), 'utf8');
const README = fs.readFileSync(path.join(FIXTURES, 'readme.md'), 'utf8');

/** The fixture contract with one finding accepted (the vague words of clause 1.2). */
const ACCEPTED = CONTRACT.replace('1.2 The Supplier shall use reasonable efforts', '<!-- clausewise-disable-next-line vague-wording -- "reasonable efforts" agreed with the Customer\'s counsel -->\n1.2 The Supplier shall use reasonable efforts');

interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }>;
  partialFingerprints?: Record<string, string>;
  suppressions?: Array<{ kind: string; justification?: string }>;
}
interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri: string; rules: Array<{ id: string; name: string; shortDescription: { text: string }; fullDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string } }> } };
    results: SarifResult[];
  }>;
}

const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

describe('cli: --format sarif', () => {
  let dir: string;
  let validate: ReturnType<Ajv04['compile']>;
  before(() => {
    dir = makeTempDir();
    writeFiles(dir, { 'contracts/msa.md': CONTRACT, 'contracts/accepted.md': ACCEPTED, 'notes/readme.md': README });
    const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(fs.readFileSync(SARIF_SCHEMA, 'utf8')));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is valid against the SARIF 2.1.0 schema (examples, fixtures, an empty run)', async () => {
    for (const [args, cwd] of [[['contracts', 'notes'], dir], [['../../../examples'], FIXTURES], [['notes'], dir]] as const) {
      const r = await runCli(['--format', 'sarif', '--fail-on', 'none', ...args], { cwd });
      assert.equal(r.code, 0, r.stderr);
      const log = JSON.parse(r.stdout) as SarifLog;
      assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
      assert.equal(log.version, '2.1.0');
    }
  });

  it('describes every rule: id, name, descriptions, helpUri, default level', async () => {
    const log = JSON.parse((await runCli(['--format', 'sarif', '--fail-on', 'none', 'notes'], { cwd: dir })).stdout) as SarifLog;
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'clausewise');
    assert.match(driver.version, /^\d+\.\d+\.\d+/);
    assert.match(driver.informationUri, /^https:\/\//);
    assert.deepEqual(driver.rules.map((r) => r.id), RULES.map((r) => r.meta.id));
    for (const [i, r] of driver.rules.entries()) {
      const meta = RULES[i].meta;
      assert.equal(r.helpUri, docsUrl(meta.id));
      assert.equal(r.shortDescription.text, meta.description);
      assert.equal(r.fullDescription.text, meta.rationale);
      assert.equal(r.defaultConfiguration.level, LEVEL[meta.defaultSeverity]);
      assert.match(r.name, /^[A-Z][A-Za-z0-9]*$/);
    }
  });

  it('has one result per finding, at the same place as the JSON report (one-based, end column exclusive)', async () => {
    const json = (await runJson(['--fail-on', 'none', 'contracts/msa.md'], { cwd: dir })).json;
    const log = JSON.parse((await runCli(['--format', 'sarif', '--fail-on', 'none', 'contracts/msa.md'], { cwd: dir })).stdout) as SarifLog;
    const results = log.runs[0].results;
    const diags = json.files[0].diagnostics;
    assert.equal(results.length, diags.length);
    const rules = log.runs[0].tool.driver.rules;
    results.forEach((res, i) => {
      const d = diags[i];
      assert.equal(res.ruleId, d.ruleId);
      assert.equal(rules[res.ruleIndex!].id, d.ruleId, 'ruleIndex points at the rule');
      assert.equal(res.level, LEVEL[d.severity]);
      assert.equal(res.message.text, d.message);
      const loc = res.locations[0].physicalLocation;
      assert.equal(loc.artifactLocation.uri, 'contracts/msa.md');
      assert.equal(loc.region.startLine, d.range.start.line + 1);
      assert.equal(loc.region.startColumn, d.range.start.character + 1);
      assert.equal(loc.region.endLine, d.range.end.line + 1);
      if (d.range.end.line > d.range.start.line || d.range.end.character > d.range.start.character) assert.equal(loc.region.endColumn, d.range.end.character + 1);
      assert.match(res.partialFingerprints!['clausewise/v1'], /^[0-9a-f]{32}$/);
    });
    assert.equal(new Set(results.map((r) => r.partialFingerprints!['clausewise/v1'])).size, results.length, 'fingerprints are distinct');
  });

  it('reports accepted findings with an inSource suppression carrying the reason', async () => {
    const log = JSON.parse((await runCli(['--format', 'sarif', '--fail-on', 'none', 'contracts/accepted.md'], { cwd: dir })).stdout) as SarifLog;
    assert.ok(validate(log), JSON.stringify(validate.errors));
    const suppressed = log.runs[0].results.filter((r) => r.suppressions);
    assert.equal(suppressed.length, 2);
    for (const r of suppressed) {
      assert.equal(r.ruleId, 'vague-wording');
      assert.deepEqual(r.suppressions, [{ kind: 'inSource', justification: '"reasonable efforts" agreed with the Customer\'s counsel' }]);
    }
  });

  it('gives absolute paths as file: URIs and percent-encodes relative ones', async () => {
    writeFiles(dir, { 'odd name/msa #1.md': CONTRACT });
    try {
      const rel = JSON.parse((await runCli(['--format', 'sarif', '--fail-on', 'none', 'odd name/msa #1.md'], { cwd: dir })).stdout) as SarifLog;
      assert.equal(rel.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'odd%20name/msa%20%231.md');
      const abs = JSON.parse((await runCli(['--format', 'sarif', '--fail-on', 'none', path.join(dir, 'contracts', 'msa.md')], { cwd: dir })).stdout) as SarifLog;
      assert.ok(validate(abs));
      assert.match(abs.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, /^file:\/\/\/.*\/contracts\/msa\.md$/);
    } finally {
      fs.rmSync(path.join(dir, 'odd name'), { recursive: true, force: true });
    }
  });
});

describe('cli: --format github', () => {
  const ANNOTATION = /^::(error|warning|notice) file=([^,:]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([a-z0-9-]+)::(.+)$/;
  let dir: string;
  before(() => {
    dir = makeTempDir();
    writeFiles(dir, { 'contracts/msa.md': CONTRACT, 'contracts/a,b:c%d.md': CONTRACT, 'notes/readme.md': README });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints one workflow annotation per finding, matching the JSON report', async () => {
    const json = (await runJson(['--fail-on', 'none', 'contracts/msa.md', 'notes'], { cwd: dir })).json;
    const r = await runCli(['--format', 'github', 'contracts/msa.md', 'notes'], { cwd: dir });
    assert.equal(r.code, 1, 'the exit code still follows --fail-on');
    const lines = r.stdout.trimEnd().split('\n');
    const diags = json.files.flatMap((f) => f.diagnostics.map((d) => ({ f, d })));
    assert.equal(lines.length, diags.length);
    const kind: Record<string, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };
    lines.forEach((line, i) => {
      const m = ANNOTATION.exec(line);
      assert.ok(m, `annotation format: ${line}`);
      const { f, d } = diags[i];
      assert.equal(m![1], kind[d.severity]);
      assert.equal(m![2], f.path);
      assert.equal(Number(m![3]), d.range.start.line + 1);
      assert.equal(Number(m![4]), d.range.start.character + 1);
      assert.equal(Number(m![5]), d.range.end.line + 1);
      assert.ok(Number(m![6]) >= 1);
      assert.equal(m![7], d.ruleId);
      assert.equal(m![8], escapeData(d.message));
    });
  });

  it('escapes % , : in properties and % CR LF in messages', async () => {
    assert.equal(escapeProperty('a,b:c%d\r\n.md'), 'a%2Cb%3Ac%25d%0D%0A.md');
    assert.equal(escapeData('100% up\r\nnext: a, b'), '100%25 up%0D%0Anext: a, b');
    const r = await runCli(['--format', 'github', '--fail-on', 'none', 'contracts/a,b:c%d.md'], { cwd: dir });
    const first = r.stdout.split('\n')[0];
    assert.ok(first.includes('file=contracts/a%2Cb%3Ac%25d.md,line='), first);
  });

  it('prints nothing for files that are not contracts', async () => {
    const r = await runCli(['--format', 'github', 'notes'], { cwd: dir });
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '');
  });
});

describe('cli: --format junit', () => {
  let dir: string;
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase', 'failure'].includes(name) });
  interface Case { classname: string; name: string; failure?: Array<{ message: string; type: string; '#text': string }>; skipped?: { message: string }; 'system-out'?: string }
  interface Suite { name: string; tests: string; failures: string; skipped: string; testcase: Case[] }
  const parse = (xml: string) => {
    const valid = XMLValidator.validate(xml);
    assert.equal(valid, true, JSON.stringify(valid));
    return parser.parse(xml) as { testsuites: { tests: string; failures: string; testsuite?: Suite[] } };
  };
  before(() => {
    dir = makeTempDir();
    writeFiles(dir, { 'contracts/msa.md': CONTRACT, 'contracts/R&D "draft" <v2>.md': CONTRACT, 'notes/readme.md': README });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is well-formed XML: one testsuite per file, one testcase per file and rule, failures for findings at the fail level', async () => {
    const json = (await runJson(['--fail-on', 'none', 'contracts', 'notes'], { cwd: dir })).json;
    const r = await runCli(['--format', 'junit', 'contracts', 'notes'], { cwd: dir });
    assert.equal(r.code, 1);
    const doc = parse(r.stdout);
    const suites = doc.testsuites.testsuite!;
    assert.deepEqual(suites.map((s) => s.name), json.files.map((f) => f.path));
    let tests = 0;
    let failures = 0;
    suites.forEach((suite, i) => {
      const file = json.files[i];
      tests += suite.testcase.length;
      assert.equal(Number(suite.tests), suite.testcase.length);
      const names = suite.testcase.map((c) => c.name);
      assert.equal(new Set(names).size, names.length, 'one test case per rule');
      for (const c of suite.testcase) assert.equal(c.classname, file.path);
      if (!file.isContract) {
        assert.equal(suite.testcase.length, 1);
        assert.ok(suite.testcase[0].skipped, 'a non-contract is a skipped case');
        return;
      }
      const failing = new Set(file.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId));
      const failed = suite.testcase.filter((c) => c.failure);
      failures += failed.length;
      assert.deepEqual(new Set(failed.map((c) => c.name)), failing);
      assert.equal(Number(suite.failures), failed.length);
      for (const d of file.diagnostics) assert.ok(names.includes(d.ruleId), `a test case for ${d.ruleId}`);
      // Findings below the fail level are listed in the passing case's output.
      const warning = file.diagnostics.find((d) => d.severity === 'warning')!;
      const c = suite.testcase.find((x) => x.name === warning.ruleId && !x.failure)!;
      assert.ok(c['system-out']!.includes(warning.message.replace(/\s+/g, ' ')));
      // Passing cases for rules that ran without findings.
      assert.ok(suite.testcase.some((x) => !x.failure && !x['system-out']));
    });
    assert.equal(Number(doc.testsuites.tests), tests);
    assert.equal(Number(doc.testsuites.failures), failures);
  });

  it('escapes file names and messages; --fail-on warning turns warnings into failures', async () => {
    const r = await runCli(['--format', 'junit', '--fail-on', 'warning', 'contracts/R&D "draft" <v2>.md'], { cwd: dir });
    const suite = parse(r.stdout).testsuites.testsuite![0];
    assert.equal(suite.name, 'contracts/R&D "draft" <v2>.md');
    const failure = suite.testcase.find((c) => c.name === 'security-obligations')!.failure![0];
    assert.match(failure['#text'], /"appropriate measures"/);
    assert.equal(xmlEscape('a<b & "c" \u0001'), 'a&lt;b &amp; &quot;c&quot; \\x01');
  });

  it('an empty run is still a valid document', async () => {
    const r = await runCli(['--format', 'junit', '--shard', '1/1', 'notes'], { cwd: dir });
    const doc = parse(r.stdout);
    assert.equal(doc.testsuites.testsuite?.length, 1);
  });
});

describe('cli: accepted deviations in --format json and markdown', () => {
  let dir: string;
  before(() => {
    dir = makeTempDir();
    writeFiles(dir, { 'msa.md': CONTRACT, 'accepted.md': ACCEPTED });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('json: `suppressed` lists accepted findings with the reason and comment; absent when there are none', async () => {
    const plain = (await runCli(['--format', 'json', '--fail-on', 'none', 'msa.md'], { cwd: dir })).stdout;
    assert.doesNotMatch(plain, /"suppressed"/);
    const json = JSON.parse((await runCli(['--format', 'json', '--fail-on', 'none', 'accepted.md'], { cwd: dir })).stdout) as CliJson & { files: Array<{ suppressed?: Array<{ ruleId: string; reason: string | null; range: { start: { line: number } }; comment: { kind: string; range: { start: { line: number } } } }> }> };
    const s = json.files[0].suppressed!;
    assert.equal(s.length, 2);
    for (const x of s) {
      assert.equal(x.ruleId, 'vague-wording');
      assert.equal(x.reason, '"reasonable efforts" agreed with the Customer\'s counsel');
      assert.equal(x.comment.kind, 'disable-next-line');
      assert.equal(x.comment.range.start.line + 1, x.range.start.line);
    }
    assert.ok(!json.files[0].diagnostics.some((d) => d.ruleId === 'vague-wording' && /reasonable efforts|promptly/.test(d.message)));
  });

  it('markdown: the review report has an "Accepted deviations" section with the reasons', async () => {
    const r = await runCli(['--format', 'markdown', '--fail-on', 'none', 'accepted.md', 'msa.md'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^# Contract review report$/m);
    assert.match(r.stdout, /File: `accepted\.md`/);
    const section = r.stdout.split('### Accepted deviations')[1]?.split(/\n## /)[0] ?? '';
    assert.match(section, /vague-wording/);
    assert.match(section, /Accepted: \\?"reasonable efforts\\?" agreed with the Customer's counsel/);
    assert.equal(r.stdout.split('### Accepted deviations').length, 2, 'only the file with accepted findings has the section');
  });
});
