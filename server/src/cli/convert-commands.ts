/**
 * `clausewise convert` (Word/HTML/PDF -> Markdown draft) and `clausewise export` (Markdown draft ->
 * Word, optionally with tracked changes against an earlier version and the findings as comments).
 * Their own option tables (cli/options.ts): they share no options with the review besides --profile.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigError, ConfigLoader, DISK_READER } from '../engine';
import { FORMAT_NAMES, importFormatOf } from '../convert/formats';
import { loadConverters } from '../convert/lazy';
import { readConverted } from './converted';
import { runReviewTask } from './review-task';
import { optionHelp, parseOptions, UsageError, type CliOption } from './options';

// node:child_process (for `git show` of a REV:path) is loaded on first use: loading it costs about
// 7 ms, paid by every run of the CLI when it is imported at the top (docs/performance.md).
let childProcessModule: typeof import('node:child_process') | undefined;
const childProcess = (): typeof import('node:child_process') => (childProcessModule ??= require('node:child_process') as typeof import('node:child_process'));

export const CONVERT_USAGE = 'Usage: clausewise convert <file.docx|.html|.pdf> [-o <file.md>]';
export const EXPORT_USAGE = 'Usage: clausewise export <file.md> --docx <out.docx> [--changes-from <base.md|REV:path>] [--changes-from-git <REV>] [--comments]';

interface IO {
  cwd: string;
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

/** What `convert` and `export` read from their arguments. */
export interface ConvertArgs {
  output?: string;
  docx?: string;
  changesFrom?: string;
  changesFromGit?: string;
  profiles?: string[];
  comments: boolean;
  help: boolean;
  paths: string[];
}

function fileName(flag: string, value: string): string {
  if (!value) throw new UsageError(`option ${flag} needs a file name`);
  return value;
}

const HELP = (group: string): CliOption<ConvertArgs> => ({ name: 'help', short: 'h', type: 'boolean', group, description: 'Show this help', apply: (a) => { a.help = true; } });

/** `clausewise convert <file> [-o <file.md>]`. */
export const CONVERT_OPTIONS: ReadonlyArray<CliOption<ConvertArgs>> = [
  { name: 'output', short: 'o', type: 'string', valueName: '<file.md>', group: 'convert', description: 'Write the Markdown draft to <file.md> (default: standard output)', apply: (a, v, flag) => { a.output = fileName(flag, v as string); } },
  HELP('convert'),
];

/** `clausewise export <file.md> --docx <out.docx> ...`. */
export const EXPORT_OPTIONS: ReadonlyArray<CliOption<ConvertArgs>> = [
  { name: 'docx', short: 'o', aliases: ['output'], type: 'string', valueName: '<out.docx>', group: 'export', description: 'The Word file to write', apply: (a, v, flag) => { a.docx = fileName(flag, v as string); } },
  { name: 'changes-from', type: 'string', valueName: '<base>', group: 'export', description: 'Every difference from <base> (a file, or REV:path from git) is a tracked change by "Clausewise"', apply: (a, v) => { a.changesFrom = v as string; } },
  { name: 'changes-from-git', type: 'string', valueName: '<REV>', group: 'export', description: 'The same, against this file\'s version at git revision <REV>', apply: (a, v) => { a.changesFromGit = v as string; } },
  { name: 'comments', type: 'boolean', group: 'export', description: 'Add each open finding as a Word comment on its paragraph', apply: (a) => { a.comments = true; } },
  {
    name: 'profile', short: 'p', type: 'string', multiple: true, valueName: '<id>', group: 'export', description: 'With --comments: review against these profiles (repeatable or comma-separated)',
    apply: (a, v) => { a.profiles = [...(a.profiles ?? []), ...(v as string).split(',').map((x) => x.trim()).filter(Boolean)]; },
  },
  HELP('export'),
];

function parse(args: readonly string[], table: ReadonlyArray<CliOption<ConvertArgs>>): ConvertArgs {
  return parseOptions(args, table, { comments: false, help: false, paths: [] }, (a, v) => { a.paths.push(v); });
}

function helpOf(usage: string, summary: string, table: ReadonlyArray<CliOption<ConvertArgs>>, group: string): string {
  return `${usage}\n\n${summary}\n\n${optionHelp(table, group, { profiles: [] })}\n`;
}

export async function runConvertCommand(command: 'convert' | 'export', args: readonly string[], io: IO): Promise<number> {
  const error = (msg: string) => { io.stderr.write(`clausewise ${command}: error: ${msg}\n`); return 2; };
  try {
    return command === 'convert' ? await convert(args, io, error) : await exportWord(args, io, error);
  } catch (e) {
    if (e instanceof UsageError) return error(`${e.message}\n${command === 'convert' ? CONVERT_USAGE : EXPORT_USAGE}`);
    throw e;
  }
}

