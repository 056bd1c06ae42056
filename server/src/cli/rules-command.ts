/**
 * `clausewise rules [--format text|json]`: the rule catalogue. Text (the default) is a table to read;
 * JSON is for tools: every rule with its id, category, default severity, whether it runs by default,
 * title, description and documentation link.
 */
import { docsUrl, RULES } from '../engine';
import { closeIds } from '../engine';
import { optionHelp, parseOptions, UsageError, type CliOption } from './options';

interface Io { stdout: { write(s: string): unknown }; stderr: { write(s: string): unknown } }

export interface RuleEntry {
  id: string;
  category: string;
  defaultSeverity: string;
  enabledByDefault: boolean;
  title: string;
  description: string;
  docs: string;
}

export function ruleCatalogue(): RuleEntry[] {
  return RULES.map(({ meta }) => ({
    id: meta.id,
    category: meta.category,
    defaultSeverity: meta.defaultSeverity,
    enabledByDefault: meta.enabledByDefault !== false,
    title: meta.title,
    description: meta.description,
    docs: docsUrl(meta.id),
  })).sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id));
}

const FORMATS = ['text', 'json'];
export const RULES_USAGE = 'Usage: clausewise rules [--format text|json]';

interface RulesArgs { format: string; help: boolean; extra: string[] }

/** The options of `clausewise rules`: they parse its arguments and make its help. */
export const RULES_OPTIONS: ReadonlyArray<CliOption<RulesArgs>> = [
  {
    name: 'format', short: 'f', type: 'string', default: 'text', valueName: 'text|json', group: 'rules',
    description: 'text: a table to read; json: for tools, with each rule\'s description and docs link',
    apply: (a, v) => {
      if (!FORMATS.includes(v as string)) {
        const close = v ? closeIds(v as string, FORMATS, 1) : [];
        throw new UsageError(`invalid value "${v}" for --format of "clausewise rules"; expected text or json${close.length ? ` (did you mean ${close[0]}?)` : ''}`);
      }
      a.format = v as string;
    },
  },
  { name: 'help', short: 'h', type: 'boolean', group: 'rules', description: 'Show this help', apply: (a) => { a.help = true; } },
];

/** Runs the subcommand; returns the exit code (2 on a usage error). */
export function runRulesCommand(argv: readonly string[], io: Io): number {
  let args: RulesArgs;
  try {
    args = parseOptions(argv, RULES_OPTIONS, { format: 'text', help: false, extra: [] }, (a, v) => { a.extra.push(v); });
    if (args.extra.length && !args.help) throw new UsageError(`unexpected argument "${args.extra[0]}" for "clausewise rules"; usage: clausewise rules [--format text|json]`);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    const message = /for "clausewise rules"/.test(e.message) ? e.message : `${e.message} (clausewise rules); usage: clausewise rules [--format text|json]`;
    io.stderr.write(`clausewise: error: ${message}\n`);
    return 2;
  }
  if (args.help) {
    io.stdout.write(`${RULES_USAGE}\n\nLists every rule: id, category, default severity, whether it runs by default, and what it checks.\n\n${optionHelp(RULES_OPTIONS, 'rules', { profiles: [] })}\n`);
    return 0;
  }
  const format = args.format;
  const rules = ruleCatalogue();
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify({ rules }, null, 2)}\n`);
    return 0;
  }
  const idWidth = Math.max(...rules.map((r) => r.id.length));
  const catWidth = Math.max(...rules.map((r) => r.category.length));
  const lines = rules.map((r) => `${r.id.padEnd(idWidth)}  ${r.category.padEnd(catWidth)}  ${r.defaultSeverity.padEnd(11)}  ${r.enabledByDefault ? '' : '(off by default) '}${r.title}`);
  io.stdout.write(`${'rule'.padEnd(idWidth)}  ${'category'.padEnd(catWidth)}  ${'severity'.padEnd(11)}  title\n${lines.join('\n')}\n\n${rules.length} rules. Details: clausewise rules --format json, or ${docsUrl('').replace(/\/[^/]*$/, '/README.md')}\n`);
  return 0;
}
