/**
 * Configuration is data, never a door: what `extends` may reach, which files are read at all, what
 * error messages may quote, and hostile YAML. Real files in a temporary repository.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  ConfigError, ConfigLoader, DISK_READER, MAX_CONFIG_BYTES, parseConfig, readRegularFile,
} from '../../server/src/engine';
import { pairIndexStats } from '../../server/src/model/schema-problems';

const SECRET = 'TOKEN=s3cr3t-value-that-must-not-print';

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  assert.fail('expected a ConfigError');
}

/** Asserts the error names the file and never quotes the secret. */
function assertClean(e: ConfigError): void {
  assert.ok(!e.message.includes('s3cr3t'), `the message quotes the file: ${e.message}`);
  assert.ok(!/\n\s+at /.test(e.message), `the message holds a stack trace: ${e.message}`);
}

const canFifo = process.platform !== 'win32' && spawnSync('mkfifo', ['--help'], { stdio: 'ignore' }).error === undefined;

describe('robust: configuration is data, never a door', function () {
  this.timeout(60000);
  let tmp: string;
  let repo: string;
  let outside: string;
  const write = (rel: string, text: string) => {
    const p = path.join(repo, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
    return p;
  };
  const load = (relDir: string) => new ConfigLoader(DISK_READER).forDir(path.join(repo, relDir));

  beforeEach(() => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'clausewise-robust-config-')));
    repo = path.join(tmp, 'repo');
    fs.mkdirSync(path.join(repo, '.git'), { recursive: true });
    outside = path.join(tmp, 'secret.yaml');
    fs.writeFileSync(outside, `${SECRET}\nmore: lines\n`);
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  describe('extends stays inside the repository', () => {
    it('refuses an absolute path outside it, naming the file, the line and the fix, without reading it', () => {
      write('a/.clausewise.yaml', `profiles: [it-outsourcing]\nextends: ${outside}\n`);
      const e = configError(() => load('a'));
      assert.equal(e.file, path.join(repo, 'a/.clausewise.yaml'));
      assert.equal(e.issues[0].line, 2);
      assert.match(e.issues[0].message, /is outside the repository, so it is not read; .*copy the file into the repository/);
      assertClean(e);
    });

    it('refuses ../ that climbs out of it, and /proc/self/environ', () => {
      write('.clausewise.yaml', 'extends: ../secret.yaml\n');
      assertClean(configError(() => load('.')));
      write('.clausewise.yaml', 'extends: [/proc/self/environ]\n');
      const e = configError(() => load('.'));
      assert.match(e.issues[0].message, /outside the repository/);
      assertClean(e);
    });

    it('refuses a symbolic link inside the repository that leads out of it', function () {
      if (process.platform === 'win32') this.skip();
      fs.symlinkSync(outside, path.join(repo, 'shared.yaml'));
      write('.clausewise.yaml', 'extends: ./shared.yaml\n');
      const e = configError(() => load('.'));
      assert.match(e.issues[0].message, /symbolic link to a file outside the repository/);
      assertClean(e);
    });

    it('refuses a .clausewise.yaml that is itself a link out of the repository', function () {
      if (process.platform === 'win32') this.skip();
      fs.symlinkSync(outside, path.join(repo, '.clausewise.yaml'));
      const e = configError(() => load('.'));
      assert.equal(e.file, path.join(repo, '.clausewise.yaml'));
      assert.match(e.message, /symbolic link to a file outside the repository/);
      assertClean(e);
    });

    it('still extends files anywhere inside the repository, ../ included', () => {
      write('legal/playbook.yaml', 'severity:\n  insurance: off\n');
      write('deals/acme/.clausewise.yaml', 'extends: ../../legal/playbook.yaml\nprofiles: [dora-ict]\n');
      const c = load('deals/acme');
      assert.deepEqual(c.settings.severity, { insurance: 'off' });
      assert.deepEqual(c.files, [path.join(repo, 'deals/acme/.clausewise.yaml'), path.join(repo, 'legal/playbook.yaml')]);
    });

    it('outside a repository, the limit is the workspace folder given, else the file\'s own folder', () => {
      fs.rmSync(path.join(repo, '.git'), { recursive: true });
      write('base.yaml', 'severity:\n  insurance: off\n');
      write('sub/.clausewise.yaml', 'extends: ../base.yaml\n');
      assert.match(configError(() => load('sub')).issues[0].message, /outside this file's folder/);
      const c = new ConfigLoader(DISK_READER, { roots: [repo] }).forDir(path.join(repo, 'sub'));
      assert.deepEqual(c.settings.severity, { insurance: 'off' });
    });

    it('extends an installed package by name: its root config file, or a file named inside it', () => {
      write('node_modules/@acme/playbook/.clausewise.yaml', 'severity:\n  insurance: off\n');
      write('node_modules/@acme/playbook/strict.json', '{ "severity": { "sla": "error" } }');
      write('contracts/.clausewise.yaml', 'extends: "@acme/playbook"\n');
      assert.deepEqual(load('contracts').settings.severity, { insurance: 'off' });
      write('contracts/.clausewise.yaml', 'extends: "@acme/playbook/strict.json"\n');
      assert.deepEqual(load('contracts').settings.severity, { sla: 'error' });
      for (const escape of ['@acme/playbook/../../../../secret.yaml', '@acme/playbook/link.yaml']) {
        if (process.platform !== 'win32' && !fs.existsSync(path.join(repo, 'node_modules/@acme/playbook/link.yaml'))) {
          fs.symlinkSync(outside, path.join(repo, 'node_modules/@acme/playbook/link.yaml'));
        }
        write('contracts/.clausewise.yaml', `extends: "${escape}"\n`);
        const e = configError(() => load('contracts'));
        assert.match(e.issues[0].message, /outside the (package @acme\/playbook|repository)/);
        assertClean(e);
      }
      write('contracts/.clausewise.yaml', 'extends: no-such-package\n');
      assert.match(configError(() => load('contracts')).issues[0].message, /no package "no-such-package" in a node_modules folder/);
    });
  });

  describe('only regular files, up to a limit', () => {
    it('a FIFO named .clausewise.yaml is an error at once, not a hang', function () {
      if (!canFifo) this.skip();
      spawnSync('mkfifo', [path.join(repo, '.clausewise.yaml')]);
      const e = configError(() => load('.'));
      assert.match(e.message, /not a regular file/);
    });

    it('a FIFO named by extends is an error on the extends line', function () {
      if (!canFifo) this.skip();
      spawnSync('mkfifo', [path.join(repo, 'pipe.yaml')]);
      write('.clausewise.yaml', 'profiles: [it-outsourcing]\nextends: pipe.yaml\n');
      const e = configError(() => load('.'));
      assert.equal(e.file, path.join(repo, '.clausewise.yaml'));
      assert.equal(e.issues[0].line, 2);
      assert.match(e.issues[0].message, /extends: "pipe\.yaml" cannot be read: it is not a regular file/);
    });

    it('a device (/dev/zero) is refused before reading; a file over the limit too', function () {
      if (fs.existsSync('/dev/zero')) {
        const r = readRegularFile('/dev/zero', MAX_CONFIG_BYTES);
        assert.ok(!r.ok && r.kind === 'special');
      }
      write('.clausewise.yaml', `# ${'x'.repeat(MAX_CONFIG_BYTES)}\n`);
      const e = configError(() => load('.'));
      assert.match(e.message, /larger than 1 MB/);
    });

    it('a file that says it is empty but is not (/proc) is still read no further than the limit', function () {
      if (!fs.existsSync('/proc/self/status')) this.skip();
      const r = readRegularFile('/proc/self/status', 16);
      assert.ok(!r.ok && r.kind === 'too-large');
    });
  });

  describe('hostile YAML and JSON', () => {
    it('an alias bomb is a clear error naming the file', () => {
      const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
        'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]', 'severity: { x: *d }'].join('\n');
      const e = configError(() => parseConfig(bomb, '/repo/.clausewise.yaml'));
      assert.equal(e.file, '/repo/.clausewise.yaml');
      assert.match(e.message, /aliases .* expand too far/);
    });

    it('deep nesting is a clear error naming the file, in YAML flow, YAML block and JSON', () => {
      const flow = `severity: ${'['.repeat(20000)}${']'.repeat(20000)}\n`;
      const block = `severity:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 1)}- `).join('\n')}x\n`;
      for (const text of [flow, block]) {
        const e = configError(() => parseConfig(text, '/repo/.clausewise.yaml'));
        assert.match(e.message, /^\/repo\/\.clausewise\.yaml.*(nested too deeply|must be)/);
        assertClean(e);
      }
      const json = `{"severity":${'['.repeat(20000)}${']'.repeat(20000)}}`;
      assert.match(configError(() => parseConfig(json, '/repo/.clausewise.json')).message, /^\/repo\/\.clausewise\.json/);
    });

    it('messages quote at most one short line of the file', () => {
      const text = `"${SECRET}\n  second line"\n`;
      const e = configError(() => parseConfig(text, '/repo/.clausewise.yaml'));
      assert.match(e.issues[0].message, /must be a mapping of names to values \(found text\)/);
      assertClean(e);
      const json = configError(() => parseConfig(`${SECRET}\n`, '/repo/.clausewise.json'));
      assertClean(json);
      const long = configError(() => parseConfig(`profiles: [it-outsourcing]\nsevERITY: 1\nenable: "${'x'.repeat(500)}"\n`, '/repo/.clausewise.yaml'));
      assert.ok(long.issues.every((i) => i.message.length < 400), long.message);
    });

    it('a key written twice is reported on its line', () => {
      const e = configError(() => parseConfig('severity:\n  sla: off\n  sla: error\n', '/repo/.clausewise.yaml'));
      assert.deepEqual([e.issues[0].line, e.issues[0].column], [3, 3]);
      assert.match(e.issues[0].message, /written twice/);
    });

    it('validation is linear: a 600 KB file with 20,000 problems reads each mapping once to locate them, listing the first 50', () => {
      let text = 'severity:\n';
      for (let i = 0; i < 20000; i++) text += `  rule-number-${i}: sometimes\n`;
      assert.ok(text.length > 533 * 1024);
      const readBefore = pairIndexStats.itemsRead;
      const e = configError(() => parseConfig(text, '/repo/.clausewise.yaml'));
      assert.equal(e.issues.length, 51);
      assert.match(e.issues[50].message, /and \d+ more problems not listed/);
      // Locating each problem once scanned the whole mapping (37 s here): now each mapping's keys
      // are read once, whatever the number of problems (counted, not timed: timing lives in the bench).
      const read = pairIndexStats.itemsRead - readBefore;
      assert.ok(read >= 20000 && read <= 20000 + 10, `map items read to locate the problems: ${read}`);
    });
  });
});
