/**
 * One file's review, as the CLI needs it: the engine's result plus what the reports need besides
 * (baseline fingerprints, the rules that ran). Runs in the main thread or in a worker thread (see
 * ./pool.ts); tasks and outcomes are plain data, so they cross threads by structured clone.
 */
import * as path from 'node:path';
import { fingerprints, gitRoot, notAnalysedReview, readBundleText, reviewDocument, type ReviewResult, type ReviewSettings } from '../engine';
import { formatJsonFile } from './format-json';
import { countSeverities, reviewedFileReport, type SeverityCounts } from './report';

export interface ReviewTask {
  /** Position in the run, to put outcomes back in order. */
  index: number;
  /** The text, for a task that has it already (standard input, converted documents). */
  text?: string;
  /**
   * Else the file's bytes, decoded by the thread that reviews it (taskText): decoding in the main
   * thread, then copying the text to a worker, cost the main thread about a tenth of a second over
   * cuad-dev. In a parallel run they are views of one buffer shared by every thread (./pool.ts).
   */
  bytes?: Uint8Array;
  /** Display path ('/'-separated, as given or found). */
  path: string;
  /** The working directory the display path is relative to (for a contract's bundle files). */
  cwd: string;
  settings: ReviewSettings;
  force: boolean;
  forceReason?: string;
  /** Compute baseline fingerprints (only a baseline or SARIF output needs them). */
  fingerprints?: boolean;
  /**
   * List the rules that ran (only the JUnit report reads them): each list is 71 severity look-ups in
   * the reviewing thread and, from a worker, about 70 strings cloned back per file.
   */
  activeRules?: boolean;
  /**
   * Keep the whole result: the model, assessments and fix specs (the markdown report and findings
   * mapped back to a converted document read them). Otherwise they are dropped, because a worker
   * thread would copy them back by structured clone, a cost as large as a fifth of the review.
   */
  keepModel?: boolean;
  /**
   * Make the file's part of the JSON report in the thread that reviews it, and send the part instead
   * of the findings (see JsonOutcome); set for a JSON report without a baseline, of files that were
   * not converted. `quiet`: the part holds errors only (--quiet).
   */
  json?: { quiet: boolean };
}

/**
 * A file's part of the JSON report, made where it was reviewed (ReviewTask.json), with what the run
 * adds up: a worker's outcome then crosses to the main thread as these bytes, not as every finding's
 * objects, cloned in the worker and made again in the main thread (about 50 ms of CPU over cuad-dev's
 * 35,000 findings, both sides counted), and the main thread no longer formats the worker's files.
 */
export interface JsonOutcome {
  /** formatJsonFile of the file's report, as UTF-8. */
  part: Uint8Array;
  /** The file's findings by severity, before --quiet (they decide the exit code). */
  counted: SeverityCounts;
  /** Those the part holds (after --quiet), for the summary. */
  reported: SeverityCounts;
  /** Findings accepted by suppression comments (the summary counts them). */
  suppressed: number;
}

/** What the reports read of a review when the task does not keep the whole result. */
export type ReportedResult = Omit<ReviewResult, 'model' | 'assessments' | 'fixSpecs'> & Partial<Pick<ReviewResult, 'model' | 'assessments' | 'fixSpecs'>>;

export interface ReviewOutcome {
  index: number;
  /** The whole result when the task asked to keep it, else without model, assessments and fix specs. */
  result: ReportedResult;
  /** Baseline fingerprints, index-aligned with result.diagnostics; empty unless the task asked. */
  fingerprints: string[];
  /** Rules that ran (their categories are active and they are not off), in rule order; empty unless the task asked. */
  activeRules: string[];
  /** Set when the task asked for its JSON part (ReviewTask.json): `result` then holds no findings, coverage or profiles. */
  json?: JsonOutcome;
}

/** The task's text: as given, or its bytes read as UTF-8 without a byte-order mark. */
export function taskText(task: ReviewTask): string {
  if (task.text !== undefined) return task.text;
  const bytes = task.bytes!;
  // Editors drop a UTF-8 byte-order mark; so do we, so positions match the language server's.
  return withoutBom(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
}

/** The text without a leading UTF-8 byte-order mark. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Schedules are read from the contract's repository (else the working folder) only. */
function readBundleFile(cwd: string, p: string): string | undefined {
  const abs = path.resolve(cwd, p);
  return readBundleText(abs, gitRoot(path.dirname(abs)) ?? cwd);
}

/**
 * Never throws: a file whose review fails gets a `not-analysed` result, so one bad file never costs
 * the others their report, on the main thread or in a worker alike.
 */
export function runReviewTask(task: ReviewTask): ReviewOutcome {
  const text = taskText(task);
  let outcome: ReviewOutcome;
  try {
    outcome = reviewTask(task, text);
  } catch {
    const result = notAnalysedReview({ text, path: task.path, settings: task.settings, force: true }, 'an internal error stopped the review of this document');
    outcome = { index: task.index, result: reported(task, result), fingerprints: task.fingerprints ? fingerprints(result.model, result.diagnostics) : [], activeRules: [] };
  }
  return task.json ? withJsonPart(outcome, task.path, task.json.quiet) : outcome;
}

const utf8 = new TextEncoder();

/**
 * The outcome with its JSON part made (ReviewTask.json): the same report for the file as the main
 * thread makes (run.ts makeFile, without a baseline), and a result that keeps only what the run
 * prints or decides on besides (contract or not, problems, warnings).
 */
function withJsonPart(outcome: ReviewOutcome, path: string, quiet: boolean): ReviewOutcome {
  const r = outcome.result;
  const all = r.isContract ? r.diagnostics : [];
  const shown = quiet ? all.filter((d) => d.severity === 'error') : all;
  const file = reviewedFileReport(path, r, { diagnostics: shown, fingerprints: [], baselined: 0, activeRules: [], warnings: [] });
  // TextEncoder's bytes have a buffer of their own (Buffer.from's small ones share a pool, which a clone would copy whole).
  const part = utf8.encode(formatJsonFile(file));
  const result = { isContract: r.isContract, reason: r.reason, profiles: [], coverage: {}, diagnostics: [], problems: r.problems, suppressed: [], warnings: r.warnings } as unknown as ReportedResult;
  return { index: outcome.index, result, fingerprints: [], activeRules: [], json: { part, counted: countSeverities(all), reported: countSeverities(shown), suppressed: file.suppressed.length } };
}

function reviewTask(task: ReviewTask, text: string): ReviewOutcome {
  const review = reviewDocument({
    text, path: task.path, settings: task.settings, force: task.force,
    ...(task.forceReason ? { forceReason: task.forceReason } : {}),
    bundlePath: task.path, readBundle: (p) => readBundleFile(task.cwd, p),
  });
  const result = review.result;
  return { index: task.index, result: reported(task, result), fingerprints: task.fingerprints ? fingerprints(result.model, result.diagnostics) : [], activeRules: task.activeRules ? review.activeRules : [] };
}

function reported(task: ReviewTask, result: ReviewResult): ReportedResult {
  if (task.keepModel) return result;
  const { model: _model, assessments: _assessments, fixSpecs: _fixSpecs, ...rest } = result;
  return rest;
}
