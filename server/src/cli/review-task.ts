/**
 * One file's review, as the CLI needs it: the engine's result plus what the reports need besides
 * (baseline fingerprints, the rules that ran). Runs in the main thread or in a worker thread (see
 * ./pool.ts); tasks and outcomes are plain data, so they cross threads by structured clone.
 */
import * as path from 'node:path';
import { buildContractModel, formatOfPath } from '../model';
import {
  DRAFTING, effectiveSeverity, fingerprints, gitRoot, loadBundle, notAnalysedReview, PROFILES, readBundleText, review, RULES,
  type ReviewResult, type ReviewSettings,
} from '../engine';

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
}

export interface ReviewOutcome {
  index: number;
  result: ReviewResult;
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
    return { index: task.index, result, fingerprints: task.fingerprints ? fingerprints(result.model, result.diagnostics) : [], activeRules: [] };
  }
}

function reviewTask(task: ReviewTask): ReviewOutcome {
  const model = buildContractModel(task.text, 0, formatOfPath(task.path));
  // Schedules and annexes the contract names as its parts count toward its coverage.
  const bundle = loadBundle(model, task.path, (p) => readBundleFile(task.cwd, p));
  const result = review({
    text: task.text, path: task.path, settings: task.settings, force: task.force,
    ...(task.forceReason ? { forceReason: task.forceReason } : {}),
    ...(bundle.members.length ? { bundle: bundle.members } : {}),
  }, model);
  if (result.isContract && bundle.problems.length) result.problems.push(...bundle.problems);
  const profiles = result.profiles.map((id) => PROFILES[id]).filter(Boolean);
  const active = new Set<string>(Object.keys(result.coverage));
  const activeRules = result.isContract
    ? RULES.filter((r) => (r.meta.category === DRAFTING || active.has(r.meta.category))
      // Opt-in rules run only when the settings name them (as in review()).
      && (r.meta.enabledByDefault !== false || !!task.settings.severity?.[r.meta.id])
      && effectiveSeverity(r.meta.id, r.meta.category, r.meta.defaultSeverity, profiles, task.settings) !== 'off').map((r) => r.meta.id)
    : [];
  return { index: task.index, result, fingerprints: task.fingerprints ? fingerprints(result.model, result.diagnostics) : [], activeRules };
}
