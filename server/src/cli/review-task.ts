/**
 * One file's review, as the CLI needs it: the engine's result plus what the reports need besides
 * (baseline fingerprints, the rules that ran). Runs in the main thread or in a worker thread (see
 * ./pool.ts); tasks and outcomes are plain data, so they cross threads by structured clone.
 */
import * as path from 'node:path';
import { fingerprints, gitRoot, notAnalysedReview, readBundleText, reviewDocument, type ReviewResult, type ReviewSettings } from '../engine';

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
  try {
    return reviewTask(task, text);
  } catch {
    const result = notAnalysedReview({ text, path: task.path, settings: task.settings, force: true }, 'an internal error stopped the review of this document');
    return { index: task.index, result: reported(task, result), fingerprints: task.fingerprints ? fingerprints(result.model, result.diagnostics) : [], activeRules: [] };
  }
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
