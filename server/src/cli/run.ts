/**
 * The command line, minus the process: parse arguments, find files, apply their configuration, read
 * them, hand each to the engine (in worker threads for large runs), apply the baseline, format the
 * report. All analysis is the engine's; this file only moves data around.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  baselineEntries, closeIds, configDecision, ConfigError, ConfigLoader, DEFAULT_PROFILES, describeConfig, DISK_READER, formatBaseline, matchBaseline, parseBaseline,
  getRule, isBinary, MAX_DOCUMENT_BYTES, printable, PROFILES, readRegularFile, RULES, VERSION,
  type Baseline, type BaselineEntry, type ConfigDecision, type ReadOutcome, type ResolvedConfig, type ReviewSettings, type ReviewDiagnostic, type Severity, type ReviewResult, type SuppressedFinding,
} from '../engine';
import { parseArgs, UsageError, type CliOptions, type FailOn, type Format } from './args';
import { importFormatOf } from '../convert/formats';
import { runConvertCommand } from './convert-commands';
import { runRulesCommand } from './rules-command';
import { findingOrigin, readConverted, type ConvertedSource } from './converted';
import { comparePaths, discoverFiles, displayPath, type FoundFile } from './files';
import { formatGithub, formatGithubFile } from './format-github';
import { formatJsonBytes, formatJsonFile } from './format-json';
import { formatJunit } from './format-junit';
import { formatMarkdown } from './format-markdown';
import { formatSarif } from './format-sarif';
import { formatStylish, formatStylishEnd, formatStylishFile } from './format-stylish';
import { helpText, USAGE_LINE } from './help';
import { EarlyRun, endPool, poolThreads, reviewShared, SharedFiles, startPool, TaskState, threadCount, type OutcomeListener, type ReviewShare } from './pool';
import { addCounts, buildReport, countSeverities, emptyCounts, reviewedFileReport, type FileReport, type Report, type SeverityCounts, type SkippedFile } from './report';
import { withoutBom, type ReportedResult, type ReviewOutcome, type ReviewTask } from './review-task';
import { inOrder } from './in-order';
import { inShard, shardKey, shardRoot } from './shard';

export const TOOL_NAME = 'clausewise';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

export interface CliIO {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: {
    write(s: string): unknown;
    isTTY?: boolean;
    /** UTF-8 pieces, written in order (./stdio.ts); when absent, the JSON report is decoded and passed to write. */
    writeBytes?(chunks: readonly Uint8Array[]): unknown;
  };
  stderr: { write(s: string): unknown };
  /** Reads all of standard input; called only for `-` or --stdin-filename. */
  readStdin?: () => Buffer | string;
  /** Script that worker threads run (the CLI bundle); null or absent: review in this thread only. */
  workerScript?: string | null;
}

const RANK: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };
const FAIL_RANK: Record<FailOn, number> = { error: 3, warning: 2, none: Infinity };

// JSON is written as bytes made file by file (formatJsonBytes).
const FORMATTERS: Record<Exclude<Format, 'stylish' | 'json'>, (r: Report) => string> = {
  sarif: formatSarif, github: formatGithub, junit: formatJunit, markdown: formatMarkdown,
};


const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
const toSlash = (p: string): string => (path.sep === '\\' ? p.replace(/\\/g, '/') : p);


/** A file to review: found on disk, or standard input. */
interface Input extends FoundFile {
  text?: string;
  /** Set for Word, HTML and PDF files: what the text was converted from. */
  source?: ConvertedSource;
}

