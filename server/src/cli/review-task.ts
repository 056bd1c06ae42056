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
  text: string;
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
  /** Rules that ran (their categories are active and they are not off), in rule order. */
  activeRules: string[];
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
  try {
    return reviewTask(task);
  } catch {
    const result = notAnalysedReview({ text: task.text, path: task.path, settings: task.settings, force: true }, 'an internal error stopped the review of this document');
    return { index: task.index, result: reported(task, result), fingerprints: task.fingerprints ? fingerprints(result.model, result.diagnostics) : [], activeRules: [] };
  }
}

function reviewTask(task: ReviewTask): ReviewOutcome {
  const { result, activeRules } = reviewDocument({
    text: task.text, path: task.path, settings: task.settings, force: task.force,
    ...(task.forceReason ? { forceReason: task.forceReason } : {}),
    bundlePath: task.path, readBundle: (p) => readBundleFile(task.cwd, p),
  });
  return { index: task.index, result: reported(task, result), fingerprints: task.fingerprints ? fingerprints(result.model, result.diagnostics) : [], activeRules };
}

function reported(task: ReviewTask, result: ReviewResult): ReportedResult {
  if (task.keepModel) return result;
  const { model: _model, assessments: _assessments, fixSpecs: _fixSpecs, ...rest } = result;
  return rest;
}
