/**
 * The option tables (cli/options.ts) drive both parsing and help: every option of every table is in
 * --help and in docs/cli.md, and the parser keeps the command line's messages and behaviours.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI_OPTIONS, parseArgs, UsageError } from '../../server/src/cli/args';
import { CONVERT_OPTIONS, EXPORT_OPTIONS } from '../../server/src/cli/convert-commands';
import { RULES_OPTIONS } from '../../server/src/cli/rules-command';
import { helpText } from '../../server/src/cli/help';
import { flagsOf, optionHelp, type OptionTable } from '../../server/src/cli/options';
import { ROOT, runCli } from './helpers';

const TABLES: Array<[string, OptionTable<any>]> = [['clausewise', CLI_OPTIONS], ['convert', CONVERT_OPTIONS], ['export', EXPORT_OPTIONS], ['rules', RULES_OPTIONS]];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The flag as a whole word: "--profile" is not found inside "--profile-only". */
const flagPattern = (flag: string) => new RegExp(`(?<![\\w-])${escape(flag)}(?![\\w-])`);

/** The options table of docs/cli.md, or the "### convert" (export, rules) section. */
function docsSection(docs: string, command: string): string {
  const start = command === 'clausewise' ? docs.indexOf('| option | meaning |') : docs.indexOf(`### ${command}\n`);
  assert.ok(start >= 0, `docs/cli.md has a section for ${command}`);
  const end = command === 'clausewise' ? docs.indexOf('\nExamples:', start) : docs.indexOf('\n### ', start + 1);
  return docs.slice(start, end < 0 ? undefined : end);
}

describe('cli: option tables', () => {
  const help = helpText('0.0.0', ['it-outsourcing']);
  const docs = fs.readFileSync(path.join(ROOT, 'docs', 'cli.md'), 'utf8');

  for (const [command, table] of TABLES) {
    it(`${command}: every option is in --help`, () => {
      for (const flag of flagsOf(table.filter((o) => command === 'clausewise' || o.name !== 'help'))) assert.match(help, flagPattern(flag), `${flag} of ${command} in clausewise --help`);
    });

    it(`${command}: every option is in its section of docs/cli.md`, () => {
      const section = docsSection(docs, command);
      for (const flag of flagsOf(table.filter((o) => command === 'clausewise' || o.name !== 'help'))) assert.match(section, flagPattern(flag), `${flag} of ${command} in docs/cli.md`);
    });

    it(`${command}: names, short aliases and long aliases are unique`, () => {
      const flags = flagsOf(table);
      assert.deepEqual(flags.filter((f, i) => flags.indexOf(f) !== i), []);
    });
  }

  it('each subcommand help lists its own options', async () => {
    for (const [command, table] of TABLES.slice(1)) {
      const r = await runCli([command, '--help']);
      assert.equal(r.code, 0, r.stderr);
      for (const flag of flagsOf(table)) assert.match(r.stdout, flagPattern(flag), `${flag} in clausewise ${command} --help`);
    }
  });

  it('help wraps descriptions beside the flags and shows defaults the description does not mention', () => {
    const text = optionHelp([{ name: 'level', type: 'string', valueName: '<n>', default: 'two', group: 'g', description: 'A level. '.repeat(12).trim(), apply: () => {} }], 'g', { profiles: [] });
    const lines = text.split('\n');
    assert.ok(lines.length > 1 && lines.every((l) => l.length <= 100), text);
    assert.match(lines[0], /^ {6}--level <n> +A level\./);
    assert.match(text, /\(default: two\)$/);
  });
});

describe('cli: parsing through node:util.parseArgs', () => {
  const usage = (argv: string[]) => {
    try {
      parseArgs(argv);
    } catch (e) {
      assert.ok(e instanceof UsageError, String(e));
      return e.message;
    }
    return assert.fail(`no usage error for ${argv.join(' ')}`);
  };

  it('suggests the option meant for a typo, and names unknown short options', () => {
    assert.equal(usage(['--fromat', 'json', 'a.md']), 'unknown option "--fromat"; did you mean --format?');
    assert.equal(usage(['--no-colour']), 'unknown option "--no-colour"; did you mean --no-color?');
    assert.equal(usage(['-x']), 'unknown option "-x"');
  });

  it('says when a value is missing, unexpected or looks like an option', () => {
    assert.equal(usage(['--format']), 'option --format needs a value');
    assert.equal(usage(['a.md', '-o']), 'option --output needs a value');
    assert.equal(usage(['--force=yes']), 'option --force takes no value');
    assert.match(usage(['--output', '--force', 'a.md']), /^option --output needs a value \(found the option --force\); to give a value that starts with "-", write --output=--force$/);
    assert.equal(usage(['--format', 'xml']), 'invalid value "xml" for --format; expected one of: stylish, json, sarif, github, junit, markdown');
  });

  it('takes short, inline and grouped forms, and applies defaults', () => {
    const o = parseArgs(['-qf', 'json', '--fail-on=warning', '-o', 'out.json', 'a.md']);
    assert.equal(o.quiet, true);
    assert.equal(o.format, 'json');
    assert.equal(o.failOn, 'warning');
    assert.equal(o.output, 'out.json');
    assert.deepEqual(o.paths, ['a.md']);
    const d = parseArgs(['a.md']);
    assert.equal(d.format, 'stylish');
    assert.equal(d.failOn, 'error');
    assert.equal(d.concurrency, undefined);
  });

  it('keeps the order of the command line: the last --color or --no-color, --enable or --disable wins', () => {
    assert.equal(parseArgs(['--color', '--no-color', 'a.md']).color, false);
    assert.equal(parseArgs(['--no-color', '--color', 'a.md']).color, true);
    const rules = parseArgs(['--disable', 'placeholder,numbering', '--enable', 'placeholder', 'a.md']);
    assert.deepEqual(rules.enable, ['placeholder']);
    assert.deepEqual(rules.disable, ['numbering']);
    assert.deepEqual(parseArgs(['-p', 'dora-ict', '--profile=gdpr-processor,dora-ict', 'a.md']).profiles, ['dora-ict', 'gdpr-processor']);
  });

  it('reads "-" as standard input, except after "--"', () => {
    assert.equal(parseArgs(['-']).stdin, true);
    const after = parseArgs(['--', '-', '--force']);
    assert.equal(after.stdin, false);
    assert.deepEqual(after.paths, ['-', '--force']);
    assert.equal(after.force, false);
    assert.match(usage(['-', 'a.md']), /cannot be combined/);
  });
});
