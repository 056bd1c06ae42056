/**
 * The main command's options: one table (cli/options.ts) that node:util.parseArgs parses with and
 * that `--help` lists (help.ts), with messages that say what to do instead.
 */
import { parseOptions, UsageError, type CliOption } from './options';

export { UsageError };

export type Format = 'stylish' | 'json' | 'sarif' | 'github' | 'junit' | 'markdown';
export type FailOn = 'error' | 'warning' | 'none';

export interface CliOptions {
  paths: string[];
  format: Format;
  output?: string;
  force: boolean;
  /** Profiles from --profile or --profile-only (repeatable, comma-separated), in the order given, deduplicated. */
  profiles: string[];
  /** --profile-only: the profiles replace the configured (or default) ones instead of adding to them. */
  profileOnly: boolean;
  /** --no-gitignore: also review files that .gitignore files ignore. */
  gitignore: boolean;
  /** --allow-empty: a run that reviews no file exits 0 instead of 2. */
  allowEmpty: boolean;
  failOn: FailOn;
  quiet: boolean;
  /** true: --color, false: --no-color, undefined: decide from the terminal and NO_COLOR. */
  color?: boolean;
  help: boolean;
  version: boolean;
  /** --max-warnings N: exit 1 when there are more than N warnings. */
  maxWarnings?: number;
  /** --print-config FILE: print the configuration in effect for FILE and exit. */
  printConfig?: string;
  /** --baseline FILE: report and fail only on findings not recorded in FILE. */
  baseline?: string;
  /** --write-baseline FILE: record the current findings in FILE. */
  writeBaseline?: string;
  /** Read the document from standard input (`-` as the path, or --stdin-filename). */
  stdin: boolean;
  /** --stdin-filename NAME: the path the standard input stands for (config lookup, reports). */
  stdinFilename?: string;
  /** --shard I/N: review only the I-th of N deterministic parts of the files (1-based). */
  shard?: { index: number; count: number };
  /** --concurrency N|auto: worker threads for large runs (1 = none). undefined = auto. */
  concurrency?: number;
  /** --enable RULE / --disable RULE (repeatable, comma-separated): rule ids in the order given; the last word on a rule wins. Checked against the rule list by the caller. */
  enable: string[];
  disable: string[];
}

const FORMATS: readonly Format[] = ['stylish', 'json', 'sarif', 'github', 'junit', 'markdown'];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'none'];

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`invalid value "${value}" for ${flag}; expected one of: ${allowed.join(', ')}`);
}

function fileName(flag: string, value: string): string {
  if (!value) throw new UsageError(`option ${flag} needs a file name`);
  return value;
}

/** Ids from a repeatable, comma-separated option, in order. */
function idList(flag: string, value: string, what: string): string[] {
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (!ids.length) throw new UsageError(`option ${flag} needs ${what}`);
  return ids;
}

function addProfiles(opts: CliOptions, flag: string, value: string): void {
  for (const id of idList(flag, value, 'a profile id')) if (!opts.profiles.includes(id)) opts.profiles.push(id);
}

function switchRules(opts: CliOptions, flag: '--enable' | '--disable', value: string): void {
  const ids = idList(flag, value, `a rule id, such as ${flag} signature-block (clausewise rules lists them)`);
  const [mine, other] = flag === '--enable' ? [opts.enable, opts.disable] : [opts.disable, opts.enable];
  for (const id of ids) {
    // The last word on a rule wins: "--disable x --enable x" enables it.
    if (other.includes(id)) other.splice(other.indexOf(id), 1);
    if (!mine.includes(id)) mine.push(id);
  }
}

const OPTIONS = 'Options';

