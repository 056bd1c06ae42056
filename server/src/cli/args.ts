/** Command-line parsing: a small, strict parser with messages that say what to do instead. */

import { editDistance } from '../model/text';

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

/** A mistake on the command line: reported with the usage hint, exit code 2. */
export class UsageError extends Error {}

const FORMATS: readonly Format[] = ['stylish', 'json', 'sarif', 'github', 'junit', 'markdown'];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'none'];

/** Flags that take a value, with their short aliases. */
const VALUE_FLAGS: Record<string, string> = {
  '--format': '--format', '-f': '--format', '--output': '--output', '-o': '--output', '--profile': '--profile', '-p': '--profile', '--profile-only': '--profile-only', '--fail-on': '--fail-on',
  '--max-warnings': '--max-warnings', '--print-config': '--print-config', '--baseline': '--baseline', '--write-baseline': '--write-baseline',
  '--stdin-filename': '--stdin-filename', '--shard': '--shard', '--concurrency': '--concurrency',
  '--enable': '--enable', '--disable': '--disable',
};
/** Flags without a value. */
const BOOLEAN_FLAGS: Record<string, string> = {
  '--force': '--force', '--quiet': '--quiet', '-q': '--quiet', '--color': '--color', '--no-color': '--no-color',
  '--help': '--help', '-h': '--help', '--version': '--version', '-v': '--version',
  '--no-gitignore': '--no-gitignore', '--allow-empty': '--allow-empty',
};

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`invalid value "${value}" for ${flag}; expected one of: ${allowed.join(', ')}`);
}


/** The long option closest to a mistyped one, if it is close enough to be a typo. */
function suggest(name: string): string | undefined {
  if (!name.startsWith('--')) return undefined;
  let best: string | undefined;
  let bestDistance = 3;
  for (const f of Object.keys({ ...VALUE_FLAGS, ...BOOLEAN_FLAGS })) {
    if (!f.startsWith('--')) continue;
    const d = editDistance(name, f);
    if (d < bestDistance) { best = f; bestDistance = d; }
  }
  return best;
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const opts: CliOptions = { paths: [], format: 'stylish', force: false, profiles: [], profileOnly: false, gitignore: true, allowEmpty: false, failOn: 'error', quiet: false, help: false, version: false, stdin: false, enable: [], disable: [] };
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-' && !onlyPaths) {
      opts.stdin = true;
      continue;
    }
    if (onlyPaths || !arg.startsWith('-')) {
      opts.paths.push(arg);
      continue;
    }
    if (arg === '--') { onlyPaths = true; continue; }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const flag = VALUE_FLAGS[name] ?? BOOLEAN_FLAGS[name];
    if (!flag) {
      const close = suggest(name);
      throw new UsageError(`unknown option "${name}"${close ? `; did you mean ${close}?` : ''}`);
    }
    if (BOOLEAN_FLAGS[name]) {
      if (eq > 0) throw new UsageError(`option ${flag} takes no value`);
      switch (flag) {
        case '--force': opts.force = true; break;
        case '--quiet': opts.quiet = true; break;
        case '--color': opts.color = true; break;
        case '--no-color': opts.color = false; break;
        case '--help': opts.help = true; break;
        case '--version': opts.version = true; break;
        case '--no-gitignore': opts.gitignore = false; break;
        case '--allow-empty': opts.allowEmpty = true; break;
      }
      continue;
    }
    let value: string;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      if (i + 1 >= argv.length) throw new UsageError(`option ${flag} needs a value`);
      value = argv[++i];
    }
    switch (flag) {
      case '--format': opts.format = oneOf(flag, value, FORMATS); break;
      case '--fail-on': opts.failOn = oneOf(flag, value, FAIL_ON); break;
      case '--output':
        if (!value) throw new UsageError('option --output needs a file name');
        opts.output = value;
        break;
      case '--profile':
      case '--profile-only': {
        const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
        if (!ids.length) throw new UsageError(`option ${flag} needs a profile id`);
        if (flag === '--profile-only') opts.profileOnly = true;
        for (const id of ids) if (!opts.profiles.includes(id)) opts.profiles.push(id);
        break;
      }
      case '--enable':
      case '--disable': {
        const ids = value.split(',').map((x) => x.trim()).filter(Boolean);
        if (!ids.length) throw new UsageError(`option ${flag} needs a rule id, such as ${flag} signature-block (clausewise rules lists them)`);
        const [mine, other] = flag === '--enable' ? [opts.enable, opts.disable] : [opts.disable, opts.enable];
        for (const id of ids) {
          // The last word on a rule wins: "--disable x --enable x" enables it.
          if (other.includes(id)) other.splice(other.indexOf(id), 1);
          if (!mine.includes(id)) mine.push(id);
        }
        break;
      }
      case '--max-warnings':
        if (!/^\d+$/.test(value)) throw new UsageError(`invalid value "${value}" for --max-warnings; expected a whole number of warnings, such as 0 or 10`);
        opts.maxWarnings = Number(value);
        break;
      case '--print-config':
      case '--baseline':
      case '--write-baseline':
      case '--stdin-filename':
        if (!value) throw new UsageError(`option ${flag} needs a file name`);
        if (flag === '--print-config') opts.printConfig = value;
        else if (flag === '--baseline') opts.baseline = value;
        else if (flag === '--write-baseline') opts.writeBaseline = value;
        else { opts.stdinFilename = value; opts.stdin = true; }
        break;
      case '--shard': {
        const m = /^(\d+)\/(\d+)$/.exec(value);
        const index = m ? Number(m[1]) : NaN;
        const count = m ? Number(m[2]) : NaN;
        if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`invalid value "${value}" for --shard; expected I/N with 1 <= I <= N, such as 1/4`);
        opts.shard = { index, count };
        break;
      }
      case '--concurrency':
        if (value === 'auto') { opts.concurrency = undefined; break; }
        if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`invalid value "${value}" for --concurrency; expected auto or a number of threads of at least 1 (1 reviews in the main thread only)`);
        opts.concurrency = Number(value);
        break;
    }
  }
  if (opts.stdin && opts.paths.length) throw new UsageError('standard input ("-" or --stdin-filename) cannot be combined with file, folder or glob paths');
  return opts;
}