async function convert(args: readonly string[], io: IO, error: (m: string) => number): Promise<number> {
  const { output, help, paths } = parse(args, CONVERT_OPTIONS);
  if (help) {
    io.stdout.write(helpOf(CONVERT_USAGE, 'Writes the document as a Markdown draft (to standard output without -o): headings, clause\nnumbers (Word\'s automatic numbering as text), bold defined terms and tables.', CONVERT_OPTIONS, 'convert'));
    return 0;
  }
  if (paths.length !== 1) throw new UsageError('give exactly one document to convert');
  const file = paths[0];
  const format = importFormatOf(file);
  if (!format) return error(`${file}: not a Word (.docx), HTML or PDF file; Markdown and text files need no conversion`);
  const abs = path.resolve(io.cwd, file);
  if (!fs.existsSync(abs)) return error(`${file}: no such file`);
  const converted = await readConverted(abs, format);
  if ('reason' in converted) return error(`${file}: not converted: ${converted.reason}`);
  for (const w of converted.warnings) io.stderr.write(`clausewise convert: warning: ${file}: ${w}\n`);
  const out = output;
  if (!out) { io.stdout.write(converted.text); return 0; }
  const target = path.resolve(io.cwd, out);
  if (target === abs) return error('the output would overwrite the document itself; choose a .md file');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, converted.text);
  io.stderr.write(`clausewise convert: wrote ${out} (from ${FORMAT_NAMES[format]})\n`);
  return 0;
}

/** The base version: a file, or `REV:path` read from git (when no such file exists). */
function readBase(spec: string, cwd: string): string {
  const abs = path.resolve(cwd, spec);
  if (fs.existsSync(abs)) return fs.readFileSync(abs, 'utf8').replace(/^\uFEFF/, '');
  if (!spec.includes(':')) throw new Error(`${spec}: no such file (for a git version, write REV:path, such as HEAD~1:contract.md)`);
  return gitShow(spec, cwd);
}

function gitShow(spec: string, cwd: string): string {
  try {
    return childProcess().execFileSync('git', ['show', spec], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    const stderr = String((e as { stderr?: unknown }).stderr ?? '').trim().split('\n')[0];
    throw new Error(`git show ${spec} failed${stderr ? `: ${stderr}` : ''}`);
  }
}

async function exportWord(args: readonly string[], io: IO, error: (m: string) => number): Promise<number> {
  const opts = parse(args, EXPORT_OPTIONS);
  const { paths } = opts;
  if (opts.help) {
    io.stdout.write(helpOf(EXPORT_USAGE, 'Writes the Markdown draft as a Word document: headings, lists, tables and clause numbers.', EXPORT_OPTIONS, 'export'));
    return 0;
  }
  if (paths.length !== 1) throw new UsageError('give exactly one Markdown draft to export');
  const out = opts.docx;
  if (!out) throw new UsageError('say where to write the Word file with --docx <out.docx>');
  if (!/\.docx$/i.test(out)) return error(`${out}: the output must be a .docx file`);
  if (opts.changesFrom && opts.changesFromGit) throw new UsageError('use --changes-from or --changes-from-git, not both');
  const file = paths[0];
  const abs = path.resolve(io.cwd, file);
  if (importFormatOf(file)) return error(`${file}: export takes a Markdown draft; convert the document first (clausewise convert ${file} -o draft.md)`);
  let markdown: string;
  try {
    markdown = fs.readFileSync(abs, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    return error(`${file}: cannot read file: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }

  let base: string | undefined;
  try {
    if (opts.changesFrom) base = readBase(opts.changesFrom, io.cwd);
    else if (opts.changesFromGit) base = gitShow(`${opts.changesFromGit}:./${path.basename(abs)}`, path.dirname(abs));
  } catch (e) {
    return error((e as Error).message);
  }

  let comments: Array<{ line: number; text: string }> | undefined;
  if (opts.comments) {
    let config;
    try {
      config = new ConfigLoader(DISK_READER).forFile(abs);
    } catch (e) {
      if (e instanceof ConfigError) return error(`${e.message} (in ${e.file})`);
      throw e;
    }
    const profiles = opts.profiles;
    const outcome = runReviewTask({
      index: 0, text: markdown, path: file, cwd: io.cwd, force: true,
      settings: { ...config.settings, ...(profiles?.length ? { profiles } : {}) },
    });
    comments = outcome.result.diagnostics.map((d) => ({ line: d.range.start.line, text: `${d.severity}: ${d.message} (${d.ruleId})` }));
  }

  const { exportDocx } = loadConverters();
  const bytes = await exportDocx(markdown, { ...(base !== undefined ? { base } : {}), ...(comments ? { comments } : {}) });
  const target = path.resolve(io.cwd, out);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, bytes);
  } catch (e) {
    return error(`${out}: cannot write the Word file: ${(e as Error).message}`);
  }
  const what = [base !== undefined ? 'tracked changes' : '', comments ? `${comments.length} comment${comments.length === 1 ? '' : 's'}` : ''].filter(Boolean).join(' and ');
  io.stderr.write(`clausewise export: wrote ${out}${what ? ` with ${what}` : ''}\n`);
  return 0;
}
