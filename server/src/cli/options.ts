/**
 * Command-line options as tables: one row per option (name, short alias, type, repeatable, default,
 * value name, description, help group, and what it does to the parsed result). A table drives both
 * the parsing, through node:util.parseArgs (strict), and the option lines of `--help`, so the two
 * cannot drift apart. The main command's table is in args.ts; each subcommand has its own.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { editDistance } from '../model/text';

/** A mistake on the command line: reported with the usage hint, exit code 2. */
export class UsageError extends Error {}

/** What help texts may need to say that only the running program knows (the profile ids). */
export interface HelpContext {
  profiles: readonly string[];
}

export interface CliOption<T> {
  /** The long name, without the leading dashes: `format` for --format. */
  name: string;
  /** One-letter alias: `f` for -f. */
  short?: string;
  /** Other long names for the same option (`output` for export's --docx). */
  aliases?: readonly string[];
  type: 'string' | 'boolean';
  /** May be given more than once; every use counts, in order. */
  multiple?: boolean;
  /** Applied before the arguments are read, and shown in help unless the description speaks of it. */
  default?: string;
  /** How help shows the value: `<name>` in `--format <name>`. */
  valueName?: string;
  description: string | ((ctx: HelpContext) => string);
  /** Help section: options of one group are listed together, in table order. */
  group: string;
  /** Records one use of the option (`true` for a boolean); throws UsageError for a bad value. */
  apply(into: T, value: string | true, flag: string): void;
}

export type OptionTable<T> = ReadonlyArray<CliOption<T>>;

/** The long option closest to a mistyped one, if it is close enough to be a typo. */
export function suggestOption<T>(name: string, table: OptionTable<T>): string | undefined {
  if (!name.startsWith('--')) return undefined;
  let best: string | undefined;
  let bestDistance = 3;
  for (const o of table) {
    for (const long of [o.name, ...(o.aliases ?? [])]) {
      const d = editDistance(name, `--${long}`);
      if (d < bestDistance) { best = `--${long}`; bestDistance = d; }
    }
  }
  return best;
}

/** The table's options as node:util.parseArgs declares them (aliases as options of their own). */
function parseArgsOptions<T>(table: OptionTable<T>): NonNullable<ParseArgsConfig['options']> {
  const out: NonNullable<ParseArgsConfig['options']> = {};
  for (const o of table) {
    out[o.name] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) };
    for (const a of o.aliases ?? []) out[a] = { type: o.type, ...(o.multiple ? { multiple: true } : {}) };
  }
  return out;
}

function optionNamed<T>(table: OptionTable<T>, name: string): CliOption<T> | undefined {
  return table.find((o) => o.name === name || o.aliases?.includes(name));
}

interface Token { kind: 'option' | 'positional' | 'option-terminator'; name?: string; rawName?: string; value?: string; inlineValue?: boolean }

/**
 * Why node:util.parseArgs refused the arguments, in our words: the first offending argument, found
 * by reading the tokens of a lenient parse in order (parseArgs's own messages name no fix).
 */
function usageProblem<T>(args: readonly string[], table: OptionTable<T>): string | undefined {
  const { tokens } = parseArgs({ args: [...args], options: parseArgsOptions(table), strict: false, allowPositionals: true, tokens: true });
  for (const t of tokens as Token[]) {
    if (t.kind !== 'option') continue;
    const option = optionNamed(table, t.name!);
    const flag = t.rawName!.startsWith('--') ? t.rawName! : `--${option?.name ?? t.name}`;
    if (!option) {
      const close = suggestOption(t.rawName!, table);
      return `unknown option "${t.rawName}"${close ? `; did you mean ${close}?` : ''}`;
    }
    if (option.type === 'boolean' && t.value !== undefined) return `option ${flag} takes no value`;
    if (option.type === 'string' && t.value === undefined) return `option ${flag} needs a value`;
    // parseArgs (strict) refuses a value that looks like an option: a forgotten value, most likely.
    if (option.type === 'string' && !t.inlineValue && t.value!.length > 1 && t.value!.startsWith('-')) {
      return `option ${flag} needs a value (found the option ${t.value}); to give a value that starts with "-", write ${flag}=${t.value}`;
    }
  }
  return undefined;
}

/**
 * Parses `args` against `table` into `into` (defaults first, then each option in the order given,
 * so "the last one wins" holds across options). Positionals go to `positional`, with whether they
 * came after `--` (where "-" is a file name, not standard input).
 */
export function parseOptions<T>(args: readonly string[], table: OptionTable<T>, into: T, positional: (into: T, value: string, afterTerminator: boolean) => void): T {
  let tokens: Token[];
  try {
    ({ tokens } = parseArgs({ args: [...args], options: parseArgsOptions(table), strict: true, allowPositionals: true, tokens: true }) as { tokens: Token[] });
  } catch (e) {
    if (!(e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) throw e;
    throw new UsageError(usageProblem(args, table) ?? (e as Error).message);
  }
  for (const o of table) if (o.default !== undefined) o.apply(into, o.default, `--${o.name}`);
  let terminated = false;
  for (const t of tokens) {
    if (t.kind === 'option-terminator') terminated = true;
    else if (t.kind === 'positional') positional(into, t.value!, terminated);
    else {
      const option = optionNamed(table, t.name!)!;
      option.apply(into, option.type === 'boolean' ? true : t.value!, `--${option.name}`);
    }
  }
  return into;
}

const HELP_WIDTH = 100;
const FLAG_COLUMN = 33;

/** `  -f, --format <name>` or `      --force`. */
function flagText<T>(o: CliOption<T>): string {
  const long = [o.name, ...(o.aliases ?? [])].map((n) => `--${n}`).join(', ');
  return `  ${o.short ? `-${o.short}, ` : '    '}${long}${o.type === 'string' ? ` ${o.valueName ?? '<value>'}` : ''}`;
}

/** Words wrapped to lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) { lines.push(line); line = word; }
    else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The help lines of one group of a table: flags in a column, descriptions wrapped beside them. */
export function optionHelp<T>(table: OptionTable<T>, group: string, ctx: HelpContext, indent = ''): string {
  const out: string[] = [];
  for (const o of table.filter((x) => x.group === group)) {
    let description = typeof o.description === 'function' ? o.description(ctx) : o.description;
    if (o.default !== undefined && !/\bdefault\b/.test(description)) description += ` (default: ${o.default})`;
    const flags = `${indent}${flagText(o)}`;
    const lines = wrap(description, HELP_WIDTH - FLAG_COLUMN);
    const first = flags.length < FLAG_COLUMN - 1 ? flags.padEnd(FLAG_COLUMN) : `${flags}\n${' '.repeat(FLAG_COLUMN)}`;
    out.push(`${first}${lines[0] ?? ''}`, ...lines.slice(1).map((l) => `${' '.repeat(FLAG_COLUMN)}${l}`));
  }
  return out.join('\n');
}

/** Every flag a table accepts (`--format`, `-f`, aliases), for tests and documentation checks. */
export function flagsOf<T>(table: OptionTable<T>): string[] {
  return table.flatMap((o) => [`--${o.name}`, ...(o.aliases ?? []).map((a) => `--${a}`), ...(o.short ? [`-${o.short}`] : [])]);
}
