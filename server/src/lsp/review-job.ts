/**
 * One review of one document version, as the language server asks for it: the same function runs in
 * the server's own thread (small documents) and in the review worker (./review-worker.ts, large
 * ones), so both give the same result. Everything a job needs travels in it as plain data, except
 * the document's incremental state (kept where the job runs) and the reader of bundle members (open
 * documents live in the server's thread; the worker asks for them through ./review-thread.ts).
 */
import type { Diagnostic } from 'vscode-languageserver/node';
import { pathToFileURL } from 'node:url';
import { currentStep, reviewDocumentSteps, runSteps, type IncrementalReview, type ReviewResult, type ReviewSettings } from '../engine';
import type { ContractModel, TextFormat } from '../model';
import type { KnownEdit } from '../model/incremental';
import { diagnosticsOf } from './convert';
import type { DiagnosticsJsonCache, DiagnosticsJsonText } from './diagnostics-json';
import type { DiagnosticShape } from './diagnostic-shape';
import type { JsonText } from './raw-json';
import type { StatusParams, Verdict } from './protocol';
import { workspaceRelativePath } from './settings';
import { trace } from './trace';

export interface ReviewJob {
  uri: string;
  version: number;
  text: string;
  /**
   * How `text` was made from the previous job's, when the job came as an edit of it (the review
   * worker, ./job-text.ts): the model takes its range rather than comparing the two texts again.
   */
  edit?: KnownEdit;
  format: TextFormat;
  settings: ReviewSettings;
  force: boolean;
  forceReason?: string;
  /** Set when a configuration file says the document is ignored: the result's reason. */
  ignoredReason?: string;
  /** Path relative to its workspace folder, for `include` globs and reports. */
  path?: string;
  /** The contract's file (file: URIs only), to read the schedules it names. */
  bundlePath?: string;
  /** Workspace folder URIs, to show bundle members by their relative paths. */
  workspaceFolders: string[];
  /** The findings compact, for a client that asked (./diagnostic-shape.ts); whole when absent. */
  diagnosticShape?: DiagnosticShape;
  /** The client takes diagnostic changes (./protocol.ts), of this version (2: with line shifts): the review worker sends only the change when it can. */
  diagnosticChanges?: number;
}

/** Diagnostics already turned into JSON (an array) where the review ran, written out as they are (./raw-json.ts). */
export interface DiagnosticsJson {
  /**
   * As text, as UTF-8 bytes (the worker's, in a buffer transferred to the server's thread), or
   * written from the JSON kept for each finding (./diagnostics-json.ts, reviews in the server's thread).
   * null when the review worker sent only `change`: the whole list is asked of it if it is needed.
   */
  json: JsonText | null;
  /** Diagnostics made in the server's thread, published before those (a broken configuration file's). */
  first?: Diagnostic[];
  /** For a client taking diagnostic changes: which render of the document's findings' JSON this is (./diagnostics-json.ts). */
  render?: number;
  /** How the list differs from render `base`'s (./diagnostics-json.ts DiagnosticsJsonChange), without `first`. */
  change?: DiagnosticsChange;
}

/** Splices from an earlier render's list: `[{ start, deleteCount, diagnostics }, …]` as JSON, starts not counting `first`. */
export interface DiagnosticsChange {
  base: number;
  json: JsonText;
}

/** What is published as soon as a review completes, before the rest of its result (see ./review-thread.ts). */
export interface JobFindings {
  diagnostics: Diagnostic[] | DiagnosticsJson;
  status: StatusParams;
}

export interface JobOutcome extends JobFindings {
  result: ReviewResult;
  /** How long the review took where it ran (ms), waiting excluded. */
  costMs: number;
}

/** A review made in the worker: its result stays there (./kept-reviews.ts); this thread gets its diagnostics and line starts. */
export interface WorkerOutcome extends JobFindings {
  /** The model's line starts, to map positions between the reviewed text and the current one (./drift.ts). */
  lineStarts: number[];
  costMs: number;
}

