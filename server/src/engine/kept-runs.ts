/**
 * A grouped rule's findings as the previous review reported them, so that the next review of a
 * spliced model copies the stretches an edit left alone instead of visiting every group and finding
 * again (issue 13, rulesengine). A rule that keeps its findings per block (rules/block-findings.ts)
 * hands the engine the same group arrays for the blocks an edit kept or moved; the engine made each
 * group's findings into entries of the review's FoundFindings (start, end, diagnostic, fixes, block
 * start). Before the edit those entries are the same; after it, when the edit added or removed no
 * line, they are the same but for the offsets, which move by the text's change in length. Only the
 * groups in between (the edited blocks, and anything the rule reported differently) are made again.
 * Before, each of some 3,900 findings on the 1 MB contract was read from its finding object and its
 * group's diagnostics looked up on every keystroke.
 */
import type { ContractModel } from '../model';
import { spliceTraceOf, type SpliceTrace } from '../model/trace';
import type { BlockFindingGroups } from '../rules/types';
import type { FoundFindings } from './found';

/** One rule's run of findings in one review, as made from its groups. */
export interface KeptRun {
  grouped: BlockFindingGroups;
  /** The diagnostics' rule-level inputs (block-diagnostics.ts DiagnosticMaker.key). */
  key: string;
  found: FoundFindings;
  /** first[g]: the index in `found` of group g's first entry; first[groups] ends the run. */
  first: Int32Array;
}

/** Each reviewed model's runs by rule id (dropped with the model). */
const runs = new WeakMap<ContractModel, Map<string, KeptRun>>();

/** Counts for tests: groups whose entries were copied from the previous review, and made. */
export const runStats = { copied: 0, made: 0 };

export function keepRun(model: ContractModel, ruleId: string, run: KeptRun): void {
  let byRule = runs.get(model);
  if (!byRule) runs.set(model, (byRule = new Map()));
  byRule.set(ruleId, run);
}

/** Hands a model's runs to a copy of it with the same blocks and text (a new version, a released model). */
export function carryKeptRuns(from: ContractModel, to: ContractModel): void {
  const byRule = runs.get(from);
  if (byRule && from.blocks === to.blocks && from.text === to.text) runs.set(to, byRule);
}

/** How many findings the review of the model this one was spliced from found (0 when unknown): a size to start with. */
export function previousFindingCount(model: ContractModel): number {
  const trace = spliceTraceOf(model);
  const byRule = trace && runs.get(trace.previous);
  if (!byRule) return 0;
  for (const run of byRule.values()) return run.found.size;
  return 0;
}

/** What the previous review of the model this one was spliced from left for a rule, with the splice. */
export interface PreviousRun {
  run: KeptRun;
  trace: SpliceTrace;
  /** How far offsets after the edit moved. */
  shift: number;
  /** Whether lines after the edit kept their numbers (no line break added or removed). */
  sameLines: boolean;
}

export function previousRun(model: ContractModel, ruleId: string, key: string): PreviousRun | undefined {
  const trace = spliceTraceOf(model);
  if (!trace) return undefined;
  const run = runs.get(trace.previous)?.get(ruleId);
  if (!run || run.key !== key) return undefined;
  const previous = trace.previous;
  return { run, trace, shift: model.text.length - previous.text.length, sameLines: model.lineStarts.length === previous.lineStarts.length };
}
