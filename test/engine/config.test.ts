/** Config files: finding the nearest, extends, validation with file/line/fix, globs. Files come from a map. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigError, ConfigLoader, matchGlobs, parseConfig, type ConfigReader } from '../../server/src/engine';

const ROOT = path.resolve('/virtual/repo');
const at = (...p: string[]) => path.join(ROOT, ...p);

function reader(files: Record<string, string>): ConfigReader & { reads: string[] } {
  const abs: Record<string, string> = {};
  for (const [k, v] of Object.entries(files)) abs[at(k)] = v;
  const reads: string[] = [];
  return {
    reads,
    readFile: (p) => { reads.push(p); return p in abs ? abs[p] : null; },
    exists: (p) => p in abs || Object.keys(abs).some((k) => k.startsWith(p + path.sep)),
  };
}

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  assert.fail('expected a ConfigError');
}

describe('engine: config files', () => {
  describe('finding the nearest', () => {
    const files = {
      '.git/HEAD': 'ref: refs/heads/main',
      '.clausewise.yaml': 'severity:\n  insurance: off\n',
      'contracts/.clausewise.json': '{ "severity": { "sla": "warning" } }',
      'contracts/deals/acme/msa.md': '',
      'docs/package.json': '{ "name": "docs" }',
      'tools/package.json': '{ "name": "tools", "clausewise": { "profiles": ["dora-ict"] } }',
      'yml/.clausewise.yml': 'profiles: [gdpr-processor]\n',
      'both/.clausewise.yaml': 'profiles: [dora-ict]\n',
      'both/.clausewise.json': '{ "profiles": ["gdpr-processor"] }',
    };

    it('the nearest config file wins, without cascading from folders above', () => {
      const loader = new ConfigLoader(reader(files));
      const c = loader.forFile(at('contracts/deals/acme/msa.md'));
      assert.equal(c.file, at('contracts/.clausewise.json'));
      assert.deepEqual(c.settings, { severity: { sla: 'warning' } }, 'the root config does not add insurance: off');
      assert.equal(loader.forFile(at('other/x.md')).file, at('.clausewise.yaml'));
    });

    it('.yml and a package.json "clausewise" key are config files; a package.json without the key is skipped', () => {
      const loader = new ConfigLoader(reader(files));
      assert.deepEqual(loader.forFile(at('yml/a.md')).settings.profiles, ['gdpr-processor']);
      assert.deepEqual(loader.forFile(at('tools/a.md')).settings.profiles, ['dora-ict']);
      assert.equal(loader.forFile(at('docs/a.md')).file, at('.clausewise.yaml'));
    });

    it('in one folder, .clausewise.yaml comes before .clausewise.json', () => {
      assert.deepEqual(new ConfigLoader(reader(files)).forFile(at('both/a.md')).settings.profiles, ['dora-ict']);
    });

    it('the search stops at the git root', () => {
      const r = reader({ '.clausewise.yaml': 'profiles: [dora-ict]\n', 'repo/.git': '', 'repo/a/b.md': '' });
      const c = new ConfigLoader(r).forFile(at('repo/a/b.md'));
      assert.equal(c.file, null);
      assert.ok(!r.reads.includes(at('.clausewise.yaml')), 'nothing above the git root is read');
    });

    it('caches: a folder is searched once per loader until clear()', () => {
      const r = reader(files);
      const loader = new ConfigLoader(r);
      loader.forFile(at('contracts/a.md'));
      const n = r.reads.length;
      loader.forFile(at('contracts/b.md'));
      assert.equal(r.reads.length, n);
      assert.ok(loader.knownFiles.has(at('contracts/.clausewise.json')));
      loader.clear();
      loader.forFile(at('contracts/b.md'));
      assert.ok(r.reads.length > n);
    });
  });

  describe('extends', () => {
    const files = {
      '.git/HEAD': '',
      'shared/base.yaml': 'profiles: [dora-ict]\nseverity:\n  sla: error\n  audit-rights: hint\nthresholds:\n  minAvailability: 99.5\nignore: [templates/]\nextends: [more.json]\n',
      'shared/more.json': '{ "thresholds": { "maxBreachNotificationHours": 24 }, "severity": { "insurance": "off" } }',
      'contracts/.clausewise.yaml': 'extends: ../shared/base.yaml\nseverity:\n  sla: warning\nthresholds:\n  minAvailability: 99.9\ninclude: ["schedule-*.md"]\n',
      'loop/.clausewise.yaml': 'extends: b.yaml\n',
      'loop/b.yaml': 'severity: { sla: hint }\nextends: ./.clausewise.yaml\n',
      'missing/.clausewise.yaml': 'profiles: [dora-ict]\nextends: ./nope.yaml\n',
      'bad-parent/.clausewise.yaml': 'extends: p.yaml\n',
      'bad-parent/p.yaml': 'severity:\n  sla: sometimes\n',
    };

    it('merges: this file wins, severity and thresholds merge per entry, globs add up with their own folders', () => {
      const c = new ConfigLoader(reader(files)).forFile(at('contracts/msa.md'));
      assert.deepEqual(c.files, [at('contracts/.clausewise.yaml'), at('shared/base.yaml'), at('shared/more.json')]);
      assert.deepEqual(c.settings.profiles, ['dora-ict']);
      assert.deepEqual(c.settings.severity, { insurance: 'off', sla: 'warning', 'audit-rights': 'hint' });
      assert.deepEqual(c.settings.thresholds, { maxBreachNotificationHours: 24, minAvailability: 99.9 });
      assert.deepEqual(c.ignore, [{ pattern: 'templates/', base: at('shared') }]);
      assert.deepEqual(c.include, [{ pattern: 'schedule-*.md', base: at('contracts') }]);
    });

    it('a cycle is an error naming the file and the line of extends', () => {
      const e = configError(() => new ConfigLoader(reader(files)).forFile(at('loop/a.md')));
      assert.equal(e.file, at('loop/b.yaml'));
      assert.equal(e.issues[0].line, 2);
      assert.match(e.issues[0].message, /cycle/);
    });

    it('a missing file is an error naming the extending file and line, with the fix', () => {
      const e = configError(() => new ConfigLoader(reader(files)).forFile(at('missing/a.md')));
      assert.equal(e.file, at('missing/.clausewise.yaml'));
      assert.equal(e.issues[0].line, 2);
      assert.match(e.issues[0].message, /extends: "\.\/nope\.yaml" does not exist.*relative to this file's folder/);
    });

    it('an invalid extended file is reported as that file', () => {
      const e = configError(() => new ConfigLoader(reader(files)).forFile(at('bad-parent/a.md')));
      assert.equal(e.file, at('bad-parent/p.yaml'));
      assert.equal(e.issues[0].line, 2);
    });
  });

  describe('validation: the file, the line, the problem and the fix', () => {
    it('a severity that is not one of the five', () => {
      const e = configError(() => parseConfig('profiles: [it-outsourcing]\nseverity:\n  sla-metrics: critical\n', '/x/.clausewise.yaml'));
      assert.deepEqual(e.issues, [{ line: 3, column: 16, message: 'severity.sla-metrics: must be one of error, warning, information, hint, off (found "critical")' }]);
      assert.equal(e.describe('.clausewise.yaml')[0], '.clausewise.yaml:3:16: severity.sla-metrics: must be one of error, warning, information, hint, off (found "critical")');
    });

    it('unknown rule or category ids list close matches', () => {
      const e = configError(() => parseConfig('severity:\n  sla-metric: off\n  breach-notifcation: error\n  zzzz-qqqq: off\n', '/x/.clausewise.yaml'));
      assert.equal(e.issues.length, 3);
      assert.equal(e.issues[0].line, 2);
      assert.match(e.issues[0].message, /unknown rule or category "sla-metric"; did you mean "sla-metrics"/);
      assert.match(e.issues[1].message, /did you mean "breach-notification"/);
      assert.match(e.issues[2].message, /docs\/rules/);
    });

    it('unknown settings suggest the right key; wrong types say what is expected', () => {
      const e = configError(() => parseConfig('profile: dora-ict\nthresholds:\n  minAvailabilty: 99\n  maxP1ResponseHours: "4"\ninclude: contracts/*.md\n', '/x/.clausewise.yaml'));
      const byLine = Object.fromEntries(e.issues.map((i) => [i.line, i.message]));
      assert.match(byLine[1], /^profile: unknown setting; did you mean "profiles"\?/);
      assert.match(byLine[3], /^thresholds\.minAvailabilty: unknown setting; did you mean "minAvailability"\?/);
      assert.match(byLine[4], /^thresholds\.maxP1ResponseHours: must be a number \(found "4"\)/);
      assert.match(byLine[5], /^include: must be a list/);
    });

    it('out-of-range thresholds and unknown profiles', () => {
      const e = configError(() => parseConfig('profiles:\n  - it-outsorcing\nthresholds:\n  minAvailability: 120\n', '/x/.clausewise.yml'));
      assert.deepEqual(e.issues.map((i) => i.line), [2, 4]);
      assert.match(e.issues[0].message, /unknown profile "it-outsorcing"; did you mean "it-outsourcing"\?; known profiles: /);
      assert.match(e.issues[1].message, /must be at most 100 \(found 120\)/);
    });

    it('YAML and JSON syntax errors give the line', () => {
      const y = configError(() => parseConfig('severity:\n  sla: warning\n - x\n', '/x/.clausewise.yaml'));
      assert.equal(y.issues[0].line, 3);
      assert.match(y.issues[0].message, /not valid YAML/);
      const j = configError(() => parseConfig('{\n  "severity": {\n    "sla": "warning",\n  }\n}\n', '/x/.clausewise.json'));
      assert.equal(j.issues[0].line, 4);
      assert.match(j.issues[0].message, /not valid JSON/);
    });

    it('JSON files and package.json keys map to their lines too', () => {
      const j = configError(() => parseConfig('{\n  "severity": {\n    "sla": "warn"\n  }\n}\n', '/x/.clausewise.json'));
      assert.deepEqual([j.issues[0].line, j.issues[0].column], [3, 12]);
      const p = configError(() => parseConfig('{\n  "name": "x",\n  "clausewise": {\n    "profiles": "dora-ict"\n  }\n}\n', '/x/package.json'));
      assert.equal(p.issues[0].line, 4);
      assert.match(p.issues[0].message, /^clausewise\.profiles: must be a list/);
      assert.equal(parseConfig('{ "name": "x" }', '/x/package.json'), null);
    });

    it('a package.json that names clausewise only below the top level is no config file, however deep it nests', () => {
      // A project that depends on Clausewise, or is Clausewise: the name appears as a bin or a dependency.
      const deep = `${'['.repeat(100)}${']'.repeat(100)}`;
      const pkg = `{ "name": "x", "bin": { "clausewise": "bin/clausewise.js" }, "devDependencies": { "clausewise": "^0.1.0" }, "deep": ${deep} }`;
      assert.equal(parseConfig(pkg, '/x/package.json'), null);
      // With the key at the top level the same nesting is an error, as in any configuration file.
      const withKey = pkg.replace('"name": "x",', '"name": "x", "clausewise": {},');
      assert.match(configError(() => parseConfig(withKey, '/x/package.json')).issues[0].message, /nested too deeply/);
    });

    it('a valid file with every setting passes; an empty file is an empty config', () => {
      const text = [
        '$schema: ../schema/clausewise.schema.json',
        'extends: ../base.yaml', 'enable: true', 'profiles: [it-outsourcing, gdpr-processor]',
        'severity: { sla: error, vague-wording: information, insurance: off, drafting: hint }',
        'include: ["contracts/**/*.md"]', 'ignore: [templates/]', 'force: false',
        'thresholds: { minAvailability: 99.9, maxP1ResponseHours: 1, maxP1ResolutionHours: 4, maxBreachNotificationHours: 24, minServiceCreditCapPercent: 10, minExitAssistanceMonths: 6, minLiabilityCapPercent: 100 }',
      ].join('\n');
      assert.ok(parseConfig(text, '/x/.clausewise.yaml'));
      assert.deepEqual(parseConfig('', '/x/.clausewise.yaml'), {});
      assert.deepEqual(parseConfig('# only a comment\n', '/x/.clausewise.yaml'), {});
    });

    it('the shipped schema knows every playbook threshold the VS Code settings offer', () => {
      const root = path.join(__dirname, '..', '..');
      const schema = JSON.parse(fs.readFileSync(path.join(root, 'schema', 'clausewise.schema.json'), 'utf8'));
      const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
      const vscode = Object.keys(pkg.contributes.configuration.properties['clausewise.thresholds'].properties ?? {});
      for (const k of vscode) assert.ok(k in schema.properties.thresholds.properties, `schema has thresholds.${k}`);
      assert.deepEqual(schema.properties.severity.additionalProperties.enum, ['error', 'warning', 'information', 'hint', 'off']);
    });
  });

  describe('globs', () => {
    const g = (pattern: string, base = ROOT) => ({ pattern, base });
    it('are relative to their config folder; a folder pattern covers what is inside; a bare name matches at any depth', () => {
      assert.ok(matchGlobs([g('contracts/**/*.md')], at('contracts/a/b.md')));
      assert.ok(!matchGlobs([g('contracts/**/*.md', at('sub'))], at('contracts/a/b.md')), 'outside the base folder');
      assert.ok(matchGlobs([g('templates/')], at('templates/x/y.md')));
      assert.ok(matchGlobs([g('templates')], at('templates/y.md')));
      assert.ok(matchGlobs([g('*.draft.md')], at('deep/down/x.draft.md')));
      assert.ok(!matchGlobs([g('*.draft.md')], at('deep/down/x.md')));
      assert.ok(matchGlobs([g('./schedule-*.md', at('contracts'))], at('contracts/schedule-1.md')));
    });
  });
});
