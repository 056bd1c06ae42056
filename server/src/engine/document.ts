/**
 * The document service: the one path from a file and its configuration to a review, used by the CLI
 * (cli/run.ts, cli/review-task.ts) and the language server (lsp/config.ts, lsp/server.ts) alike, so
 * that the two cannot disagree on a file (test/cli/parity.test.ts keeps proving it):
 * - what a configuration file decides for a document: ignored, or reviewed as a contract whatever it
 *   reads like, and the reason given for either;
 * - whether a document's text is reviewed at all (size limit, binary content);
 * - the review itself with the contract's bundle (schedules named in front matter or linked), and the
 *   rules that ran.
 */
import { buildContractModel, formatOfPath, type ContractModel } from '../model';
import type { IncrementalReview } from './incremental';
import { DRAFTING } from '../categories/types';
import { RULES } from '../rules';
import { PROFILES } from '../profiles';
import { loadBundle } from './bundle';
import { matchGlobs, type ResolvedConfig } from './config';
import { MAX_DOCUMENT_BYTES } from './regular-file';
import { effectiveSeverity, reviewSteps, runSteps } from './review';
import type { ReviewResult, ReviewSettings } from './types';

/** What a configuration file decides for one document, besides its settings. */
export interface ConfigDecision {
  /** The ignore pattern the document matches, if any (the caller decides whether a user's force beats it). */
  ignoredBy?: string;
  /** Reviewed as a contract whatever it reads like (include pattern or `force: true`), and why. */
  force: boolean;
  forceReason?: string;
}

/**
 * The configuration's decision for the file at `absPath`. `configName` is how reasons name the
 * configuration file (the CLI: relative to the working folder; the editor: its file name).
 */
export function configDecision(config: ResolvedConfig, absPath: string, configName: string): ConfigDecision {
  const ignored = matchGlobs(config.ignore, absPath);
  const includedBy = matchGlobs(config.include, absPath);
  const decision: ConfigDecision = { force: !!includedBy || !!config.force, ...(ignored ? { ignoredBy: ignored.pattern } : {}) };
  if (includedBy) decision.forceReason = `the path matches include pattern "${includedBy.pattern}" in ${configName}`;
  else if (config.force) decision.forceReason = `${configName} sets force: true`;
  return decision;
}

/** Whether a document's content is binary: any NUL byte (or character) makes it so. */
export function isBinary(content: Uint8Array | string): boolean {
  return typeof content === 'string' ? content.includes('\0') : content.includes(0);
}

/** Why an open document's text is not reviewed (over MAX_DOCUMENT_BYTES, binary), or null when it is reviewed. */
export function skipReason(text: string): { message: string; reason: string } | null {
  // UTF-8 takes at least one byte a character: a text of at most half the limit cannot be over it.
  if (text.length > MAX_DOCUMENT_BYTES / 2) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > MAX_DOCUMENT_BYTES) {
      const size = `it is larger than 2 MB (${(bytes / 1024 / 1024).toFixed(1)} MB).`;
      return { message: `Clausewise skipped this file: ${size}`, reason: `skipped: ${size}` };
    }
  }
  if (isBinary(text)) {
    const why = 'it contains NUL bytes (a binary file, not a text contract).';
    return { message: `Clausewise skipped this file: ${why}`, reason: `skipped: ${why}` };
  }
  return null;
}

export interface DocumentReviewInput {
  text: string;
  /** The document's path as reports show it; also decides Markdown or plain text. */
  path?: string;
  version?: number;
  settings: ReviewSettings;
  force: boolean;
  forceReason?: string;
  /** The document's model when the caller has built it already (the language server shares it). */
  model?: ContractModel;
  /** Bundle files are resolved against this path ('/'-separated); none are read without it. */
  bundlePath?: string;
  /** A bundle member's text, by the path resolved against `bundlePath`; undefined when it cannot be read. */
  readBundle?: (path: string) => string | undefined;
  /** How reports name a bundle member (default: its resolved path). */
  bundleDisplayPath?: (path: string) => string;
  /** The open document's incremental review (the language server): same result, memoised per-block facts. */
  incremental?: IncrementalReview;
}

export interface DocumentReview {
  result: ReviewResult;
  /** Rules that ran (their categories are active and they are not off), in rule order. */
  activeRules: string[];
}

/** Reviews one document with its bundle; the rules that ran come with the result. */
export function reviewDocument(input: DocumentReviewInput): DocumentReview {
  return runSteps(reviewDocumentSteps(input, true));
}

/**
 * reviewDocument in steps (see reviewSteps in ./review.ts): a step for the bundle, then the review's.
 * `whole`: run to the end without stopping (reviewDocument), so the rules take no step each.
 */
export function* reviewDocumentSteps(input: DocumentReviewInput, whole = false): Generator<void, DocumentReview> {
  const model = input.model ?? buildContractModel(input.text, input.version ?? 0, formatOfPath(input.path ?? ''));
  // Schedules and annexes the contract names as its parts count toward its coverage.
  const bundle = input.bundlePath !== undefined && input.readBundle ? loadBundle(model, input.bundlePath, input.readBundle) : { members: [], problems: [] };
  const members = bundle.members.map((m) => ({ path: input.bundleDisplayPath ? input.bundleDisplayPath(m.path) : m.path, text: m.text }));
  const reviewInput = {
    text: input.text, settings: input.settings, force: input.force,
    ...(input.path !== undefined ? { path: input.path } : {}),
    ...(input.version !== undefined ? { version: input.version } : {}),
    ...(input.forceReason ? { forceReason: input.forceReason } : {}),
    ...(members.length ? { bundle: members } : {}),
  };
  if (members.length) yield;
  const result = yield* (input.incremental ? input.incremental.reviewSteps(reviewInput, undefined, model) : reviewSteps(reviewInput, model, whole));
  if (result.isContract && bundle.problems.length) result.problems.push(...bundle.problems);
  return withActiveRules(result, input.settings);
}

/**
 * The review with its active rules, worked out when first read: only the CLI's reports read them,
 * and the language server's keystroke should not pay for 71 severity look-ups (issue 13, rulesengine).
 */
function withActiveRules(result: ReviewResult, settings: ReviewSettings): DocumentReview {
  let rules: string[] | undefined;
  return {
    result,
    get activeRules() {
      return (rules ??= rulesThatRan(result, settings));
    },
  };
}

/** How many lists of the rules that ran were worked out (for tests). */
export const activeRuleStats = { lists: 0 };

/** The rules a review ran: those of its active categories and drafting, not switched off. */
function rulesThatRan(result: ReviewResult, settings: ReviewSettings): string[] {
  activeRuleStats.lists++;
  if (!result.isContract) return [];
  const profiles = result.profiles.map((id) => PROFILES[id]).filter(Boolean);
  const active = new Set<string>(Object.keys(result.coverage));
  return RULES.filter((r) => (r.meta.category === DRAFTING || active.has(r.meta.category))
    // Opt-in rules run only when the settings name them (as in review()).
    && (r.meta.enabledByDefault !== false || !!settings.severity?.[r.meta.id])
    && effectiveSeverity(r.meta.id, r.meta.category, r.meta.defaultSeverity, profiles, settings) !== 'off').map((r) => r.meta.id);
}
