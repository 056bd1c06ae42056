/**
 * The command line, minus the process: parse arguments, find files, read them, hand each to the
 * engine, format the report. All analysis is the engine's; this file only moves data around.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROFILES, review, VERSION, type ReviewDiagnostic, type Severity } from '../engine';
import { parseArgs, UsageError, type CliOptions, type FailOn } from './args';
import { discoverFiles } from './files';
import { formatJson } from './format-json';
import { formatStylish } from './format-stylish';
import { helpText, USAGE_LINE } from './help';
import { buildReport, countSeverities, emptyCounts, orderedCoverage, type FileReport, type SkippedFile } from './report';

export const TOOL_NAME = 'clausewise';
/** Files larger than this are skipped, not reviewed. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

export interface CliIO {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown };
}

const RANK: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };
const FAIL_RANK: Record<FailOn, number> = { error: 3, warning: 2, none: Infinity };

function formatSize(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Runs the CLI and returns the exit code. */
export function run(argv: readonly string[], io: CliIO): number {
  const error = (msg: string) => io.stderr.write(`${TOOL_NAME}: error: ${msg}\n`);
  const warn = (msg: string) => io.stderr.write(`${TOOL_NAME}: warning: ${msg}\n`);
  const knownProfiles = Object.keys(PROFILES);

  let opts: CliOptions;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    error(`${e.message}\n${USAGE_LINE}\nRun "clausewise --help" for the options.`);
    return EXIT_ERROR;
  }
  if (opts.help) {
    io.stdout.write(helpText(VERSION, knownProfiles));
    return EXIT_OK;
  }
  if (opts.version) {
    io.stdout.write(`${TOOL_NAME} ${VERSION}\n`);
    return EXIT_OK;
  }
  if (!opts.paths.length) {
    error(`no files given; pass one or more files, folders or glob patterns\n${USAGE_LINE}\nRun "clausewise --help" for the options.`);
    return EXIT_ERROR;
  }
  const unknown = opts.profiles.filter((p) => !PROFILES[p]);
  if (unknown.length) {
    error(`unknown profile${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')} (--profile); known profiles: ${knownProfiles.join(', ')}`);
    return EXIT_ERROR;
  }

  let fatal = false;
  const discovery = discoverFiles(opts.paths, io.cwd);
  for (const e of discovery.errors) error(e);
  for (const w of discovery.warnings) warn(w);
  if (discovery.errors.length) fatal = true;
  if (!discovery.files.length) {
    if (!fatal) error('no files to review');
    return EXIT_ERROR;
  }

  const files: FileReport[] = [];
  const skipped: SkippedFile[] = [];
  const hidden = emptyCounts();
  let worst = -1;
  for (const file of discovery.files) {
    let bytes: Buffer;
    try {
      const size = fs.statSync(file.abs).size;
      if (size > MAX_FILE_BYTES) {
        const reason = `file is larger than 2 MB (${formatSize(size)})`;
        warn(`${file.path}: skipped: ${reason}`);
        skipped.push({ path: file.path, reason });
        continue;
      }
      bytes = fs.readFileSync(file.abs);
    } catch (e) {
      error(`${file.path}: cannot read file: ${(e as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (e as Error).message}`);
      fatal = true;
      continue;
    }
    if (bytes.includes(0)) {
      const reason = 'binary file (contains NUL bytes)';
      warn(`${file.path}: skipped: ${reason}`);
      skipped.push({ path: file.path, reason });
      continue;
    }
    // Editors drop a UTF-8 byte-order mark; so do we, so positions match the language server's.
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '');

    let result;
    try {
      result = review({ text, path: file.path, settings: opts.profiles.length ? { profiles: opts.profiles } : {}, force: opts.force });
    } catch (e) {
      error(`${file.path}: internal error while reviewing: ${(e as Error).stack ?? e}`);
      fatal = true;
      continue;
    }
    for (const p of result.problems) error(`${file.path}: ${p}`);
    if (result.problems.length) fatal = true;

    for (const d of result.diagnostics) worst = Math.max(worst, RANK[d.severity]);
    let diagnostics: ReviewDiagnostic[] = result.diagnostics;
    if (opts.quiet) {
      countSeverities(diagnostics.filter((d) => d.severity !== 'error'), hidden);
      diagnostics = diagnostics.filter((d) => d.severity === 'error');
    }
    files.push({
      path: file.path,
      isContract: result.isContract,
      profiles: result.profiles,
      coverage: result.isContract ? orderedCoverage(result.coverage) : {},
      diagnostics: result.isContract ? diagnostics : [],
      reason: result.reason,
    });
  }

  const report = buildReport(TOOL_NAME, VERSION, files, skipped, hidden);
  const toFile = opts.output !== undefined;
  const color = opts.format === 'stylish' && (opts.color ?? (!toFile && !!io.stdout.isTTY && !io.env.NO_COLOR));
  const text = opts.format === 'json' ? formatJson(report) : formatStylish(report, { color, quiet: opts.quiet });
  if (toFile) {
    try {
      const target = path.resolve(io.cwd, opts.output!);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, text);
    } catch (e) {
      error(`${opts.output}: cannot write the report: ${(e as Error).message}`);
      return EXIT_ERROR;
    }
  } else {
    io.stdout.write(text);
  }

  if (fatal) return EXIT_ERROR;
  return worst >= FAIL_RANK[opts.failOn] ? EXIT_FINDINGS : EXIT_OK;
}
