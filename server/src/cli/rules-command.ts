/**
 * `clausewise rules [--format text|json]`: the rule catalogue. Text (the default) is a table to read;
 * JSON is for tools: every rule with its id, category, default severity, whether it runs by default,
 * title, description and documentation link.
 */
import { docsUrl, RULES } from '../engine';
import { closeIds } from '../engine';

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

/** Runs the subcommand; returns the exit code (2 on a usage error). */
export function runRulesCommand(argv: readonly string[], io: Io): number {
  let format = 'text';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^(?:--format|-f)(?:=(.*))?$/.exec(a);
    if (m) {
      const value = m[1] ?? argv[++i];
      if (value === undefined || !FORMATS.includes(value)) {
        const close = value ? closeIds(value, FORMATS, 1) : [];
        io.stderr.write(`clausewise: error: invalid value "${value ?? ''}" for --format of "clausewise rules"; expected text or json${close.length ? ` (did you mean ${close[0]}?)` : ''}\n`);
        return 2;
      }
      format = value;
      continue;
    }
    if (a === '--help' || a === '-h') {
      io.stdout.write('Usage: clausewise rules [--format text|json]\n\nLists every rule: id, category, default severity, whether it runs by default, and what it checks.\n');
      return 0;
    }
    io.stderr.write(`clausewise: error: unexpected argument "${a}" for "clausewise rules"; usage: clausewise rules [--format text|json]\n`);
    return 2;
  }
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
