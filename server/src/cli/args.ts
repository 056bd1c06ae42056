/** Command-line parsing: a small, strict parser with messages that say what to do instead. */

export type Format = 'stylish' | 'json';
export type FailOn = 'error' | 'warning' | 'none';

export interface CliOptions {
  paths: string[];
  format: Format;
  output?: string;
  force: boolean;
  /** Profiles from --profile (repeatable, comma-separated), in the order given, deduplicated. */
  profiles: string[];
  failOn: FailOn;
  quiet: boolean;
  /** true: --color, false: --no-color, undefined: decide from the terminal and NO_COLOR. */
  color?: boolean;
  help: boolean;
  version: boolean;
}

/** A mistake on the command line: reported with the usage hint, exit code 2. */
export class UsageError extends Error {}

const FORMATS: readonly Format[] = ['stylish', 'json'];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'none'];

/** Flags that take a value, with their short aliases. */
const VALUE_FLAGS: Record<string, string> = { '--format': '--format', '-f': '--format', '--output': '--output', '-o': '--output', '--profile': '--profile', '-p': '--profile', '--fail-on': '--fail-on' };
/** Flags without a value. */
const BOOLEAN_FLAGS: Record<string, string> = {
  '--force': '--force', '--quiet': '--quiet', '-q': '--quiet', '--color': '--color', '--no-color': '--no-color',
  '--help': '--help', '-h': '--help', '--version': '--version', '-v': '--version',
};

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`invalid value "${value}" for ${flag}; expected one of: ${allowed.join(', ')}`);
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
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
  const opts: CliOptions = { paths: [], format: 'stylish', force: false, profiles: [], failOn: 'error', quiet: false, help: false, version: false };
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPaths || arg === '-' || !arg.startsWith('-')) {
      if (arg === '-' && !onlyPaths) throw new UsageError('reading from standard input is not supported; pass file, folder or glob paths');
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
      case '--profile': {
        const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
        if (!ids.length) throw new UsageError('option --profile needs a profile id');
        for (const id of ids) if (!opts.profiles.includes(id)) opts.profiles.push(id);
        break;
      }
    }
  }
  return opts;
}