/** Runs the CLI and returns the exit code. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  // Each line printable: a file name or quoted text cannot start a line of its own (a CI workflow
  // command such as ::error::) or send terminal escapes. Further lines are passed separately.
  const error = (...lines: string[]) => io.stderr.write(`${TOOL_NAME}: error: ${lines.map(printable).join('\n')}\n`);
  const warn = (msg: string) => io.stderr.write(`${TOOL_NAME}: warning: ${printable(msg)}\n`);
  const knownProfiles = Object.keys(PROFILES);
  const rel = (abs: string): string => toSlash(path.relative(io.cwd, abs)) || '.';
  const configProblem = (e: ConfigError): void => {
    for (const line of e.describe(rel(e.file))) error(`${line}`);
  };

  // Subcommands: `clausewise convert ...`, `clausewise export ...` (a file of that name: ./convert).
  if (argv[0] === 'convert' || argv[0] === 'export') return runConvertCommand(argv[0], argv.slice(1), io);
  if (argv[0] === 'rules') return runRulesCommand(argv.slice(1), io);

  let opts: CliOptions;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    error(e.message, USAGE_LINE, 'Run "clausewise --help" for the options.');
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
  const unknown = opts.profiles.filter((p) => !PROFILES[p]);
  if (unknown.length) {
    const flag = opts.profileOnly ? '--profile-only' : '--profile';
    for (const u of unknown) {
      const close = closeIds(u, knownProfiles, 1);
      error(`unknown profile "${u}" (${flag})${close.length ? `; did you mean "${close[0]}"?` : ''} Known profiles: ${knownProfiles.join(', ')}`);
    }
    return EXIT_ERROR;
  }
  // --enable / --disable name rules: a typo is a usage error with the nearest id.
  const ruleIds = RULES.map((r) => r.meta.id);
  const badRules = [...opts.enable.map((id) => ['--enable', id]), ...opts.disable.map((id) => ['--disable', id])].filter(([, id]) => !ruleIds.includes(id));
  if (badRules.length) {
    for (const [flag, id] of badRules) {
      const close = closeIds(id, ruleIds, 1);
      error(`unknown rule "${id}" (${flag})${close.length ? `; did you mean "${close[0]}"?` : ''} Run "clausewise rules" for the list.`);
    }
    return EXIT_ERROR;
  }
  /** The configured severities with --enable (the rule's default severity, opt-in rules too) and --disable ('off') on top. */
  const severityFor = (configured: ResolvedConfig['settings']['severity']): ResolvedConfig['settings']['severity'] => {
    if (!opts.enable.length && !opts.disable.length) return configured;
    const out = { ...(configured ?? {}) };
    for (const id of opts.enable) out[id] = configured?.[id] && configured[id] !== 'off' ? configured[id] : getRule(id)!.meta.defaultSeverity;
    for (const id of opts.disable) out[id] = 'off';
    return out;
  };
  /**
   * The profiles a file is reviewed against: --profile adds to those of its config file (or the
   * default, it-outsourcing); --profile-only replaces them. Front matter in the document still wins.
   */
  const profilesFor = (configured: readonly string[] | undefined): string[] | undefined => {
    if (!opts.profiles.length) return undefined;
    if (opts.profileOnly) return [...opts.profiles];
    return [...new Set([...(configured?.length ? configured : DEFAULT_PROFILES), ...opts.profiles])];
  };
  /** Says why a run reviewed nothing, and exits 2 unless --allow-empty says that is fine. */
  const nothingReviewed = (reason: string): number => {
    if (opts.allowEmpty) {
      warn(`nothing reviewed: ${reason}`);
      return EXIT_OK;
    }
    error(`nothing reviewed: ${reason} (pass --allow-empty to let a run that reviews no file pass)`);
    return EXIT_ERROR;
  };

  // Outside a git repository, configuration files may extend files up to the working folder.
  const loader = new ConfigLoader(DISK_READER, { roots: [io.cwd] });

  if (opts.printConfig !== undefined) {
    const abs = path.resolve(io.cwd, opts.printConfig);
    try {
      const config = loader.forFile(abs);
      const severity = severityFor(config.settings.severity);
      const shown = severity ? { ...config, settings: { ...config.settings, severity } } : config;
      io.stdout.write(`${JSON.stringify(describeConfig(shown, abs, rel, { profiles: profilesFor(config.settings.profiles), force: opts.force }), null, 2)}\n`);
      return EXIT_OK;
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      configProblem(e);
      return EXIT_ERROR;
    }
  }

  if (!opts.paths.length && !opts.stdin) {
    error('no files given; pass one or more files, folders or glob patterns (or - for standard input)', USAGE_LINE, 'Run "clausewise --help" for the options.');
    return EXIT_ERROR;
  }

  // ---- What to review
  let fatal = false;
  let inputs: Input[];
  if (opts.stdin) {
    const name = opts.stdinFilename;
    let text: string;
    try {
      const raw = io.readStdin ? io.readStdin() : '';
      const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
      if (isBinary(bytes)) {
        error(`${name ?? '<stdin>'}: standard input is a binary file (contains NUL bytes); nothing to review`);
        return EXIT_ERROR;
      }
      text = bytes.toString('utf8');
    } catch (e) {
      error(`cannot read standard input: ${(e as Error).message}`);
      return EXIT_ERROR;
    }
    inputs = [{ path: name ? displayPath(name) : '<stdin>', abs: path.resolve(io.cwd, name ?? '<stdin>'), explicit: true, text }];
  } else {
    const discovery = discoverFiles(opts.paths, io.cwd, { gitignore: opts.gitignore });
    for (const e of discovery.errors) error(e);
    if (discovery.errors.length) fatal = true;
    if (!discovery.files.length && !fatal) {
      // The warnings are the reason: say them once, as the reason.
      const code = nothingReviewed(discovery.warnings.length ? discovery.warnings.join('; ') : 'no file to review');
      if (code !== EXIT_OK) return code;
    } else {
      for (const w of discovery.warnings) warn(w);
      if (!discovery.files.length) return EXIT_ERROR;
    }
    inputs = discovery.files;
  }

  // ---- Configuration: the nearest config file of each input. An invalid one stops the run.
  const configs = new Map<Input, ResolvedConfig>();
  const broken = new Map<string, ConfigError>();
  for (const input of inputs) {
    try {
      configs.set(input, loader.forFile(input.abs));
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      const key = `${e.file}\u0000${e.message}`;
      if (!broken.has(key)) broken.set(key, e);
    }
  }
  if (broken.size) {
    for (const e of [...broken.values()].sort((a, b) => comparePaths(a.file, b.file))) configProblem(e);
    error('invalid configuration: fix the file named above (its schema is schema/clausewise.schema.json in the clausewise package); nothing was reviewed');
    return EXIT_ERROR;
  }
  const reviewed: Input[] = [];
  // Each file's decision, made once here and read again when its task is made (taskOf).
  const decisions = new Map<Input, ConfigDecision>();
  for (const input of inputs) {
    const config = configs.get(input)!;
    const decision = configDecision(config, input.abs, config.file ? rel(config.file) : '');
    decisions.set(input, decision);
    const { ignoredBy } = decision;
    if (ignoredBy) {
      if (input.explicit) warn(`${input.path}: not reviewed: ignored by "${ignoredBy}" in ${rel(config.file!)}`);
      continue;
    }
    reviewed.push(input);
  }
  if (!reviewed.length && inputs.length) {
    const code = nothingReviewed(`every file found is ignored by the \`ignore\` patterns of the configuration (${[...new Set(inputs.map((i) => rel(configs.get(i)!.file!)))].join(', ')})`);
    if (code !== EXIT_OK) return code;
  }

  // ---- This job's share of the files
  // Keyed by the canonical path (./shard.ts), so jobs that spell paths differently still partition.
  const root = opts.shard ? shardRoot(io.cwd) : '';
  const key = (f: Input): string => (f.text !== undefined ? f.path : shardKey(f.abs, root));
  const mine = opts.shard ? reviewed.filter((f) => inShard(key(f), opts.shard!.index, opts.shard!.count)) : reviewed;

  // ---- Worker threads, started now so that they load the bundle while the files are read
  const pool = startPool(io.workerScript ? threadCount(mine.length, opts.concurrency) : 1, io.workerScript ?? null);

  // ---- Read, and build the review tasks
  const tasks: ReviewTask[] = [];
  const taskInputs: Input[] = [];
  const skipped: SkippedFile[] = [];
  /** The file's task at `index`, with its bytes (decoded by the thread that reviews it: taskText) or its text. */
  /**
   * The settings of the files under one configuration, made once and shared by their tasks: a run's
   * tasks are cloned to each worker in one message, and a structured clone writes an object it has
   * written already as a reference, so the settings cross once instead of once per file.
   */
  const settingsOf = new Map<ResolvedConfig, ReviewSettings>();
  const jsonInThreads = opts.format === 'json' && opts.baseline === undefined && opts.writeBaseline === undefined;
  const taskOf = (file: Input, index: number, content: { bytes: Uint8Array } | { text: string }): ReviewTask => {
    const config = configs.get(file)!;
    const decision = decisions.get(file)!;
    let settings = settingsOf.get(config);
    if (!settings) {
      const profiles = profilesFor(config.settings.profiles);
      const severity = severityFor(config.settings.severity);
      settings = { ...config.settings, ...(profiles ? { profiles } : {}), ...(severity ? { severity } : {}) };
      settingsOf.set(config, settings);
    }
    const force = opts.force || decision.force;
    // --force needs no reason in the report: the user asked.
    const forceReason = opts.force ? undefined : decision.forceReason;
    return {
      index, ...content, path: file.path, cwd: io.cwd, settings, force, ...(forceReason ? { forceReason } : {}),
      // Fingerprints cost time on long files with many findings: only a baseline and SARIF use them.
      ...(opts.baseline !== undefined || opts.writeBaseline !== undefined || opts.format === 'sarif' ? { fingerprints: true } : {}),
      ...(opts.format === 'markdown' || file.source ? { keepModel: true } : {}),
      // Only the JUnit report lists the rules that ran.
      ...(opts.format === 'junit' ? { activeRules: true } : {}),
      // A JSON report without a baseline: the reviewing thread makes the file's part (ReviewTask.json).
      ...(jsonInThreads && !file.source ? { json: { quiet: opts.quiet } } : {}),
    };
  };
  /** A file read from disk: its bytes, or why it is skipped (a warning) or not read (an error that fails the run). */
  type Checked = { bytes: Uint8Array } | { skip: string } | { problem: string };
  const check = (read: ReadOutcome): Checked => {
    if (!read.ok && read.kind === 'too-large') return { skip: `file ${read.reason}` };
    if (!read.ok) return { problem: `cannot read file: it ${read.reason}` };
    if (isBinary(read.bytes)) return { skip: 'binary file (contains NUL bytes)' };
    return { bytes: read.bytes };
  };
  /** Says what became of a file that is not reviewed (false), or true for a file to review. */
  const reviewable = (file: Input, checked: Checked): checked is { bytes: Uint8Array } => {
    if ('skip' in checked) {
      warn(`${file.path}: skipped: ${checked.skip}`);
      skipped.push({ path: file.path, reason: checked.skip });
      return false;
    }
    if ('problem' in checked) {
      error(`${file.path}: ${checked.problem}`);
      fatal = true;
      return false;
    }
    return true;
  };
  /**
   * A pooled run of files on disk only (no Word, HTML or PDF file, no standard input) is posted to
   * its workers before its files are read (./pool.ts EarlyRun): tasks made from the files' stats.
   * Undefined when fewer than two files can be posted so (the run then goes as before).
   */
  const postEarly = (): { run: EarlyRun; placed: number[]; postedOf: number[]; stats: fs.Stats[] } | undefined => {
    if (!pool || mine.length < 2 || !mine.every((f) => f.text === undefined && !importFormatOf(f.abs))) return undefined;
    const sizes: number[] = [];
    const placed: number[] = [];
    const postedOf: number[] = mine.map(() => -1);
    // Each posted file's stat (the search's, for a file named on the command line), read with it.
    const stats: fs.Stats[] = [];
    for (const [fi, file] of mine.entries()) {
      // Only a regular file within the limit gets a place; the others are read as before, and fail the same way.
      let st = file.stat;
      if (!st) {
        try {
          st = fs.statSync(file.abs);
        } catch {
          continue;
        }
      }
      if (!st.isFile() || st.size > MAX_DOCUMENT_BYTES) continue;
      postedOf[fi] = placed.length;
      placed.push(fi);
      sizes.push(st.size);
      stats.push(st);
    }
    if (placed.length < 2) return undefined;
    const posted = placed.map((fi, i) => taskOf(mine[fi], i, { bytes: new Uint8Array(0) }));
    return { run: new EarlyRun(pool, posted, sizes), placed, postedOf, stats };
  };
  const early = postEarly();
  let reviewEarly: ((onOutcome: OutcomeListener) => Promise<ReviewShare>) | undefined;
  let cancelEarly = async (): Promise<void> => undefined;
  if (early) {
    const { run: posted, placed, postedOf, stats } = early;
    cancelEarly = () => posted.cancel();
    const checked: Checked[] = new Array(mine.length);
    try {
      // Longest first, as the threads claim them; a worker is told of each file as soon as it is read.
      for (const i of posted.order) {
        const place = posted.place(i);
        const read = check(readRegularFile(mine[placed[i]].abs, MAX_DOCUMENT_BYTES, (size) => (size === place.length ? place : Buffer.allocUnsafeSlow(size)), stats[i]));
        checked[placed[i]] = read;
        const inPlace = 'bytes' in read && read.bytes.buffer === place.buffer && read.bytes.byteOffset === place.byteOffset && read.bytes.byteLength === place.length - 1;
        posted.settle(i, inPlace ? TaskState.Ready : 'bytes' in read ? TaskState.Changed : TaskState.Skipped);
      }
    } finally {
      posted.settleRest();
    }
    for (const [fi, file] of mine.entries()) if (postedOf[fi] < 0) checked[fi] = check(readRegularFile(file.abs, MAX_DOCUMENT_BYTES, undefined, file.stat));
    // What the reading found is said in file order, as a run that reads in file order says it.
    const fromPosted: number[] = placed.map(() => -1);
    const own: number[] = [];
    for (const [fi, file] of mine.entries()) {
      const read = checked[fi];
      if (!reviewable(file, read)) continue;
      const i = postedOf[fi];
      if (i >= 0 && posted.state(i) === TaskState.Ready) {
        posted.tasks[i].index = tasks.length;
        fromPosted[i] = tasks.length;
        tasks.push(posted.tasks[i]);
      } else {
        // Read with another size than its stat (or without a place): this thread reviews it from its own bytes.
        own.push(tasks.length);
        tasks.push(taskOf(file, tasks.length, { bytes: read.bytes }));
      }
      taskInputs.push(file);
    }
    reviewEarly = (onOutcome) => posted.review(tasks, fromPosted, own, onOutcome);
  } else {
    // The files of a run with workers are read straight into memory the threads share (./pool.ts).
    const sharedFiles = pool ? new SharedFiles() : undefined;
    for (const file of mine) {
      let text = file.text;
      const format = text === undefined ? importFormatOf(file.abs) : undefined;
      if (format) {
        // Word, HTML, PDF: converted to Markdown first; a file that cannot be read fails the run.
        let converted;
        try {
          converted = await readConverted(file.abs, format);
        } catch (e) {
          converted = { reason: `cannot read file: ${(e as Error).message}` };
        }
        if ('reason' in converted) {
          error(`${file.path}: not reviewed: ${converted.reason}`);
          skipped.push({ path: file.path, reason: converted.reason });
          fatal = true;
          continue;
        }
        for (const w of converted.warnings) warn(`${file.path}: ${w}`);
        text = converted.text;
        file.source = converted.source;
      }
      let content: { bytes: Uint8Array } | { text: string };
      if (text === undefined) {
        // Regular files only, never over the limit (a FIFO or /dev/zero named on the command line included).
        const read = check(readRegularFile(file.abs, MAX_DOCUMENT_BYTES, sharedFiles?.allocate, file.stat));
        if (!reviewable(file, read)) continue;
        content = { bytes: read.bytes };
      } else {
        content = { text: withoutBom(text) };
      }
      tasks.push(taskOf(file, tasks.length, content));
      taskInputs.push(file);
    }
  }

  // ---- Baseline (read before the review, so that each file's report can be written as soon as it is ready)
  let baseline: Baseline | undefined;
  let baselineDir = io.cwd;
  if (opts.baseline !== undefined) {
    const abs = path.resolve(io.cwd, opts.baseline);
    baselineDir = path.dirname(abs);
    let text: string;
    try {
      text = fs.readFileSync(abs, 'utf8');
    } catch (e) {
      const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
      error(`${opts.baseline}: cannot read the baseline: ${missing ? 'no such file; create it with --write-baseline' : (e as Error).message}`);
      await cancelEarly();
      await endPool(pool);
      return EXIT_ERROR;
    }
    try {
      baseline = parseBaseline(text);
    } catch (e) {
      error(`${opts.baseline}: ${(e as Error).message}`);
      await cancelEarly();
      await endPool(pool);
      return EXIT_ERROR;
    }
  }
  const writeTo = opts.writeBaseline !== undefined ? path.resolve(io.cwd, opts.writeBaseline) : undefined;
  const baselineKey = (input: Input, dir: string): string => (input.text !== undefined && !opts.stdinFilename ? '<stdin>' : toSlash(path.relative(dir, input.abs)));

  // The text formats go to a terminal or a CI log file by file, in file order, as the review goes;
  // the whole-document formats (JSON, SARIF, JUnit, Markdown) and --output are written at the end.
  const toFile = opts.output !== undefined;
  const streamed = !toFile && (opts.format === 'stylish' || opts.format === 'github');
  const color = opts.format === 'stylish' && (opts.color ?? (!toFile && !!io.stdout.isTTY && !io.env.NO_COLOR));

  // ---- Per-file reports
  const files: FileReport[] = [];
  const written: Record<string, BaselineEntry[]> = {};
  const hidden = emptyCounts();
  // The summary's counts, added up file by file as the reviews come in rather than over every finding
  // after the last one (buildReport), when nothing else is left to do.
  const totals = emptyCounts();
  let worst = -1;
  let warningCount = 0;
  const keepResult = opts.format === 'markdown';
  const jsonParts: Uint8Array[] = [];
  /**
   * What a file's report is made of, made as soon as its review comes in, in whatever order the
   * threads finish: the report is written in file order, but files are reviewed longest first, so
   * a file early in the order can come in last and hold back the reports of all the files after it.
   * Made then, their JSON parts were formatted after the last review (with a thread idle); made now,
   * between reviews (./in-order.ts). Only what prints or adds up (reportInOrder) waits for the files
   * before it, so a made file holds that and no more: counts, not findings; for JSON, the part's
   * bytes and the summary's few fields, not the file's report (issue 13, cliout).
   */
  interface MadeFile {
    input: Input;
    problems: readonly string[];
    warnings: ReviewResult['warnings'];
    /** The file's report (a summary of it when its JSON part is made: see summaryOfFile). */
    file: FileReport;
    /** The findings left after the baseline, before --quiet, by severity: they decide the exit code. */
    counted: SeverityCounts;
    /** The findings --quiet left out, by severity. */
    hiddenHere: SeverityCounts;
    /** This file's entries for --write-baseline. */
    newBaseline?: BaselineEntry[];
    /** The JSON report's part for this file, as UTF-8. */
    jsonPart?: Uint8Array;
    /** The file's findings (as reported, after --quiet) by severity, for the summary. */
    counts: SeverityCounts;
  }
  const makeFile = (i: number, outcome: ReviewOutcome): MadeFile => {
    const input = taskInputs[i];
    const result = outcome.result;
    const problems = result.problems;
    const warnings = result.warnings ?? [];
    if (outcome.json) {
      // The reviewing thread made the part (ReviewTask.json, set by taskOf).
      const { part, counted, reported, suppressed } = outcome.json;
      return {
        input, problems, warnings, counted, hiddenHere: subtractCounts(counted, reported), counts: reported, jsonPart: part,
        file: summaryOfFile({ path: input.path, isContract: result.isContract, suppressed: new Array<SuppressedFinding>(suppressed), baselined: 0 }),
      };
    }
    let diagnostics: ReviewDiagnostic[] = result.isContract ? result.diagnostics : [];
    let prints = result.isContract ? outcome.fingerprints : [];
    const newBaseline = writeTo && diagnostics.length ? baselineEntries(diagnostics, prints) : undefined;
    let baselined = 0;
    if (baseline || writeTo) {
      // Findings written to a new baseline count as known in this run too.
      const known = writeTo ? diagnostics.map(() => true) : matchBaseline(baseline!.files[baselineKey(input, baselineDir)], diagnostics, prints);
      baselined = known.filter(Boolean).length;
      diagnostics = diagnostics.filter((_, j) => !known[j]);
      prints = prints.filter((_, j) => !known[j]);
    }
    const counted = countSeverities(diagnostics);
    let hiddenHere = emptyCounts();
    if (opts.quiet) {
      hiddenHere = countSeverities(diagnostics.filter((d) => d.severity !== 'error'));
      prints = prints.filter((_, j) => diagnostics[j].severity === 'error');
      diagnostics = diagnostics.filter((d) => d.severity === 'error');
    }
    const file: FileReport = {
      ...reviewedFileReport(input.path, result, { diagnostics, fingerprints: prints, baselined, activeRules: outcome.activeRules, warnings }),
      ...(keepResult ? { result: wholeResult(result) } : {}),
      ...(input.source ? { source: input.source.format, origins: diagnostics.map((d) => findingOrigin(d, wholeResult(result).model, input.source!)) } : {}),
    };
    const json = opts.format === 'json' ? Buffer.from(formatJsonFile(file), 'utf8') : undefined;
    return {
      input, problems, warnings, counted, hiddenHere, ...(newBaseline ? { newBaseline } : {}), counts: countSeverities(diagnostics),
      ...(json ? { jsonPart: json, file: summaryOfFile(file) } : { file }),
    };
  };
  /** What a file's report prints, and adds to the run's totals, in file order. */
  const reportInOrder = (made: MadeFile): void => {
    const { input, file } = made;
    for (const p of made.problems) error(`${input.path}: ${p}`);
    if (made.problems.length) fatal = true;
    for (const w of made.warnings) warn(`${input.path}:${w.range.start.line + 1}:${w.range.start.character + 1}: ${w.message}`);
    if (made.newBaseline) written[baselineKey(input, path.dirname(writeTo!))] = made.newBaseline;
    worst = Math.max(worst, worstRank(made.counted));
    warningCount += made.counted.warnings;
    addCounts(hidden, made.hiddenHere);
    addCounts(totals, made.counts);
    files.push(file);
    if (made.jsonPart) jsonParts.push(made.jsonPart);
    if (streamed) {
      const block = opts.format === 'stylish' ? formatStylishFile(file, { color, quiet: opts.quiet }) : formatGithubFile(file);
      if (block) io.stdout.write(block);
    }
  };
  // Outcomes arrive in any order (longest files first, several threads); each file's report is made
  // at once, and printed (for a streamed format, written) once every file before it is reviewed.
  const takeOutcome = inOrder(tasks.length, makeFile, reportInOrder);

  // ---- Review, in worker threads when there are many files
  const threads = early ? Math.max(1, Math.min(early.run.threads, tasks.length)) : poolThreads(pool, tasks.length);
  // CLAUSEWISE_DEBUG=threads: say how the work was split (for troubleshooting and the tests).
  const debugThreads = /\bthreads\b/.test(io.env.CLAUSEWISE_DEBUG ?? '');
  if (debugThreads) io.stderr.write(`${TOOL_NAME}: debug: ${tasks.length} files in ${threads} thread${threads === 1 ? '' : 's'}\n`);
  try {
    const share = await (reviewEarly ? reviewEarly(takeOutcome) : reviewShared(tasks, pool, takeOutcome));
    if (debugThreads) {
      io.stderr.write(`${TOOL_NAME}: debug: the main thread reviewed ${share.inMainThread} of ${tasks.length} files\n`);
      // Which thread reviewed each file: is the work shared out well, do the long files go to different threads?
      for (const [i, t] of share.reviewedBy.entries()) io.stderr.write(`${TOOL_NAME}: debug: ${printable(tasks[i].path)} reviewed in ${t === 0 ? 'the main thread' : `worker ${t}`}\n`);
    }
  } catch (e) {
    error('internal error while reviewing:', ...String((e as Error).stack ?? e).split('\n').map((l) => `  ${l.trim()}`));
    return EXIT_ERROR;
  }

  if (writeTo) {
    try {
      fs.mkdirSync(path.dirname(writeTo), { recursive: true });
      fs.writeFileSync(writeTo, formatBaseline(written));
    } catch (e) {
      error(`${opts.writeBaseline}: cannot write the baseline: ${(e as Error).message}`);
      return EXIT_ERROR;
    }
    const n = Object.values(written).reduce((s, l) => s + l.length, 0);
    io.stderr.write(`${TOOL_NAME}: wrote ${n} finding${n === 1 ? '' : 's'} in ${Object.keys(written).length} file${Object.keys(written).length === 1 ? '' : 's'} to ${printable(opts.writeBaseline!)}\n`);
  }

  // ---- Output
  const report = buildReport(TOOL_NAME, VERSION, files, skipped, hidden, { baselineUsed: !!(baseline || writeTo), failOn: opts.failOn, counts: totals });
  // JSON as UTF-8 pieces (see formatJsonBytes), every other format as text.
  const text: string | Uint8Array[] = streamed
    ? (opts.format === 'stylish' ? formatStylishEnd(report, { color, quiet: opts.quiet }) : '')
    : opts.format === 'stylish' ? formatStylish(report, { color, quiet: opts.quiet })
      : opts.format === 'json' ? formatJsonBytes(report, jsonParts) : FORMATTERS[opts.format](report);
  if (toFile) {
    try {
      const target = path.resolve(io.cwd, opts.output!);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, typeof text === 'string' ? text : Buffer.concat(text));
    } catch (e) {
      error(`${opts.output}: cannot write the report: ${(e as Error).message}`);
      return EXIT_ERROR;
    }
  } else if (typeof text !== 'string') {
    if (io.stdout.writeBytes) io.stdout.writeBytes(text);
    else io.stdout.write(Buffer.concat(text).toString('utf8'));
  } else if (text) {
    io.stdout.write(text);
  }

  if (fatal) return EXIT_ERROR;
  // Files were found but none could be read as text (binary, too large): a gate must not pass on nothing.
  // An empty shard is not a problem: small libraries leave some shards of a CI matrix empty.
  if (!files.length && mine.length) {
    const code = nothingReviewed(`${plural(skipped.length, 'file was', 'files were')} found and skipped (${[...new Set(skipped.map((s) => s.reason))].join('; ')})`);
    if (code !== EXIT_OK) return code;
  }
  let code = worst >= FAIL_RANK[opts.failOn] ? EXIT_FINDINGS : EXIT_OK;
  if (opts.maxWarnings !== undefined && warningCount > opts.maxWarnings) {
    error(`${warningCount} warning${warningCount === 1 ? '' : 's'} found; --max-warnings allows ${opts.maxWarnings}`);
    code = EXIT_FINDINGS;
  }
  return code;
}