/** Every option of `clausewise [options] <paths>`, in the order --help lists them. */
export const CLI_OPTIONS: ReadonlyArray<CliOption<CliOptions>> = [
  {
    name: 'format', short: 'f', type: 'string', default: 'stylish', valueName: '<name>', group: OPTIONS,
    description: `Output format: ${FORMATS.join(', ')}`,
    apply: (o, v, flag) => { o.format = oneOf(flag, v as string, FORMATS); },
  },
  {
    name: 'output', short: 'o', type: 'string', valueName: '<file>', group: OPTIONS,
    description: 'Write the report to <file> instead of standard output',
    apply: (o, v, flag) => { o.output = fileName(flag, v as string); },
  },
  {
    name: 'profile', short: 'p', type: 'string', multiple: true, valueName: '<id>', group: OPTIONS,
    description: ({ profiles }) => 'Also review against these profiles, in addition to those of the config file or the default it-outsourcing '
      + `(repeatable or comma-separated; front matter in a document still wins). Known: ${profiles.join(', ')}`,
    apply: (o, v, flag) => addProfiles(o, flag, v as string),
  },
  {
    name: 'profile-only', type: 'string', multiple: true, valueName: '<id>', group: OPTIONS,
    description: 'Review against these profiles only, replacing the configured ones',
    apply: (o, v, flag) => { o.profileOnly = true; addProfiles(o, flag, v as string); },
  },
  {
    name: 'enable', type: 'string', multiple: true, valueName: '<rule>', group: OPTIONS,
    description: 'Run this rule at its default severity, even if it is off by default or in the config file (repeatable or comma-separated)',
    apply: (o, v) => switchRules(o, '--enable', v as string),
  },
  {
    name: 'disable', type: 'string', multiple: true, valueName: '<rule>', group: OPTIONS,
    description: 'Do not run this rule (repeatable or comma-separated); the last --enable or --disable of a rule wins. List: clausewise rules',
    apply: (o, v) => switchRules(o, '--disable', v as string),
  },
  {
    name: 'force', type: 'boolean', group: OPTIONS,
    description: 'Review every file as a contract, even if it does not read as one',
    apply: (o) => { o.force = true; },
  },
  {
    name: 'no-gitignore', type: 'boolean', group: OPTIONS,
    description: 'Also review files that .gitignore files ignore',
    apply: (o) => { o.gitignore = false; },
  },
  {
    name: 'allow-empty', type: 'boolean', group: OPTIONS,
    description: 'Exit 0 when no file was reviewed (default: exit 2, with the reason)',
    apply: (o) => { o.allowEmpty = true; },
  },
  {
    name: 'fail-on', type: 'string', default: 'error', valueName: '<level>', group: OPTIONS,
    description: `Exit 1 when a finding is at or above <level>: ${FAIL_ON.join(', ')}`,
    apply: (o, v, flag) => { o.failOn = oneOf(flag, v as string, FAIL_ON); },
  },
  {
    name: 'max-warnings', type: 'string', valueName: '<n>', group: OPTIONS,
    description: 'Also exit 1 when there are more than <n> warnings',
    apply: (o, v) => {
      if (!/^\d+$/.test(v as string)) throw new UsageError(`invalid value "${v}" for --max-warnings; expected a whole number of warnings, such as 0 or 10`);
      o.maxWarnings = Number(v);
    },
  },
  {
    name: 'quiet', short: 'q', type: 'boolean', group: OPTIONS,
    description: 'Report errors only (the exit code still follows --fail-on)',
    apply: (o) => { o.quiet = true; },
  },
  {
    name: 'baseline', type: 'string', valueName: '<file>', group: OPTIONS,
    description: 'Report and fail only on findings not recorded in <file>',
    apply: (o, v, flag) => { o.baseline = fileName(flag, v as string); },
  },
  {
    name: 'write-baseline', type: 'string', valueName: '<file>', group: OPTIONS,
    description: 'Record the current findings in <file> (they then count as known)',
    apply: (o, v, flag) => { o.writeBaseline = fileName(flag, v as string); },
  },
  {
    name: 'stdin-filename', type: 'string', valueName: '<path>', group: OPTIONS,
    description: 'Read the document from standard input; <path> names it (configuration lookup, reports)',
    apply: (o, v, flag) => { o.stdinFilename = fileName(flag, v as string); o.stdin = true; },
  },
  {
    name: 'shard', type: 'string', valueName: '<i>/<n>', group: OPTIONS,
    description: 'Review only part <i> of <n> (split by a hash of the path), for CI matrix jobs',
    apply: (o, v) => {
      const m = /^(\d+)\/(\d+)$/.exec(v as string);
      const index = m ? Number(m[1]) : NaN;
      const count = m ? Number(m[2]) : NaN;
      if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`invalid value "${v}" for --shard; expected I/N with 1 <= I <= N, such as 1/4`);
      o.shard = { index, count };
    },
  },
  {
    name: 'concurrency', type: 'string', default: 'auto', valueName: '<n|auto>', group: OPTIONS,
    description: 'Threads that review runs of more than 8 files, the main thread included (default: auto, one per core; 1 reviews in the main thread only)',
    apply: (o, v) => {
      if (v === 'auto') { o.concurrency = undefined; return; }
      if (!/^\d+$/.test(v as string) || Number(v) < 1) throw new UsageError(`invalid value "${v}" for --concurrency; expected auto or a number of threads of at least 1 (1 reviews in the main thread only)`);
      o.concurrency = Number(v);
    },
  },
  {
    name: 'print-config', type: 'string', valueName: '<file>', group: OPTIONS,
    description: 'Print the configuration in effect for <file> as JSON, and exit',
    apply: (o, v, flag) => { o.printConfig = fileName(flag, v as string); },
  },
  {
    name: 'color', type: 'boolean', group: OPTIONS,
    description: 'Force colours on (default: on for a terminal, off if NO_COLOR is set)',
    apply: (o) => { o.color = true; },
  },
  {
    name: 'no-color', type: 'boolean', group: OPTIONS,
    description: 'Force colours off',
    apply: (o) => { o.color = false; },
  },
  {
    name: 'help', short: 'h', type: 'boolean', group: OPTIONS,
    description: 'Show this help',
    apply: (o) => { o.help = true; },
  },
  {
    name: 'version', short: 'v', type: 'boolean', group: OPTIONS,
    description: 'Show the version',
    apply: (o) => { o.version = true; },
  },
];

export function parseArgs(argv: readonly string[]): CliOptions {
  const opts: CliOptions = { paths: [], format: 'stylish', force: false, profiles: [], profileOnly: false, gitignore: true, allowEmpty: false, failOn: 'error', quiet: false, help: false, version: false, stdin: false, enable: [], disable: [] };
  parseOptions(argv, CLI_OPTIONS, opts, (o, value, afterTerminator) => {
    // "-" is standard input, unless it comes after "--" (then it is a file named "-").
    if (value === '-' && !afterTerminator) o.stdin = true;
    else o.paths.push(value);
  });
  if (opts.stdin && opts.paths.length) throw new UsageError('standard input ("-" or --stdin-filename) cannot be combined with file, folder or glob paths');
  return opts;
}