/** Reviews a job; `readBundle` reads a member of the contract's bundle (undefined: not to be read). */
export function runReviewJob(job: ReviewJob, incremental: IncrementalReview, readBundle: (absPath: string) => string | undefined): JobOutcome & { diagnostics: Diagnostic[] } {
  return runSteps(runReviewJobSteps(job, incremental, readBundle)) as JobOutcome & { diagnostics: Diagnostic[] };
}

/**
 * runReviewJob in steps: the model's (only the edited sections parsed again; IncrementalReview
 * modelSteps), then the review's (engine reviewDocumentSteps), then the diagnostics. The caller may answer requests between two
 * steps (./schedule.ts runInSlices, ./review-worker.ts). `costMs` counts the steps only, not the
 * time spent between them. With `json`, the document's findings' JSON kept from its last review, the
 * diagnostics come as JSON made again only where findings changed (./diagnostics-json.ts); without,
 * as objects.
 */
export function* runReviewJobSteps(
  job: ReviewJob, incremental: IncrementalReview, readBundle: (absPath: string) => string | undefined, json?: DiagnosticsJsonCache,
): Generator<void, JobOutcome> {
  let costMs = 0;
  let started = performance.now();
  const pause = (): void => { costMs += performance.now() - started; };
  const resume = (): void => { started = performance.now(); };
  // The model in steps too (the re-read chunks, new blocks, moved blocks, the document-level model).
  currentStep.name = 'model';
  const building = incremental.modelSteps(job.text, job.version, job.format, job.edit);
  let built = building.next();
  try {
    while (!built.done) {
      pause();
      yield;
      resume();
      built = building.next();
    }
  } finally {
    // Stopped between two steps (the caller dropped the review): the build is dropped too.
    if (!built.done) building.return(undefined as unknown as ContractModel);
  }
  const model = built.value;
  trace(`model v${job.version}`);
  pause();
  yield;
  resume();
  const steps = reviewDocumentSteps({
    text: job.text, version: job.version, model, incremental, settings: job.settings, force: job.force,
    ...(job.forceReason ? { forceReason: job.forceReason } : {}),
    ...(job.path !== undefined ? { path: job.path } : {}),
    ...(job.bundlePath ? {
      bundlePath: job.bundlePath, readBundle,
      bundleDisplayPath: (p: string) => workspaceRelativePath(pathToFileURL(p).href, job.workspaceFolders) ?? p,
    } : {}),
  });
  let step = steps.next();
  while (!step.done) {
    pause();
    yield;
    resume();
    step = steps.next();
  }
  const { result } = step.value;
  trace(`rules v${job.version}`);
  if (job.ignoredReason) result.reason = job.ignoredReason;
  const diagnostics: JobFindings['diagnostics'] = json ? jsonOf(json.render(result)) : diagnosticsOf(result, job.diagnosticShape);
  const status = statusOf(job.uri, result);
  trace(`diagnostics made v${job.version}`);
  pause();
  return { result, diagnostics, status, costMs };
}

/** A render as published: with its number and change when its cache makes changes. */
export function jsonOf(text: DiagnosticsJsonText): DiagnosticsJson {
  if (!text.render) return { json: text };
  const c = text.change;
  return { json: text, render: text.render, ...(c ? { change: { base: c.base, json: c.json } } : {}) };
}

/** The clausewise/status notification of a review. */
export function statusOf(uri: string, result: ReviewResult): StatusParams {
  const verdicts = Object.values(result.coverage) as Verdict[];
  return {
    uri,
    isContract: result.isContract,
    reason: result.reason,
    profiles: result.profiles,
    covered: verdicts.filter((v) => v === 'present').length,
    weak: verdicts.filter((v) => v === 'weak').length,
    missing: verdicts.filter((v) => v === 'missing').length,
    total: verdicts.length,
  };
}