/**
 * What the report keeps of a file whose JSON part is already made (bytes, format-json.ts): only
 * what buildReport's summary reads (contract or not, the suppressed and baselined counts: the
 * severities are counted as each file's report is made, `totals`); the part holds the rest. Keeping every file's findings, coverage and
 * fingerprints to the end of a run made the main thread's collections copy them through the young
 * generation and hold them in the old one (issue 13, clivm: over cuad-dev, four alternating pairs,
 * the process's CPU 6,510 -> 6,380 ms median, the main thread's 2,866 -> 2,810 ms). No findings are
 * kept: formatJsonBytes writes the parts, and its skeleton reads the summary.
 */
function summaryOfFile(file: Pick<FileReport, 'path' | 'isContract' | 'suppressed' | 'baselined'>): FileReport {
  return {
    path: file.path, isContract: file.isContract, profiles: [], coverage: {}, diagnostics: [], reason: '',
    suppressed: file.suppressed, fingerprints: [], baselined: file.baselined, activeRules: [], warnings: [],
  };
}

/** The highest severity rank (RANK) with a finding in `counts`, or -1 when there is none. */
function worstRank(counts: SeverityCounts): number {
  return counts.errors ? RANK.error : counts.warnings ? RANK.warning : counts.information ? RANK.information : counts.hints ? RANK.hint : -1;
}

/** `all` less `part`, severity by severity. */
function subtractCounts(all: SeverityCounts, part: SeverityCounts): SeverityCounts {
  return { errors: all.errors - part.errors, warnings: all.warnings - part.warnings, information: all.information - part.information, hints: all.hints - part.hints };
}

/** The whole review result, which the task was asked to keep (see ReviewTask.keepModel). */
function wholeResult(result: ReportedResult): ReviewResult {
  if (!result.model || !result.assessments || !result.fixSpecs) throw new Error('internal error: the review did not keep the model the report needs');
  return result as ReviewResult;
}
